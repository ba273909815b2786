// SPDX-License-Identifier: GPL-2.0-only
// Creating the platform and AMBA devices of a device tree
// (drivers/of/platform.c): at boot, of_platform_default_populate_init();
// later, drivers that populate their own node at probe, and depopulate it
// when they go.
#ifndef LIFELINE_DT_POPULATE_H_
#define LIFELINE_DT_POPULATE_H_

#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/early_init.h"
#include "lifeline/dt/platform_names.h"

namespace lifeline::dt {

// of_platform_device_create_pdata() / of_amba_device_create(): a device for
// `pn` (named pn.name, fwnode pn.node) under `parent`, added with
// device_add() so fw_devlink links it. nullptr if device_add() failed.
core::Device* of_platform_device_create(const PlatformDeviceNode& pn, core::Device* parent);

// The boot-time population, in the kernel's order: time_init()'s early
// set-up first (of_early_init(): irqchips and clocks are marked initialised
// and OF_POPULATED, so they get no device), then a device for each node of
// platform_device_nodes(). Returns the devices in creation order. Call from a
// task, once per tree and execution (a tree records what happened to it).
std::vector<core::Device*> of_platform_default_populate(core::FwTree& tree, DtBuses& buses);

// of_platform_populate(np, matches, NULL, parent) from a driver's probe (see
// of_platform_populate_nodes()); `parent` is the driver's device.
std::vector<core::Device*> of_platform_populate(core::FwNode* np, core::Device* parent,
                                                bool default_bus_matches = false);

// of_platform_depopulate(): unregisters the platform and AMBA devices that
// populating `parent`'s node created (the last one first, each one's own
// populated children before it) and clears their OF_POPULATED.
void of_platform_depopulate(core::Device* parent);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_POPULATE_H_
