// SPDX-License-Identifier: GPL-2.0-only
// MDIO bus controllers that are devices of their own (not part of a MAC).
#ifndef LIFELINE_NET_CATALOG_MDIO_CATALOG_H_
#define LIFELINE_NET_CATALOG_MDIO_CATALOG_H_

#include <span>
#include <string_view>

namespace lifeline::net {

struct MdioControllerInfo {
  std::string_view compatible;
  std::string_view driver;  // driver name in /sys/bus/<bus>/drivers/
  std::string_view module;
  std::string_view bus;     // "platform", "pci", ...
  // mii_bus->id as the driver sets it: "{dev}" is the device name, "{}" a
  // per-instance number. PHY devices are then named "<bus id>:<addr %02x>".
  std::string_view bus_id;
  bool c45;                 // a clause-45 (xMDIO) bus
  bool mux;                 // an MDIO mux: child buses from "mdio@N" children
  std::string_view source;
};

std::span<const MdioControllerInfo> mdio_controller_catalog();
const MdioControllerInfo* find_mdio_controller(std::string_view compatible);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_MDIO_CATALOG_H_
