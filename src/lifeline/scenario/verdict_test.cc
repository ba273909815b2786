// SPDX-License-Identifier: GPL-2.0-only
// A verdict covers the whole scenario: a run cut short is not ok, every
// expect after the stop is reported not reached, the final state is the
// state at the stop, and a command that fails at run time is a failed step
// (as under `set -e`) unless the scenario expects the failure.
#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/scenario/test_util.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

using testing::describe_run;

const Board& clearfog() {
  static Board b = load_board(std::string(LIFELINE_BOARDS_DIR) + "/armada-388-clearfog-pro.dts");
  return b;
}

RunResult run(std::string_view text, RunOptions o = {}) {
  Scenario s = parse_scenario(text, "v.scn");
  return run_scenario(clearfog(), s, o);
}

// An oops that leaves the PHY's lock held: the scenario's next command that
// needs it waits forever. The scenario task is stuck, so the run stops.
constexpr char kUp[] =
    "boot\n"
    "cable eth0 plug\n"
    "ip link set eth0 up\n"
    "settle\n"
    "expect carrier eth0 on\n";

TEST(Verdict, ARunThatRanToItsEndIsOk) {
  RunResult r = run(kUp);
  EXPECT_FALSE(r.stopped) << describe_run(r);
  EXPECT_TRUE(r.ok()) << describe_run(r);
  EXPECT_FALSE(r.no_actions);
  EXPECT_EQ(r.expects_not_reached(), 0);
}

TEST(Verdict, AFailedCommandStopsTheRunAndLaterExpectsAreNotReached) {
  // 10000/full is beyond what the mvneta and its 88E1512 support: -EINVAL.
  RunResult r = run(std::string(kUp) +
                    "ethtool -s eth0 speed 10000 duplex full autoneg off\n"
                    "expect link eth0 1000/full\n"
                    "expect carrier eth0 on\n");
  ASSERT_TRUE(r.stopped) << describe_run(r);
  EXPECT_EQ(r.stopped->reason, StopReason::kFailedStep);
  EXPECT_EQ(r.stopped->line, 6);
  ASSERT_EQ(r.failed_steps.size(), 1u);
  EXPECT_EQ(r.failed_steps[0].err, -EINVAL) << describe_run(r);
  EXPECT_FALSE(r.failed_steps[0].background);
  EXPECT_EQ(r.expects_not_reached(), 2);
  ASSERT_EQ(r.expects.size(), 3u);
  EXPECT_TRUE(r.expects[0].passed);
  EXPECT_FALSE(r.expects[1].reached);
  EXPECT_EQ(r.expects[1].line, 7);
  EXPECT_EQ(r.expects[2].actual, "not reached");
  EXPECT_FALSE(r.ok());
}

TEST(Verdict, ExpectFailTakesTheFailureAndChecksTheErrno) {
  RunResult r = run(std::string(kUp) +
                    "expect fail EINVAL ethtool -s eth0 speed 10000 duplex full autoneg off\n"
                    "expect link eth0 1000/full\n");
  EXPECT_FALSE(r.stopped) << describe_run(r);
  EXPECT_TRUE(r.failed_steps.empty());
  EXPECT_TRUE(r.ok()) << describe_run(r);

  RunResult wrong = run(std::string(kUp) +
                        "expect fail ENODEV ethtool -s eth0 speed 10000 duplex full autoneg off\n");
  ASSERT_EQ(wrong.expects.size(), 2u);
  EXPECT_FALSE(wrong.expects[1].passed);
  EXPECT_NE(wrong.expects[1].actual.find("EINVAL"), std::string::npos) << wrong.expects[1].actual;

  RunResult succeeded =
      run(std::string(kUp) + "expect fail ethtool -s eth0 speed 100 duplex full autoneg on\n");
  ASSERT_EQ(succeeded.expects.size(), 2u);
  EXPECT_FALSE(succeeded.expects[1].passed);
  EXPECT_EQ(succeeded.expects[1].actual, "succeeded");
}

