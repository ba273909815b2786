// SPDX-License-Identifier: GPL-2.0-only
// Workqueue semantics: the corner cases model code relies on.
#include "lifeline/sim/workqueue.h"

#include <gtest/gtest.h>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::sim {
namespace {

using testing::all_findings;
using testing::count_findings;
using testing::first_finding;

TEST(Workqueue, QueueWorkIsANoOpWhilePending) {
  Engine e;
  e.reset();
  WorkStruct w;
  int runs = 0;
  bool first = false, second = true;
  e.spawn("queuer", [&] {
    INIT_WORK(&w, "counter_work", [&] { ++runs; });
    first = schedule_work(&w);
    second = schedule_work(&w);
  });
  e.run();
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  EXPECT_EQ(runs, 1);
}

TEST(Workqueue, RequeueWhileRunningRunsAgainNeverConcurrently) {
  Engine e;
  e.reset();
  WorkStruct w;
  int runs = 0, inside = 0, max_inside = 0;
  bool requeued = false;
  e.spawn("queuer", [&] {
    INIT_WORK(&w, "slow_work", [&] {
      ++runs;
      max_inside = std::max(max_inside, ++inside);
      msleep(10);
      --inside;
    });
    schedule_work(&w);
    msleep(5);  // the work is running now
    EXPECT_TRUE(w.running);
    requeued = schedule_work(&w);
  });
  e.run();
  EXPECT_TRUE(requeued);
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(max_inside, 1);
  EXPECT_EQ(e.now(), 20 * kMsec);
}

TEST(Workqueue, FlushWorkWaitsForTheLastQueueing) {
  Engine e;
  e.reset();
  WorkStruct w;
  int runs = 0;
  Time flushed_at = -1;
  e.spawn("queuer", [&] {
    INIT_WORK(&w, "slow_work", [&] {
      ++runs;
      msleep(10);
    });
    schedule_work(&w);
    msleep(5);
    schedule_work(&w);  // queued again while running
    EXPECT_TRUE(flush_work(&w));
    flushed_at = now();
    EXPECT_FALSE(flush_work(&w));  // idle: nothing to wait for
  });
  e.run();
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(flushed_at, 20 * kMsec);
}

TEST(Workqueue, CancelWorkSyncOnPendingWorkMeansItNeverRuns) {
  Engine e;
  e.reset();
  WorkStruct w;
  int runs = 0;
  bool was_pending = false;
  e.spawn("canceler", [&] {
    INIT_WORK(&w, "w", [&] { ++runs; });
    schedule_work(&w);
    was_pending = cancel_work_sync(&w);
  });
  e.run();
  EXPECT_TRUE(was_pending);
  EXPECT_EQ(runs, 0);
}

TEST(Workqueue, CancelWorkSyncWaitsForRunningAndBlocksRequeue) {
  Engine e;
  e.reset();
  WorkStruct w;
  int runs = 0;
  bool requeue_during_cancel = true;
  Time canceled_at = -1;
  e.spawn("canceler", [&] {
    INIT_WORK(&w, "w", [&] {
      ++runs;
      msleep(10);
    });
    schedule_work(&w);
    msleep(1);
    EXPECT_FALSE(cancel_work_sync(&w));  // running, not pending
    canceled_at = now();
  });
  e.spawn("requeuer", [&] {
    msleep(5);  // during the cancel
    requeue_during_cancel = schedule_work(&w);
  });
  e.run();
  EXPECT_EQ(runs, 1);
  EXPECT_FALSE(requeue_during_cancel);
  EXPECT_EQ(canceled_at, 10 * kMsec);
}

TEST(Workqueue, DelayedWorkRunsAfterItsDelayAndCancelStopsIt) {
  Engine e;
  e.reset();
  DelayedWork a, b;
  Time a_ran = -1;
  bool b_ran = false;
  e.spawn("t", [&] {
    INIT_DELAYED_WORK(&a, "a_fn", [&] { a_ran = now(); });
    INIT_DELAYED_WORK(&b, "b_fn", [&] { b_ran = true; });
    EXPECT_TRUE(schedule_delayed_work(&a, 100 * kMsec));
    EXPECT_FALSE(schedule_delayed_work(&a, 10 * kMsec));  // pending: no-op
    EXPECT_TRUE(schedule_delayed_work(&b, 50 * kMsec));
    msleep(20);
    EXPECT_TRUE(cancel_delayed_work_sync(&b));
  });
  e.run();
  EXPECT_EQ(a_ran, 100 * kMsec);
  EXPECT_FALSE(b_ran);
}

TEST(Workqueue, ModDelayedWorkMovesTheDeadline) {
  Engine e;
  e.reset();
  DelayedWork d;
  Time ran = -1;
  e.spawn("t", [&] {
    INIT_DELAYED_WORK(&d, "d_fn", [&] { ran = now(); });
    schedule_delayed_work(&d, 100 * kMsec);
    msleep(10);
    EXPECT_TRUE(mod_delayed_work(e.system_wq(), &d, 500 * kMsec));
  });
  e.run();
  EXPECT_EQ(ran, 510 * kMsec);
}

TEST(Workqueue, FlushDelayedWorkRunsItNow) {
  Engine e;
  e.reset();
  DelayedWork d;
  Time ran = -1;
  e.spawn("t", [&] {
    INIT_DELAYED_WORK(&d, "d_fn", [&] { ran = now(); });
    schedule_delayed_work(&d, secs(10));
    msleep(1);
    EXPECT_TRUE(flush_delayed_work(&d));
  });
  e.run();
  EXPECT_EQ(ran, 1 * kMsec);
}

TEST(Workqueue, OrderedQueueRunsOneAtATimeInOrder) {
  Engine e;
  e.reset();
  std::string order;
  int inside = 0, max_inside = 0;
  WorkStruct w[3];
  e.spawn("t", [&] {
    Workqueue* wq = alloc_ordered_workqueue("sfp");
    for (int i = 0; i < 3; ++i) {
      INIT_WORK(&w[i], "step", [&, i] {
        max_inside = std::max(max_inside, ++inside);
        order += std::to_string(i);
        msleep(3 - i);
        --inside;
      });
    }
    for (int i = 0; i < 3; ++i) queue_work(wq, &w[i]);
    flush_workqueue(wq);
    order += "F";
  });
  e.run();
  EXPECT_EQ(order, "012F");
  EXPECT_EQ(max_inside, 1);
}

TEST(Workqueue, UnorderedQueueRunsItemsConcurrently) {
  Engine e;
  e.reset();
  int inside = 0, max_inside = 0;
  WorkStruct w[3];
  e.spawn("t", [&] {
    for (int i = 0; i < 3; ++i) {
      INIT_WORK(&w[i], "step", [&] {
        max_inside = std::max(max_inside, ++inside);
        msleep(5);
        --inside;
      });
      schedule_work(&w[i]);
    }
  });
  e.run();
  EXPECT_EQ(max_inside, 3);
  EXPECT_EQ(e.now(), 5 * kMsec);
}

TEST(Workqueue, FlushWorkUnderALockTheWorkTakesIsALockdepReport) {
  // phylink_disconnect_phy() flushes the resolve work; if the work took a
  // lock the flusher holds, that would deadlock. lockdep sees it even when
  // the work is idle at flush time.
  Engine e;
  e.reset();
  Mutex state_mutex("&pl->state_mutex");
  WorkStruct resolve;
  e.spawn("t", [&] {
    INIT_WORK(&resolve, "phylink_resolve", [&] {
      mutex_lock(&state_mutex);
      mutex_unlock(&state_mutex);
    });
    schedule_work(&resolve);
    msleep(1);  // the work ran: its dependency work -> state_mutex is known
    mutex_lock(&state_mutex);
    flush_work(&resolve);
    mutex_unlock(&state_mutex);
  });
  e.run();
  const Finding* f = first_finding(e, FindingKind::kLockdep);
  ASSERT_NE(f, nullptr) << all_findings(e);
  EXPECT_NE(f->message.find("(work_completion)(phylink_resolve)"), std::string::npos) << f->message;
  EXPECT_EQ(count_findings(e, FindingKind::kDeadlock), 0);
}

TEST(Workqueue, FlushWorkUnderALockTheRunningWorkWaitsForDeadlocks) {
  Engine e;
  e.reset();
  Mutex lock("big_lock");
  WorkStruct w;
  e.spawn("flusher", [&] {
    INIT_WORK(&w, "needs_lock", [&] {
      mutex_lock(&lock);
      mutex_unlock(&lock);
    });
    mutex_lock(&lock);
    schedule_work(&w);
    msleep(1);  // the work is now waiting for the lock
    flush_work(&w);
    mutex_unlock(&lock);
  });
  e.run();
  const Finding* dl = first_finding(e, FindingKind::kDeadlock);
  ASSERT_NE(dl, nullptr) << all_findings(e);
  EXPECT_EQ(dl->message, "deadlock: flusher -> kworker/events:needs_lock -> flusher");
}

TEST(Workqueue, WorkFlushingItselfDeadlocks) {
  Engine e;
  e.reset();
  WorkStruct w;
  e.spawn("t", [&] {
    INIT_WORK(&w, "selfish", [&] { flush_work(&w); });
    schedule_work(&w);
  });
  e.run();
  EXPECT_EQ(count_findings(e, FindingKind::kDeadlock), 1) << all_findings(e);
}

TEST(Timers, FireInVirtualTimeOrderThenArmingOrder) {
  Engine e;
  e.reset();
  TimerList t[5];
  std::vector<std::pair<int, Time>> fired;
  e.spawn("armer", [&] {
    const Time when[5] = {30, 10, 20, 10, 5};
    for (int i = 0; i < 5; ++i) {
      timer_setup(&t[i], "t", [&, i] { fired.emplace_back(i, now()); });
      mod_timer(&t[i], when[i] * kMsec);
    }
    del_timer(&t[4]);
    EXPECT_TRUE(mod_timer(&t[0], 25 * kMsec));  // re-armed: moves
  });
  e.run();
  std::vector<std::pair<int, Time>> want = {
      {1, 10 * kMsec}, {3, 10 * kMsec}, {2, 20 * kMsec}, {0, 25 * kMsec}};
  EXPECT_EQ(fired, want);
}

}  // namespace
}  // namespace lifeline::sim
