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

// ---- the PCS half (phylink_pcs.cc)

// phylink_major_config(): select the PCS for state.interface, then
// mac_prepare, pcs switch, mac_config, pcs_enable, pcs_config (AN restart),
// mac_finish, poll start. state_mutex held (or phylink stopped).
void phylink_major_config(Phylink* pl, bool restart, const PhylinkLinkState& state);
// phylink_mac_initial_config(): a major configuration from the link's
// configured state, link down; from phylink_start() and after an SFP module
// changed the interface.
void phylink_mac_initial_config(Phylink* pl, bool force_restart);
// phylink_mac_pcs_get_state(): an in-band link's state from pl->pcs (link 0
// without a PCS).
void phylink_mac_pcs_get_state(Phylink* pl, PhylinkLinkState* state);
// pcs_link_up() of pl->pcs with phylink's negotiation mode, before
// mac_link_up.
void phylink_pcs_link_up_of(Phylink* pl, phy_interface_t interface, int speed, Duplex duplex);
// phylink_stop()'s end: pcs_state DOWN, pcs_disable(pl->pcs).
void phylink_pcs_stop(Phylink* pl);
// phylink_start()'s major configuration with the PCS STARTING, and the
// in-band link's lane interrupt.
void phylink_pcs_start(Phylink* pl);
// phylink_create(): probe mac_select_pcs (using_mac_select_pcs), and the
// pcs design's setup (pcs=release: the providers of "pcs-handle").
int phylink_pcs_create(Phylink* pl);
// phylink_destroy(): the pcs design's teardown (unregister its notifier).
void phylink_pcs_destroy(Phylink* pl);
// phylink_sfp.cc: phylink_register_sfp() from phylink_create() (last, and
// without rtnl held: sfp_bus_add_upstream() takes it), and its undo from
// phylink_destroy(); sfp_upstream_start()/stop() from phylink_start()/stop().
int phylink_register_sfp(Phylink* pl, core::FwNode* fwnode);
void phylink_unregister_sfp(Phylink* pl);
void phylink_sfp_upstream_start(Phylink* pl);
void phylink_sfp_upstream_stop(Phylink* pl);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHYLINK_INTERNAL_H_
