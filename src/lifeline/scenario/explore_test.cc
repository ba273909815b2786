// SPDX-License-Identifier: GPL-2.0-only
// Exploring a scenario's concurrently blocks on a real board.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

const char* kRace = LIFELINE_SOURCE_DIR "/scenarios/race-ifup-unbind-clearfog.scn";

TEST(Explore, TheDefaultScheduleOfTheRaceIsClean) {
  Board b = load_board("armada-388-clearfog-pro");
  RunResult r = run_scenario(b, load_scenario(kRace), {});
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.expects_failed(), 0);
}

// Two races hide in that scenario: the unbind lands between
// phy_attach_direct() and phylink_bringup_phy() (NULL phy->drv->name), or
// after the bringup and before phylink_start() (phy_start() WARNs "called
// from state DOWN"). Each strategy stops at the first it meets.
bool race_finding(const sim::Finding& f) {
  return (f.kind == sim::FindingKind::kOops &&
          f.message.find("phy->drv->name") != std::string::npos) ||
         (f.kind == sim::FindingKind::kWarn &&
          f.message.find("phy_start: called from state DOWN") != std::string::npos);
}

TEST(Explore, DfsFindsARaceAndItsShrunkScheduleReplays) {
  Board b = load_board("armada-388-clearfog-pro");
  Scenario s = load_scenario(kRace);
  ExploreOptions o;
  o.strategy = "dfs";
  o.bound = 1;
  o.budget = 500;
  ExploreResult r = explore_scenario(b, s, o);
  ASSERT_TRUE(r.found) << r.executions << " executions";
  EXPECT_LE(r.ranks.size(), r.ranks_before_shrinking.size());
  bool race = false;
  for (const sim::Finding& f : r.failing.findings) race |= race_finding(f);
  EXPECT_TRUE(race) << "the replayed failing run shows one of the races";
  // The shrunk schedule replays to the same failure, deterministically.
  RunOptions replay;
  replay.replay = r.ranks;
  RunResult again = run_scenario(b, s, replay);
  ASSERT_EQ(again.findings.size(), r.failing.findings.size());
  for (size_t i = 0; i < again.findings.size(); ++i)
    EXPECT_EQ(again.findings[i].message, r.failing.findings[i].message);
}

// No options at all: the default search (iterative context bounding within
// the default budget) reports the race. A fixed bound of 2 did not: its
// space is too large for the budget, and the race needs one deviation.
TEST(Explore, TheDefaultSearchFindsTheRace) {
  Board b = load_board("armada-388-clearfog-pro");
  ExploreResult r = explore_scenario(b, load_scenario(kRace), ExploreOptions{});
  ASSERT_TRUE(r.found) << r.executions << " executions";
  bool race = false;
  for (const sim::Finding& f : r.failing.findings) race |= race_finding(f);
  EXPECT_TRUE(race);
  ASSERT_EQ(r.bounds.size(), 2u);
  EXPECT_TRUE(r.bounds[0].exhausted);
  EXPECT_EQ(r.bounds[1].bound, 1);
  EXPECT_LE(r.executions, 100u);
}

TEST(Explore, RandomAndPctFindItToo) {
  Board b = load_board("armada-388-clearfog-pro");
  Scenario s = load_scenario(kRace);
  for (const char* strategy : {"random", "pct"}) {
    ExploreOptions o;
    o.strategy = strategy;
    o.bound = 2;
    o.budget = 1000;
    o.seed = 1;
    ExploreResult r = explore_scenario(b, s, o);
    ASSERT_TRUE(r.found) << strategy;
    bool race = false;
    for (const sim::Finding& f : r.failing.findings) race |= race_finding(f);
    EXPECT_TRUE(race) << strategy;
  }
}

TEST(Explore, NoFindingWithoutConcurrency) {
  // The same two commands one after the other: every schedule is clean.
  Board b = load_board("armada-388-clearfog-pro");
  Scenario s = parse_scenario(
      "boot\ncable eth0 plug\nip link set eth0 up\nunbind f1072004.mdio-mii:00\n", "seq.scn");
  ExploreOptions o;
  o.bound = 2;
  o.budget = 50;
  ExploreResult r = explore_scenario(b, s, o);
  EXPECT_FALSE(r.found);
  EXPECT_TRUE(r.exhausted);
}

