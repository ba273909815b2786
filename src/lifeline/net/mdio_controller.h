// SPDX-License-Identifier: GPL-2.0-only
// MDIO controller drivers built from catalog entries (mdio_catalog.h): a
// device of its own whose probe registers an MDIO bus from its node and
// whose remove unregisters it, PHYs and all (orion-mdio, unimac-mdio,
// davinci_mdio, mdio-gpio, ...), and MDIO muxes with a child bus per
// "mdio@N" node.
#ifndef LIFELINE_NET_MDIO_CONTROLLER_H_
#define LIFELINE_NET_MDIO_CONTROLLER_H_

#include <vector>

namespace lifeline::core {
class Bus;
class Driver;
}  // namespace lifeline::core

namespace lifeline::net {

struct MdioControllerInfo;

// Makes `drv` the driver for `infos`, catalog entries of one driver name
// (see mac_driver_setup()).
void mdio_controller_driver_setup(core::Driver* drv,
                                  const std::vector<const MdioControllerInfo*>& infos);
core::Driver* mdio_controller_driver_create(const MdioControllerInfo& info, core::Bus* bus);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_MDIO_CONTROLLER_H_
