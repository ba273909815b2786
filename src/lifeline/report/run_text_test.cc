// SPDX-License-Identifier: GPL-2.0-only
// `lifeline run` as text, on a hand-built result: the PHY is unbound under an
// up interface.
#include <gtest/gtest.h>

#include "lifeline/report/test_data.h"
#include "lifeline/report/text.h"
#include "lifeline/report/timeline_text.h"

namespace lifeline::report {
namespace {

using testing::Kind;

TEST(RunText, WholeReport) {
  EXPECT_EQ(format_run(testing::run_result(), false), R"(board     boards/imx8mp-evk.dts
scenario  s1.scn
knobs     phy-loss=mainline pse=mainline pcs=mainline genphy=mainline sfp-lock=rtnl probe=kernel
seed      0
ended     [   5.000000]

FINDINGS: 3
*** use-after-free [   3.020000] kworker/u8:2: BUG: KASAN: slab-use-after-free in phy_state_machine
      freed by scenario at [   3.000000]:
        phy_device_release <- device_release
    history:
      [   3.000000] scenario: $ unbind stmmac-1:01
*** warn           [   4.500000] scenario: WARNING: phy_start: called from state READY  (2 times)

EXPECTS: 1 of 2 failed
  PASS  s1.scn:5  [   2.104000]  expect carrier eth1 on
  FAIL  s1.scn:9  [   5.000000]  expect bound stmmac-1:01 "RTL8211F Gigabit Ethernet"  got: unbound

TIMELINE
  [   2.104000] scenario: boot: initcalls done
  [   2.104000] scenario: $ ip link set eth1 up
  [   2.104000] kworker/u8:1: eth1: Link is Up - 1Gbps/Full
  [   3.000000] scenario: $ unbind stmmac-1:01
  [   3.020000] kworker/u8:2: *** use-after-free: BUG: KASAN: slab-use-after-free in phy_state_machine
  [   4.000000] scenario: $ concurrently
                              ip link set eth1 down
                              bind stmmac-1:01
                            end

FINAL STATE [   5.000000]
NETDEVS
  NETDEV  DEVICE             ADMIN  CARRIER  OPER  LINK  PHY  AN   PCS  SFP
  eth1    30bf0000.ethernet  down   off      down  down  -    phy  -    -

PHYS
  PHY          ID          DRIVER  STATE  ATTACHED  LINK
  stmmac-1:01  0x001cc916  -       DOWN   -         down

DEVICES changed since boot (3 others unchanged)
  DEVICE       BUS       AFTER BOOT                       NOW      PROBES  DEFERRED BECAUSE
  stmmac-1:01  mdio_bus  bound RTL8211F Gigabit Ethernet  unbound       1

DEVICE LINKS changed since boot (1 other unchanged)
  SUPPLIER                  CONSUMER                    FLAGS             AFTER BOOT  NOW
  mdio_bus:stmmac-1:01  ->  platform:30bf0000.ethernet  MANAGED|INFERRED  active      deleted

MODULES changed since boot (1 other unchanged)
  MODULE   AFTER BOOT  NOW     REFS
  realtek  live        live  1 -> 0

RESULT: FAIL, 1 of 2 expects failed; 1 use-after-free, 2 warn
)");
}

TEST(RunText, FindingsBeforeExpectsBeforeTimelineBeforeFinalState) {
  std::string text = format_run(testing::run_result(), false);
  size_t findings = text.find("FINDINGS:"), expects = text.find("EXPECTS:"),
         timeline = text.find("TIMELINE"), final_state = text.find("FINAL STATE");
  ASSERT_NE(final_state, std::string::npos);
  EXPECT_LT(findings, expects);
  EXPECT_LT(expects, timeline);
  EXPECT_LT(timeline, final_state);
}

TEST(RunText, VerboseShowsSchedulingEventsAndEveryTable) {
  scenario::RunResult r = testing::run_result();
  std::string quiet = format_run(r, false);
  std::string verbose = format_run(r, true);
  const char* sched = "  [   2.104000] scenario: ~ switch to kworker/u8:1\n";
  EXPECT_EQ(quiet.find(sched), std::string::npos);
  EXPECT_NE(verbose.find(sched), std::string::npos) << verbose;
  // The final state in full rather than what changed.
  EXPECT_NE(verbose.find("DEVICES: 4 (1 bound, 1 deferred, 1 unbound, 1 class device)"),
            std::string::npos)
      << verbose;
  EXPECT_EQ(verbose.find("changed since boot"), std::string::npos);
}

TEST(RunText, TimelineMarksCommandsFindingsAndSchedulingEvents) {
  std::vector<scenario::TimelineEntry> t = {
      {sim::msecs(1), "scenario", "unbind stmmac-0:01", Kind::kCommand},
      {sim::msecs(2), "kworker/0:1", "warn: WARNING: x", Kind::kFinding},
      {sim::msecs(3), "", "tick", Kind::kSched},
      {sim::msecs(4), "kworker/0:1", "eth0: Link is Down", Kind::kModel},
  };
  EXPECT_EQ(format_timeline(t, false),
            "TIMELINE\n"
            "  [   0.001000] scenario: $ unbind stmmac-0:01\n"
            "  [   0.002000] kworker/0:1: *** warn: WARNING: x\n"
            "  [   0.004000] kworker/0:1: eth0: Link is Down\n");
  EXPECT_EQ(format_timeline(t, true),
            "TIMELINE\n"
            "  [   0.001000] scenario: $ unbind stmmac-0:01\n"
            "  [   0.002000] kworker/0:1: *** warn: WARNING: x\n"
            "  [   0.003000] scheduler: ~ tick\n"
            "  [   0.004000] kworker/0:1: eth0: Link is Down\n");
  EXPECT_EQ(format_timeline({}, false), "TIMELINE: empty\n");
}

TEST(RunText, ResultWhenEverythingHeld) {
  scenario::RunResult r = testing::run_result();
  r.findings.clear();
  for (auto& e : r.expects) e.passed = true;
  std::string text = format_run(r, false);
  EXPECT_NE(text.find("EXPECTS: all 2 held\n"), std::string::npos) << text;
  EXPECT_NE(text.find("FINDINGS: none\n"), std::string::npos);
  EXPECT_TRUE(text.ends_with("\nRESULT: ok, all expects held; no findings\n")) << text;
  r.expects.resize(1);
  EXPECT_TRUE(format_run(r, false).ends_with("\nRESULT: ok, the expect held; no findings\n"));
  r.expects.clear();
  EXPECT_TRUE(format_run(r, false).ends_with("\nRESULT: ok, no expects; no findings\n"));
}

TEST(RunText, AStoppedRunSaysWhyAndWhereAndWhatWasNotReached) {
  scenario::RunResult r = testing::run_result();
  r.findings.clear();
  for (auto& e : r.expects) e.passed = true;
  r.stopped = scenario::RunStop{scenario::StopReason::kDeadlock, 8, "unbind stmmac-1:01",
                                4000000000, "deadlock: scenario -> scenario"};
  scenario::ExpectResult later;
  later.line = 11;
  later.text = "carrier eth1 off";
  later.reached = false;
  later.actual = "not reached";
  later.time = 4000000000;
  r.expects.push_back(later);
  r.final_state.time = 4000000000;
  std::string text = format_run(r, false);
  EXPECT_NE(text.find("EXPECTS: 0 failed, 1 not reached, of 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  NOT REACHED  s1.scn:11"), std::string::npos) << text;
  EXPECT_NE(text.find("FINAL STATE [   4.000000] (when the run stopped, at line 8)\n"),
            std::string::npos)
      << text;
  EXPECT_TRUE(
      text.ends_with("\nRESULT: FAIL, stopped at line 8 (deadlock): unbind stmmac-1:01: "
                     "deadlock: scenario -> scenario; 1 expect not reached, 2 held; no "
                     "findings\n"))
      << text;
}

TEST(RunText, FailedStepsAndNoActions) {
  scenario::RunResult r = testing::run_result();
  r.findings.clear();
  r.expects.clear();
  r.no_actions = true;
  EXPECT_TRUE(format_run(r, false).ends_with("\nRESULT: no actions, no expects; no findings\n"));
  r.no_actions = false;
  r.failed_steps.push_back(scenario::FailedStep{7, "ethtool -s eth1 speed 10000", -22,
                                                "netlink error: Invalid argument (-EINVAL)",
                                                3000000000, true});
  std::string text = format_run(r, false);
  EXPECT_NE(text.find("FAILED STEPS:\n  s1.scn:7 [   3.000000] ethtool -s eth1 speed 10000: "
                      "netlink error: Invalid argument (-EINVAL) (in a concurrently block: the "
                      "run went on)\n"),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("\nRESULT: ok, no expects; no findings\n")) << text;
}

TEST(RunText, NothingChangedSinceBoot) {
  scenario::RunResult r = testing::boot_result();
  r.scenario = "s.scn";
  std::string text = format_run(r, false);
  EXPECT_NE(text.find("\nDEVICES, DEVICE LINKS, MODULES: as after boot\n"), std::string::npos)
      << text;
}

TEST(RunText, UnregisteredNetdevsAndNewDevices) {
  scenario::RunResult r = testing::run_result();
  r.final_state.netdevs.clear();
  r.final_state.devices.push_back({"new.dev", "platform", "drv", "bound", "", "", "", 1, 0, true});
  r.final_state.devices.erase(r.final_state.devices.begin());
  std::string text = format_run(r, false);
  EXPECT_NE(text.find("NETDEVS: none\n  unregistered since boot: eth1\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  new.dev            platform  -                                bound drv"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  30bf0000.ethernet  platform  bound imx-dwmac                  removed"),
            std::string::npos)
      << text;
}

TEST(RunText, BuiltInModuleReferencesAreNotChanges) {
  scenario::RunResult r = testing::run_result();
  r.final_state.modules[0].refcnt = 1;  // realtek as after boot
  r.final_state.modules[1].refcnt = 3;  // dwmac_imx is built in
  EXPECT_EQ(format_run(r, false).find("MODULES changed"), std::string::npos);
}

TEST(RunText, ReplayDivergenceIsSaid) {
  scenario::RunResult r = testing::run_result();
  r.replay_diverged = true;
  EXPECT_NE(format_run(r, false).find("WARNING: the run left the replayed schedule"),
            std::string::npos);
}

}  // namespace
}  // namespace lifeline::report
