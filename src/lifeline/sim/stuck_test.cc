// SPDX-License-Identifier: GPL-2.0-only
// An execution stops when its essential task can never run again, with the
// clock where it got stuck: the state a report shows is the state then, not
// after pollers ran on for minutes.
#include <gtest/gtest.h>

#include "lifeline/sim/completion.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::sim {
namespace {

using testing::all_findings;

// A poller that never ends, as the phylib state machine is.
void spawn_poller(Engine& e) {
  e.spawn("poller", [] {
    for (;;) msleep(1000);
  });
}

TEST(Stuck, AnEssentialTaskInALockCycleStopsTheExecution) {
  Engine e;
  e.reset();
  spawn_poller(e);
  Mutex m("dev_mutex");
  e.spawn(
      "main",
      [&] {
        msleep(500);
        mutex_lock(&m);
        mutex_lock(&m);  // the same task, again: a self-deadlock
      },
      /*essential=*/true);
  EXPECT_EQ(e.run(), StopReason::kEssentialStuck) << all_findings(e);
  EXPECT_EQ(e.now(), 500 * kMsec);
}

TEST(Stuck, WaitingForALockThatADeadTaskHoldsStopsTheExecution) {
  Engine e;
  e.reset();
  spawn_poller(e);
  Mutex m("test_lock");
  e.spawn("victim", [&] {
    mutex_lock(&m);
    Ptr<Mutex> nothing;
    nothing->owner = nullptr;  // oops, with the lock held
  });
  e.spawn(
      "main",
      [&] {
        msleep(2000);
        mutex_lock(&m);
      },
      /*essential=*/true);
  EXPECT_EQ(e.run(), StopReason::kEssentialStuck) << all_findings(e);
  EXPECT_EQ(e.now(), 2 * kSec);
}

TEST(Stuck, WaitingForTasksThatAreStuckIsStuck) {
  // A shell's `wait` for a background job that deadlocked never returns.
  Engine e;
  e.reset();
  spawn_poller(e);
  Mutex a("a"), b("b");
  Completion done;
  init_completion(&done, "jobs");
  e.spawn(
      "main",
      [&] {
        Task* t1 = Engine::current().spawn("job1", [&] {
          mutex_lock(&a);
          msleep(10);
          mutex_lock(&b);
        });
        Task* t2 = Engine::current().spawn("job2", [&] {
          mutex_lock(&b);
          msleep(10);
          mutex_lock(&a);
        });
        done.completers = {t1, t2};
        wait_for_completion(&done);
      },
      /*essential=*/true);
  EXPECT_EQ(e.run(), StopReason::kEssentialStuck) << all_findings(e);
  EXPECT_EQ(e.now(), 10 * kMsec);
}

TEST(Stuck, ATimedWaitIsNotStuck) {
  Engine e;
  e.reset();
  Completion never;
  init_completion(&never, "never");
  bool timed_out = false;
  e.spawn(
      "main", [&] { timed_out = !wait_for_completion_timeout(&never, kSec); }, true);
  EXPECT_EQ(e.run(), StopReason::kEssentialDone);
  EXPECT_TRUE(timed_out);
}

TEST(Stuck, AHungEssentialTaskStopsTheExecution) {
  Engine e;
  EngineOptions o;
  o.hung_task_timeout = 5 * kSec;
  e.reset(o);
  spawn_poller(e);
  Completion never;
  init_completion(&never, "never");  // nobody known completes it
  e.spawn(
      "main", [&] { wait_for_completion(&never); }, /*essential=*/true);
  EXPECT_EQ(e.run(), StopReason::kEssentialStuck) << all_findings(e);
  EXPECT_EQ(e.now(), 5 * kSec);
}

}  // namespace
}  // namespace lifeline::sim
