// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/phy_interface.h"

#include <cerrno>
#include <optional>
#include <string>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/link_mode.h"

namespace lifeline::net {

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

const char* phy_modes(phy_interface_t interface) {
  switch (interface) {
    case PHY_INTERFACE_MODE_NA:
      return "";
    case PHY_INTERFACE_MODE_INTERNAL:
      return "internal";
    case PHY_INTERFACE_MODE_MII:
      return "mii";
    case PHY_INTERFACE_MODE_GMII:
      return "gmii";
    case PHY_INTERFACE_MODE_SGMII:
      return "sgmii";
    case PHY_INTERFACE_MODE_TBI:
      return "tbi";
    case PHY_INTERFACE_MODE_REVMII:
      return "rev-mii";
    case PHY_INTERFACE_MODE_RMII:
      return "rmii";
    case PHY_INTERFACE_MODE_REVRMII:
      return "rev-rmii";
    case PHY_INTERFACE_MODE_RGMII:
      return "rgmii";
    case PHY_INTERFACE_MODE_RGMII_ID:
      return "rgmii-id";
    case PHY_INTERFACE_MODE_RGMII_RXID:
      return "rgmii-rxid";
    case PHY_INTERFACE_MODE_RGMII_TXID:
      return "rgmii-txid";
    case PHY_INTERFACE_MODE_RTBI:
      return "rtbi";
    case PHY_INTERFACE_MODE_SMII:
      return "smii";
    case PHY_INTERFACE_MODE_XGMII:
      return "xgmii";
    case PHY_INTERFACE_MODE_XLGMII:
      return "xlgmii";
    case PHY_INTERFACE_MODE_MOCA:
      return "moca";
    case PHY_INTERFACE_MODE_PSGMII:
      return "psgmii";
    case PHY_INTERFACE_MODE_QSGMII:
      return "qsgmii";
    case PHY_INTERFACE_MODE_TRGMII:
      return "trgmii";
    case PHY_INTERFACE_MODE_100BASEX:
      return "100base-x";
    case PHY_INTERFACE_MODE_1000BASEX:
      return "1000base-x";
    case PHY_INTERFACE_MODE_2500BASEX:
      return "2500base-x";
    case PHY_INTERFACE_MODE_5GBASER:
      return "5gbase-r";
    case PHY_INTERFACE_MODE_RXAUI:
      return "rxaui";
    case PHY_INTERFACE_MODE_XAUI:
      return "xaui";
    case PHY_INTERFACE_MODE_10GBASER:
      return "10gbase-r";
    case PHY_INTERFACE_MODE_25GBASER:
      return "25gbase-r";
    case PHY_INTERFACE_MODE_USXGMII:
      return "usxgmii";
    case PHY_INTERFACE_MODE_10GKR:
      return "10gbase-kr";
    case PHY_INTERFACE_MODE_QUSGMII:
      return "qusgmii";
    case PHY_INTERFACE_MODE_1000BASEKX:
      return "1000base-kx";
    case PHY_INTERFACE_MODE_10G_QXGMII:
      return "10g-qxgmii";
    case PHY_INTERFACE_MODE_MAX:
      break;
  }
  return "unknown";
}

int phy_interface_from_string(std::string_view mode, phy_interface_t* interface) {
  *interface = PHY_INTERFACE_MODE_NA;
  for (int i = 0; i < PHY_INTERFACE_MODE_MAX; ++i) {
    auto m = static_cast<phy_interface_t>(i);
    if (equal_ignoring_case(mode, phy_modes(m))) {
      *interface = m;
      return 0;
    }
  }
  return -ENODEV;
}

int of_get_phy_mode(const core::FwNode* np, phy_interface_t* interface) {
  *interface = PHY_INTERFACE_MODE_NA;
  std::optional<std::string> pm = np->read_string("phy-mode");
  if (!pm) pm = np->read_string("phy-connection-type");
  if (!pm) return -EINVAL;
  return phy_interface_from_string(*pm, interface);
}

int phy_interface_num_ports(phy_interface_t interface) {
  switch (interface) {
    case PHY_INTERFACE_MODE_NA:
    case PHY_INTERFACE_MODE_MAX:
      return 0;
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_QUSGMII:
    case PHY_INTERFACE_MODE_10G_QXGMII:
      return 4;
    case PHY_INTERFACE_MODE_PSGMII:
      return 5;
    default:
      return 1;
  }
}

int phylink_interface_max_speed(phy_interface_t interface) {
  switch (interface) {
    case PHY_INTERFACE_MODE_100BASEX:
    case PHY_INTERFACE_MODE_REVRMII:
    case PHY_INTERFACE_MODE_RMII:
    case PHY_INTERFACE_MODE_SMII:
    case PHY_INTERFACE_MODE_REVMII:
    case PHY_INTERFACE_MODE_MII:
      return 100;
    case PHY_INTERFACE_MODE_TBI:
    case PHY_INTERFACE_MODE_MOCA:
    case PHY_INTERFACE_MODE_RTBI:
    case PHY_INTERFACE_MODE_1000BASEX:
    case PHY_INTERFACE_MODE_1000BASEKX:
    case PHY_INTERFACE_MODE_TRGMII:
    case PHY_INTERFACE_MODE_RGMII_TXID:
    case PHY_INTERFACE_MODE_RGMII_RXID:
    case PHY_INTERFACE_MODE_RGMII_ID:
    case PHY_INTERFACE_MODE_RGMII:
    case PHY_INTERFACE_MODE_PSGMII:
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_QUSGMII:
    case PHY_INTERFACE_MODE_SGMII:
    case PHY_INTERFACE_MODE_GMII:
      return 1000;
    case PHY_INTERFACE_MODE_2500BASEX:
    case PHY_INTERFACE_MODE_10G_QXGMII:  // each of the four ports
      return 2500;
    case PHY_INTERFACE_MODE_5GBASER:
      return 5000;
    case PHY_INTERFACE_MODE_XGMII:
    case PHY_INTERFACE_MODE_RXAUI:
    case PHY_INTERFACE_MODE_XAUI:
    case PHY_INTERFACE_MODE_10GBASER:
    case PHY_INTERFACE_MODE_10GKR:
    case PHY_INTERFACE_MODE_USXGMII:
      return 10000;
    case PHY_INTERFACE_MODE_25GBASER:
      return 25000;
    case PHY_INTERFACE_MODE_XLGMII:
      return 40000;
    case PHY_INTERFACE_MODE_INTERNAL:
    case PHY_INTERFACE_MODE_NA:
    case PHY_INTERFACE_MODE_MAX:
      break;
  }
  return SPEED_UNKNOWN;
}

bool phylink_interface_has_inband(phy_interface_t interface) {
  switch (interface) {
    case PHY_INTERFACE_MODE_SGMII:
    case PHY_INTERFACE_MODE_PSGMII:
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_QUSGMII:
    case PHY_INTERFACE_MODE_RGMII:
    case PHY_INTERFACE_MODE_RGMII_ID:
    case PHY_INTERFACE_MODE_RGMII_RXID:
    case PHY_INTERFACE_MODE_RGMII_TXID:
    case PHY_INTERFACE_MODE_RTBI:
    case PHY_INTERFACE_MODE_1000BASEX:
    case PHY_INTERFACE_MODE_2500BASEX:
    case PHY_INTERFACE_MODE_5GBASER:
    case PHY_INTERFACE_MODE_25GBASER:
    case PHY_INTERFACE_MODE_USXGMII:
    case PHY_INTERFACE_MODE_10G_QXGMII:
    case PHY_INTERFACE_MODE_10GKR:
    case PHY_INTERFACE_MODE_10GBASER:
    case PHY_INTERFACE_MODE_XLGMII:
      return true;
    default:
      return false;
  }
}

}  // namespace lifeline::net
