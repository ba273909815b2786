// SPDX-License-Identifier: GPL-2.0-only
// A bundled race scenario explored by subtrees: on one thread, on two, and
// as three shards merged, the verdict is one (finding, shrunk schedule,
// executions, bounds, exhaustion).
#include "lifeline/scenario/explore_shard.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>

#include "lifeline/scenario/parser.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

const char* kIfupUnbind = LIFELINE_SOURCE_DIR "/scenarios/race-ifup-unbind-clearfog.scn";
const char* kRmmodBind = LIFELINE_SOURCE_DIR "/scenarios/race-rmmod-bind-ifup-clearfog.scn";

void expect_same(const ExploreResult& a, const ExploreResult& b) {
  EXPECT_EQ(a.found, b.found);
  EXPECT_EQ(a.executions, b.executions);
  EXPECT_EQ(a.exhausted, b.exhausted);
  EXPECT_EQ(a.complete, b.complete);
  EXPECT_EQ(a.redundant, b.redundant);
  EXPECT_EQ(a.ranks, b.ranks);
  EXPECT_EQ(a.ranks_before_shrinking, b.ranks_before_shrinking);
  ASSERT_EQ(a.bounds.size(), b.bounds.size());
  for (size_t i = 0; i < a.bounds.size(); ++i) {
    EXPECT_EQ(a.bounds[i].executions, b.bounds[i].executions);
    EXPECT_EQ(a.bounds[i].exhausted, b.bounds[i].exhausted);
  }
}

void check(const char* file, const char* strategy, int bound, uint64_t budget, bool found) {
  SCOPED_TRACE(std::string(file) + " " + strategy);
  Board b = load_board("armada-388-clearfog-pro");
  Scenario s = load_scenario(file);
  ExploreOptions o;
  o.strategy = strategy;
  o.bound = bound;
  o.budget = budget;
  o.jobs = 1;
  ExploreResult one = explore_scenario(b, s, o);
  EXPECT_EQ(one.found, found);
  o.jobs = 2;
  ExploreResult two = explore_scenario(b, s, o);
  expect_same(one, two);
  if (found) {
    EXPECT_EQ(one.failing.findings.size(), two.failing.findings.size());
  }
  std::vector<ShardResult> shards;
  o.jobs = 1;
  for (uint32_t k = 0; k < 3; ++k) shards.push_back(explore_scenario_shard(b, s, o, {k, 3}));
  expect_same(one, merge_shards(o, shards));
  shards.pop_back();
  EXPECT_THROW(merge_shards(o, shards), sim::UserError);
}

TEST(ExploreShard, FoundRaceIsTheSameOnThreadsAndShards) {
  check(kIfupUnbind, "dfs", 1, 1000, true);
}

TEST(ExploreShard, ExhaustedSpaceIsTheSameOnThreadsAndShards) {
  check(kRmmodBind, "dfs", 1, 1000, false);
  check(kRmmodBind, "dpor", 1, 1000, false);
}

TEST(ExploreShard, ShardSpecsFromTheCommandLineAndTheLaunchers) {
  std::map<std::string, std::string> env;
  auto get = [&](const char* k) -> const char* {
    auto it = env.find(k);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  sim::Shard s = parse_shard("2/5", get);
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 5u);
  EXPECT_THROW(parse_shard("5/5", get), sim::UserError);
  EXPECT_THROW(parse_shard("x/5", get), sim::UserError);
  EXPECT_THROW(parse_shard("mpi", get), sim::UserError);
  EXPECT_THROW(parse_shard("auto", get), sim::UserError);
  env = {{"OMPI_COMM_WORLD_RANK", "3"}, {"OMPI_COMM_WORLD_SIZE", "4"}};
  s = parse_shard("auto", get);
  EXPECT_EQ(s.index, 3u);
  EXPECT_EQ(s.count, 4u);
  env = {{"SLURM_ARRAY_TASK_ID", "11"},
         {"SLURM_ARRAY_TASK_MIN", "10"},
         {"SLURM_ARRAY_TASK_COUNT", "4"}};
  s = parse_shard("slurm", get);
  EXPECT_EQ(s.index, 1u);
  EXPECT_EQ(s.count, 4u);
}

}  // namespace
}  // namespace lifeline::scenario
