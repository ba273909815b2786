// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/board_summary.h"

#include "lifeline/dt/net_roles.h"
#include "lifeline/dt/of_base.h"

namespace lifeline::dt {

namespace {

// Nodes named by a phy-handle or phy property anywhere in the tree.
std::set<const core::FwNode*> phy_references(const core::FwTree& tree) {
  std::set<const core::FwNode*> out;
  for (const auto& n : tree.nodes())
    for (const char* prop : {"phy-handle", "phy"})
      for (const PhandleEntry& e : of_phandle_list(n.get(), prop, {}, 0).entries)
        if (e.node) out.insert(e.node);
  return out;
}

}  // namespace

BoardSummary summarize_board(const core::FwTree& tree) {
  BoardSummary s;
  std::set<const core::FwNode*> pcs_targets = pcs_handle_targets(tree);
  std::set<const core::FwNode*> phy_refs = phy_references(tree);
  for (const auto& n : tree.nodes()) {
    const core::FwNode& node = *n;
    if (is_sfp_cage(node)) {
      (node.is_enabled() ? s.sfp_enabled : s.sfp_disabled)++;
      continue;
    }
    if (!node.is_enabled()) continue;
    if (is_mac(node)) ++s.macs;
    if (is_mdio_bus(node)) ++s.mdio_buses;
    // SOURCES.md: "ethernet-phy nodes that are not targets of a pcs-handle".
    // Its table also leaves out a PHY-named node that nothing names: on
    // fsl-ls1046a-rdb, pcsphy0 is a Lynx PCS that the board file took out
    // of use (enet0's pcs-handle moves to qsgmiib_pcs3), and the table
    // counts 5 PHYs, not 6. Counting only PHYs that a phy-handle or phy
    // names reproduces the table on every board.
    if (is_ethernet_phy(node, pcs_targets) && phy_refs.count(&node)) ++s.phys;
    if (node.has_property("pcs-handle")) {
      ++s.pcs_nodes;
      s.pcs_phandles +=
          static_cast<int>(of_phandle_list(&node, "pcs-handle", {}, 0).entries.size());
    }
    if (is_pse_controller(node)) ++s.pse_controllers;
    if (node.has_property("pses"))
      s.pse_refs +=
          static_cast<int>(of_phandle_list(&node, "pses", "#pse-cells", 0).entries.size());
    if (is_dsa_switch(node)) {
      DsaSwitchSummary d;
      d.path = node.full_path;
      for (const core::FwNode* p : dsa_ports(node)) {
        ++d.ports;
        if (p->has_property("ethernet")) ++d.cpu_ports;
      }
      s.dsa_switches.push_back(std::move(d));
    }
  }
  return s;
}

std::string to_string(const BoardSummary& s) {
  std::string out = "MACs " + std::to_string(s.macs) + ", MDIO " + std::to_string(s.mdio_buses) +
                    ", PHYs " + std::to_string(s.phys) + ", SFP " + std::to_string(s.sfp_enabled) +
                    "+" + std::to_string(s.sfp_disabled) + ", PCS " + std::to_string(s.pcs_nodes) +
                    " (" + std::to_string(s.pcs_phandles) + " phandles), PSE " +
                    std::to_string(s.pse_controllers) + " (" + std::to_string(s.pse_refs) +
                    " refs), DSA";
  if (s.dsa_switches.empty()) out += " -";
  for (const DsaSwitchSummary& d : s.dsa_switches)
    out +=
        " " + d.path + " / " + std::to_string(d.ports) + " (" + std::to_string(d.cpu_ports) + ")";
  return out;
}

}  // namespace lifeline::dt
