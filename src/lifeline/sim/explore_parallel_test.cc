// SPDX-License-Identifier: GPL-2.0-only
// Exploring by subtrees: -j 1, -j N, N shards merged and (for dfs) the
// search on one engine give one result, on toy programs whose state lives
// in each worker's own copy.
#include "lifeline/sim/explore_parallel.h"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "lifeline/sim/mutex.h"
#include "lifeline/sim/once.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::sim {
namespace {

// `tasks` tasks, each taking one lock `rounds` times around a shared
// counter, and one read-modify-write that is not atomic (a yield between
// the read and the write) by the tasks listed in `racy`: the lost update is
// found only when two racy tasks interleave there.
struct Toy {
  int tasks = 3, rounds = 1;
  std::vector<int> racy;
  Mutex m;
  int counter = 0, plain = 0;
  void spawn(Engine& e) {
    counter = plain = 0;
    mutex_init(&m, "toy_lock");
    for (int t = 0; t < tasks; ++t)
      e.spawn("t" + std::to_string(t), [this, t] {
        for (int k = 0; k < rounds; ++k) {
          mutex_lock(&m);
          ++counter;
          mutex_unlock(&m);
        }
        if (std::find(racy.begin(), racy.end(), t) != racy.end()) {
          int read = plain;
          yield("plain");
          plain = read + 1;
        }
      });
  }
  bool lost() const { return plain != static_cast<int>(racy.size()); }
};

WorkerFactory factory_of(Toy shape) {
  return [shape](unsigned) {
    auto toy = std::make_shared<Toy>(shape);
    WorkerProgram wp;
    wp.program = [toy](Engine& e) { toy->spawn(e); };
    wp.failed = [toy](const Engine&) { return toy->lost(); };
    wp.state = toy;
    return wp;
  };
}

void expect_same(const AssembledResult& a, const AssembledResult& b) {
  EXPECT_EQ(a.result.found, b.result.found);
  EXPECT_EQ(a.result.executions, b.result.executions);
  EXPECT_EQ(a.result.exhausted, b.result.exhausted);
  EXPECT_EQ(a.result.complete, b.result.complete);
  EXPECT_EQ(a.result.redundant, b.result.redundant);
  EXPECT_EQ(a.ranks, b.ranks);
  ASSERT_EQ(a.result.bounds.size(), b.result.bounds.size());
  for (size_t i = 0; i < a.result.bounds.size(); ++i) {
    EXPECT_EQ(a.result.bounds[i].bound, b.result.bounds[i].bound);
    EXPECT_EQ(a.result.bounds[i].executions, b.result.bounds[i].executions);
    EXPECT_EQ(a.result.bounds[i].exhausted, b.result.bounds[i].exhausted);
  }
}

// The one-engine dfs, for comparison.
AssembledResult one_engine(const std::string& strategy, const ExploreOptions& o, Toy shape) {
  Engine e;
  WorkerProgram wp = factory_of(shape)(0);
  AssembledResult a;
  a.result = explore(e, strategy, wp.program, o, wp.failed);
  if (a.result.found) a.ranks = choice_ranks(e.choices());
  return a;
}

AssembledResult sharded(const std::string& strategy, const ExploreOptions& o, Toy shape,
                        uint32_t n) {
  WorkerFactory f = factory_of(shape);
  Engine e;
  Partition p = partition(e, f(0), strategy, o);
  std::vector<SubtreeRecord> all;
  for (uint32_t k = 0; k < n; ++k) {
    std::vector<SubtreeRecord> part = explore_subtrees(strategy, o, p, Shard{k, n}, 1, f);
    all.insert(all.end(), part.begin(), part.end());
  }
  return assemble(strategy, o, p, all);
}

struct Case {
  const char* name;
  int tasks, rounds;
  std::vector<int> racy;
  int bound;
  uint64_t budget;
};

const Case kCases[] = {
    {"exhaust-3x1", 3, 1, {}, -1, 1000000},    {"exhaust-4x1-bound2", 4, 1, {}, 2, 1000000},
    {"found-late", 3, 1, {1, 2}, -1, 1000000}, {"found-bound1", 3, 2, {0, 2}, 2, 1000000},
    {"budget-cut", 3, 2, {}, -1, 777},
};

TEST(ExploreParallel, DfsEqualsTheOneEngineSearchAtAnyJobsAndShards) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Toy shape;
    shape.tasks = c.tasks;
    shape.rounds = c.rounds;
    shape.racy = c.racy;
    ExploreOptions o;
    o.preemption_bound = c.bound;
    o.budget = c.budget;
    o.bound_all_deviations = true;
    AssembledResult one = one_engine("dfs", o, shape);
    // The cases are what their names say.
    EXPECT_EQ(one.result.found, !c.racy.empty());
    EXPECT_EQ(one.result.exhausted, c.racy.empty() && c.budget > 100000);
    if (c.budget < 100000) {
      EXPECT_EQ(one.result.executions, c.budget);
    }
    AssembledResult j1 = explore_parallel("dfs", o, 1, factory_of(shape));
    AssembledResult j3 = explore_parallel("dfs", o, 3, factory_of(shape));
    expect_same(one, j1);
    expect_same(j1, j3);
    expect_same(j1, sharded("dfs", o, shape, 4));
  }
}

