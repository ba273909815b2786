// SPDX-License-Identifier: GPL-2.0-only
// The provider graph of a booted board: devices, the firmware phandles that
// join network providers (phy-handle, sfp, pcs-handle, pses, DSA conduit),
// device links, parents and netdevs. Rendered by report/.
#ifndef LIFELINE_CHECK_GRAPH_H_
#define LIFELINE_CHECK_GRAPH_H_

#include <string>
#include <vector>

namespace lifeline::check {

struct GraphNode {
  std::string id;      // stable: "dev:platform:fd580000.ethernet", "netdev:eth0", "node:/path"
  std::string label;   // what to print
  std::string kind;    // "device", "netdev", "fwnode", "dsa-port" (a DSA switch's port)
  std::string role;    // "mac", "mdio", "phy", "sfp", "pcs", "pse", "dsa", "dsa-port", ""
  std::string driver;  // bound driver, "" when none
  // Devices: "bound", "deferred", "unbound", or "registered" for a class
  // device (an MDIO bus's mii_bus: no bus, so never bound, and not broken);
  // netdevs: "up", "no-carrier", "down"; firmware nodes: "no device".
  std::string state;
  // Defaulted, so that a node written as {id, label, kind, role, driver, state} is whole.
  std::string reason{};     // a deferred device's reason, as devices_deferred shows it
  std::string bus{};        // a device's bus ("platform", "mdio_bus", "" for a class device)
  std::string node_name{};  // its DT node's name without the unit address ("clock-controller")
};

struct GraphEdge {
  std::string from;
  std::string to;
  // "phy-handle", "sfp", "pcs-handle", "pses", "conduit", "devlink", "parent", "netdev";
  // DSA: "port" (a user or unused port -> its switch's device), "dsa-port" (a
  // switch's device -> its CPU or DSA port, which a link is followed along to
  // the conduit), "user" (a user port's netdev -> its port), "phy" (a port -> the
  // PHY its phylink attached, from model state)
  std::string kind;
  std::string label;  // flags and state for devlinks
};

struct Graph {
  std::vector<GraphNode> nodes;  // sorted by id
  std::vector<GraphEdge> edges;  // sorted by (from, to, kind)
};

// The running execution's graph, now. Network-role nodes only, plus the
// providers they link to (clocks, regulators, ... are left out unless
// `all_devices`).
Graph build_graph(bool all_devices = false);

}  // namespace lifeline::check

#endif  // LIFELINE_CHECK_GRAPH_H_
