// SPDX-License-Identifier: GPL-2.0-only
// What pcs=release and its variants share (net/designs/pcs_release.cc,
// pcs_release_enodev.cc, pcs_release_no_del.cc): the fwnode PCS series
// with the lynx PCS made a provider.
#ifndef LIFELINE_NET_DESIGNS_PCS_RELEASE_COMMON_H_
#define LIFELINE_NET_DESIGNS_PCS_RELEASE_COMMON_H_

#include "lifeline/net/designs/pcs.h"

namespace lifeline::net {

void pcs_release_init();
// The lynx PCS driver's probe: a provider for an MDIO device that a
// "pcs-handle" names (the series' DT fixup for PCS nodes without a
// compatible), then FWNODE_PCS_PROVIDER_ADD.
void pcs_release_mdio_device_added(MdioDevice* mdiodev);
// Its remove: fwnode_pcs_del_provider() (unless `forget_del`), then
// phylink_release_pcs() under rtnl for whoever holds it, then the PCS is
// freed.
void pcs_release_provider_remove(MdioDevice* mdiodev, bool forget_del);
bool pcs_release_mac_pcs_put(core::Device* consumer, PhylinkPcs* pcs);
void pcs_release_phylink_destroy(Phylink* pl);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DESIGNS_PCS_RELEASE_COMMON_H_
