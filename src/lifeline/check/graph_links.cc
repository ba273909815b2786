// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/graph_links.h"

#include <algorithm>
#include <map>
#include <set>

namespace lifeline::check {

bool is_network_node(const GraphNode& n) {
  return n.kind == "netdev" || n.kind == "fwnode" || !n.role.empty();
}

int link_column(const GraphNode& n) {
  if (n.kind == "netdev") return 0;
  if (!is_network_node(n)) return 8;
  struct Column {
    const char* role;
    int column;
  };
  // An MDIO bus's class device (no bus) and its controller (a platform, PCI
  // or fsl-mc device with the same node) share the role: the bus is drawn
  // first, as phydev -> bus -> controller is the parent chain.
  if (n.role == "mdio") return n.kind == "device" && n.bus.empty() ? 6 : 7;
  // A DSA link: user port (where a MAC would be) -> switch -> CPU or DSA
  // port -> the conduit's link.
  if (n.role == "dsa-port") return n.state == "cpu" || n.state == "dsa" ? 3 : 1;
  static constexpr Column kColumns[] = {
      {"mac", 1}, {"dsa", 2}, {"pcs", 3}, {"phy", 4}, {"sfp", 4}, {"pse", 5},
  };
  for (const Column& c : kColumns)
    if (n.role == c.role) return c.column;
  return 5;
}

namespace {

// Edges a link is followed along: every kind but device links, which say who
// must go first, not what the link is made of.
bool structural(const GraphEdge& e) { return e.kind != "devlink"; }

class LinkBuilder {
 public:
  explicit LinkBuilder(const Graph& g) : g_(g) {
    for (const GraphNode& n : g.nodes) node_[n.id] = &n;
    for (const GraphEdge& e : g.edges) {
      if (!node_.count(e.from) || !node_.count(e.to)) continue;
      out_[e.from].push_back(&e);
      in_[e.to].push_back(&e);
    }
  }

  LinkView build() {
    group_netdevs();
    // Which groups reach each network node, following structural edges
    // forward and stopping at other netdevs (a conduit is a link of its own).
    std::map<std::string, std::set<size_t>> reach;
    for (size_t i = 0; i < groups_.size(); ++i) {
      std::vector<std::string> todo = groups_[i];
      std::set<std::string> seen(todo.begin(), todo.end());
      while (!todo.empty()) {
        std::string id = todo.back();
        todo.pop_back();
        reach[id].insert(i);
        for (const GraphEdge* e : out_[id]) {
          const GraphNode& to = *node_.at(e->to);
          if (!structural(*e) || !is_network_node(to) || to.kind == "netdev") continue;
          if (seen.insert(e->to).second) todo.push_back(e->to);
        }
      }
    }
    clusters_.assign(groups_.size(), LinkCluster{});
    for (size_t i = 0; i < groups_.size(); ++i) {
      clusters_[i].kind = LinkCluster::Kind::kLink;
      clusters_[i].id = "link:" + node_.at(groups_[i][0])->label;  // netdev names are unique
      clusters_[i].title = title_of(groups_[i], node_);
    }
    std::set<std::string> shared;
    for (const auto& [id, groups] : reach) {
      if (groups.size() == 1)
        assign(id, *groups.begin());
      else
        shared.insert(id);
    }
    components(shared, LinkCluster::Kind::kShared, "shared:", "shared");
    attach_neighbours();
    std::set<std::string> rest;
    for (const GraphNode& n : g_.nodes)
      if (is_network_node(n) && !cluster_of_.count(n.id)) rest.insert(n.id);
    // One box for all of them: many small boxes of one unbound MAC and its
    // PHY each would make a tall page of frames.
    if (!rest.empty()) {
      clusters_.push_back(
          LinkCluster{LinkCluster::Kind::kNoNetdev, "nonetdev", "no netdev", {}, {}});
      for (const std::string& id : rest) assign(id, clusters_.size() - 1);
    }
    fold_suppliers();
    for (LinkCluster& c : clusters_) sort_members(c);
    LinkView v;
    v.clusters = std::move(clusters_);
    return v;
  }

