// SPDX-License-Identifier: GPL-2.0-only
// What each command asks the backend, what it prints, and its exit status,
// with a backend that boots nothing.
#include "lifeline/cli/commands.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "lifeline/cli/demo.h"
#include "lifeline/cli/test_backend.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/report/json.h"
#include "lifeline/report/text.h"

namespace lifeline::cli {
namespace {

using testing::cli;
using testing::Fake;
using testing::TempDir;

scenario::RunResult passing_run() {
  scenario::RunResult r = report::testing::run_result();
  for (auto& e : r.expects) e.passed = true;
  return r;
}

TEST(Boot, PrintsTheBootReport) {
  Fake f;
  auto o = cli({"boot", "imx8mp-evk", "--set", "probe=event"}, f);
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.err, "");
  EXPECT_EQ(o.out, report::format_boot(report::testing::boot_result()));
  EXPECT_EQ(f.calls->log, (std::vector<std::string>{"load_board imx8mp-evk", "boot"}));
  EXPECT_EQ(f.calls->options.knobs, (std::map<std::string, std::string>{{"probe", "event"}}));
}

TEST(Boot, ABootThatNeverSettledSaysSoAndExitsOne) {
  Fake f;
  f.boot.stopped = scenario::RunStop{scenario::StopReason::kStepLimit, 0, "boot", 0,
                                     "no end after 20000001 scheduling points (a livelock)"};
  auto o = cli({"boot", "imx8mp-evk"}, f);
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.out.find("\nBOOT DID NOT SETTLE (step limit): no end after 20000001 scheduling "
                       "points (a livelock)\n"),
            std::string::npos)
      << o.out;
}

TEST(Boot, Json) {
  auto o = cli({"boot", "imx8mp-evk", "--json"});
  EXPECT_EQ(o.status, 0);
  auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["schema"], 2);
  EXPECT_EQ(j["command"], "boot");
  EXPECT_EQ(j["after_boot"]["devices"].size(), 4u);
}

TEST(Run, ExitStatusFollowsTheExpects) {
  Fake failing;
  auto o = cli({"run", "b", "s.scn"}, failing);
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.out, report::format_run(failing.run, false));
  Fake passing;
  passing.run = passing_run();
  EXPECT_EQ(cli({"run", "b", "s.scn"}, passing).status, 0);
  // Findings alone do not fail a run: the expects say what was expected.
  EXPECT_FALSE(passing.run.findings.empty());
}

TEST(Run, OptionsReachTheRunner) {
  Fake f;
  auto o = cli({"run", "b", "s.scn", "-v", "--set", "phy-loss=replay", "--set=genphy=defer"}, f);
  EXPECT_EQ(f.calls->log, (std::vector<std::string>{"load_board b", "load_scenario s.scn", "run"}));
  EXPECT_TRUE(f.calls->options.verbose);
  EXPECT_EQ(f.calls->options.knobs,
            (std::map<std::string, std::string>{{"genphy", "defer"}, {"phy-loss", "replay"}}));
  EXPECT_EQ(o.out, report::format_run(f.run, true));
}

TEST(Run, JsonIsByteIdenticalBetweenRuns) {
  auto a = cli({"run", "b", "s.scn", "--json"});
  auto b = cli({"run", "b", "s.scn", "--json"});
  EXPECT_EQ(a.status, 1);
  EXPECT_EQ(a.out, b.out);
  auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["command"], "run");
  EXPECT_EQ(j["ok"], false);
  EXPECT_TRUE(j["replay_file"].is_null());
}

TEST(Run, BadScenarioLineNamesFileLineAndColumn) {
  TempDir d;
  std::string scn = d.file("s.scn", "boot\nunbnd &phy0\n");
  auto o = cli({"run", "b", scn});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "lifeline: " + scn + ":2:1: unknown command 'unbnd' (did you mean 'unbind'?)\n");
  EXPECT_EQ(o.out, "");
}

TEST(Run, MissingScenarioFile) {
  Fake f;
  f.calls = std::make_shared<testing::Calls>();
  Backend b = f.backend();
  b.load_scenario = scenario::load_scenario;
  std::ostringstream out, err;
  EXPECT_EQ(run_cli({"run", "b", "/nonexistent/s.scn"}, out, err, b), 2);
  EXPECT_TRUE(err.str().starts_with("lifeline: /nonexistent/s.scn")) << err.str();
}

