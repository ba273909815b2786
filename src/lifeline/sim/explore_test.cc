// SPDX-License-Identifier: GPL-2.0-only
// Strategies and replay on toy programs: a lost update, a use-after-free
// through a stale pointer, and exact replay of a recorded schedule.
#include "lifeline/sim/explore.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lifeline/sim/kref.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::sim {
namespace {

using testing::all_findings;
using testing::count_findings;
using testing::first_finding;
using testing::formatted_trace;

// Two tasks increment a shared counter with a read-modify-write that is not
// atomic: the yield between the read and the write is where model code
// touches shared state.
struct LostUpdate {
  int counter = 0;
  void spawn(Engine& e) {
    counter = 0;
    for (const char* name : {"inc1", "inc2"}) {
      e.spawn(name, [this] {
        int read = counter;
        yield("counter");
        counter = read + 1;
      });
    }
  }
};

TEST(Explore, FifoDoesNotLoseTheUpdate) {
  Engine e;
  e.reset();
  LostUpdate p;
  p.spawn(e);
  e.run();
  EXPECT_EQ(p.counter, 2);
}

TEST(Explore, DfsFindsTheLostUpdate) {
  Engine e;
  LostUpdate p;
  ExploreOptions o;
  o.preemption_bound = 1;
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { p.spawn(e); }, o, [&](const Engine&) { return p.counter != 2; });
  ASSERT_TRUE(r.found);
  EXPECT_EQ(p.counter, 1);
  EXPECT_LE(r.executions, 10u);
}

// Iterative context bounding: bound 0 (no preemption), then
// bound 1, where the lost update lives; each bound says how far it got.
TEST(Explore, DfsTriesBoundZeroFirstThenOne) {
  Engine e;
  LostUpdate p;
  ExploreOptions o;
  o.preemption_bound = -1;  // no limit but the budget
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { p.spawn(e); }, o, [&](const Engine&) { return p.counter != 2; });
  ASSERT_TRUE(r.found);
  ASSERT_EQ(r.bounds.size(), 2u);
  EXPECT_EQ(r.bounds[0].bound, 0);
  EXPECT_LE(r.bounds[0].executions, 2u);  // which task starts is no preemption
  EXPECT_TRUE(r.bounds[0].exhausted);
  EXPECT_EQ(r.bounds[1].bound, 1);
  EXPECT_FALSE(r.bounds[1].exhausted);
  EXPECT_EQ(r.executions, r.bounds[0].executions + r.bounds[1].executions);
}

// A bug three deviations deep is found once the iteration gets there, and
// each smaller bound was exhausted on the way.
TEST(Explore, DfsWithoutABoundGoesAsDeepAsTheBugIs) {
  Engine e;
  std::vector<int> order;
  auto program = [&](Engine& e) {
    order.clear();
    for (int i = 0; i < 4; ++i)
      e.spawn("t" + std::to_string(i), [&order, i] {
        yield("a");
        order.push_back(i);
      });
  };
  // Fails only when the tasks finish in exactly the reverse order.
  auto failed = [&](const Engine&) { return order == std::vector<int>{3, 2, 1, 0}; };
  ExploreOptions o;
  o.preemption_bound = -1;
  o.bound_all_deviations = true;
  ExploreResult r = explore(e, "dfs", program, o, failed);
  ASSERT_TRUE(r.found);
  ASSERT_GE(r.bounds.size(), 2u);
  for (size_t i = 0; i + 1 < r.bounds.size(); ++i) EXPECT_TRUE(r.bounds[i].exhausted) << i;
  // The old fixed bound stops short of it.
  o.preemption_bound = 1;
  ExploreResult shallow = explore(e, "dfs", program, o, failed);
  EXPECT_FALSE(shallow.found);
  EXPECT_TRUE(shallow.exhausted);
  EXPECT_FALSE(shallow.complete);
}

// With no bug at all the iteration stops by itself once a bound left no
// schedule out: every schedule there is was run.
TEST(Explore, DfsStopsWhenABoundLeavesNothingOut) {
  Engine e;
  LostUpdate p;
  ExploreOptions o;
  o.preemption_bound = -1;
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { p.spawn(e); }, o, [](const Engine&) { return false; });
  EXPECT_FALSE(r.found);
  EXPECT_TRUE(r.exhausted);
  EXPECT_TRUE(r.complete);
  EXPECT_LT(r.executions, 100u);
  EXPECT_TRUE(r.bounds.back().exhausted);
}

TEST(Explore, RandomFindsTheLostUpdateWithinASmallBudget) {
  Engine e;
  LostUpdate p;
  ExploreOptions o;
  o.budget = 50;
  o.seed = 7;
  ExploreResult r = explore(
      e, "random", [&](Engine& e) { p.spawn(e); }, o,
      [&](const Engine&) { return p.counter != 2; });
  ASSERT_TRUE(r.found);
  EXPECT_EQ(p.counter, 1);
}

