// SPDX-License-Identifier: GPL-2.0-only
// dpor on the bundled race scenarios: run to the end of each bound, it
// reaches exactly the outcomes (findings and expects) dfs reaches at the
// same bound, with several times fewer executions; and the shrunk schedule
// of a finding carries what each step touched, for a picture of it.
#include <gtest/gtest.h>

#include <algorithm>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

const char* kIfupUnbind = LIFELINE_SOURCE_DIR "/scenarios/race-ifup-unbind-clearfog.scn";
const char* kRmmodBind = LIFELINE_SOURCE_DIR "/scenarios/race-rmmod-bind-ifup-clearfog.scn";

ExploreCensus census(const Board& b, const Scenario& s, const char* strategy, int bound) {
  ExploreOptions o;
  o.strategy = strategy;
  o.bound = bound;
  o.budget = 100000;
  return census_scenario(b, s, o);
}

void expect_same_outcomes(const char* file, int bound) {
  Board b = load_board("armada-388-clearfog-pro");
  Scenario s = load_scenario(file);
  ExploreCensus dfs = census(b, s, "dfs", bound);
  ExploreCensus dpor = census(b, s, "dpor", bound);
  ASSERT_TRUE(dfs.exhausted);
  ASSERT_TRUE(dpor.exhausted);
  EXPECT_EQ(dpor.outcomes, dfs.outcomes) << file << " bound " << bound;
  EXPECT_LT(dpor.executions * 2, dfs.executions) << file << " bound " << bound;
}

TEST(ExploreDpor, IfupUnbindSameOutcomesAsDfs) {
  expect_same_outcomes(kIfupUnbind, 1);
  expect_same_outcomes(kIfupUnbind, 2);
}

TEST(ExploreDpor, RmmodBindIfupSameOutcomesAsDfs) { expect_same_outcomes(kRmmodBind, 1); }

// The outcomes include the two races of the scenario, so the comparison
// above can fail.
TEST(ExploreDpor, TheCensusSeesTheRaces) {
  Board b = load_board("armada-388-clearfog-pro");
  ExploreCensus c = census(b, load_scenario(kIfupUnbind), "dpor", 1);
  bool oops = false, warn = false;
  for (const std::string& o : c.outcomes) {
    oops |= o.find("phy->drv->name") != std::string::npos;
    warn |= o.find("called from state DOWN") != std::string::npos;
  }
  EXPECT_TRUE(oops);
  EXPECT_TRUE(warn);
}

TEST(ExploreDpor, TheShrunkScheduleSaysWhatEachStepTouched) {
  Board b = load_board("armada-388-clearfog-pro");
  ExploreOptions o;
  o.strategy = "dpor";
  o.bound = 1;
  ExploreResult r = explore_scenario(b, load_scenario(kIfupUnbind), o);
  ASSERT_TRUE(r.found);
  ASSERT_EQ(r.steps.size(), r.ranks.size());
  bool lock = false;
  for (const ExploreStep& s : r.steps) {
    EXPECT_FALSE(s.task.empty());
    for (const std::string& t : s.touched) lock |= t.rfind("lock ", 0) == 0;
  }
  EXPECT_TRUE(lock);
  EXPECT_NE(r.steps.back().rank, 0);  // the deviation the failure needs
}

}  // namespace
}  // namespace lifeline::scenario
