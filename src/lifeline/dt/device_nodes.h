// SPDX-License-Identifier: GPL-2.0-only
// Which nodes of a tree get a device a driver can bind, on which bus, once
// every bus controller has bound: the platform and AMBA devices of the boot
// population, the devices populating drivers create, and the I2C clients,
// SPI devices and PCI functions the controllers of bus_roles.h create. A
// node the network layer claims gets its device as any other, but what is
// below it is the network layer's business: it is not expanded.
//
// Worked out from the tree alone, before any execution; the execution then
// creates these devices as the drivers bind (a test checks the two agree).
#ifndef LIFELINE_DT_DEVICE_NODES_H_
#define LIFELINE_DT_DEVICE_NODES_H_

#include <functional>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// The network layer's claim on a node (MACs, MDIO controllers, DSA
// switches, SFP cages, PSE controllers, PCS providers).
using ClaimedFn = std::function<bool(const core::FwNode&)>;

enum class NodeBus : uint8_t { kPlatform, kAmba, kI2c, kSpi, kPci };
const char* node_bus_name(NodeBus bus);

struct DeviceNode {
  core::FwNode* node = nullptr;
  NodeBus bus = NodeBus::kPlatform;
};

// In tree order (pre-order). `claimed` may be empty (nothing claimed).
std::vector<DeviceNode> device_nodes(const core::FwTree& tree, const ClaimedFn& claimed);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_DEVICE_NODES_H_
