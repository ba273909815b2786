// SPDX-License-Identifier: GPL-2.0-only
// Model fidelity points from review (issue 12), each against the 6.12
// behaviour it models, run as scenarios on bundled boards.
#include <gtest/gtest.h>

#include "lifeline/core/fwnode.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/scenario/test_util.h"

namespace lifeline::scenario {
namespace {

using testing::describe_run;

RunResult run_text(const std::string& board, const std::string& text, RunOptions o = {}) {
  return run_scenario(load_board(board), parse_scenario(text, "t.scn"), o);
}

// phy_probe() does not reset phydev->autoneg (phy_device_create() sets it):
// a speed the user forced survives a rebind of the PHY's driver.
TEST(Fidelity, ForcedSpeedSurvivesADriverRebind) {
  RunResult r = run_text("bcm2711-rpi-4-b",
                         "boot\n"
                         "cable eth0 plug\n"
                         "ip link set eth0 up\n"
                         "settle\n"
                         "ethtool -s eth0 speed 100 duplex full autoneg off\n"
                         "settle\n"
                         "expect link eth0 100/full\n"
                         "ip link set eth0 down\n"
                         "unbind unimac-mdio--19:01\n"
                         "bind unimac-mdio--19:01\n"
                         "ip link set eth0 up\n"
                         "settle\n"
                         "expect link eth0 100/full\n");
  EXPECT_EQ(r.expects_failed(), 0) << describe_run(r);
}

// CONFIG_LED_TRIGGER_PHY: phy_remove() frees the PHY's LED triggers and
// leaves phydev->last_triggered; the link-down report of the next ifdown
// reads it. Without the option there is nothing to read.
TEST(Fidelity, LedTriggersFreedAtUnbindAreReadAtIfdown) {
  const std::string s1 =
      "boot\n"
      "cable eth0 plug\n"
      "ip link set eth0 up\n"
      "settle\n"
      "unbind ff0c0000.ethernet-ffffffff:17\n"
      "wait 2s\n"
      "ip link set eth0 down\n";
  RunResult with = run_text("xlnx-versal-virt", s1);
  ASSERT_EQ(with.findings.size(), 1u) << describe_run(with);
  EXPECT_EQ(with.findings[0].kind, sim::FindingKind::kUseAfterFree);
  EXPECT_NE(with.findings[0].message.find("phy->last_triggered"), std::string::npos);
  RunOptions o;
  o.knobs["CONFIG_LED_TRIGGER_PHY"] = "n";
  EXPECT_TRUE(run_text("xlnx-versal-virt", s1, o).findings.empty());
  // With init_on_free the stale pointer reads zeros: an oops, and the task
  // dies in led_set_brightness().
  o.knobs["CONFIG_LED_TRIGGER_PHY"] = "y";
  o.knobs["CONFIG_INIT_ON_FREE_DEFAULT_ON"] = "y";
  RunResult zeroed = run_text("xlnx-versal-virt", s1, o);
  bool oops = false;
  for (const sim::Finding& f : zeroed.findings)
    if (f.kind == sim::FindingKind::kOops) {
      oops = true;
      ASSERT_FALSE(f.details.empty());
      EXPECT_NE(f.details[0].find("> led_set_brightness"), std::string::npos) << f.details[0];
    }
  EXPECT_TRUE(oops) << describe_run(zeroed);
}

// RunOptions::command_processes: an oops kills the command, not the
// scenario; the next command runs, and blocks on the rtnl the dead task
// still holds.
TEST(Fidelity, AnOopsKillsTheCommandNotTheScenario) {
  RunOptions o;
  o.knobs["CONFIG_INIT_ON_FREE_DEFAULT_ON"] = "y";
  o.command_processes = true;
  RunResult r = run_text("xlnx-versal-virt",
                         "boot\n"
                         "cable eth0 plug\n"
                         "ip link set eth0 up\n"
                         "settle\n"
                         "unbind ff0c0000.ethernet-ffffffff:17\n"
                         "wait 2s\n"
                         "ip link set eth0 down\n"
                         "ip link set eth0 up\n",
                         o);
  bool killed = false;
  for (const sim::Finding& f : r.findings)
    if (f.kind == sim::FindingKind::kOops && f.task == "ip") killed = true;
  const sim::Finding* blocked =
      sim::testing::find_finding(r.findings, sim::FindingKind::kDeadlock,
                                 "ip waits forever for rtnl_mutex held by ip (dead after an oops)");
  EXPECT_TRUE(killed) << describe_run(r);
  ASSERT_NE(blocked, nullptr) << describe_run(r);
  EXPECT_EQ(blocked->waiter, "ip");
}

const check::DeviceRow* device(const RunResult& r, const std::string& name) {
  for (const check::DeviceRow& d : r.after_boot.devices)
    if (d.name == name) return &d;
  return nullptr;
}

// mdiobus_register_device(): a PHY whose reset GPIO's controller has not
// probed yet is not registered (gpiod_get_optional() returns
// -EPROBE_DEFER), and the MAC registering the bus defers with it. On the
// i.MX8MP EVK both MACs probe before gpio@30230000 (gpio4) binds: they defer
// once, and their PHYs then bind the Realtek driver, not genphy.
TEST(Fidelity, PhyRegistrationWaitsForItsResetGpio) {
  RunResult r = boot_board(load_board("imx8mp-evk"), {});
  for (const char* mac : {"30bf0000.ethernet", "30be0000.ethernet"}) {
    const check::DeviceRow* d = device(r, mac);
    ASSERT_NE(d, nullptr) << mac;
    EXPECT_EQ(d->driver.empty(), false) << mac;
    EXPECT_EQ(d->probe_attempts, 2) << mac << ": deferred once for the PHY's reset GPIO";
  }
  for (const char* phy : {"stmmac-1:01", "30be0000.ethernet-1:01"}) {
    const check::DeviceRow* d = device(r, phy);
    ASSERT_NE(d, nullptr) << phy;
    EXPECT_EQ(d->driver, "RTL8211F Gigabit Ethernet") << phy;
  }
}

// xgmac_mdio.c names its bus "%pa" of the controller's MMIO start: the reg
// translated through the parents' "ranges" (the FMan at 0x1a00000, the
// controller at 0xfc000 in it), not the raw cells of reg.
TEST(Fidelity, MdioBusNamedByTheTranslatedAddress) {
  RunResult r = boot_board(load_board("fsl-ls1046a-rdb"), {});
  EXPECT_NE(device(r, "0x0000000001afc000"), nullptr);
  EXPECT_NE(device(r, "0x0000000001afc000:03"), nullptr);
  EXPECT_EQ(device(r, "0x000fc00000001000"), nullptr);
}

// __mdiobus_register() sets FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD on the bus
// parent's node, so that fw_devlink makes no probe link from a PHY below it
// to the parent still probing.
TEST(Fidelity, MdioBusParentNeedsChildBoundOnAdd) {
  Board b = load_board("xlnx-versal-virt");
  boot_board(b, {});
  const core::FwNode* mac = b.tree->find_by_path("/ethernet@ff0c0000");
  ASSERT_NE(mac, nullptr);
  EXPECT_TRUE(mac->flags & core::FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD);
  const core::FwNode* uart = b.tree->find_by_path("/uart@ff000000");
  ASSERT_NE(uart, nullptr);
  EXPECT_FALSE(uart->flags & core::FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD);
}

}  // namespace
}  // namespace lifeline::scenario