TEST(Verdict, BindUsesTheKernelsErrnos) {
  // bind_store(): a driver that does not match the device is -ENODEV.
  RunResult r = run(std::string(kUp) +
                    "unbind f1072004.mdio-mii:00\n"
                    "expect fail ENODEV bind f1072004.mdio-mii:00 \"Generic Clause 45 PHY\"\n");
  EXPECT_TRUE(r.ok()) << describe_run(r);
  // drivers_probe_store(): nothing to do for a bound device is no error.
  RunResult probe = run(std::string(kUp) + "bind f1072004.mdio-mii:00\n");
  EXPECT_TRUE(probe.failed_steps.empty()) << describe_run(probe);
  EXPECT_TRUE(probe.ok()) << describe_run(probe);
}

TEST(Verdict, ASelfDeadlockStopsTheRunAtItsLine) {
  // The example: a PHY with an ID no driver claims, so genphy binds;
  // notify-down, then the PHY is unbound from "Generic PHY" while up.
  RunResult r =
      run("set phy-loss notify-down\n"
          "phy-id &phy_dedicated 0x12345678\n"
          "boot\n"
          "cable eth0 plug\n"
          "ip link set eth0 up\n"
          "settle\n"
          "expect carrier eth0 on\n"
          "echo f1072004.mdio-mii:00 > \"/sys/bus/mdio_bus/drivers/Generic PHY/unbind\"\n"
          "wait 2s\n"
          "expect carrier eth0 off\n"
          "expect phy eth0 none\n"
          "expect unbound f1072004.mdio-mii:00\n");
  if (!r.stopped) GTEST_SKIP() << "the design no longer deadlocks here:\n" << describe_run(r);
  EXPECT_EQ(r.stopped->reason, StopReason::kDeadlock) << describe_run(r);
  EXPECT_EQ(r.stopped->line, 8);
  EXPECT_EQ(r.expects_not_reached(), 3);
  EXPECT_FALSE(r.ok());
  // The final state is the state at the stop, not after teardown.
  EXPECT_EQ(r.final_state.time, r.stopped->time);
  ASSERT_FALSE(r.final_state.devices.empty());
  for (const check::DeviceRow& d : r.final_state.devices) EXPECT_NE(d.state, "removed") << d.name;
}

// Under devlink, unbinding the PHY's driver unbinds the MAC with it: eth0
// is gone afterwards.
RunResult run_after_devlink_unbind(std::string_view then) {
  RunOptions o;
  o.knobs["phy-loss"] = "devlink";
  return run(
      std::string(kUp) +
          "echo f1072004.mdio-mii:00 > \"/sys/bus/mdio_bus/drivers/Marvell 88E1510/unbind\"\n"
          "wait 2s\n" +
          std::string(then),
      o);
}

TEST(Verdict, AnExpectOnANetdevTheDesignUnregisteredIsAnOutcome) {
  // An expect reports the gone eth0 as absent rather than as bad input.
  RunResult r = run_after_devlink_unbind("expect phy eth0 none\nexpect carrier eth0 off\n");
  ASSERT_EQ(r.expects.size(), 3u) << describe_run(r);
  EXPECT_EQ(r.expects[1].actual, "absent") << describe_run(r);
  EXPECT_FALSE(r.expects[1].passed);
  EXPECT_EQ(r.expects[2].actual, "absent");
}

TEST(Verdict, ACommandOnAGoneNetdevIsAFailedStep) {
  RunResult r = run_after_devlink_unbind("ip link set eth0 down\n");
  ASSERT_TRUE(r.stopped) << describe_run(r);
  EXPECT_EQ(r.stopped->reason, StopReason::kFailedStep);
  ASSERT_EQ(r.failed_steps.size(), 1u);
  EXPECT_EQ(r.failed_steps[0].err, -ENODEV);
}

TEST(Verdict, AScenarioWithNoActionsSaysSo) {
  EXPECT_TRUE(run("").no_actions);
  RunResult r = run("boot\nwait 1s\nexpect netdev eth0 present\n");
  EXPECT_TRUE(r.no_actions);
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(run(kUp).no_actions);
}

