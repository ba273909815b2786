// SPDX-License-Identifier: GPL-2.0-only
// The provider graph by link: which providers each network link is made of.
// A link starts at its netdevs and follows the edges a kernel developer
// would follow by hand (netdev -> MAC or switch, phy-handle, pcs-handle,
// sfp, pses, a switch's CPU port and its conduit, a PHY's MDIO bus and the
// bus's controller), as far as the nodes that play a network role. The rules
// are over node roles and edge kinds only, so that a provider the model
// adds later (a PCS, an SFP module, a PSE controller) joins its link as soon
// as the graph carries its role and its edge.
#ifndef LIFELINE_CHECK_GRAPH_LINKS_H_
#define LIFELINE_CHECK_GRAPH_LINKS_H_

#include <string>
#include <vector>

#include "lifeline/check/graph.h"

namespace lifeline::check {

struct LinkCluster {
  enum class Kind {
    kLink,     // the netdevs of one MAC or switch, and the providers only they use
    kShared,   // providers that several links use (one MDIO bus for several PHYs)
    kNoNetdev  // network providers no netdev reaches (a MAC that deferred, a spare PHY): one
               // cluster
  };
  Kind kind = Kind::kLink;
  std::string id;     // "link:eth0", "shared:dev::f1072004.mdio-mii", "nonetdev"
  std::string title;  // "eth0", "lan0 lan1 lan2 lan3", "shared", "no netdev"
  // Node ids of the graph, by column (netdev, MAC, PCS, PHY, ...) then id.
  std::vector<std::string> members;
  // The devices that are not network providers (clocks, pin controllers,
  // GPIO and reset controllers, regulators) that members have device links
  // to, sorted: drawn as one node with a count unless every device is shown.
  std::vector<std::string> suppliers;
};

struct LinkView {
  std::vector<LinkCluster> clusters;  // links by their first netdev, then shared, then the rest
};

// A network node: a netdev, a firmware node, or a device with a role.
bool is_network_node(const GraphNode& n);
// The column a node is drawn in, left to right: netdev, MAC or switch, DSA
// port, PCS, PHY or SFP cage, what hangs off those (module, PSE controller),
// MDIO bus, MDIO controller, other suppliers. A role this table does not
// know goes between the PHYs and the MDIO buses.
int link_column(const GraphNode& n);

LinkView links_of(const Graph& g);

}  // namespace lifeline::check

#endif  // LIFELINE_CHECK_GRAPH_LINKS_H_
