// SPDX-License-Identifier: GPL-2.0-only
// The lynx PCSs of the Felix switch (drivers/net/dsa/ocelot/
// felix_vsc9959.c, v6.12): vsc9959_mdio_bus_alloc(), from ds->ops->setup,
// registers the switch's internal MDIO bus "<dev>-imdio" and makes one lynx
// instance (lynx_pcs_create_mdiodev()) per used, non-internal port;
// vsc9959_mdio_bus_free() destroys them, then the bus, in teardown.
#ifndef LIFELINE_NET_PCS_FELIX_PCS_H_
#define LIFELINE_NET_PCS_FELIX_PCS_H_

namespace lifeline::core {
class Device;
}

namespace lifeline::net {

int vsc9959_mdio_bus_alloc(core::Device* dev);
void vsc9959_mdio_bus_free(core::Device* dev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PCS_FELIX_PCS_H_