TEST(Run, UnknownBundledBoardIsSuggested) {
  Fake f;
  f.real_boards = true;
  auto o = cli({"boot", "imx8mp-evj"}, f);
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err,
            "lifeline: imx8mp-evj: no such board file or bundled board (did you mean "
            "'imx8mp-evk'?)\n");
}

TEST(Run, ReplayFileGivesScheduleKnobsBoardAndScenario) {
  TempDir d;
  std::string file = d.file("s.replay",
                            "# lifeline replay file\nboard imx8mp-evk\nscenario s1.scn\n"
                            "set phy-loss holdover\nset probe event\nranks 0 2 1\n");
  Fake f;
  auto o = cli({"run", "--replay", file}, f);
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(f.calls->log,
            (std::vector<std::string>{"load_board imx8mp-evk", "load_scenario s1.scn", "run"}));
  EXPECT_EQ(f.calls->options.replay, (std::vector<uint16_t>{0, 2, 1}));
  EXPECT_EQ(f.calls->options.knobs,
            (std::map<std::string, std::string>{{"phy-loss", "holdover"}, {"probe", "event"}}));
  EXPECT_TRUE(o.out.starts_with("replaying " + file + ": 3 choices\nboard")) << o.out;
  EXPECT_EQ(o.err, "");

  // The same board and scenario by other paths, and --set of a recorded
  // knob to the recorded value, are these inputs.
  auto same =
      cli({"run", "boards/imx8mp-evk.dts", "./s1.scn", "--replay", file, "--set", "probe=event"});
  EXPECT_EQ(same.err, "");
}

TEST(Run, AReplayForOtherInputsIsRefused) {
  TempDir d;
  std::string file = d.file("s.replay",
                            "# lifeline replay file\nboard imx8mp-evk\nscenario s1.scn\n"
                            "set phy-loss holdover\nset probe event\nranks 0 2 1\n");
  auto other = cli({"run", "bcm2711-rpi-4-b", "s1.scn", "--replay", file});
  EXPECT_EQ(other.status, 2);
  EXPECT_EQ(other.err, "lifeline: " + file +
                           ": this replay does not belong to these inputs: it was recorded on "
                           "board imx8mp-evk, not bcm2711-rpi-4-b; run it as recorded with "
                           "`lifeline run --replay " +
                           file + "`\n");
  auto scenario = cli({"run", "imx8mp-evk", "s2.scn", "--replay", file});
  EXPECT_EQ(scenario.status, 2);
  EXPECT_NE(scenario.err.find("recorded for scenario s1.scn, not s2.scn"), std::string::npos)
      << scenario.err;
  auto knob = cli({"run", "--replay", file, "--set", "probe=kernel"});
  EXPECT_EQ(knob.status, 2);
  EXPECT_NE(knob.err.find("recorded with probe=event, not probe=kernel"), std::string::npos)
      << knob.err;
}

TEST(Run, BadReplayFiles) {
  TempDir d;
  auto missing = cli({"run", "--replay", d.path("nope.replay")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err, "lifeline: " + d.path("nope.replay") +
                             ": cannot read the replay file: No such file or directory\n");
  std::string bad = d.file("bad.replay", "board b\nranks 0 x\n");
  auto o = cli({"run", "--replay", bad});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "lifeline: " + bad + ":2: expected schedule ranks (small numbers), got 'x'\n");
}

TEST(Compare, OneColumnPerValue) {
  Fake f;
  auto o = cli({"compare", "b", "s.scn", "--vary", "phy-loss=mainline,devlink,replay"}, f);
  EXPECT_EQ(o.status, 1);  // an expect failed in a column
  EXPECT_EQ(f.calls->knob, "phy-loss");
  EXPECT_EQ(f.calls->values, (std::vector<std::string>{"mainline", "devlink", "replay"}));
  EXPECT_EQ(o.out, report::format_compare(f.compare) +
                       "\nlifeline run b s.scn --set phy-loss=VALUE shows one column in full.\n");
}

TEST(Compare, KnobAloneMeansEveryValueAndPassingRunsExitZero) {
  Fake f;
  for (auto& run : f.compare.runs)
    for (auto& e : run.expects) e.passed = true;
  auto o = cli({"compare", "b", "s.scn", "--vary", "genphy"}, f);
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(f.calls->values, (std::vector<std::string>{"mainline", "defer", "opt-in"}));
}