TEST(Verdict, BackgroundFailuresDoNotStopTheRun) {
  // One task expects the failure, the other meets it unannounced.
  RunResult r = run(std::string(kUp) +
                    "concurrently\n"
                    "  expect fail EINVAL ethtool -s eth0 speed 10000 duplex full autoneg off\n"
                    "  ethtool -s eth0 speed 10000 duplex full autoneg off\n"
                    "end\n"
                    "expect carrier eth0 on\n");
  EXPECT_FALSE(r.stopped) << describe_run(r);
  ASSERT_EQ(r.failed_steps.size(), 1u) << describe_run(r);
  EXPECT_TRUE(r.failed_steps[0].background);
  EXPECT_EQ(r.expects.back().line, 10);
  EXPECT_TRUE(r.expects.back().passed);
  EXPECT_TRUE(r.ok());
}

constexpr char kRace[] =
    "boot\n"
    "cable eth0 plug\n"
    "concurrently\n"
    "  ip link set eth0 up\n"
    "  unbind f1072004.mdio-mii:00\n"
    "end\n"
    "settle\n";

TEST(Replay, ARankBeyondTheRunnableTasksIsADivergence) {
  RunOptions o;
  o.replay = {9};  // the scenario task and the block's two tasks are runnable
  RunResult r = run(kRace, o);
  EXPECT_TRUE(r.replay_diverged);
  EXPECT_EQ(r.replay_divergence, "choice 1 has rank 9 but only 3 tasks were runnable");
  EXPECT_FALSE(r.ok());
}

TEST(Replay, ChoicesLeftOverAreADivergence) {
  RunOptions o;
  o.replay = std::vector<uint16_t>(500, 0);
  RunResult r = run(kRace, o);
  EXPECT_TRUE(r.replay_diverged);
  EXPECT_NE(r.replay_divergence.find("recorded choices were left over"), std::string::npos)
      << r.replay_divergence;
}

TEST(Replay, AnExactReplayDoesNotDiverge) {
  RunResult first = run(kRace);
  RunOptions o;
  o.replay = first.ranks;
  o.replay.push_back(0);  // at least one choice, so that the replay path runs
  RunResult exact = run(kRace, o);
  if (first.ranks.empty()) {
    EXPECT_TRUE(exact.replay_diverged);  // the pushed choice is left over
    return;
  }
  o.replay.pop_back();
  RunResult again = run(kRace, o);
  EXPECT_FALSE(again.replay_diverged) << again.replay_divergence;
}

TEST(Replay, ARecordingBelongsToItsInputs) {
  Scenario s = parse_scenario(kRace, "race.scn");
  ReplayFile f{"armada-388-clearfog-pro",
               "race.scn",
               {{"phy-loss", "mainline"}},
               {0, 1},
               scenario_digest(s)};
  EXPECT_NO_THROW(check_replay_belongs(f, "r.replay", "boards/armada-388-clearfog-pro.dts", s,
                                       {{"phy-loss", "mainline"}}));
  EXPECT_THROW(check_replay_belongs(f, "r.replay", "bcm2711-rpi-4-b", s, {}), sim::UserError);
  EXPECT_THROW(
      check_replay_belongs(f, "r.replay", "armada-388-clearfog-pro", s, {{"phy-loss", "devlink"}}),
      sim::UserError);
  Scenario edited = parse_scenario(std::string(kRace) + "expect finding none\n", "race.scn");
  EXPECT_THROW(check_replay_belongs(f, "r.replay", "armada-388-clearfog-pro", edited, {}),
               sim::UserError);
  // Comments and layout are not what a scenario says.
  Scenario commented = parse_scenario(std::string("# a comment\n") + kRace, "race.scn");
  EXPECT_EQ(scenario_digest(commented), scenario_digest(s));
}

}  // namespace
}  // namespace lifeline::scenario
