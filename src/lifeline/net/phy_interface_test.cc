// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/phy_interface.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/link_mode.h"
#include "lifeline/net/phy_device.h"

namespace lifeline::net {
namespace {

// The enumerators' values are include/linux/phy.h's (v6.12): a few read
// there, and phy_modes() for each.
TEST(PhyInterface, KernelOrderAndNames) {
  EXPECT_EQ(PHY_INTERFACE_MODE_NA, 0);
  EXPECT_EQ(PHY_INTERFACE_MODE_SGMII, 4);
  EXPECT_EQ(PHY_INTERFACE_MODE_RGMII, 9);
  EXPECT_EQ(PHY_INTERFACE_MODE_RGMII_TXID, 12);
  EXPECT_EQ(PHY_INTERFACE_MODE_QSGMII, 19);
  EXPECT_EQ(PHY_INTERFACE_MODE_1000BASEX, 22);
  EXPECT_EQ(PHY_INTERFACE_MODE_10GBASER, 27);
  EXPECT_EQ(PHY_INTERFACE_MODE_USXGMII, 29);
  EXPECT_EQ(PHY_INTERFACE_MODE_MAX, 34);
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_NA), "");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_RGMII_ID), "rgmii-id");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_REVMII), "rev-mii");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_1000BASEX), "1000base-x");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_5GBASER), "5gbase-r");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_10GKR), "10gbase-kr");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_10G_QXGMII), "10g-qxgmii");
  EXPECT_STREQ(phy_modes(PHY_INTERFACE_MODE_MAX), "unknown");
}

// Every name parses back to its interface, and no two share a name.
TEST(PhyInterface, ParserRoundTrips) {
  for (int i = 0; i < PHY_INTERFACE_MODE_MAX; ++i) {
    auto mode = static_cast<phy_interface_t>(i);
    phy_interface_t parsed = PHY_INTERFACE_MODE_MAX;
    EXPECT_EQ(phy_interface_from_string(phy_modes(mode), &parsed), 0) << i;
    EXPECT_EQ(parsed, mode) << phy_modes(mode);
  }
}

TEST(PhyInterface, ParserIsStrcasecmpAndRejectsUnknown) {
  phy_interface_t m = PHY_INTERFACE_MODE_MAX;
  EXPECT_EQ(phy_interface_from_string("RGMII-RXID", &m), 0);
  EXPECT_EQ(m, PHY_INTERFACE_MODE_RGMII_RXID);
  EXPECT_EQ(phy_interface_from_string("rgmii-idx", &m), -ENODEV);
  EXPECT_EQ(m, PHY_INTERFACE_MODE_NA);
  m = PHY_INTERFACE_MODE_SGMII;
  EXPECT_EQ(phy_interface_from_string("unknown", &m), -ENODEV);  // phy_modes()'s default
  EXPECT_EQ(m, PHY_INTERFACE_MODE_NA);
  EXPECT_EQ(phy_interface_from_string("", &m), 0);  // NA's name is ""
  EXPECT_EQ(m, PHY_INTERFACE_MODE_NA);
}

TEST(PhyInterface, OfGetPhyMode) {
  core::FwTree tree;
  core::FwNode* root = tree.add_node(nullptr, "");
  core::FwNode* a = tree.add_node(root, "ethernet@1000");
  core::FwNode* b = tree.add_node(root, "ethernet@2000");
  core::FwNode* c = tree.add_node(root, "ethernet@3000");
  core::FwNode* d = tree.add_node(root, "ethernet@4000");
  core::FwTree::set_string(a, "phy-mode", "sgmii");
  core::FwTree::set_string(a, "phy-connection-type", "rgmii");  // phy-mode wins
  core::FwTree::set_string(b, "phy-connection-type", "rgmii-id");
  core::FwTree::set_string(c, "phy-mode", "sgmi");
  phy_interface_t m = PHY_INTERFACE_MODE_MAX;
  EXPECT_EQ(of_get_phy_mode(a, &m), 0);
  EXPECT_EQ(m, PHY_INTERFACE_MODE_SGMII);
  EXPECT_EQ(of_get_phy_mode(b, &m), 0);
  EXPECT_EQ(m, PHY_INTERFACE_MODE_RGMII_ID);
  EXPECT_EQ(of_get_phy_mode(c, &m), -ENODEV);
  EXPECT_EQ(m, PHY_INTERFACE_MODE_NA);
  m = PHY_INTERFACE_MODE_SGMII;
  EXPECT_EQ(of_get_phy_mode(d, &m), -EINVAL);  // no property: of_property_read_string()
  EXPECT_EQ(m, PHY_INTERFACE_MODE_NA);
}

