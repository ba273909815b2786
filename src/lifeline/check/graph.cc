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
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/sfp/sfp_bus.h"

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
  if (dt::is_dsa_port(*n)) return "dsa-port";
  return "";
}

// A class device (an MDIO bus's mii_bus, a netdev's own device) sits on no
// bus, so no driver ever binds it: registered is all it can be.
std::string state_of(const core::Device* d) {
  if (d->driver) return "bound";
  if (d->deferred.where != core::DeferredNode::Where::kNone) return "deferred";
  if (!d->bus) return "registered";
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
                  net::netif_running(nd) ? (nd->carrier ? "up" : "no-carrier") : "down", "", "",
                  ""});
        if (nd->parent) {
          netdev_parents_.insert(nd->parent);
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
    // The ports of each registered DSA switch: not devices (struct
    // dsa_port), drawn under their switch by a "port" edge to ds->dev; a
    // user port's netdev points at its port ("user").
    if (n) {
      for (const net::DsaSwitch* ds : net::dsa_switches()) {
        add_device(ds->dev);
        for (const net::DsaPort* dp : ds->ports) {
          std::string id = "port:" + ds->dev->name() + ":" + std::to_string(dp->index);
          std::string type = net::dsa_port_type_name(dp->type);
          add_node({id, dp->label.empty() ? "port " + std::to_string(dp->index) : dp->label,
                    "dsa-port", "dsa-port", "", dp->lost ? "unused (setup failed)" : type});
          // A link runs netdev -> user port -> switch -> CPU port -> conduit.
          if (dp->type == net::DsaPortType::DSA_PORT_TYPE_CPU ||
              dp->type == net::DsaPortType::DSA_PORT_TYPE_DSA)
            edges_.push_back({dev_id(ds->dev), id, "dsa-port", ""});
          else
            edges_.push_back({id, dev_id(ds->dev), "port", ""});
          if (dp->dn) port_of_[dp->dn] = id;
          // The PHY its phylink attached (the switch's internal PHY at the
          // port's address has no phandle to draw).
          if (dp->pl && !dp->pl->freed())
            if (const net::PhyDevice* phy = dp->pl->phydev.get(); phy && !phy->freed()) {
              add_device(phy);
              edges_.push_back({id, dev_id(phy), "phy", ""});
            }
          if (dp->user && !dp->user->freed() &&
              dp->user->reg_state == net::NetregState::NETREG_REGISTERED)
            edges_.push_back({"netdev:" + dp->user->name(), id, "user", ""});
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
      sfp_upstreams(n);
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
        // A switch the model has no ports for (it did not register): its CPU
        // and DSA ports' nodes, what its conduit edge leaves from, joined to it.
        if (dt::is_dsa_switch(*node) && node->dev && !node->dev->freed())
          for (core::FwNode* port : dt::dsa_ports(*node))
            if (!netdev_of_.count(port) && !port_of_.count(port) &&
                (dt::is_dsa_cpu_port(*port) || port->has_property("link")))
              edges_.push_back({id_for(node.get()), id_for(port), "dsa-port", ""});
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
    std::string state = state_of(d);
    add_node({id, d->name(), "device", device_role(d), d->driver ? d->driver->name() : "", state,
              state == "deferred" ? d->deferred_probe_reason : "",
              std::string(core::dev_bus_name(d)),
              d->fwnode ? std::string(d->fwnode->base_name()) : ""});
  }
  // A device's role by its firmware node; one whose node says nothing is
  // judged by what the network model made it: a netdev's parent is a MAC, an
  // mii_bus class device is an MDIO bus, a device on the MDIO bus a PHY (a
  // switch's internal PHYs, which mdiobus_scan() finds with no DT node).
  std::string device_role(const core::Device* d) const {
    std::string role = role_of(d->fwnode, pcs_targets_);
    if (!role.empty()) return role;
    // A multi-port MAC (mvpp2, CPSW): its ports carry the MAC properties, the
    // controller owns the netdevs.
    if (netdev_parents_.count(d)) return "mac";
    net::Net* n = net::Net::current_or_null();
    if (std::string(d->kind()) == "mii_bus") return "mdio";
    if (n && d->bus == n->mdio_bus_type) return "phy";
    return "";
  }
  // Where a phandle edge leaves from: a MAC's own device when the netdev's
  // parent is that node's device (netdev -> MAC -> PHY), else the netdev
  // standing for its port (a port of a multi-port MAC, a DSA user port).
  std::string source_for(const core::FwNode* n) {
    auto it = netdev_of_.find(n);
    if (it != netdev_of_.end() && it->second->parent && it->second->parent->fwnode == n &&
        !it->second->parent->freed())
      return dev_id(it->second->parent);
    return id_for(n);
  }
  // Each SFP bus's upstream as the model holds it (sfp_bus_add_upstream():
  // a phylink of a netdev or DSA port, or a PHY through phy_sfp_probe()),
  // to the bus's cage, labelled when the bus is not registered (no socket:
  // the cage driver is not bound). No edge once sfp_bus_del_upstream()
  // cleared it, whatever the cage's "sfp" phandle says.
  void sfp_upstreams(const net::Net* n) {
    if (!n || !n->sfp) return;
    for (const net::SfpBus* bus : n->sfp->sfp_buses) {
      const sim::Object* u = bus->upstream.get();
      if (bus->freed() || !u || u->freed() || !bus->fwnode) continue;
      std::string from;
      if (const auto* pl = dynamic_cast<const net::Phylink*>(u)) {
        if (!pl->fwnode) continue;
        from = source_for(pl->fwnode);
        // The module's PHY phylink attached (sfp_add_phy() -> connect_phy):
        // it has no phandle, and hangs off the cage's I2C-MDIO bus.
        if (const net::PhyDevice* phy = pl->phydev.get();
            phy && !phy->freed() && phy->is_on_sfp_module) {
          add_device(phy);
          edges_.push_back({from, dev_id(phy), "phy", ""});
        }
      } else if (const auto* phy = dynamic_cast<const net::PhyDevice*>(u)) {
        add_device(phy);
        from = dev_id(phy);
      } else {
        continue;
      }
      edges_.push_back(
          {from, id_for(bus->fwnode), "sfp-upstream", bus->registered ? "" : "not registered"});
    }
  }
  // The graph node standing for a firmware node: its netdev, its device, or itself.
  std::string id_for(const core::FwNode* n) {
    if (auto it = netdev_of_.find(n); it != netdev_of_.end()) return "netdev:" + it->second->name();
    if (auto it = port_of_.find(n); it != port_of_.end()) return it->second;
    if (n->dev && !n->dev->freed()) {
      add_device(n->dev);
      return dev_id(n->dev);
    }
    std::string id = "node:" + n->full_path;
    if (!has(id))
      add_node({id, n->full_path, "fwnode", role_of(n, pcs_targets_), "", "no device", "", "",
                std::string(n->base_name())});
    return id;
  }
  void phandle_edge(const core::FwNode* from, const char* prop, const char* kind,
                    size_t index = 0) {
    core::FwNode* to = core::parse_phandle(from, prop, index);
    if (!to) return;
    edges_.push_back({source_for(from), id_for(to), kind, ""});
  }

  bool all_;
  std::set<const core::FwNode*> pcs_targets_;
  std::set<const core::Device*> netdev_parents_;
  std::map<const core::FwNode*, const net::NetDevice*> netdev_of_;
  std::map<const core::FwNode*, std::string> port_of_;  // a DSA port's node -> its graph node
  std::map<std::string, GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
};

}  // namespace

Graph build_graph(bool all_devices) { return Builder(all_devices).build(); }

}  // namespace lifeline::check
