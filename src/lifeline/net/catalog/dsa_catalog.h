// SPDX-License-Identifier: GPL-2.0-only
// Facts about DSA switch drivers on the bundled boards.
#ifndef LIFELINE_NET_CATALOG_DSA_CATALOG_H_
#define LIFELINE_NET_CATALOG_DSA_CATALOG_H_

#include <span>
#include <string_view>

namespace lifeline::net {

struct DsaSwitchInfo {
  std::string_view compatible;  // empty for a PCI function matched by ID (felix)
  std::string_view driver;
  std::string_view module;
  std::string_view bus;  // "mdio", "spi", "i2c", "platform", "pci"
  // Whether ports without a PHY node use internal PHYs reached through the
  // switch's own user MII bus (ds->user_mii_bus), at address = port number.
  bool internal_phys_via_user_mii_bus;
  // Whether the switch registers an MDIO bus from its own "mdio" child node.
  bool registers_child_mdio;
  std::string_view pcs;  // "none", "internal", "lynx", "miic" (via pcs-handle), ...
  std::string_view source;
};

std::span<const DsaSwitchInfo> dsa_catalog();
const DsaSwitchInfo* find_dsa_switch(std::string_view compatible);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_DSA_CATALOG_H_
