// SPDX-License-Identifier: GPL-2.0-only
// The PHY drivers of the catalog (catalog/phy_catalog.h) as phy_drivers,
// grouped into the modules that provide them.
#ifndef LIFELINE_NET_PHY_DRIVERS_H_
#define LIFELINE_NET_PHY_DRIVERS_H_

#include <map>
#include <string>

namespace lifeline::core {
class Module;
}

namespace lifeline::net {

// Creates one module per distinct catalog module name ("marvell",
// "broadcom", ...), whose init registers its drivers and whose exit
// unregisters them. Returns them by name (not loaded yet).
std::map<std::string, core::Module*> phy_driver_modules_create();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_DRIVERS_H_