TEST(Explore, PctFindsTheLostUpdate) {
  Engine e;
  LostUpdate p;
  ExploreOptions o;
  o.budget = 200;
  o.pct_depth = 2;
  ExploreResult r = explore(
      e, "pct", [&](Engine& e) { p.spawn(e); }, o, [&](const Engine&) { return p.counter != 2; });
  EXPECT_TRUE(r.found);
}

// A long run with no choice (as a board's boot) before the racing tasks:
// PCT's change points fall among the choices, not into the boot, so the
// lost update is found within a small budget.
TEST(Explore, PctDrawsItsChangePointsAmongTheChoices) {
  Engine e;
  LostUpdate p;
  auto program = [&](Engine& e) {
    e.spawn("boot", [&] {
      for (int i = 0; i < 20000; ++i) yield("boot");
      p.spawn(Engine::current());
    });
  };
  ExploreOptions o;
  o.budget = 40;
  o.pct_depth = 2;
  int found = 0;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    o.seed = seed;
    ExploreResult r = explore(e, "pct", program, o, [&](const Engine&) { return p.counter != 2; });
    found += r.found;
  }
  EXPECT_EQ(found, 5);
}

TEST(Explore, LockedIncrementNeverLosesAnUpdate) {
  Engine e;
  int counter = 0;
  Mutex m;
  auto program = [&](Engine& e) {
    counter = 0;
    mutex_init(&m, "counter_lock");
    for (const char* name : {"inc1", "inc2", "inc3"}) {
      e.spawn(name, [&] {
        mutex_lock(&m);
        int read = counter;
        yield("counter");
        counter = read + 1;
        mutex_unlock(&m);
      });
    }
  };
  ExploreOptions o;
  o.preemption_bound = 2;
  ExploreResult r = explore(e, "dfs", program, o, [&](const Engine&) { return counter != 3; });
  EXPECT_FALSE(r.found);
  EXPECT_TRUE(r.exhausted);
  EXPECT_GT(r.executions, 10u);
}

// A refcounted object; "user" keeps a stale pointer without a reference while
// "owner" drops the last reference.
struct Widget : Object {
  Widget() : Object("widget", "w0") { kref_init(&ref, this); }
  Kref ref;
  int value = 42;
};

struct StaleUser {
  Widget* w = nullptr;
  int seen = 0;
  void spawn(Engine& e, bool user_sleeps) {
    w = kzalloc<Widget>();
    e.spawn("user", [this, user_sleeps] {
      LL_FUNC();
      Ptr<Widget> stale = w;  // no reference taken: the bug
      if (user_sleeps)
        msleep(10);
      else
        yield("stale");
      seen = stale.at("w->value")->value;
    });
    e.spawn("owner", [this] {
      LL_FUNC();
      kref_put(&w->ref, [](Kref* k) { kfree(const_cast<Object*>(k->owner)); });
    });
  }
};

TEST(Explore, UseAfterFreeThroughStalePointerAfterConcurrentRelease) {
  Engine e;
  e.reset();
  StaleUser p;
  p.spawn(e, /*user_sleeps=*/true);
  e.run();
  const Finding* f = first_finding(e, FindingKind::kUseAfterFree);
  ASSERT_NE(f, nullptr) << all_findings(e);
  EXPECT_EQ(f->message, "BUG: KASAN: slab-use-after-free: w->value of freed widget w0");
  EXPECT_EQ(f->task, "user");
  ASSERT_EQ(f->details.size(), 2u);
  EXPECT_EQ(f->details[0], "freed by: [   0.000000] owner: operator()");
  EXPECT_EQ(f->details[1], "used by: [   0.010000] user: operator()");
  EXPECT_EQ(p.seen, 42);  // memory stays readable: reported, not undefined
}

TEST(Explore, DfsFindsTheUseAfterFreeThatFifoMisses) {
  Engine e;
  StaleUser p;
  e.reset();
  p.spawn(e, /*user_sleeps=*/false);
  e.run();
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
  ExploreOptions o;
  o.preemption_bound = 1;
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { p.spawn(e, false); }, o);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(count_findings(e, FindingKind::kUseAfterFree), 1);
}

