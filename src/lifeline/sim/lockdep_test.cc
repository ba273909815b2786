// SPDX-License-Identifier: GPL-2.0-only
// lockdep and deadlock detection on toy programs.
#include "lifeline/sim/lockdep.h"

#include <gtest/gtest.h>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/explore.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/rwsem.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::sim {
namespace {

using testing::all_findings;
using testing::count_findings;
using testing::first_finding;

// Task "ab" takes A then B; task "ba" takes B then A.
struct Abba {
  Mutex a{"lock_A"};
  Mutex b{"lock_B"};
  void spawn(Engine& e) {
    mutex_init(&a, "lock_A");
    mutex_init(&b, "lock_B");
    e.spawn("ab", [this] {
      LL_FUNC();
      mutex_lock(&a);
      mutex_lock(&b);
      mutex_unlock(&b);
      mutex_unlock(&a);
    });
    e.spawn("ba", [this] {
      LL_FUNC();
      mutex_lock(&b);
      mutex_lock(&a);
      mutex_unlock(&a);
      mutex_unlock(&b);
    });
  }
};

TEST(Lockdep, ReportsAbbaInversionInAScheduleThatDoesNotDeadlock) {
  Engine e;
  e.reset();
  Abba abba;
  abba.spawn(e);
  e.run();
  EXPECT_EQ(count_findings(e, FindingKind::kDeadlock), 0) << all_findings(e);
  const Finding* f = first_finding(e, FindingKind::kLockdep);
  ASSERT_NE(f, nullptr) << all_findings(e);
  EXPECT_NE(f->message.find("possible circular locking dependency"), std::string::npos);
  EXPECT_EQ(f->task, "ba");
  // Both acquisition stacks, as task and model frames.
  ASSERT_EQ(f->details.size(), 2u);
  EXPECT_NE(f->details[0].find("ba: operator() (holding lock_B, acquiring lock_A)"),
            std::string::npos)
      << f->details[0];
  EXPECT_NE(f->details[1].find("ab: operator() (holding lock_A, acquiring lock_B)"),
            std::string::npos)
      << f->details[1];
}

TEST(Lockdep, ConsistentOrderIsSilent) {
  Engine e;
  e.reset();
  Mutex a("lock_A"), b("lock_B");
  for (const char* name : {"t1", "t2"}) {
    e.spawn(name, [&] {
      mutex_lock(&a);
      mutex_lock(&b);
      mutex_unlock(&b);
      mutex_unlock(&a);
    });
  }
  e.run();
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Lockdep, DfsWithPreemptionBoundOneFindsTheActualDeadlock) {
  Engine e;
  Abba abba;
  ExploreOptions o;
  o.preemption_bound = 1;
  o.budget = 1000;
  auto deadlocked = [](const Engine& e) { return count_findings(e, FindingKind::kDeadlock) > 0; };
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { abba.spawn(e); }, o, deadlocked);
  ASSERT_TRUE(r.found);
  const Finding* dl = first_finding(e, FindingKind::kDeadlock);
  ASSERT_NE(dl, nullptr);
  EXPECT_TRUE(dl->message == "deadlock: ab -> ba -> ab" ||
              dl->message == "deadlock: ba -> ab -> ba")
      << dl->message;
  // Replaying the recorded schedule deadlocks again.
  run_replay(
      e, [&](Engine& e) { abba.spawn(e); }, r.choices);
  EXPECT_EQ(count_findings(e, FindingKind::kDeadlock), 1) << all_findings(e);
}

TEST(Lockdep, DfsWithoutPreemptionsCannotDeadlockAbba) {
  Engine e;
  Abba abba;
  ExploreOptions o;
  o.preemption_bound = 0;
  auto deadlocked = [](const Engine& e) { return count_findings(e, FindingKind::kDeadlock) > 0; };
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { abba.spawn(e); }, o, deadlocked);
  EXPECT_FALSE(r.found);
  EXPECT_TRUE(r.exhausted);
  EXPECT_EQ(r.executions, 2u);  // ab first or ba first
}

TEST(Lockdep, RecursiveLockingIsReportedAndDeadlocks) {
  Engine e;
  e.reset();
  Mutex m("rtnl_mutex");
  e.spawn("ifup", [&] {
    mutex_lock(&m);
    mutex_lock(&m);
  });
  e.run();
  EXPECT_NE(first_finding(e, FindingKind::kLockdep), nullptr) << all_findings(e);
  const Finding* dl = first_finding(e, FindingKind::kDeadlock);
  ASSERT_NE(dl, nullptr) << all_findings(e);
  EXPECT_EQ(dl->message, "deadlock: ifup -> ifup");
}

TEST(Lockdep, TaskExitingWithLockHeld) {
  Engine e;
  e.reset();
  Mutex m("sfp_mutex");
  e.spawn("leaky", [&] { mutex_lock(&m); });
  e.run();
  const Finding* f = first_finding(e, FindingKind::kLockdep);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message, "lock held when returning to user space: leaky exited holding sfp_mutex");
}

TEST(Lockdep, NovalidateClassTakesPartInNoDependency) {
  Engine e;
  e.reset();
  Mutex parent("&dev->mutex", true), child("&dev->mutex", true), other("other");
  e.spawn("t1", [&] {
    mutex_lock(&parent);
    mutex_lock(&child);  // same class nested: fine for novalidate
    mutex_lock(&other);
    mutex_unlock(&other);
    mutex_unlock(&child);
    mutex_unlock(&parent);
  });
  e.spawn("t2", [&] {
    mutex_lock(&other);
    mutex_lock(&parent);
    mutex_unlock(&parent);
    mutex_unlock(&other);
  });
  e.run();
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Rwsem, WriterInsideReadSectionDeadlocksOnItself) {
  // blocking_notifier_chain_unregister() from the chain's own callback.
  Engine e;
  e.reset();
  RwSemaphore rwsem("&nh->rwsem");
  e.spawn("notifier", [&] {
    down_read(&rwsem);
    down_write(&rwsem);
  });
  e.run();
  const Finding* dl = first_finding(e, FindingKind::kDeadlock);
  ASSERT_NE(dl, nullptr) << all_findings(e);
  EXPECT_EQ(dl->message, "deadlock: notifier -> notifier");
}

TEST(Rwsem, ReadersShareWritersExclude) {
  Engine e;
  e.reset();
  RwSemaphore rwsem("sem");
  int readers_inside = 0, max_readers = 0;
  bool writer_saw_reader = false;
  for (const char* name : {"r1", "r2"}) {
    e.spawn(name, [&] {
      down_read(&rwsem);
      ++readers_inside;
      max_readers = std::max(max_readers, readers_inside);
      msleep(10);
      --readers_inside;
      up_read(&rwsem);
    });
  }
  e.spawn("w", [&] {
    down_write(&rwsem);
    writer_saw_reader = readers_inside != 0;
    up_write(&rwsem);
  });
  e.run();
  EXPECT_EQ(max_readers, 2);
  EXPECT_FALSE(writer_saw_reader);
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Mutex, UnlockByNonOwnerWarns) {
  Engine e;
  e.reset();
  Mutex m("m");
  e.spawn("owner", [&] {
    mutex_lock(&m);
    msleep(10);
  });
  e.spawn("thief", [&] { mutex_unlock(&m); });
  e.run();
  EXPECT_GE(count_findings(e, FindingKind::kWarn), 1) << all_findings(e);
}

}  // namespace
}  // namespace lifeline::sim
