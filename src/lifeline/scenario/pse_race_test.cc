// SPDX-License-Identifier: GPL-2.0-only
// The PSE registration race (scenarios/pse-register-race.scn): the schedule
// `lifeline explore --set pse=notifier-narrow` found and shrank leaves
// gpio-0:07 without its psec for good (the pse invariant); the same choices
// under notifier-rtnl and notifier-mutex, whose lock is held across
// phy_device_register(), leave nothing behind.
#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

const char* kRace = LIFELINE_SOURCE_DIR "/scenarios/pse-register-race.scn";
// The shrunk schedule of `explore --set pse=notifier-narrow` (dfs).
const std::vector<uint16_t> kNarrowRanks = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
                                            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

RunResult run_with(const std::string& pse, const std::vector<uint16_t>& ranks) {
  static Board b = load_board("stm32mp151a-prtt1c");
  RunOptions o;
  o.knobs["pse"] = pse;
  o.replay = ranks;
  return run_scenario(b, load_scenario(kRace), o);
}

bool lost_psec(const RunResult& r) {
  for (const sim::Finding& f : r.findings)
    if (f.kind == sim::FindingKind::kInvariant &&
        f.message.find("PHY gpio-0:07: its pses names PSE controller ethernet-pse-1, which is "
                       "registered, but phydev->psec is NULL") != std::string::npos)
      return true;
  return false;
}

TEST(PseRace, TheDefaultScheduleIsCleanUnderEveryDesign) {
  for (const char* pse : {"notifier-rtnl", "notifier-mutex", "notifier-narrow"}) {
    RunResult r = run_with(pse, {});
    EXPECT_TRUE(r.findings.empty()) << pse;
    EXPECT_EQ(r.expects_failed(), 0) << pse;
  }
}

TEST(PseRace, TheNarrowLockLosesThePsec) {
  EXPECT_TRUE(lost_psec(run_with("notifier-narrow", kNarrowRanks)));
}

TEST(PseRace, TheLockAcrossRegistrationKeepsIt) {
  for (const char* pse : {"notifier-rtnl", "notifier-mutex"}) {
    RunResult r = run_with(pse, kNarrowRanks);
    EXPECT_FALSE(lost_psec(r)) << pse;
    EXPECT_TRUE(r.findings.empty()) << pse;
  }
}

// S8 (scenarios/s8-prtt1c/): what fwnode_mdio's -EPROBE_DEFER coupling
// costs before the late PSE module loads, as the model's driver core and
// fwnode_mdio counted it: under mainline the mdio-gpio bus driver probes
// three times (probe=kernel), each attempt creating gpio-0:06 and
// destroying it again; under the RFC's phy core it probes once.
const check::ProbeStormRow* gpio0(const RunResult& r) {
  for (const auto& b : r.metrics.probe_storm.buses)
    if (b.bus == "gpio-0") return &b;
  return nullptr;
}

TEST(PseS8, TheCouplingCostIsCounted) {
  static Board b = load_board("stm32mp151a-prtt1c");
  Scenario s8 = load_scenario(LIFELINE_SOURCE_DIR "/scenarios/s8-prtt1c/mainline-probe-kernel.scn");
  RunOptions o;
  RunResult mainline = run_scenario(b, s8, o);
  EXPECT_TRUE(mainline.metrics.probe_storm.module_loaded);
  EXPECT_EQ(mainline.metrics.probe_storm.module, "pse_regulator");
  EXPECT_EQ(mainline.metrics.probe_storm.at, 5 * sim::kSec);
  const check::ProbeStormRow* m = gpio0(mainline);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->device, "mdio");
  EXPECT_EQ(m->probe_attempts, 3);
  EXPECT_EQ(m->phys_created, 3u);
  EXPECT_EQ(m->phys_removed, 3u);
  EXPECT_EQ(m->pse_deferrals, 3u);
  // The snapshot after boot (before the module) shows the storm so far.
  ASSERT_EQ(mainline.after_boot.probe_storm.buses.size(), 1u);
  EXPECT_FALSE(mainline.after_boot.probe_storm.module_loaded);
  o.knobs["pse"] = "notifier-rtnl";
  RunResult rfc = run_scenario(b, s8, o);
  const check::ProbeStormRow* n = gpio0(rfc);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->probe_attempts, 1);
  EXPECT_EQ(n->phys_removed, 0u);
  EXPECT_EQ(n->pse_deferrals, 0u);
  EXPECT_TRUE(rfc.final_state.probe_storm.buses.empty());
}

// S9 (scenarios/s9-prtt1c/): the controller unbound while the PHYs hold
// their psec, ethtool, the PHYs removed, the controller bound again. v6.12's
// __pse_control_release() (from phy_device_remove()) reads pcdev->pi[] that
// pse_controller_unregister() freed, and devm_regulator_put() WARNs for the
// handle devres already released; the RFC's designs release every psec on
// PSE_UNREGISTERED, before the table goes.
TEST(PseS9, MainlineReadsThePiTableAfterItWasFreed) {
  static Board b = load_board("stm32mp151a-prtt1c");
  RunResult r =
      run_scenario(b, load_scenario(LIFELINE_SOURCE_DIR "/scenarios/s9-prtt1c/mainline.scn"), {});
  bool pi_uaf = false, devres_warn = false;
  for (const sim::Finding& f : r.findings) {
    if (f.kind == sim::FindingKind::kUseAfterFree &&
        f.message.find("pcdev->pi[psec->id]") != std::string::npos &&
        f.message.find("of freed pse_pi[]") != std::string::npos && !f.stack.empty() &&
        f.stack.back() == "__pse_control_release")
      pi_uaf = true;
    if (f.kind == sim::FindingKind::kWarn &&
        f.message.find("devm_regulator_put") != std::string::npos)
      devres_warn = true;
  }
  EXPECT_TRUE(pi_uaf);
  EXPECT_TRUE(devres_warn);
  for (const char* design : {"notifier-rtnl", "notifier-mutex"}) {
    RunResult n = run_scenario(
        b,
        load_scenario(std::string(LIFELINE_SOURCE_DIR "/scenarios/s9-prtt1c/") + design + ".scn"),
        {});
    EXPECT_TRUE(n.findings.empty()) << design;
    EXPECT_FALSE(n.expects_failed()) << design;
  }
}

}  // namespace
}  // namespace lifeline::scenario
