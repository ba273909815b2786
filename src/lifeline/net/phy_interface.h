// SPDX-License-Identifier: GPL-2.0-only
// phy_interface_t: the MAC-PHY interface, with the kernel's enumerators in
// the order of include/linux/phy.h (v6.12), the strings phy_modes() gives
// them (the values of the DT "phy-mode" / "phy-connection-type" property)
// and the properties phylib and phylink read from it.
#ifndef LIFELINE_NET_PHY_INTERFACE_H_
#define LIFELINE_NET_PHY_INTERFACE_H_

#include <cstdint>
#include <string_view>

namespace lifeline::core {
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

enum phy_interface_t {
  PHY_INTERFACE_MODE_NA,
  PHY_INTERFACE_MODE_INTERNAL,
  PHY_INTERFACE_MODE_MII,
  PHY_INTERFACE_MODE_GMII,
  PHY_INTERFACE_MODE_SGMII,
  PHY_INTERFACE_MODE_TBI,
  PHY_INTERFACE_MODE_REVMII,
  PHY_INTERFACE_MODE_RMII,
  PHY_INTERFACE_MODE_REVRMII,
  PHY_INTERFACE_MODE_RGMII,
  PHY_INTERFACE_MODE_RGMII_ID,
  PHY_INTERFACE_MODE_RGMII_RXID,
  PHY_INTERFACE_MODE_RGMII_TXID,
  PHY_INTERFACE_MODE_RTBI,
  PHY_INTERFACE_MODE_SMII,
  PHY_INTERFACE_MODE_XGMII,
  PHY_INTERFACE_MODE_XLGMII,
  PHY_INTERFACE_MODE_MOCA,
  PHY_INTERFACE_MODE_PSGMII,
  PHY_INTERFACE_MODE_QSGMII,
  PHY_INTERFACE_MODE_TRGMII,
  PHY_INTERFACE_MODE_100BASEX,
  PHY_INTERFACE_MODE_1000BASEX,
  PHY_INTERFACE_MODE_2500BASEX,
  PHY_INTERFACE_MODE_5GBASER,
  PHY_INTERFACE_MODE_RXAUI,
  PHY_INTERFACE_MODE_XAUI,
  PHY_INTERFACE_MODE_10GBASER,  // 10GBASE-R, XFI, SFI: one 10G serdes lane
  PHY_INTERFACE_MODE_25GBASER,
  PHY_INTERFACE_MODE_USXGMII,
  PHY_INTERFACE_MODE_10GKR,  // 10GBASE-KR, with Clause 73 autonegotiation
  PHY_INTERFACE_MODE_QUSGMII,
  PHY_INTERFACE_MODE_1000BASEKX,
  PHY_INTERFACE_MODE_10G_QXGMII,
  PHY_INTERFACE_MODE_MAX,
};

// phy_modes(): "" for PHY_INTERFACE_MODE_NA, "rgmii-id", "1000base-x", ...;
// "unknown" for a value outside the enum.
const char* phy_modes(phy_interface_t interface);

// The lookup of of_get_phy_mode() (net/core/of_net.c): the interface whose
// phy_modes() string equals `mode`, ignoring case (the kernel compares with
// strcasecmp()); -ENODEV, with *interface = PHY_INTERFACE_MODE_NA, for a
// string that names no interface. An empty string is PHY_INTERFACE_MODE_NA,
// as it is in the kernel's loop.
int phy_interface_from_string(std::string_view mode, phy_interface_t* interface);

// of_get_phy_mode(): "phy-mode", else "phy-connection-type". Sets
// PHY_INTERFACE_MODE_NA first; -EINVAL when neither property is there (what
// of_property_read_string() returns for a missing property), -ENODEV for a
// value that names no interface, 0 otherwise.
int of_get_phy_mode(const core::FwNode* np, phy_interface_t* interface);

// phy_interface_mode_is_rgmii(): rgmii, rgmii-id, rgmii-rxid, rgmii-txid.
constexpr bool phy_interface_mode_is_rgmii(phy_interface_t mode) {
  return mode >= PHY_INTERFACE_MODE_RGMII && mode <= PHY_INTERFACE_MODE_RGMII_TXID;
}

// phy_interface_mode_is_8023z(): the interface carries the 802.3z (Clause
// 37) 16-bit negotiation word: 1000base-x and 2500base-x. phylink needs no
// PHY for these in in-band mode (an SFP fibre module).
constexpr bool phy_interface_mode_is_8023z(phy_interface_t mode) {
  return mode == PHY_INTERFACE_MODE_1000BASEX || mode == PHY_INTERFACE_MODE_2500BASEX;
}

// phy_interface_num_ports() (drivers/net/phy/phy-core.c): how many links the
// one MAC-PHY connection carries: 4 for qsgmii, qusgmii and 10g-qxgmii, 5 for
// psgmii, 0 for NA, 1 for the rest.
int phy_interface_num_ports(phy_interface_t interface);

// phylink_interface_max_speed() (drivers/net/phy/phylink.c): the fastest
// link the interface can carry, in Mb/s; SPEED_UNKNOWN (-1) for internal and
// NA.
int phylink_interface_max_speed(phy_interface_t interface);

// Whether phylink_parse_mode() accepts managed = "in-band-status" on this
// interface: the interfaces whose link state comes in band (SGMII and its
// quad/penta forms, RGMII's in-band status, 802.3z, the BASE-R and USXGMII
// serdes modes). For any other interface phylink_create() fails with
// "incorrect link mode %s for in-band status" and -EINVAL.
bool phylink_interface_has_inband(phy_interface_t interface);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_INTERFACE_H_
