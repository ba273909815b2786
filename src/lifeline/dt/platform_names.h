// SPDX-License-Identifier: GPL-2.0-only
// Which nodes the kernel turns into platform (or AMBA) devices at boot, in
// which order, and what it names them: of_platform_default_populate_init()
// and of_platform_bus_create() in drivers/of/platform.c, and
// of_device_make_bus_id() in drivers/of/device.c (Linux v6.12, an ARM or
// arm64 kernel with CONFIG_ARM_AMBA and CONFIG_PCI).
#ifndef LIFELINE_DT_PLATFORM_NAMES_H_
#define LIFELINE_DT_PLATFORM_NAMES_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "lifeline/core/fwnode.h"
#include "lifeline/dt/node_set.h"

namespace lifeline::dt {

// of_device_make_bus_id(): "<translated address>.<node name>" for a node
// whose first reg translates to a CPU address (with ".<bit>" from a "mask"
// property), else the node's name prefixed, level by level, to its parent's
// ("soc:firmware"), stopping at the first ancestor whose reg translates.
// Meaningful for any node, though the kernel uses it for platform and AMBA
// devices only.
std::string of_device_make_bus_id(const core::FwNode& node);

// The form users also see in the source: "<unit-address>.<node name>"
// ("7d580000.ethernet"); empty for a node without a unit address.
std::string untranslated_bus_id(const core::FwNode& node);

struct PlatformDeviceNode {
  core::FwNode* node = nullptr;
  std::string name;                // dev_name(): of_device_make_bus_id()
  core::FwNode* parent = nullptr;  // the node of the parent device; nullptr: platform_bus
  bool amba = false;               // "arm,primecell": an amba_device, not a platform_device
};

// Every device of_platform_default_populate_init() creates, in creation
// order: nodes of reserved_mem_matches[] anywhere, then the children of
// /firmware, then a simple-framebuffer under /chosen, then everything else
// from the root: each available child that has a "compatible" and is not
// "operating-points-v2", recursing into simple-bus, simple-mfd, isa and
// arm,amba-bus nodes (never into an arm,primecell device).
//
// This is the arm64 order. A 32-bit ARM machine whose init_machine
// populates the root at arch_initcall (at91's sama5_dt_device_init() does)
// creates the root's devices before the first three groups.
std::vector<PlatformDeviceNode> platform_device_nodes(const core::FwTree& tree);

// The node flags OF_POPULATED (a device was created for the node) and
// OF_POPULATED_BUS (its children were populated) of one execution, kept
// outside the tree. Nodes set up early (irqchips, clocks: early_init.h) are
// put in `populated` before the walk, as of_irq_init() and of_clk_init()
// set OF_POPULATED.
struct PopulateState {
  NodeSet populated;
  NodeSet populated_bus;
};

// platform_device_nodes() with the flags of an execution: skips nodes
// already populated and records the ones it returns.
std::vector<PlatformDeviceNode> platform_device_nodes(const core::FwTree& tree,
                                                      PopulateState& state);

// of_platform_populate(np, matches, NULL, parent) as a driver calls it at
// probe: the available children of `np` that have a compatible, recursing
// into simple-bus and friends only with `default_bus_matches`
// (of_platform_default_populate()); devm_of_platform_populate() and most
// drivers pass no match table, so only direct children. `parent` of the
// direct children is `np`.
std::vector<PlatformDeviceNode> of_platform_populate_nodes(const core::FwNode& np,
                                                           bool default_bus_matches,
                                                           PopulateState& state);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_PLATFORM_NAMES_H_
