// SPDX-License-Identifier: GPL-2.0-only
// The PSE controller drivers built from catalog entries (pse_catalog.h):
// podl-pse-regulator (drivers/net/pse-pd/pse_regulator.c) and a generic
// model of a PSE chip for the others and the default.
#ifndef LIFELINE_NET_PSE_PSE_DRIVERS_H_
#define LIFELINE_NET_PSE_PSE_DRIVERS_H_

#include <vector>

namespace lifeline::core {
class Driver;
}

namespace lifeline::net {

struct PseControllerInfo;

// Makes `drv` the driver for `infos`, catalog entries of one driver name.
void pse_controller_driver_setup(core::Driver* drv,
                                 const std::vector<const PseControllerInfo*>& infos);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_PSE_DRIVERS_H_
