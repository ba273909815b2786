// SPDX-License-Identifier: GPL-2.0-only
// A DSA switch driver built from a catalog entry (catalog/dsa_catalog.h),
// as net/mac_driver.h builds MAC drivers: probe registers the switch with
// the DSA core; ds->ops->setup registers the switch's own MDIO bus (its
// internal PHYs) where the real driver does it there (mv88e6xxx, mt7530).
#ifndef LIFELINE_NET_DSA_SWITCH_DRIVER_H_
#define LIFELINE_NET_DSA_SWITCH_DRIVER_H_

#include <vector>

namespace lifeline::core {
class Bus;
class Driver;
}  // namespace lifeline::core

namespace lifeline::net {

struct DsaSwitchInfo;

// Makes `drv` the driver for `infos` (entries of one driver name): an OF
// match table, probe and remove. `port_bus` is phy-loss=port-device's bus
// of per-port devices, or nullptr. The caller sets drv->bus.
void dsa_switch_driver_setup(core::Driver* drv, const std::vector<const DsaSwitchInfo*>& infos,
                             core::Bus* port_bus);

// Whether lifeline models this catalog entry's driver (every entry: the
// switch's bus comes from the entry).
bool dsa_switch_driver_modelled(const DsaSwitchInfo& info);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DSA_SWITCH_DRIVER_H_