 private:
  // The netdevs of one owner (a multi-port MAC, a switch's user ports) are
  // one group: they share the device a cluster can draw only once.
  void group_netdevs() {
    std::map<std::string, size_t> by_owner;
    for (const GraphNode& n : g_.nodes) {
      if (n.kind != "netdev") continue;
      std::string owner = n.id;
      for (const GraphEdge* e : out_[n.id])
        if (e->kind == "netdev") owner = e->to;
      auto [it, added] = by_owner.emplace(owner, groups_.size());
      if (added) groups_.emplace_back();
      groups_[it->second].push_back(n.id);
    }
  }

  static std::string title_of(const std::vector<std::string>& netdevs,
                              const std::map<std::string, const GraphNode*>& node) {
    std::string t;
    for (const std::string& id : netdevs) t += (t.empty() ? "" : " ") + node.at(id)->label;
    return t;
  }

  void assign(const std::string& id, size_t cluster) {
    cluster_of_[id] = cluster;
    clusters_[cluster].members.push_back(id);
  }

  // One cluster per connected part of `ids` (structural edges among them).
  void components(const std::set<std::string>& ids, LinkCluster::Kind kind, const char* prefix,
                  const char* title) {
    std::set<std::string> left = ids;
    while (!left.empty()) {
      std::string first = *left.begin();
      LinkCluster c;
      c.kind = kind;
      c.id = prefix + first;
      c.title = title;
      clusters_.push_back(c);
      size_t index = clusters_.size() - 1;
      std::vector<std::string> todo{first};
      left.erase(first);
      while (!todo.empty()) {
        std::string id = todo.back();
        todo.pop_back();
        assign(id, index);
        auto visit = [&](const std::string& other) {
          if (left.erase(other)) todo.push_back(other);
        };
        for (const GraphEdge* e : out_[id])
          if (structural(*e)) visit(e->to);
        for (const GraphEdge* e : in_[id])
          if (structural(*e)) visit(e->from);
      }
    }
  }

  // A network node that no netdev reaches but that hangs off one cluster
  // only (a switch's internal PHY of an unused port, a MAC's MDIO bus that
  // another MAC's PHY sits on) joins that cluster.
  void attach_neighbours() {
    for (bool changed = true; changed;) {
      changed = false;
      for (const GraphNode& n : g_.nodes) {
        if (!is_network_node(n) || cluster_of_.count(n.id)) continue;
        std::set<size_t> near;
        for (const GraphEdge* e : out_[n.id])
          if (structural(*e) && cluster_of_.count(e->to)) near.insert(cluster_of_[e->to]);
        for (const GraphEdge* e : in_[n.id])
          if (structural(*e) && cluster_of_.count(e->from)) near.insert(cluster_of_[e->from]);
        if (near.size() != 1) continue;
        assign(n.id, *near.begin());
        changed = true;
      }
    }
  }

  void fold_suppliers() {
    for (const GraphEdge& e : g_.edges) {
      if (e.kind != "devlink" || !node_.count(e.from) || !node_.count(e.to)) continue;
      const GraphNode& from = *node_.at(e.from);
      const GraphNode& to = *node_.at(e.to);
      if (cluster_of_.count(from.id) && !is_network_node(to))
        add_supplier(cluster_of_[from.id], to.id);
      if (cluster_of_.count(to.id) && !is_network_node(from))
        add_supplier(cluster_of_[to.id], from.id);
    }
  }
  void add_supplier(size_t cluster, const std::string& id) {
    auto& s = clusters_[cluster].suppliers;
    if (std::find(s.begin(), s.end(), id) == s.end()) s.push_back(id);
    std::sort(s.begin(), s.end());
  }

  void sort_members(LinkCluster& c) const {
    std::sort(c.members.begin(), c.members.end(), [&](const std::string& a, const std::string& b) {
      int ca = link_column(*node_.at(a)), cb = link_column(*node_.at(b));
      return ca != cb ? ca < cb : a < b;
    });
  }

  const Graph& g_;
  std::map<std::string, const GraphNode*> node_;
  std::map<std::string, std::vector<const GraphEdge*>> out_, in_;
  std::vector<std::vector<std::string>> groups_;  // netdev ids per owner, in id order
  std::vector<LinkCluster> clusters_;
  std::map<std::string, size_t> cluster_of_;
};

}  // namespace

LinkView links_of(const Graph& g) { return LinkBuilder(g).build(); }

}  // namespace lifeline::check