TEST(ExploreParallel, DporIsTheSameAtAnyJobsAndShardsAndFindsWhatDfsFinds) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Toy shape;
    shape.tasks = c.tasks;
    shape.rounds = c.rounds;
    shape.racy = c.racy;
    ExploreOptions o;
    o.preemption_bound = c.bound;
    o.budget = c.budget;
    o.bound_all_deviations = true;
    AssembledResult j1 = explore_parallel("dpor", o, 1, factory_of(shape));
    AssembledResult j2 = explore_parallel("dpor", o, 2, factory_of(shape));
    expect_same(j1, j2);
    expect_same(j1, sharded("dpor", o, shape, 3));
    AssembledResult dfs = one_engine("dfs", o, shape);
    EXPECT_EQ(j1.result.found, dfs.result.found);
    if (c.budget > 100000) {
      EXPECT_LE(j1.result.executions, dfs.result.executions);
      if (!dfs.result.found) {
        EXPECT_EQ(j1.result.exhausted, dfs.result.exhausted);
      }
    }
  }
}

// Soundness of dpor below fixed prefixes: run to the end (the predicate
// never fails, it notes each final state), the subtrees' dpor searches
// together reach every final state the unbounded dfs on one engine
// reaches, with fewer executions. Final state: the shared counter, which
// loses updates.
TEST(ExploreParallel, DporBySubtreesReachesEveryFinalStateDfsReaches) {
  struct Census {
    std::mutex lock;
    std::set<std::string> states;
  };
  auto census = [](const std::string& strategy, unsigned jobs) {
    auto c = std::make_shared<Census>();
    WorkerFactory f = [c](unsigned) {
      // Each task writes its own variable (independent of the
      // others: the reduction's share), then increments a shared one
      // without a lock (the lost updates).
      struct Racy {
        int plain = 0;
        int own[3] = {0, 0, 0};
      };
      auto toy = std::make_shared<Racy>();
      WorkerProgram wp;
      wp.program = [toy](Engine& e) {
        *toy = Racy{};
        for (int t = 0; t < 3; ++t)
          e.spawn("t" + std::to_string(t), [toy, t] {
            write_once(toy->own[t], 1);
            int read = read_once(toy->plain);
            write_once(toy->plain, read + 1);
          });
      };
      wp.failed = [toy, c](const Engine&) {
        std::lock_guard<std::mutex> g(c->lock);
        c->states.insert(std::to_string(toy->plain));
        return false;
      };
      wp.state = toy;
      return wp;
    };
    ExploreOptions o;
    o.preemption_bound = -1;
    o.budget = 10'000'000;
    o.bound_all_deviations = true;
    AssembledResult r = explore_parallel(strategy, o, jobs, f);
    EXPECT_TRUE(r.result.exhausted) << strategy;
    return std::make_pair(c->states, r.result.executions);
  };
  auto dfs = census("dfs", 1);
  auto dpor = census("dpor", 2);
  EXPECT_EQ(dpor.first, dfs.first);
  EXPECT_EQ(dfs.first.size(), 3u);  // 1, 2 or 3 updates kept
  EXPECT_LT(dpor.second, dfs.second);
}

// The partition splits the space: more than one subtree, in lexicographic
// order, and each prefix is a schedule of the program.
TEST(ExploreParallel, PartitionIsLexicographicAndSplits) {
  Toy shape;
  shape.tasks = 3;
  ExploreOptions o;
  o.preemption_bound = -1;
  o.bound_all_deviations = true;
  Engine e;
  Partition p = partition(e, factory_of(shape)(0), "dfs", o);
  ASSERT_GT(p.subtrees.size(), 3u);
  for (size_t i = 1; i < p.subtrees.size(); ++i)
    EXPECT_LT(p.subtrees[i - 1].prefix, p.subtrees[i].prefix);
  EXPECT_FALSE(p.dropped);
}

TEST(ExploreParallel, AMissingShardIsAnError) {
  Toy shape;
  ExploreOptions o;
  o.preemption_bound = -1;
  o.bound_all_deviations = true;
  WorkerFactory f = factory_of(shape);
  Engine e;
  Partition p = partition(e, f(0), "dfs", o);
  std::vector<SubtreeRecord> r = explore_subtrees("dfs", o, p, Shard{0, 2}, 1, f);
  EXPECT_THROW(assemble("dfs", o, p, r), UserError);
}

}  // namespace
}  // namespace lifeline::sim
