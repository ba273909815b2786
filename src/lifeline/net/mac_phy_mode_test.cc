// SPDX-License-Identifier: GPL-2.0-only
// The MAC model reads its port's interface with of_get_phy_mode(): the
// typed value reaches the PHY at attach, and a string the kernel does not
// know is PHY_INTERFACE_MODE_NA, said in the timeline.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "lifeline/net/test_rig.h"

namespace lifeline::net {
namespace {

using testing::kRtl8211f;
using testing::NetRig;

struct Rig {
  // An i.MX8MP EQOS (phylink, connects at ndo_open) with `phy_mode`, or no
  // phy-mode property at all.
  explicit Rig(std::optional<std::string> phy_mode,
               std::function<void(NetDevice*, PhyDevice*)> then = nullptr) {
    mac = rig.mac_with_phy("ethernet@30bf0000", "nxp,imx8mp-dwmac-eqos", kRtl8211f, &phy_node);
    if (phy_mode)
      core::FwTree::set_string(mac, "phy-mode", *phy_mode);
    else
      std::erase_if(mac->properties,
                    [](const core::FwProperty& p) { return p.name == "phy-mode"; });
    rig.boot([this] {
      core::driver_register(
          mac_driver_create(*find_mac("nxp,imx8mp-dwmac-eqos"), rig.platform, rig.buses));
      rig.platform_device(mac, "30bf0000.ethernet");
    });
    rig.run([this, then] {
      NetDevice* nd = dev_get_by_name("eth0");
      ASSERT_NE(nd, nullptr);
      rtnl_lock();
      EXPECT_EQ(dev_open(nd), 0);
      rtnl_unlock();
      PhyDevice* phy = static_cast<PhyDevice*>(phy_node->dev);
      ASSERT_NE(phy, nullptr);
      attached = phy->interface;
      if (then) then(nd, phy);
    });
  }
  NetRig rig;
  core::FwNode* mac = nullptr;
  core::FwNode* phy_node = nullptr;
  phy_interface_t attached = PHY_INTERFACE_MODE_MAX;
};

TEST(MacPhyMode, TheTypedInterfaceReachesThePhy) {
  Rig r("RGMII-TXID");  // of_get_phy_mode() ignores case
  EXPECT_EQ(r.attached, PHY_INTERFACE_MODE_RGMII_TXID);
  EXPECT_NE(r.rig.timeline().find("eth0: configuring for phy/rgmii-txid link mode"),
            std::string::npos)
      << r.rig.timeline();
  EXPECT_EQ(r.rig.timeline().find("unknown phy-mode"), std::string::npos);
}

// The MAC's phylink starts with PHY_INTERFACE_MODE_NA, and
// phylink_fwnode_phy_connect() then takes the interface of the PHY, which
// phy_device_create() made GMII.
TEST(MacPhyMode, UnknownStringIsNa) {
  Rig r("rgmii-idx");
  EXPECT_EQ(r.attached, PHY_INTERFACE_MODE_GMII);
  EXPECT_NE(r.rig.timeline().find("unknown phy-mode \"rgmii-idx\""), std::string::npos)
      << r.rig.timeline();
  EXPECT_NE(r.rig.timeline().find("eth0: configuring for phy/gmii link mode"), std::string::npos)
      << r.rig.timeline();
}

TEST(MacPhyMode, MissingPropertyIsNaQuietly) {
  Rig r(std::nullopt);
  EXPECT_EQ(r.attached, PHY_INTERFACE_MODE_GMII);
  EXPECT_EQ(r.rig.timeline().find("unknown phy-mode"), std::string::npos) << r.rig.timeline();
}

// phylink_fwnode_phy_connect() and phylink_connect_phy(): a phylink with
// PHY_INTERFACE_MODE_NA takes the interface of the PHY it connects, and
// keeps it.
TEST(MacPhyMode, PhylinkWithoutPhyModeTakesThePhys) {
  phy_interface_t at_probe = PHY_INTERFACE_MODE_MAX;
  phy_interface_t link_interface = PHY_INTERFACE_MODE_MAX;
  Rig r(std::nullopt, [&](NetDevice* nd, PhyDevice* phy) {
    at_probe = nd->phylink->link_interface;
    rtnl_lock();
    phylink_disconnect_phy(nd->phylink);
    nd->phylink->link_interface = PHY_INTERFACE_MODE_NA;
    phy->interface = PHY_INTERFACE_MODE_SGMII;  // as a PHY driver may set it
    EXPECT_EQ(phylink_connect_phy(nd->phylink, phy), 0);
    link_interface = nd->phylink->link_interface;
    rtnl_unlock();
  });
  EXPECT_EQ(at_probe, PHY_INTERFACE_MODE_GMII) << r.rig.findings();
  EXPECT_EQ(link_interface, PHY_INTERFACE_MODE_SGMII) << r.rig.findings();
}

}  // namespace
}  // namespace lifeline::net
