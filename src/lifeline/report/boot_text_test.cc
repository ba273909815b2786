// SPDX-License-Identifier: GPL-2.0-only
// `lifeline boot` as text, on a hand-built result.
#include <gtest/gtest.h>

#include "lifeline/report/test_data.h"
#include "lifeline/report/text.h"

namespace lifeline::report {
namespace {

TEST(BootText, WholeReport) {
  EXPECT_EQ(format_boot(testing::boot_result()), R"(board    boards/imx8mp-evk.dts
knobs    phy-loss=mainline pse=mainline pcs=mainline genphy=mainline sfp-lock=rtnl probe=kernel
seed     0
settled  [   2.104000]

FINDINGS: none

DEVICES: 4 (2 bound, 1 deferred, 1 class device), 6 probe attempts
  DEVICE             BUS       DRIVER                     STATE     PROBES  DEFERRED BECAUSE
  30bf0000.ethernet  platform  imx-dwmac                  bound          2
  stmmac-1           -         -                          class          0
  stmmac-1:01        mdio_bus  RTL8211F Gigabit Ethernet  bound          1
  30be0000.ethernet  platform  -                          deferred       3  30be0000.ethernet: supplier 30370000.gpc not ready

NETDEVS
  NETDEV  DEVICE             ADMIN  CARRIER  OPER  LINK       PHY          AN   PCS  SFP
  eth1    30bf0000.ethernet  up     on       up    1000/full  stmmac-1:01  phy  -    -

DEVICE LINKS: 2
  SUPPLIER                   CONSUMER                    FLAGS                                STATE
  platform:30370000.gpc  ->  platform:30be0000.ethernet  AUTOPROBE_CONSUMER|MANAGED|INFERRED  dormant
  mdio_bus:stmmac-1:01   ->  platform:30bf0000.ethernet  MANAGED|INFERRED                     active

PHYS
  PHY          ID          DRIVER                     STATE    ATTACHED  LINK
  stmmac-1:01  0x001cc916  RTL8211F Gigabit Ethernet  RUNNING  eth1      1000/full

MODULES: 1 built in, 1 loadable
  built in: dwmac_imx
  MODULE   STATE  REFS
  realtek  live      1
)");
}

TEST(BootText, FindingsComeRightAfterTheHeader) {
  scenario::RunResult r = testing::boot_result();
  r.findings = {testing::warn_finding()};
  std::string text = format_boot(r);
  size_t findings = text.find("FINDINGS: 2\n*** warn [   4.500000] scenario: WARNING: phy_start");
  ASSERT_NE(findings, std::string::npos) << text;
  EXPECT_LT(findings, text.find("DEVICES:"));
  // Nothing but the header before them.
  EXPECT_EQ(text.substr(0, findings).find("DEVICE"), std::string::npos);
}

TEST(BootText, EmptySnapshotSaysNone) {
  scenario::RunResult r;
  r.board = "x.dts";
  std::string text = format_boot(r);
  for (const char* line : {"DEVICES: none\n", "NETDEVS: none\n", "DEVICE LINKS: none\n",
                           "PHYS: none\n", "MODULES: none\n", "knobs    -\n"})
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
}

TEST(BootText, ModulesBuiltInAreListedAndWrapped) {
  scenario::RunResult r = testing::boot_result();
  r.after_boot.modules.clear();
  for (int i = 0; i < 12; ++i)
    r.after_boot.modules.push_back({"module-number-" + std::to_string(i), "live", true, 0});
  std::string text = format_boot(r);
  EXPECT_NE(text.find("MODULES: 12 built in, 0 loadable\n"
                      "  built in: module-number-0, module-number-1, module-number-2, "
                      "module-number-3, module-number-4,\n"
                      "    module-number-5, "),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("MODULE  "), std::string::npos);  // no table without loadable modules
}

TEST(BootText, RemovedDevicesAndPhys) {
  scenario::RunResult r = testing::boot_result();
  r.after_boot.devices[2].registered = false;
  r.after_boot.phys[0].registered = false;
  std::string text = format_boot(r);
  EXPECT_NE(text.find("stmmac-1:01        mdio_bus  RTL8211F Gigabit Ethernet  removed"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("(1 bound, 1 deferred, 1 removed, 1 class device)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("RTL8211F Gigabit Ethernet  removed  eth1"), std::string::npos) << text;
}

}  // namespace
}  // namespace lifeline::report