// Invariants are judged where they hold: ifup of eth1 (a fixed link, whose
// carrier a worker raises before dev_open() sets IFF_UP) beside a command of
// another task that ends meanwhile. Judged after that command, "carrier on
// while the interface is down" was a false finding in some schedules; the
// invariant holds at quiescent points only, and no schedule breaks it there.
TEST(Explore, NoInvariantFindingMidIfupOfAnotherTask) {
  Board b = load_board("armada-388-clearfog-pro");
  Scenario s = parse_scenario(
      "concurrently\n  ip link set eth1 up\n  cable eth0 plug\nend\nsettle\n"
      "expect carrier eth1 on\nexpect finding none\n",
      "ifup-beside.scn");
  ExploreOptions o;
  o.budget = 400;
  ExploreResult r = explore_scenario(b, s, o);
  EXPECT_FALSE(r.found) << (r.failing.findings.empty() ? std::string("an expect failed")
                                                       : r.failing.findings[0].message);
  EXPECT_GE(r.bounds.size(), 3u) << "the search reached bound 2";
}

TEST(Explore, ReplayFileRoundTrip) {
  ReplayFile f{"armada-388-clearfog-pro",
               "race.scn",
               {{"phy-loss", "mainline"}},
               {0, 2, 0, 1},
               "0123456789abcdef"};
  ReplayFile g = parse_replay_file(format_replay_file(f), "x");
  EXPECT_EQ(g.board, f.board);
  EXPECT_EQ(g.scenario, f.scenario);
  EXPECT_EQ(g.knobs, f.knobs);
  EXPECT_EQ(g.ranks, f.ranks);
  EXPECT_EQ(g.digest, f.digest);
  EXPECT_EQ(g.strategy, "");  // none given: none written, none read
  EXPECT_TRUE(g.strategy_params.empty());

  f.strategy = "dpor";
  ExploreOptions o;
  o.strategy = "dpor";
  o.bound = 2;
  o.budget = 500;
  f.strategy_params = strategy_parameters(o);
  std::string text = format_replay_file(f);
  EXPECT_NE(text.find("\nstrategy dpor bound=2 budget=500 deviations=all iterative=on "
                      "sleep-sets=on\n"),
            std::string::npos)
      << text;
  g = parse_replay_file(text, "x");
  EXPECT_EQ(g.strategy, "dpor");
  EXPECT_EQ(g.strategy_params, f.strategy_params);
  EXPECT_EQ(g.ranks, f.ranks);
  EXPECT_EQ(describe_strategy(g),
            "dpor (bound=2 budget=500 deviations=all iterative=on sleep-sets=on)");
}

TEST(Explore, StrategyParametersPerStrategy) {
  ExploreOptions o;  // the defaults: dfs, deepening the bound until the budget is spent
  EXPECT_EQ(strategy_parameters(o),
            (std::map<std::string, std::string>{
                {"budget", "1000"}, {"bound", "none"}, {"deviations", "all"}}));
  o.strategy = "random";
  o.seed = 7;
  EXPECT_EQ(strategy_parameters(o),
            (std::map<std::string, std::string>{{"budget", "1000"}, {"seed", "7"}}));
  o.strategy = "pct";
  EXPECT_EQ(strategy_parameters(o).at("depth"), "2");  // as explore_scenario() defaults it
}

// Replay files written before the strategy was recorded (the fuzz corpus
// keeps such files) load as before, with no strategy.
TEST(Explore, OldReplayFilesStillLoad) {
  for (const char* name : {"race.txt", "knobs.txt"}) {
    std::string path = std::string(LIFELINE_SOURCE_DIR) + "/fuzz/seeds/replay/" + name;
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ReplayFile r = parse_replay_file(text, path);
    EXPECT_EQ(r.strategy, "") << path;
    EXPECT_TRUE(r.strategy_params.empty()) << path;
    EXPECT_FALSE(r.board.empty()) << path;
  }
}

TEST(Explore, BadStrategyLines) {
  for (const char* line : {"strategy\n", "strategy dfs bound\n", "strategy dfs =2\n",
                           "strategy DFS\n", "strategy dfs bound=\n"}) {
    std::string text = std::string("board b\nscenario s.scn\n") + line + "ranks 0\n";
    try {
      parse_replay_file(text, "f.replay");
      ADD_FAILURE() << "accepted: " << line;
    } catch (const sim::UserError& e) {
      EXPECT_NE(std::string(e.what()).find("f.replay:3"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace lifeline::scenario
