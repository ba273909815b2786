// SPDX-License-Identifier: GPL-2.0-only
// The ethtool get commands and the MAC drivers' lifecycle facts behind them:
// what each command prints and returns, and that the acceptance bugs of
// scenarios/mac-facts/ come from the modelled pointers under the facts of
// the driver that has them, and are absent under the board's own driver.
#include "lifeline/scenario/ethtool_get.h"

#include <gtest/gtest.h>

#include <map>

#include "lifeline/core/errno.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

const Board& board(const std::string& name) {
  static std::map<std::string, Board> boards;
  if (!boards.count(name)) boards.emplace(name, load_board(name));
  return boards.at(name);
}

RunResult run(const std::string& board_name, const std::string& text) {
  return run_scenario(board(board_name), parse_scenario(text, "t.scn"), {});
}

bool has_line(const RunResult& r, const std::string& text) {
  for (const TimelineEntry& t : r.timeline)
    if (t.text == text) return true;
  return false;
}

int count(const RunResult& r, sim::FindingKind kind, const std::string& part = "") {
  int n = 0;
  for (const sim::Finding& f : r.findings)
    if (f.kind == kind && f.message.find(part) != std::string::npos) ++n;
  return n;
}

const char* kUpThenDown =
    "boot\ncable eth0 plug\nip link set eth0 up\nsettle\nip link set eth0 down\n";

TEST(EthtoolGet, PrintsWhatEthtoolPrints) {
  RunResult r = run("bcm2711-rpi-4-b",
                    "boot\ncable eth0 plug\nip link set eth0 up\nsettle\nethtool eth0\n"
                    "ethtool -i eth0\nethtool --show-pause eth0\nethtool --show-eee eth0\n");
  ASSERT_TRUE(r.ok()) << r.failed_steps.size();
  EXPECT_TRUE(has_line(r,
                       "Settings for eth0: Speed: 1000Mb/s, Duplex: Full, Auto-negotiation: "
                       "on, Link detected: yes"));
  EXPECT_TRUE(has_line(r, "driver: bcmgenet, bus-info: fd580000.ethernet"));
  EXPECT_TRUE(has_line(r, "Pause parameters for eth0: Autonegotiate: on, RX: on, TX: on"));
  EXPECT_TRUE(has_line(r,
                       "EEE settings for eth0: EEE status: disabled, Supported EEE link modes: "
                       "1000baseT/Full 100baseT/Full, Advertised EEE link modes: Not reported, "
                       "Link partner advertised EEE link modes: 1000baseT/Full 100baseT/Full"));
  EXPECT_TRUE(r.findings.empty());
}

TEST(EthtoolGet, ErrnosOfTheDriversOwnChecks) {
  // GENET after ifdown: get_link_ksettings refuses a down interface,
  // get_eee a missing PHY; get_drvinfo and get_pauseparam need no PHY.
  RunResult r = run("bcm2711-rpi-4-b", std::string(kUpThenDown) +
                                           "expect fail EINVAL ethtool eth0\n"
                                           "expect fail ENODEV ethtool --show-eee eth0\n"
                                           "ethtool -i eth0\nethtool -a eth0\n");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.findings.empty());
  // FEC: fec_enet_get_eee() says -ENETDOWN while down.
  RunResult fec = run("imx8mp-evk",
                      "boot\nip link set eth1 up\nip link set eth1 down\n"
                      "expect fail ENETDOWN ethtool --show-eee eth1\n");
  EXPECT_TRUE(fec.ok());
}

TEST(EthtoolGet, AMissingOpIsEopnotsuppAndAGoneNetdevEnodev) {
  // macb in v6.12 has neither .get_eee nor .get_pauseparam.
  RunResult r = run("xlnx-versal-virt",
                    "boot\nexpect fail EOPNOTSUPP ethtool --show-eee eth0\n"
                    "expect fail EOPNOTSUPP ethtool --show-pause eth0\n"
                    "ethtool eth0\nunbind ff0c0000.ethernet\n"
                    "expect fail ENODEV ethtool eth0\nexpect fail ENODEV ethtool -i eth0\n");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(has_line(r,
                       "ethtool -i eth0: Cannot get driver information: No such device "
                       "(-ENODEV)"));
}

