// SPDX-License-Identifier: GPL-2.0-only
// Starting executions from the snapshot of the booted board
// (scenario/explore_host.h) changes nothing an exploration reports: on the
// bundled race scenarios and on scenarios with findings, under dfs, dpor,
// pct and random, with and without the snapshot, the same executions, the
// same finding, the same shrunk schedule, the same set of outcomes. And the
// comparison can fail: a restore that leaves out one part of the state
// (SnapshotSession::set_skip_for_test) changes what the census sees.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "lifeline/scenario/explore_host.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/explore.h"

namespace lifeline::scenario {
namespace {

std::string path(const char* name) { return std::string(LIFELINE_SOURCE_DIR "/scenarios/") + name; }

struct Case {
  const char* scenario;
  const char* board;
  const char* strategy;
  int bound;
  std::map<std::string, std::string> knobs;
};

ExploreOptions options_of(const Case& c, bool snapshot) {
  ExploreOptions o;
  o.strategy = c.strategy;
  o.bound = c.bound;
  o.budget = 3000;
  o.snapshot = snapshot;
  o.run.knobs = c.knobs;
  return o;
}

// Whether the snapshot was used: not in a sanitizer build, which has no
// arena (the comparison then runs the same path twice).
bool snapshots_supported() { return sim::Arena::supported(); }

void expect_same_exploration(const Case& c) {
  SCOPED_TRACE(std::string(c.scenario) + " " + c.strategy + " bound " + std::to_string(c.bound));
  Board b = load_board(c.board);
  Scenario s = load_scenario(path(c.scenario));
  ExploreResult off = explore_scenario(b, s, options_of(c, false));
  ExploreResult on = explore_scenario(b, s, options_of(c, true));
  if (snapshots_supported()) {
    EXPECT_NE(on.snapshot.find("restored"), std::string::npos) << on.snapshot;
  }
  EXPECT_NE(off.snapshot.find("off"), std::string::npos) << off.snapshot;
  EXPECT_EQ(on.executions, off.executions);
  EXPECT_EQ(on.found, off.found);
  EXPECT_EQ(on.exhausted, off.exhausted);
  EXPECT_EQ(on.complete, off.complete);
  EXPECT_EQ(on.redundant, off.redundant);
  EXPECT_EQ(on.ranks_before_shrinking, off.ranks_before_shrinking);
  EXPECT_EQ(on.ranks, off.ranks);
  ASSERT_EQ(on.steps.size(), off.steps.size());
  for (size_t i = 0; i < on.steps.size(); ++i) {
    EXPECT_EQ(on.steps[i].task, off.steps[i].task);
    EXPECT_EQ(on.steps[i].function, off.steps[i].function);
    EXPECT_EQ(on.steps[i].touched, off.steps[i].touched);
  }
}

size_t expect_same_census(const Case& c) {
  SCOPED_TRACE(std::string(c.scenario) + " " + c.strategy + " bound " + std::to_string(c.bound));
  Board b = load_board(c.board);
  Scenario s = load_scenario(path(c.scenario));
  ExploreCensus off = census_scenario(b, s, options_of(c, false));
  ExploreCensus on = census_scenario(b, s, options_of(c, true));
  if (snapshots_supported()) {
    EXPECT_NE(on.snapshot.find("restored"), std::string::npos) << on.snapshot;
  }
  EXPECT_EQ(on.executions, off.executions);
  EXPECT_EQ(on.redundant, off.redundant);
  EXPECT_EQ(on.exhausted, off.exhausted);
  EXPECT_EQ(on.outcomes, off.outcomes);
  return on.outcomes.size();
}

const char* kClearfog = "armada-388-clearfog-pro";

TEST(ExploreSnapshot, RaceScenariosFindTheSameUnderDfsAndDpor) {
  expect_same_exploration({"race-ifup-unbind-clearfog.scn", kClearfog, "dfs", 2, {}});
  expect_same_exploration({"race-ifup-unbind-clearfog.scn", kClearfog, "dpor", 2, {}});
  expect_same_exploration({"race-rmmod-bind-ifup-clearfog.scn", kClearfog, "dpor", 2, {}});
}

// Both draw from a stream the tasks' spawns feed (pct's priorities): the
// restore tells the strategy of the tasks spawned before the snapshot.
TEST(ExploreSnapshot, SamplingStrategiesFindTheSame) {
  expect_same_exploration({"race-ifup-unbind-clearfog.scn", kClearfog, "pct", 2, {}});
  expect_same_exploration({"race-rmmod-bind-ifup-clearfog.scn", kClearfog, "random", 2, {}});
}

TEST(ExploreSnapshot, ScenariosWithFindingsOnOtherProviders) {
  expect_same_exploration(
      {"pse-register-race.scn", "stm32mp151a-prtt1c", "dfs", 2, {{"pse", "notifier-narrow"}}});
  expect_same_exploration({"sfp-rtnl-ifup-unbind-clearfog.scn", kClearfog, "dpor", 1, {}});
}

TEST(ExploreSnapshot, RaceScenariosReachTheSameOutcomes) {
  // Censuses with the races in them (more than the one good outcome).
  EXPECT_GT(expect_same_census({"race-ifup-unbind-clearfog.scn", kClearfog, "dfs", 1, {}}), 1u);
  EXPECT_GT(expect_same_census({"race-ifup-unbind-clearfog.scn", kClearfog, "dpor", 2, {}}), 1u);
  expect_same_census({"race-rmmod-bind-ifup-clearfog.scn", kClearfog, "dpor", 1, {}});
  expect_same_census(
      {"pse-register-race.scn", "stm32mp151a-prtt1c", "dpor", 1, {{"pse", "notifier-narrow"}}});
}

// What each execution of an exploration of the ifup/unbind race saw, in
// order (its number of choices, its findings, its expects), with `skip`
// left out of every restore.
std::vector<std::string> executions_seen(const char* strategy, bool snapshot,
                                         const std::string& skip) {
  Board b = load_board(kClearfog);
  Scenario s = load_scenario(path("race-ifup-unbind-clearfog.scn"));
  std::vector<std::string> seen;
  RunOptions quiet;
  quiet.trace = false;
  ExploreHost host(b, s, quiet, snapshot);
  if (host.session()) host.session()->set_skip_for_test(skip);
  sim::ExploreOptions eo;
  eo.preemption_bound = 2;
  eo.pct_depth = 2;
  eo.bound_all_deviations = true;
  eo.budget = 300;
  eo.snapshot = host.session();
  Execution& ex = host.execution();
  auto record = [&](const sim::Engine& e) {
    std::string line = std::to_string(e.choices().size()) + " choices;";
    for (const sim::Finding& f : e.findings()) line += f.message + ";";
    for (const ExpectResult& x : ex.state().expects) line += x.passed ? "pass;" : "FAIL;";
    seen.push_back(line);
    return false;
  };
  sim::explore(
      host.engine(), strategy, [&](sim::Engine& e) { ex.setup(e); }, eo, record);
  return seen;
}

// pct draws each task's priority when it is spawned: a restore that does
// not tell the strategy of the tasks spawned before the snapshot draws
// from another point of its stream, and the executions differ.
TEST(ExploreSnapshot, ARestoreThatForgetsTheSpawnsIsCaught) {
  if (!snapshots_supported()) GTEST_SKIP() << "no arena in this build";
  std::vector<std::string> booting = executions_seen("pct", false, "");
  EXPECT_EQ(executions_seen("pct", true, ""), booting);
  EXPECT_NE(executions_seen("pct", true, "strategy"), booting);
}

}  // namespace
}  // namespace lifeline::scenario