TEST(PhyInterface, Rgmii) {
  for (phy_interface_t m : {PHY_INTERFACE_MODE_RGMII, PHY_INTERFACE_MODE_RGMII_ID,
                            PHY_INTERFACE_MODE_RGMII_RXID, PHY_INTERFACE_MODE_RGMII_TXID})
    EXPECT_TRUE(phy_interface_mode_is_rgmii(m)) << phy_modes(m);
  for (phy_interface_t m : {PHY_INTERFACE_MODE_REVRMII, PHY_INTERFACE_MODE_RTBI,
                            PHY_INTERFACE_MODE_TRGMII, PHY_INTERFACE_MODE_SGMII})
    EXPECT_FALSE(phy_interface_mode_is_rgmii(m)) << phy_modes(m);
}

TEST(PhyInterface, PhyDeviceIsRgmii) {
  PhyDevice phydev;
  EXPECT_FALSE(phy_interface_is_rgmii(&phydev));  // PHY_INTERFACE_MODE_NA until attached
  phydev.interface = PHY_INTERFACE_MODE_RGMII_TXID;
  EXPECT_TRUE(phy_interface_is_rgmii(&phydev));
  phydev.interface = PHY_INTERFACE_MODE_SGMII;
  EXPECT_FALSE(phy_interface_is_rgmii(&phydev));
}

TEST(PhyInterface, Is8023z) {
  int count = 0;
  for (int i = 0; i < PHY_INTERFACE_MODE_MAX; ++i)
    count += phy_interface_mode_is_8023z(static_cast<phy_interface_t>(i));
  EXPECT_EQ(count, 2);
  EXPECT_TRUE(phy_interface_mode_is_8023z(PHY_INTERFACE_MODE_1000BASEX));
  EXPECT_TRUE(phy_interface_mode_is_8023z(PHY_INTERFACE_MODE_2500BASEX));
  EXPECT_FALSE(phy_interface_mode_is_8023z(PHY_INTERFACE_MODE_SGMII));  // Cisco SGMII, not 802.3z
  EXPECT_FALSE(phy_interface_mode_is_8023z(PHY_INTERFACE_MODE_1000BASEKX));  // Clause 73
}

TEST(PhyInterface, MaxSpeed) {
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_RMII), 100);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_RGMII_ID), 1000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_SGMII), 1000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_QSGMII), 1000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_2500BASEX), 2500);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_5GBASER), 5000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_10GBASER), 10000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_USXGMII), 10000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_XLGMII), 40000);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_INTERNAL), SPEED_UNKNOWN);
  EXPECT_EQ(phylink_interface_max_speed(PHY_INTERFACE_MODE_NA), SPEED_UNKNOWN);
  // Every interface but the two "no idea" ones has a speed.
  for (int i = PHY_INTERFACE_MODE_MII; i < PHY_INTERFACE_MODE_MAX; ++i)
    EXPECT_GT(phylink_interface_max_speed(static_cast<phy_interface_t>(i)), 0) << i;
}

TEST(PhyInterface, NumPorts) {
  EXPECT_EQ(phy_interface_num_ports(PHY_INTERFACE_MODE_NA), 0);
  EXPECT_EQ(phy_interface_num_ports(PHY_INTERFACE_MODE_SGMII), 1);
  EXPECT_EQ(phy_interface_num_ports(PHY_INTERFACE_MODE_QSGMII), 4);
  EXPECT_EQ(phy_interface_num_ports(PHY_INTERFACE_MODE_10G_QXGMII), 4);
  EXPECT_EQ(phy_interface_num_ports(PHY_INTERFACE_MODE_PSGMII), 5);
}

TEST(PhyInterface, InbandStatus) {
  for (phy_interface_t m :
       {PHY_INTERFACE_MODE_SGMII, PHY_INTERFACE_MODE_QSGMII, PHY_INTERFACE_MODE_RGMII_ID,
        PHY_INTERFACE_MODE_1000BASEX, PHY_INTERFACE_MODE_2500BASEX, PHY_INTERFACE_MODE_10GBASER,
        PHY_INTERFACE_MODE_USXGMII})
    EXPECT_TRUE(phylink_interface_has_inband(m)) << phy_modes(m);
  for (phy_interface_t m :
       {PHY_INTERFACE_MODE_NA, PHY_INTERFACE_MODE_INTERNAL, PHY_INTERFACE_MODE_MII,
        PHY_INTERFACE_MODE_RMII, PHY_INTERFACE_MODE_GMII, PHY_INTERFACE_MODE_XGMII})
    EXPECT_FALSE(phylink_interface_has_inband(m)) << phy_modes(m);
}

}  // namespace
}  // namespace lifeline::net
