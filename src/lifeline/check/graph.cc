// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/graph.h"

#include <algorithm>
#include <map>
#include <set>

#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phylink.h"

namespace lifeline::check {

namespace {

std::string dev_id(const core::Device* d) {
  return "dev:" + std::string(core::dev_bus_name(d)) + ":" + d->name();
}

std::string role_of(const core::FwNode* n, const std::set<const core::FwNode*>& pcs_targets) {
  if (!n) return "";
  if (dt::is_mac(*n)) return "mac";
  if (dt::is_mdio_bus(*n)) return "mdio";
  if (pcs_targets.count(n)) return "pcs";
  if (dt::is_ethernet_phy(*n, pcs_targets)) return "phy";
  if (dt::is_sfp_cage(*n)) return "sfp";
  if (dt::is_pse_controller(*n)) return "pse";
  if (dt::is_dsa_switch(*n)) return "dsa";
  return "";
}

std::string state_of(const core::Device* d) {
  if (d->driver) return "bound";
  if (d->deferred.where != core::DeferredNode::Where::kNone) return "deferred";
  return "unbound";
}

class Builder {
 public:
  explicit Builder(bool all) : all_(all) {}

  Graph build() {
    core::Kernel* k = core::Kernel::current_or_null();
    net::Net* n = net::Net::current_or_null();
    const core::FwTree* tree = nullptr;
    if (k)
      for (const core::Device* d : k->devices)
        if (d->fwnode && d->fwnode->tree) tree = d->fwnode->tree;
    if (tree) pcs_targets_ = dt::pcs_handle_targets(*tree);
    // Netdevs by the node that owns them (a MAC or a port).
    if (n) {
      for (const net::NetDevice* nd : n->netdevs) {
        if (nd->freed() || nd->reg_state != net::NetregState::NETREG_REGISTERED) continue;
        if (nd->of_node) netdev_of_[nd->of_node] = nd;
        std::string id = "netdev:" + nd->name();
        add_node({id, nd->name(), "netdev", "", "",
                  net::netif_running(nd) ? (nd->carrier ? "up" : "no-carrier") : "down"});
        if (nd->parent) {
          add_device(nd->parent);
          edges_.push_back({id, dev_id(nd->parent), "netdev", ""});
        }
        // The PCS phylink uses now (model state, not the device tree), by
        // the device that provides it; a PCS inside the MAC has none.
        const net::PhylinkPcs* pcs = nd->phylink ? nd->phylink->pcs.get() : nullptr;
        if (pcs && !pcs->freed() && pcs->provider && !pcs->provider->freed() &&
            pcs->provider->registered) {
          add_device(pcs->provider);
          edges_.push_back({id, dev_id(pcs->provider), "pcs", pcs->name()});
        }
      }
    }
    if (k) {
      for (const core::Device* d : k->devices) {
        if (d->freed() || !d->registered) continue;
        bool networky = !role_of(d->fwnode, pcs_targets_).empty() ||
                        (n && (d->bus == n->mdio_bus_type || std::string(d->kind()) == "mii_bus"));
        if (all_ || networky) add_device(d);
      }
      // Device links touching a device already shown, one hop: the ids are
      // taken before the loop, which adds the other ends, so that a chain of
      // links does not pull in the whole clock and pinctrl tree.
      std::set<std::string> shown;
      for (const auto& [id, node] : nodes_) shown.insert(id);
      for (const core::Device* d : k->devices) {
        if (d->freed() || !d->registered) continue;
        for (const core::DeviceLink* l : d->link_consumers) {
          if (!shown.count(dev_id(l->supplier)) && !shown.count(dev_id(l->consumer))) continue;
          add_device(l->supplier);
          add_device(l->consumer);
          edges_.push_back(
              {dev_id(l->consumer), dev_id(l->supplier), "devlink",
               core::dl_flags_string(l->flags) + " " + core::dl_state_name(l->status)});
        }
      }
      // Parents, among the devices shown.
      for (const core::Device* d : k->devices)
        if (!d->freed() && d->registered && d->parent && has(dev_id(d)) && has(dev_id(d->parent)))
          edges_.push_back({dev_id(d), dev_id(d->parent), "parent", ""});
    }
    if (tree) {
      for (const auto& node : tree->nodes()) {
        if (!node->is_enabled()) continue;
        phandle_edge(node.get(), "phy-handle", "phy-handle");
        phandle_edge(node.get(), "phy", "phy-handle");
        phandle_edge(node.get(), "sfp", "sfp");
        for (size_t i = 0; i < 4; ++i) phandle_edge(node.get(), "pcs-handle", "pcs-handle", i);
        phandle_edge(node.get(), "pses", "pses");
        if (dt::is_dsa_cpu_port(*node)) phandle_edge(node.get(), "ethernet", "conduit");
      }
    }
    Graph g;
    for (auto& [id, gn] : nodes_) g.nodes.push_back(gn);
    std::sort(edges_.begin(), edges_.end(), [](const GraphEdge& a, const GraphEdge& b) {
      return std::tie(a.from, a.to, a.kind) < std::tie(b.from, b.to, b.kind);
    });
    edges_.erase(std::unique(edges_.begin(), edges_.end(),
                             [](const GraphEdge& a, const GraphEdge& b) {
                               return a.from == b.from && a.to == b.to && a.kind == b.kind;
                             }),
                 edges_.end());
    g.edges = edges_;
    return g;
  }

 private:
  bool has(const std::string& id) const { return nodes_.count(id) != 0; }
  void add_node(GraphNode n) { nodes_.emplace(n.id, std::move(n)); }
  void add_device(const core::Device* d) {
    std::string id = dev_id(d);
    if (has(id)) return;
    add_node({id, d->name(), "device", role_of(d->fwnode, pcs_targets_),
              d->driver ? d->driver->name() : "", state_of(d)});
  }
  // The graph node standing for a firmware node: its netdev, its device, or itself.
  std::string id_for(const core::FwNode* n) {
    if (auto it = netdev_of_.find(n); it != netdev_of_.end()) return "netdev:" + it->second->name();
    if (n->dev && !n->dev->freed()) {
      add_device(n->dev);
      return dev_id(n->dev);
    }
    std::string id = "node:" + n->full_path;
    if (!has(id)) add_node({id, n->full_path, "fwnode", role_of(n, pcs_targets_), "", "no device"});
    return id;
  }
  void phandle_edge(const core::FwNode* from, const char* prop, const char* kind,
                    size_t index = 0) {
    core::FwNode* to = core::parse_phandle(from, prop, index);
    if (!to) return;
    edges_.push_back({id_for(from), id_for(to), kind, ""});
  }

  bool all_;
  std::set<const core::FwNode*> pcs_targets_;
  std::map<const core::FwNode*, const net::NetDevice*> netdev_of_;
  std::map<std::string, GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
};

}  // namespace

Graph build_graph(bool all_devices) { return Builder(all_devices).build(); }

}  // namespace lifeline::check
