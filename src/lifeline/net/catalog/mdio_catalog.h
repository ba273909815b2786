// SPDX-License-Identifier: GPL-2.0-only
// MDIO bus controllers that are devices of their own (not part of a MAC).
#ifndef LIFELINE_NET_CATALOG_MDIO_CATALOG_H_
#define LIFELINE_NET_CATALOG_MDIO_CATALOG_H_

#include <span>
#include <string_view>

#include "lifeline/net/catalog/bus_id.h"

namespace lifeline::net {

struct MdioControllerInfo {
  std::string_view compatible;
  std::string_view driver;  // driver name in /sys/bus/<bus>/drivers/
  std::string_view module;
  std::string_view bus;  // "platform", "pci", ...
  // mii_bus->id as the driver sets it, in the format of bus_id.h: "{dev}" is
  // the device name, "{}" a per-instance number. PHY devices are then named
  // "<bus id>:<addr %02x>". For a mux, the id of each child bus.
  std::string_view bus_id;
  bool c45;  // a clause-45 (xMDIO) bus
  bool mux;  // an MDIO mux: child buses from "mdio@N" children
  // Added to the contract: where the number in bus_id comes from.
  BusIdNumber bus_id_number;
  std::string_view source;
  // lifeline's default for an MDIO controller whose compatible no entry has
  // (net/system.cc), not a catalog entry.
  bool is_default = false;
};

std::span<const MdioControllerInfo> mdio_controller_catalog();
const MdioControllerInfo* find_mdio_controller(std::string_view compatible);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_MDIO_CATALOG_H_