TEST(EthtoolGet, WithoutExpectFailAFailingGetStopsTheRun) {
  RunResult r = run("bcm2711-rpi-4-b",
                    std::string(kUpThenDown) + "ethtool --show-eee eth0\nexpect finding none\n");
  ASSERT_EQ(r.failed_steps.size(), 1u);
  EXPECT_EQ(r.failed_steps[0].err, -ENODEV);
  EXPECT_EQ(r.expects_not_reached(), 1);
}

// Acceptance (1): lan78xx v4.14's get_eee dereferences the NULL
// netdev->phydev ifdown leaves; GENET's own checks it.
TEST(MacFacts, UncheckedGetEeeAfterIfdownOopsOnTheNullPhydev) {
  std::string steps = std::string(kUpThenDown) +
                      "expect fail ethtool --show-eee eth0\nexpect netdev eth0 present\n";
  RunResult lan = run("bcm2711-rpi-4-b", "mac-facts &genet lan78xx-v4.14\n" + steps);
  EXPECT_EQ(count(lan, sim::FindingKind::kOops, "NULL pointer dereference (phydev->drv)"), 1);
  ASSERT_EQ(lan.findings.size(), 1u);
  // The oops killed the ethtool process, not the scenario: it went on.
  EXPECT_FALSE(lan.stopped);
  EXPECT_EQ(lan.expects_failed(), 0);
  RunResult genet = run("bcm2711-rpi-4-b", steps);
  EXPECT_TRUE(genet.findings.empty());
  EXPECT_EQ(genet.expects_failed(), 0);  // it fails too, with -ENODEV
  // The interface up, the PHY attached: the same op is harmless.
  RunResult up = run("bcm2711-rpi-4-b",
                     "mac-facts &genet lan78xx-v4.14\nboot\ncable eth0 plug\nip link set eth0 "
                     "up\nsettle\nethtool --show-eee eth0\nethtool eth0\nethtool -a eth0\n");
  EXPECT_TRUE(up.ok());
  EXPECT_TRUE(up.findings.empty());
}

TEST(MacFacts, UncheckedLinkAndPauseOpsOopsToo) {
  for (const char* cmd : {"ethtool eth0", "ethtool --show-pause eth0"}) {
    RunResult r =
        run("bcm2711-rpi-4-b", "mac-facts &genet lan78xx-v4.14\n" + std::string(kUpThenDown) +
                                   "expect fail " + cmd + "\n");
    EXPECT_EQ(count(r, sim::FindingKind::kOops, "phydev->lock"), 1) << cmd;
  }
}

// Acceptance (2): a remove() that unregisters the MDIO bus first leaves
// ndo_stop a freed PHY; FEC's own order does not.
TEST(MacFacts, MdioBusUnregisteredBeforePhyDisconnect) {
  std::string steps =
      "boot\ncable eth1 plug\nip link set eth1 up\nsettle\nunbind 30be0000.ethernet\n";
  RunResult axi = run("imx8mp-evk", "mac-facts &fec axienet-v5.2\n" + steps);
  EXPECT_GE(count(axi, sim::FindingKind::kUseAfterFree, "freed mii_bus 30be0000.ethernet-1"), 1);
  EXPECT_GE(count(axi, sim::FindingKind::kUseAfterFree), 2);
  RunResult fec = run("imx8mp-evk", steps);
  EXPECT_TRUE(fec.findings.empty());
  EXPECT_TRUE(fec.ok());
  // With freed memory zeroed, the stale PHY's pointers read as NULL: an oops
  // in the unbinding task.
  RunResult zeroed = run("imx8mp-evk",
                         "set CONFIG_INIT_ON_FREE_DEFAULT_ON y\nmac-facts &fec "
                         "axienet-v5.2\n" +
                             steps);
  EXPECT_GE(count(zeroed, sim::FindingKind::kOops), 1);
  // The same order with the interface down: ndo_stop does not run, and the
  // PHY was never attached.
  RunResult down =
      run("imx8mp-evk", "mac-facts &fec axienet-v5.2\nboot\nunbind 30be0000.ethernet\n");
  EXPECT_TRUE(down.findings.empty());
}

TEST(MacFacts, OnlyForAPhylibMacThatAttachesAtOpen) {
  try {
    run("xlnx-versal-virt", "mac-facts ff0c0000.ethernet axienet-v5.2\nboot\n");
    FAIL() << "accepted mac-facts on a phylink MAC";
  } catch (const sim::UserError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.column(), 11);
    EXPECT_NE(e.message().find("is not the node of a MAC that attaches its PHY with phylib"),
              std::string::npos)
        << e.message();
  }
}

}  // namespace
}  // namespace lifeline::scenario
