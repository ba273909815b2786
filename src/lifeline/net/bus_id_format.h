// SPDX-License-Identifier: GPL-2.0-only
// Expands the catalogs' bus-id formats (catalog/bus_id.h) into the names the
// kernel gives MDIO buses, so that PHY devices are named as on the board.
#ifndef LIFELINE_NET_BUS_ID_FORMAT_H_
#define LIFELINE_NET_BUS_ID_FORMAT_H_

#include <string>
#include <string_view>

#include "lifeline/net/catalog/bus_id.h"

namespace lifeline::core {
class Device;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

struct BusIdContext {
  const core::Device* dev = nullptr;       // the device owning the bus
  std::string pdev_name;                   // platform_device->name when not the DT name
  const core::FwNode* node = nullptr;      // the MDIO bus node
  const core::FwNode* mac_node = nullptr;  // the MAC node, for "eth"/"ethernet" aliases
  std::string counter_key;                 // driver-global counters are per driver
};

std::string format_bus_id(std::string_view format, BusIdNumber number, const BusIdContext& ctx);

// of_alias_get_id(): the N of an "/aliases" entry "<stem>N" naming `np`, or
// -ENODEV. of_alias_get_highest_id(): the highest N for the stem, or -ENODEV.
int of_alias_get_id(const core::FwNode* np, std::string_view stem);
int of_alias_get_highest_id(const core::FwNode* any_node, std::string_view stem);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_BUS_ID_FORMAT_H_