TEST(Explore, ReplayOfARecordedScheduleGivesTheIdenticalTrace) {
  Engine e;
  int counter = 0;
  Mutex m;
  auto program = [&](Engine& e) {
    counter = 0;
    mutex_init(&m, "m");
    for (const char* name : {"a", "b", "c", "d"}) {
      e.spawn(name, [&] {
        for (int i = 0; i < 5; ++i) {
          mutex_lock(&m);
          int read = counter;
          mutex_unlock(&m);
          yield("gap");
          mutex_lock(&m);
          counter = read + 1;
          mutex_unlock(&m);
          if (i == 2) msleep(1);
        }
      });
    }
  };
  EngineOptions options;
  options.record_trace = true;
  RandomStrategy random(1234);
  options.strategy = &random;
  e.reset(options);
  program(e);
  e.run();
  std::vector<std::string> first = formatted_trace(e);
  std::vector<uint32_t> choices = e.choice_tasks();
  int first_counter = counter;
  ASSERT_GT(choices.size(), 20u);
  ASSERT_GT(first.size(), 100u);

  options.strategy = nullptr;
  run_replay(e, program, choices, options);
  EXPECT_EQ(formatted_trace(e), first);
  EXPECT_EQ(counter, first_counter);
  EXPECT_EQ(e.choice_tasks(), choices);

  // A different schedule gives a different trace: the comparison can fail.
  RandomStrategy other(99);
  options.strategy = &other;
  e.reset(options);
  program(e);
  e.run();
  EXPECT_NE(formatted_trace(e), first);
}

// The 4-task toy program of bench/explore_bench.cc: each task takes one
// lock twice around a shared counter.
struct Toy4 {
  Mutex m;
  int counter = 0;
  void spawn(Engine& e) {
    counter = 0;
    mutex_init(&m, "toy_lock");
    for (int t = 0; t < 4; ++t)
      e.spawn("t" + std::to_string(t), [this] {
        for (int k = 0; k < 2; ++k) {
          mutex_lock(&m);
          ++counter;
          mutex_unlock(&m);
        }
      });
  }
};

// The progress callback sees the search as it goes and changes nothing in
// it: the same result with it as without, for every strategy.
TEST(Explore, ProgressIsReportedAndChangesNothing) {
  for (const char* strategy : {"dfs", "dpor", "pct", "random"}) {
    Engine e;
    Toy4 p;
    ExploreOptions o;
    o.budget = 3000;
    o.preemption_bound = 2;
    auto never = [](const Engine&) { return false; };
    ExploreResult plain = explore(
        e, strategy, [&](Engine& e) { p.spawn(e); }, o, never);
    std::vector<ExploreProgress> seen;
    o.progress = [&](const ExploreProgress& x) { seen.push_back(x); };
    o.progress_every = 10;
    ExploreResult watched = explore(
        e, strategy, [&](Engine& e) { p.spawn(e); }, o, never);
    EXPECT_EQ(watched.executions, plain.executions) << strategy;
    EXPECT_EQ(watched.exhausted, plain.exhausted) << strategy;
    EXPECT_EQ(watched.redundant, plain.redundant) << strategy;
    EXPECT_EQ(watched.bounds.size(), plain.bounds.size()) << strategy;
    ASSERT_EQ(seen.size(), plain.executions / 10 + 1) << strategy;
    for (size_t i = 0; i + 1 < seen.size(); ++i) {
      EXPECT_EQ(seen[i].executions, (i + 1) * 10) << strategy;
      EXPECT_FALSE(seen[i].done) << strategy;
      EXPECT_EQ(seen[i].budget, 3000u) << strategy;
      EXPECT_EQ(seen[i].strategy, std::string(strategy));
    }
    EXPECT_TRUE(seen.back().done) << strategy;
    EXPECT_EQ(seen.back().executions, plain.executions) << strategy;
    bool bounded = std::string(strategy) == "dfs" || std::string(strategy) == "dpor";
    EXPECT_EQ(seen.front().bound >= 0, bounded) << strategy;
    if (bounded) {
      EXPECT_EQ(seen.front().max_bound, 2) << strategy;
      // Mid-search there are branches left to run.
      EXPECT_GT(seen.front().frontier, 0u) << strategy;
      EXPECT_EQ(seen.back().bounds.size(), plain.bounds.size()) << strategy;
    }
  }
}

// dfs's frontier counts the next execution and the untried alternatives
// within the bound on its path.
TEST(Explore, DfsFrontierCountsUntriedAlternatives) {
  Engine e;
  LostUpdate p;
  ExploreOptions o;
  o.preemption_bound = 1;
  o.progress_every = 1;
  std::vector<ExploreProgress> seen;
  o.progress = [&](const ExploreProgress& x) { seen.push_back(x); };
  ExploreResult r = explore(
      e, "dfs", [&](Engine& e) { p.spawn(e); }, o, [](const Engine&) { return false; });
  ASSERT_TRUE(r.exhausted);
  ASSERT_EQ(seen.size(), r.executions + 1);
  for (size_t i = 0; i < seen.size(); ++i) {
    ::testing::Message m;
    m << "after execution " << seen[i].executions << " bound " << seen[i].bound << " frontier "
      << seen[i].frontier;
    SCOPED_TRACE(m);
    if (i + 2 < seen.size()) {
      EXPECT_GE(seen[i].frontier, 1u);
    }
  }
  EXPECT_EQ(seen[seen.size() - 2].frontier, 0u);  // after the last execution: nothing left
  EXPECT_EQ(seen.back().frontier, 0u);
}

}  // namespace
}  // namespace lifeline::sim
