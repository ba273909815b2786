// SPDX-License-Identifier: GPL-2.0-only
// What a node is to the network model, judged from the device tree alone
// (net/ decides by driver catalog later): MACs, MDIO buses, Ethernet PHYs,
// PCS nodes, SFP cages, PSE controllers and DSA switches with their ports.
// The rules are the ones boards/SOURCES.md states for its feature table.
#ifndef LIFELINE_DT_NET_ROLES_H_
#define LIFELINE_DT_NET_ROLES_H_

#include <set>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// The "ports" or "ethernet-ports" child, as dsa_switch_parse_ports_of()
// looks it up; nullptr if none.
core::FwNode* ports_container(const core::FwNode& node);

// A DSA switch: its ports container has a port that reaches a conduit
// ("ethernet", a CPU port) or another switch ("link", a DSA port). A
// multi-port MAC (CPSW's ethernet-ports) has neither.
bool is_dsa_switch(const core::FwNode& node);
// A port of a DSA switch, and one that is a CPU port (has "ethernet").
bool is_dsa_port(const core::FwNode& node);
bool is_dsa_cpu_port(const core::FwNode& node);
// The available ports of a switch.
std::vector<core::FwNode*> dsa_ports(const core::FwNode& dsa_switch);

// An Ethernet PHY node by name or compatible ("ethernet-phy@1",
// "ethernet-phy-ieee802.3-c45", "ethernet-phy-id2000.0181"). PCS devices on
// internal MDIO buses often use the same name; see pcs_handle_targets().
bool is_ethernet_phy_name(const core::FwNode& node);
// An MDIO bus: named mdio / mdio-bus, or a compatible that says mdio
// (including MDIO muxes).
bool is_mdio_bus(const core::FwNode& node);
// An SFP cage (sff,sfp or sff,sff).
bool is_sfp_cage(const core::FwNode& node);
// A PSE controller (#pse-cells).
bool is_pse_controller(const core::FwNode& node);
// A MAC port: carries phy-mode, phy-connection-type, phy-handle, phy, sfp,
// pcs-handle or fixed-link, and is neither a DSA port nor an Ethernet PHY
// (PHYs may carry sfp).
bool is_mac(const core::FwNode& node);

// Every node named by an enabled node's pcs-handle.
std::set<const core::FwNode*> pcs_handle_targets(const core::FwTree& tree);

// An Ethernet PHY that is not a PCS (see above): what phylib will probe.
bool is_ethernet_phy(const core::FwNode& node, const std::set<const core::FwNode*>& pcs_targets);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_NET_ROLES_H_
