// SPDX-License-Identifier: GPL-2.0-only
// The PSE controller drivers built from catalog entries (pse_catalog.h):
// podl-pse-regulator (drivers/net/pse-pd/pse_regulator.c) and a generic
// model of a PSE chip for the others and the default.
#ifndef LIFELINE_NET_PSE_PSE_DRIVERS_H_
#define LIFELINE_NET_PSE_PSE_DRIVERS_H_

#include <string>
#include <vector>

namespace lifeline::core {
class Driver;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

struct PseControllerInfo;

// Makes `drv` the driver for `infos`, catalog entries of one driver name.
void pse_controller_driver_setup(core::Driver* drv,
                                 const std::vector<const PseControllerInfo*>& infos);

// The module of PSE controller drivers (module_driver()): its module_init
// also notes the load for the probe storm's counts (pse_module_loading()).
core::Module* pse_module_create(std::string name, std::vector<core::Driver*> drivers);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_PSE_DRIVERS_H_