TEST(Compare, Json) {
  auto o = cli({"compare", "b", "s.scn", "--vary", "phy-loss", "--json"});
  auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["command"], "compare");
  EXPECT_EQ(j["knob"], "phy-loss");
  EXPECT_EQ(j["runs"].size(), 3u);
}

TEST(Demo, ComparesTheBundledScenarioAcrossEveryPhyLossDesign) {
  Fake f;
  auto o = cli({"demo"}, f);
  EXPECT_EQ(o.status, 0);  // the designs are meant to differ; failed expects are the point
  EXPECT_EQ(f.calls->log[0], std::string("load_board ") + kDemoBoard);
  EXPECT_EQ(f.calls->log[1], "load_scenario " + demo_scenario_path());
  EXPECT_TRUE(demo_scenario_path().ends_with("/scenarios/s1-clearfog.scn"));
  EXPECT_TRUE(std::filesystem::is_regular_file(demo_scenario_path())) << demo_scenario_path();
  EXPECT_EQ(f.calls->knob, "phy-loss");
  EXPECT_EQ(f.calls->values, (std::vector<std::string>{"mainline", "holdover", "devlink",
                                                       "port-device", "notify-down", "replay"}));
  EXPECT_TRUE(o.out.starts_with("lifeline demo: what each phy-loss design does")) << o.out;
  EXPECT_NE(o.out.find(report::format_compare(f.compare)), std::string::npos);
  EXPECT_TRUE(o.out.ends_with(" --set phy-loss=VALUE shows one column in full.\n")) << o.out;
  auto j = nlohmann::json::parse(cli({"demo", "--json"}).out);
  EXPECT_EQ(j["command"], "demo");
}

TEST(Explore, FoundWritesAReplayFileBesideTheScenario) {
  TempDir d;
  std::string scn = d.file("s1.scn", "boot\n");
  Fake f;
  auto o = cli({"explore", "imx8mp-evk", scn, "--set", "phy-loss=holdover"}, f);
  EXPECT_EQ(o.status, 1);
  std::string replay = d.path("s1.replay");
  EXPECT_EQ(testing::slurp(replay), "# lifeline replay file: lifeline run imx8mp-evk " + scn +
                                        " --replay FILE\nboard imx8mp-evk\nscenario " + scn +
                                        "\ndigest " +
                                        scenario::scenario_digest(scenario::load_scenario(scn)) +
                                        "\nset phy-loss holdover\nstrategy dfs "
                                        "bound=none budget=1000 deviations=all\nranks 0 2 1\n");
  EXPECT_TRUE(o.out.starts_with(report::format_explore(f.explore))) << o.out;
  EXPECT_TRUE(o.out.ends_with("\nreplay file: " + replay +
                              "\nshow it again: lifeline run imx8mp-evk " + scn + " --replay " +
                              replay + "\n"))
      << o.out;
  // Defaults.
  EXPECT_EQ(f.calls->explore.strategy, "dfs");
  EXPECT_EQ(f.calls->explore.bound, -1);  // dfs: bound 0, 1, 2, ... within the budget
  EXPECT_EQ(f.calls->explore.budget, 1000u);
  EXPECT_EQ(f.calls->explore.seed, 1u);
  EXPECT_EQ(f.calls->explore.run.knobs,
            (std::map<std::string, std::string>{{"phy-loss", "holdover"}}));

  // What it printed runs the replay.
  Fake again;
  auto shown = cli({"run", "imx8mp-evk", scn, "--replay", replay}, again);
  EXPECT_EQ(again.calls->options.replay, f.explore.ranks);
  EXPECT_EQ(shown.err, "");
  // ... and says what found it.
  EXPECT_TRUE(shown.out.starts_with("replaying " + replay +
                                    ": 3 choices, found by dfs (bound=none budget=1000 "
                                    "deviations=all)\n"))
      << shown.out;
  // No progress line when stderr is not a terminal (here: not stderr at all).
  EXPECT_EQ(o.err, "");
}

