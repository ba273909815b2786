// SPDX-License-Identifier: GPL-2.0-only
// phylink's private helpers, shared by the files that make up phylink as
// drivers/net/phy/phylink.c is one file: phylink.cc (create, start/stop, the
// resolve work, the PHY), phylink_pcs.cc (the PCS and the major
// configuration) and phylink_sfp.cc (phylink as an SFP upstream,
// sfp_upstream_ops). Nothing outside phylink includes this header.
//
// The seam between the PCS and SFP halves: an SFP module changes what the
// link carries (pl->link_interface, pl->cur_link_an_mode, pl->supported) and
// then asks for a major reconfiguration through phylink_mac_initial_config()
// or, for a running link, phylink_run_resolve(); the resolve work is the one
// place that applies it (mac_select_pcs, mac_config, pcs_config). Link up and
// down from the module (LOS, TX fault) go through PHYLINK_DISABLE_LINK with
// phylink_run_resolve_and_disable()/phylink_enable_and_run_resolve(), as
// sfp_link_down()/sfp_link_up() do.
#ifndef LIFELINE_NET_PHYLINK_INTERNAL_H_
#define LIFELINE_NET_PHYLINK_INTERNAL_H_

#include <string>

#include "lifeline/net/phylink.h"

namespace lifeline::net {

// The name phylink prints its messages under: the netdev's, or the port
// device's for a DSA CPU port.
std::string pl_name(const Phylink* pl);

// Queue the resolve work unless phylink is disabled for some reason.
void phylink_run_resolve(Phylink* pl);
// Set a PHYLINK_DISABLE_* bit; the first one set flushes a resolve that
// takes the link down.
void phylink_run_resolve_and_disable(Phylink* pl, unsigned bit);
// Clear a PHYLINK_DISABLE_* bit and resolve.
void phylink_enable_and_run_resolve(Phylink* pl, unsigned bit);
// phylink_bringup_phy(): take `phy` as the link's PHY (attached already).
int phylink_bringup_phy(Phylink* pl, PhyDevice* phy, phy_interface_t interface);

// phylink_sfp.cc: phylink_register_sfp() from phylink_create() (last, and
// without rtnl held: sfp_bus_add_upstream() takes it), and its undo from
// phylink_destroy(); sfp_upstream_start()/stop() from phylink_start()/stop().
int phylink_register_sfp(Phylink* pl, core::FwNode* fwnode);
void phylink_unregister_sfp(Phylink* pl);
void phylink_sfp_upstream_start(Phylink* pl);
void phylink_sfp_upstream_stop(Phylink* pl);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHYLINK_INTERNAL_H_
