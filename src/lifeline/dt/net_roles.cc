// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/net_roles.h"

#include <string_view>

#include "lifeline/dt/of_base.h"

namespace lifeline::dt {

using core::FwNode;

FwNode* ports_container(const FwNode& node) {
  for (FwNode* c : node.children)
    if (c->name == "ports" || c->name == "ethernet-ports") return c;
  return nullptr;
}

bool is_dsa_switch(const FwNode& node) {
  const FwNode* ports = ports_container(node);
  if (!ports) return false;
  for (const FwNode* p : ports->children)
    if (p->has_property("ethernet") || p->has_property("link")) return true;
  return false;
}

bool is_dsa_port(const FwNode& node) {
  return node.parent && node.parent->parent &&
         ports_container(*node.parent->parent) == node.parent &&
         is_dsa_switch(*node.parent->parent);
}

bool is_dsa_cpu_port(const FwNode& node) {
  return is_dsa_port(node) && node.has_property("ethernet");
}

std::vector<FwNode*> dsa_ports(const FwNode& dsa_switch) {
  const FwNode* ports = ports_container(dsa_switch);
  return ports ? ports->available_children() : std::vector<FwNode*>{};
}

bool is_ethernet_phy_name(const FwNode& node) {
  if (node.base_name() == "ethernet-phy") return true;
  for (const std::string& c : node.compatible())
    if (c.rfind("ethernet-phy-", 0) == 0) return true;
  return false;
}

bool is_mdio_bus(const FwNode& node) {
  std::string_view base = node.base_name();
  if (base == "mdio" || base == "mdio-bus") return true;
  for (const std::string& c : node.compatible())
    if (c.find("mdio") != std::string::npos) return true;
  return false;
}

bool is_sfp_cage(const FwNode& node) {
  return node.is_compatible("sff,sfp") || node.is_compatible("sff,sff");
}

bool is_pse_controller(const FwNode& node) { return node.has_property("#pse-cells"); }

bool is_mac(const FwNode& node) {
  static constexpr std::string_view kMacProps[] = {
      "phy-mode", "phy-connection-type", "phy-handle", "phy", "sfp", "pcs-handle", "fixed-link",
  };
  bool carries = node.child_by_name("fixed-link") != nullptr;
  for (std::string_view p : kMacProps) carries = carries || node.has_property(p);
  return carries && !is_dsa_port(node) && !is_ethernet_phy_name(node);
}

std::set<const FwNode*> pcs_handle_targets(const core::FwTree& tree) {
  std::set<const FwNode*> out;
  for (const auto& n : tree.nodes()) {
    if (!n->has_property("pcs-handle") || !n->is_enabled()) continue;
    for (const PhandleEntry& e : of_phandle_list(n.get(), "pcs-handle", {}, 0).entries)
      if (e.node) out.insert(e.node);
  }
  return out;
}

bool is_ethernet_phy(const FwNode& node, const std::set<const FwNode*>& pcs_targets) {
  return is_ethernet_phy_name(node) && !pcs_targets.count(&node);
}

}  // namespace lifeline::dt