TEST(Explore, OptionsAndReplayOut) {
  TempDir d;
  Fake f;
  std::string out_file = d.path("x.replay");
  auto o = cli({"explore", "b", "s.scn", "--strategy", "pct", "--bound", "3", "--budget", "50",
                "--seed", "9", "--replay-out", out_file, "--json"},
               f);
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(f.calls->explore.strategy, "pct");
  EXPECT_EQ(f.calls->explore.bound, 3);
  EXPECT_EQ(f.calls->explore.budget, 50u);
  EXPECT_EQ(f.calls->explore.seed, 9u);
  auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["command"], "explore");
  EXPECT_EQ(j["replay_file"], out_file);
  EXPECT_EQ(j["replay_command"], "lifeline run b s.scn --replay " + out_file);
  EXPECT_TRUE(std::filesystem::exists(out_file));
  // The replay file records the strategy and every parameter it ran with.
  scenario::ReplayFile written = scenario::parse_replay_file(testing::slurp(out_file), out_file);
  EXPECT_EQ(written.strategy, "pct");
  EXPECT_EQ(written.strategy_params,
            (std::map<std::string, std::string>{{"budget", "50"}, {"depth", "3"}, {"seed", "9"}}));
}

// --no-snapshot reaches the explorer; -v says on stderr whether the
// snapshot was used (stdout stays the report).
TEST(Explore, NoSnapshotAndWhatVerboseSaysOfIt) {
  Fake f;
  f.explore = scenario::ExploreResult{};
  f.explore.snapshot = "snapshot: off (turned off), every execution boots";
  auto o = cli({"explore", "b", "s.scn", "--no-snapshot", "-v"}, f);
  EXPECT_FALSE(f.calls->explore.snapshot);
  EXPECT_NE(o.err.find(f.explore.snapshot), std::string::npos) << o.err;
  EXPECT_EQ(o.out.find("snapshot:"), std::string::npos);
  cli({"explore", "b", "s.scn"}, f);
  EXPECT_TRUE(f.calls->explore.snapshot);
}

TEST(Explore, NothingFoundExitsZeroAndWritesNothing) {
  TempDir d;
  std::string scn = d.file("s.scn", "boot\n");
  Fake f;
  f.explore = scenario::ExploreResult{};
  f.explore.strategy = "dfs";
  f.explore.executions = 12;
  f.explore.exhausted = true;
  auto o = cli({"explore", "b", scn}, f);
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.out, report::format_explore(f.explore));
  EXPECT_FALSE(std::filesystem::exists(d.path("s.replay")));
}

TEST(Explore, UnwritableReplayFile) {
  auto o = cli({"explore", "b", "s.scn", "--replay-out", "/nonexistent/dir/x.replay"});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err,
            "lifeline: /nonexistent/dir/x.replay: cannot write the replay file: No such file or "
            "directory; --replay-out FILE writes it elsewhere\n");
}

TEST(Graph, Formats) {
  Fake f;
  auto dot = cli({"graph", "b"}, f);
  EXPECT_EQ(dot.status, 0);
  EXPECT_EQ(dot.out, report::to_dot(report::testing::graph()));
  EXPECT_FALSE(f.calls->all_devices);

  auto svg = cli({"graph", "b", "--format", "svg", "--all"}, f);
  EXPECT_EQ(svg.out, "<svg/>\n");
  report::GraphPicture all;
  all.all = true;
  EXPECT_EQ(f.calls->svg_input, report::to_dot(report::testing::graph(), all));
  EXPECT_TRUE(f.calls->all_devices);

  auto json = cli({"graph", "b", "--format", "json"});
  EXPECT_EQ(json.out, cli({"graph", "b", "--json"}).out);
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["command"], "graph");
  EXPECT_EQ(j["nodes"].size(), 5u);
}

TEST(Errors, InternalErrorsAreNotBlamedOnTheInput) {
  Fake f;
  f.throw_internal = true;
  auto o = cli({"boot", "b"}, f);
  EXPECT_EQ(o.status, 3);
  EXPECT_EQ(o.err,
            "lifeline: internal error (a bug in lifeline; please report it with the command "
            "line): kref underflow in the model\n");
}

TEST(ShellQuote, Words) {
  EXPECT_EQ(shell_quote("scenarios/s1.scn"), "scenarios/s1.scn");
  EXPECT_EQ(shell_quote("my board.dts"), "'my board.dts'");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quote(""), "''");
}

}  // namespace
}  // namespace lifeline::cli
