// SPDX-License-Identifier: GPL-2.0-only
// The engine's scheduling, time, blocking and finding machinery, judged on
// toy programs.
#include "lifeline/sim/engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lifeline/sim/completion.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::sim {
namespace {

using testing::all_findings;
using testing::count_findings;
using testing::first_finding;

TEST(Engine, FifoRunsCurrentTaskUntilItBlocksThenOldestRunnable) {
  Engine e;
  e.reset();
  std::string order;
  e.spawn("a", [&] {
    order += "a1 ";
    yield();  // fifo: no switch at a scheduling point
    order += "a2 ";
    msleep(1);  // blocks: b runs
    order += "a3 ";
  });
  e.spawn("b", [&] {
    order += "b1 ";
    msleep(2);
    order += "b2 ";
  });
  EXPECT_EQ(e.run(), StopReason::kIdle);
  EXPECT_EQ(order, "a1 a2 b1 a3 b2 ");
  EXPECT_EQ(e.now(), 2 * kMsec);
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Engine, ClockJumpsOnlyWhenNothingCanRun) {
  Engine e;
  e.reset();
  std::vector<Time> seen;
  e.spawn("sleeper", [&] {
    seen.push_back(now());
    msleep(1000);
    seen.push_back(now());
    sleep_for(250 * kMsec);
    seen.push_back(now());
  });
  e.run();
  EXPECT_EQ(seen, (std::vector<Time>{0, secs(1), 1250 * kMsec}));
}

TEST(Engine, EssentialTaskEndsTheExecution) {
  Engine e;
  e.reset();
  int polls = 0;
  e.spawn("poller", [&] {
    for (;;) {
      ++polls;
      msleep(100);
    }
  });
  e.spawn(
      "main", [&] { msleep(1000); }, /*essential=*/true);
  EXPECT_EQ(e.run(), StopReason::kEssentialDone);
  EXPECT_EQ(e.now(), secs(1));
  EXPECT_EQ(polls, 10);
  // The poller is still asleep; the next reset unwinds it without leaking.
  e.reset();
  EXPECT_TRUE(e.tasks().empty());
}

TEST(Engine, RunStopsAtTimeLimit) {
  Engine e;
  e.reset();
  int ticks = 0;
  e.spawn("ticker", [&] {
    for (;;) {
      msleep(100);
      ++ticks;
    }
  });
  EXPECT_EQ(e.run(secs(1) + 50 * kMsec), StopReason::kTimeLimit);
  EXPECT_EQ(ticks, 10);
}

TEST(Engine, SpawnAtStartsTaskAtVirtualTime) {
  Engine e;
  e.reset();
  Time started = -1;
  e.spawn_at(
      secs(5), "modprobe", [&] { started = now(); }, true);
  EXPECT_EQ(e.run(), StopReason::kEssentialDone);
  EXPECT_EQ(started, secs(5));
}

TEST(Engine, OopsKillsTaskAndItsLocksStayHeld) {
  Engine e;
  e.reset();
  Mutex m("test_lock");
  bool after_oops = false;
  bool waiter_got_lock = false;
  e.spawn("victim", [&] {
    mutex_lock(&m);
    Ptr<Mutex> nothing;
    nothing->owner = nullptr;  // NULL dereference: oops
    after_oops = true;
  });
  e.spawn("waiter", [&] {
    mutex_lock(&m);
    waiter_got_lock = true;
  });
  e.run();
  EXPECT_FALSE(after_oops);
  EXPECT_FALSE(waiter_got_lock);
  const Finding* oops = first_finding(e, FindingKind::kOops);
  ASSERT_NE(oops, nullptr) << all_findings(e);
  EXPECT_EQ(oops->task, "victim");
  EXPECT_NE(oops->message.find("NULL pointer dereference"), std::string::npos);
  const Finding* dl = first_finding(e, FindingKind::kDeadlock);
  ASSERT_NE(dl, nullptr) << all_findings(e);
  EXPECT_NE(
      dl->message.find("waiter waits forever for test_lock held by victim (dead after an oops)"),
      std::string::npos)
      << dl->message;
  // An oops is not also reported as "lock held at exit".
  EXPECT_EQ(count_findings(e, FindingKind::kLockdep), 0) << all_findings(e);
}

TEST(Engine, HungTaskAfterConfigurableVirtualTime) {
  Engine e;
  EngineOptions o;
  o.hung_task_timeout = 30 * kSec;
  e.reset(o);
  Completion never("never");
  e.spawn("waiter", [&] { wait_for_completion(&never); });
  e.spawn(
      "clock", [&] { msleep(60 * 1000); }, true);
  e.run();
  const Finding* hung = first_finding(e, FindingKind::kHungTask);
  ASSERT_NE(hung, nullptr) << all_findings(e);
  EXPECT_EQ(hung->message, "INFO: task waiter blocked for more than 30 seconds");
  EXPECT_EQ(hung->time, 30 * kSec);
}

// A long run spawns a short-lived worker every second (the PHY poll); the
// hung-task check looks at the tasks still alive only, and still finds the
// ones that hang, in spawn order, among thousands that came and went.
TEST(Engine, HungTasksAmongManyShortLivedOnes) {
  Engine e;
  EngineOptions o;
  o.hung_task_timeout = 30 * kSec;
  e.reset(o);
  Completion never("never");
  e.spawn("waiter1", [&] { wait_for_completion(&never); });
  e.spawn(
      "clock",
      [&] {
        for (int i = 0; i < 5000; ++i) {
          e.spawn("worker", [] {});
          if (i == 100) e.spawn("waiter2", [&] { wait_for_completion(&never); });
          msleep(1000);
        }
      },
      true);
  e.run();
  std::vector<std::string> hung;
  for (const Finding& f : e.findings())
    if (f.kind == FindingKind::kHungTask) hung.push_back(f.message);
  EXPECT_EQ(hung,
            (std::vector<std::string>{"INFO: task waiter1 blocked for more than 30 seconds",
                                      "INFO: task waiter2 blocked for more than 30 seconds"}));
  EXPECT_EQ(e.tasks().size(), 5003u);  // every task keeps its id and name for the trace
}

TEST(Engine, NoHungTaskBeforeTheLimit) {
  Engine e;
  EngineOptions o;
  o.hung_task_timeout = 30 * kSec;
  e.reset(o);
  Completion done("done");
  e.spawn("waiter", [&] { wait_for_completion(&done); });
  e.spawn("completer", [&] {
    msleep(29 * 1000);
    complete(&done);
  });
  e.run();
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Engine, CompletionTimeout) {
  Engine e;
  e.reset();
  Completion c("c");
  bool got = true;
  Time when = 0;
  e.spawn("waiter", [&] {
    got = wait_for_completion_timeout(&c, 500 * kMsec);
    when = now();
  });
  e.run();
  EXPECT_FALSE(got);
  EXPECT_EQ(when, 500 * kMsec);
}

TEST(Engine, TimerCallbackThatSleepsIsReported) {
  Engine e;
  e.reset();
  TimerList t;
  Mutex m("m");
  e.spawn("holder", [&] {
    mutex_lock(&m);
    timer_setup(&t, "bad_timer", [&] { mutex_lock(&m); });
    mod_timer(&t, now() + kMsec);
    msleep(5);
    mutex_unlock(&m);
  });
  e.run();
  const Finding* w = first_finding(e, FindingKind::kWarn);
  ASSERT_NE(w, nullptr) << all_findings(e);
  EXPECT_NE(w->message.find("sleeping function called from invalid context"), std::string::npos);
}

TEST(Engine, LivelockIsBoundedByStepLimit) {
  Engine e;
  EngineOptions o;
  o.max_steps = 1000;
  e.reset(o);
  e.spawn("spinner", [] {
    for (;;) yield();
  });
  EXPECT_EQ(e.run(), StopReason::kStepLimit);
  EXPECT_EQ(count_findings(e, FindingKind::kHungTask), 1);
}

TEST(Engine, ReRunsManyExecutionsFromScratch) {
  Engine e;
  for (int i = 0; i < 2000; ++i) {
    e.reset();
    Mutex m("m");
    int counter = 0;
    for (int t = 0; t < 4; ++t) {
      e.spawn("t", [&] {
        for (int k = 0; k < 5; ++k) {
          mutex_lock(&m);
          ++counter;
          mutex_unlock(&m);
        }
      });
    }
    e.run();
    ASSERT_EQ(counter, 20);
    ASSERT_TRUE(e.findings().empty());
  }
}

// A finding carries the frames of its task and, for a deadlock, the task
// that waits, as fields: nobody has to parse "stack: " or "deadlock: X"
// back out of its text.
TEST(Engine, AFindingKeepsItsStackAndItsWaiterTyped) {
  Engine e;
  e.reset();
  Mutex m;
  mutex_init(&m, "held_lock");
  e.spawn("holder", [&] {
    Frame outer("dev_open");
    Frame inner("phy_start");
    mutex_lock(&m);
    warn("WARNING: phy_start: called from state HALTED");
    e.oops("BUG: kernel NULL pointer dereference");
  });
  e.spawn(
      "ip",
      [&] {
        Frame f("rtnl_lock");
        mutex_lock(&m);
      },
      /*essential=*/true);
  e.run();
  const Finding* w = first_finding(e, FindingKind::kWarn);
  ASSERT_NE(w, nullptr) << all_findings(e);
  EXPECT_EQ(w->stack, (std::vector<std::string>{"dev_open", "phy_start"}));
  const Finding* oops = first_finding(e, FindingKind::kOops);
  ASSERT_NE(oops, nullptr) << all_findings(e);
  EXPECT_EQ(oops->stack, (std::vector<std::string>{"dev_open", "phy_start"}));
  const Finding* dl = first_finding(e, FindingKind::kDeadlock);
  ASSERT_NE(dl, nullptr) << all_findings(e);
  EXPECT_EQ(dl->waiter, "ip");
  EXPECT_EQ(dl->stack, (std::vector<std::string>{"rtnl_lock"}));
}

TEST(Engine, ACommandNoteShowsItsDollarOnlyWhenFormatted) {
  Engine e;
  EngineOptions o;
  o.record_trace = true;
  e.reset(o);
  e.spawn("scenario", [&] {
    e.note("ip link set eth0 up", NoteKind::kCommand);
    e.note("eth0: Link is Up");
  });
  e.run();
  std::vector<std::string> notes;
  for (const Event& ev : e.trace().all())
    if (ev.kind == EventKind::kNote) notes.push_back(e.event_text(ev) + "|" + e.note_text(ev));
  EXPECT_EQ(notes, (std::vector<std::string>{"$ ip link set eth0 up|ip link set eth0 up",
                                             "eth0: Link is Up|eth0: Link is Up"}));
}

}  // namespace
}  // namespace lifeline::sim
