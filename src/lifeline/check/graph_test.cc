// SPDX-License-Identifier: GPL-2.0-only
// The provider graph of real boards: the phandle edges a netdev developer
// would draw by hand, and nothing pulled in that is not one hop from them.
#include "lifeline/check/graph.h"

#include <gtest/gtest.h>

#include <set>

#include "lifeline/check/test_boot.h"

namespace lifeline::check {
namespace {

Graph graph_of(const std::string& board, bool all) {
  Graph g;
  testing::BootedBoard b(board, [&] { g = build_graph(all); });
  return g;
}

bool has_edge(const Graph& g, const std::string& from, const std::string& to,
              const std::string& kind) {
  for (const GraphEdge& e : g.edges)
    if (e.from == from && e.to == to && e.kind == kind) return true;
  return false;
}

const GraphNode* node(const Graph& g, const std::string& id) {
  for (const GraphNode& n : g.nodes)
    if (n.id == id) return &n;
  return nullptr;
}

TEST(Graph, ClearfogProvidersAndTheirPhandles) {
  Graph g = graph_of("armada-388-clearfog-pro.dts", false);
  // eth0 -> its mvneta, whose phy-handle names the 88E1512 on orion-mdio:
  // the phandle leaves from the MAC's device (netdev -> MAC -> PHY).
  EXPECT_TRUE(has_edge(g, "netdev:eth0", "dev:platform:f1070000.ethernet", "netdev"));
  EXPECT_TRUE(has_edge(g, "dev:platform:f1070000.ethernet", "dev:mdio_bus:f1072004.mdio-mii:00",
                       "phy-handle"));
  // eth2 sits behind the SFP cage.
  EXPECT_TRUE(has_edge(g, "dev:platform:f1034000.ethernet", "dev:platform:sfp", "sfp"));
  // The switch's CPU port, which has no netdev, is joined to the switch.
  bool cpu_port = false;
  for (const GraphEdge& e : g.edges)
    cpu_port = cpu_port || (e.kind == "dsa-port" && e.from == "dev:mdio_bus:f1072004.mdio-mii:04");
  EXPECT_TRUE(cpu_port);
  // The switch's CPU port names eth1's MAC as its conduit.
  bool conduit = false;
  for (const GraphEdge& e : g.edges)
    conduit = conduit || (e.kind == "conduit" && e.to == "netdev:eth1");
  EXPECT_TRUE(conduit);
  // The PHY hangs off the MDIO bus, which hangs off its controller.
  EXPECT_TRUE(has_edge(g, "dev:mdio_bus:f1072004.mdio-mii:00", "dev::f1072004.mdio-mii", "parent"));
  EXPECT_TRUE(has_edge(g, "dev::f1072004.mdio-mii", "dev:platform:f1072004.mdio", "parent"));

  const GraphNode* phy = node(g, "dev:mdio_bus:f1072004.mdio-mii:00");
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->role, "phy");
  EXPECT_EQ(phy->driver, "Marvell 88E1510");
  EXPECT_EQ(phy->state, "bound");
  // An MDIO bus's class device is registered, not "unbound": no driver binds a class device.
  const GraphNode* bus = node(g, "dev::f1072004.mdio-mii");
  ASSERT_NE(bus, nullptr);
  EXPECT_EQ(bus->state, "registered");
  EXPECT_EQ(bus->role, "mdio");
  // The switch's internal MDIO bus and PHYs have no DT node of their own.
  const GraphNode* internal = node(g, "dev:mdio_bus:mv88e6xxx-0:00");
  ASSERT_NE(internal, nullptr);
  EXPECT_EQ(internal->role, "phy");
  const GraphNode* eth0 = node(g, "netdev:eth0");
  ASSERT_NE(eth0, nullptr);
  EXPECT_EQ(eth0->state, "down");
}

// Device links are followed one hop from the network devices: a MAC's clock
// controller is shown, the clock controller's own suppliers are not.
TEST(Graph, DeviceLinksOneHopFromTheNetworkDevices) {
  Graph g = graph_of("imx8mp-evk.dts", false);
  std::set<std::string> network;
  for (const GraphNode& n : g.nodes)
    if (!n.role.empty() || n.kind == "netdev") network.insert(n.id);
  EXPECT_NE(node(g, "dev:platform:30380000.clock-controller"), nullptr);
  for (const GraphEdge& e : g.edges) {
    if (e.kind != "devlink") continue;
    EXPECT_TRUE(network.count(e.from) || network.count(e.to)) << e.from << " -> " << e.to;
  }
  for (const GraphNode& n : g.nodes) {
    if (!n.role.empty() || n.kind == "netdev") continue;
    bool linked = false;
    for (const GraphEdge& e : g.edges)
      linked = linked || (e.from == n.id && network.count(e.to)) ||
               (e.to == n.id && network.count(e.from));
    EXPECT_TRUE(linked) << n.id << " is in the graph but not next to a network device";
  }
}

TEST(Graph, AllDevicesKeepsEveryDevice) {
  Graph small = graph_of("imx8mp-evk.dts", false);
  Graph all = graph_of("imx8mp-evk.dts", true);
  EXPECT_GT(all.nodes.size(), small.nodes.size() + 20);
  for (const GraphNode& n : small.nodes) EXPECT_NE(node(all, n.id), nullptr) << n.id;
}

// mvpp2's controller owns the netdevs of its ports: it is the MAC of each.
TEST(Graph, MultiPortMacIsAMac) {
  Graph g = graph_of("armada-8040-mcbin.dts", false);
  const GraphNode* cp1 = node(g, "dev:platform:f4000000.ethernet");
  ASSERT_NE(cp1, nullptr);
  EXPECT_EQ(cp1->role, "mac");
  EXPECT_TRUE(has_edge(g, "netdev:eth2", "dev:platform:f4000000.ethernet", "netdev"));
}

TEST(Graph, SortedAndWithoutDuplicates) {
  Graph g = graph_of("armada-8040-mcbin.dts", false);
  ASSERT_FALSE(g.nodes.empty());
  for (size_t i = 1; i < g.nodes.size(); ++i) EXPECT_LT(g.nodes[i - 1].id, g.nodes[i].id);
  for (size_t i = 1; i < g.edges.size(); ++i) {
    const GraphEdge& a = g.edges[i - 1];
    const GraphEdge& b = g.edges[i];
    EXPECT_LT(std::tie(a.from, a.to, a.kind), std::tie(b.from, b.to, b.kind));
  }
  // Every edge joins two nodes of the graph.
  for (const GraphEdge& e : g.edges) {
    EXPECT_NE(node(g, e.from), nullptr) << e.from;
    EXPECT_NE(node(g, e.to), nullptr) << e.to;
  }
}

// A DSA switch's ports are drawn under the switch: each port a node with a
// "port" edge to ds->dev, each user netdev a "user" edge to its port, and
// the CPU port's conduit phandle starting from the port.
TEST(Graph, ClearfogDsaPortsUnderTheirSwitch) {
  Graph g = graph_of("armada-388-clearfog-pro.dts", false);
  const std::string sw = "dev:mdio_bus:f1072004.mdio-mii:04";
  for (int i = 0; i <= 6; ++i) {
    std::string port = "port:f1072004.mdio-mii:04:" + std::to_string(i);
    ASSERT_NE(node(g, port), nullptr) << port;
    EXPECT_EQ(node(g, port)->kind, "dsa-port");
    // The CPU port (5) is what the link is followed along, from the switch.
    if (i == 5) {
      EXPECT_TRUE(has_edge(g, sw, port, "dsa-port")) << port;
    } else {
      EXPECT_TRUE(has_edge(g, port, sw, "port")) << port;
    }
  }
  EXPECT_TRUE(has_edge(g, "netdev:lan1", "port:f1072004.mdio-mii:04:4", "user"));
  EXPECT_EQ(node(g, "port:f1072004.mdio-mii:04:5")->state, "cpu");
  EXPECT_TRUE(has_edge(g, "port:f1072004.mdio-mii:04:5", "netdev:eth1", "conduit"));
}

}  // namespace
}  // namespace lifeline::check
