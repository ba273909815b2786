// SPDX-License-Identifier: GPL-2.0-only
// The provider graph by link, on real boards and on graphs with roles and
// edge kinds no board has yet.
#include "lifeline/check/graph_links.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lifeline/check/test_boot.h"

namespace lifeline::check {
namespace {

Graph graph_of(const std::string& board) {
  Graph g;
  testing::BootedBoard b(board, [&] { g = build_graph(false); });
  return g;
}

const LinkCluster* cluster_with(const LinkView& v, const std::string& id) {
  for (const LinkCluster& c : v.clusters)
    if (std::find(c.members.begin(), c.members.end(), id) != c.members.end()) return &c;
  return nullptr;
}

TEST(GraphLinks, ClearfogLinks) {
  Graph g = graph_of("armada-388-clearfog-pro.dts");
  LinkView v = links_of(g);
  const LinkCluster* eth0 = cluster_with(v, "netdev:eth0");
  ASSERT_NE(eth0, nullptr);
  EXPECT_EQ(eth0->kind, LinkCluster::Kind::kLink);
  EXPECT_EQ(eth0->title, "eth0");
  // netdev -> MAC -> PHY, in that order.
  EXPECT_EQ(eth0->members,
            (std::vector<std::string>{"netdev:eth0", "dev:platform:f1070000.ethernet",
                                      "dev:mdio_bus:f1072004.mdio-mii:00"}));
  // The MDIO bus carries eth0's PHY and the switch: shared, with its controller.
  const LinkCluster* bus = cluster_with(v, "dev::f1072004.mdio-mii");
  ASSERT_NE(bus, nullptr);
  EXPECT_EQ(bus->kind, LinkCluster::Kind::kShared);
  EXPECT_EQ(cluster_with(v, "dev:platform:f1072004.mdio"), bus);
  // The switch's user ports are one link with the switch, its CPU port and
  // its internal PHYs (which no phandle names: they join by their bus).
  const LinkCluster* lan = cluster_with(v, "dev:mdio_bus:f1072004.mdio-mii:04");
  ASSERT_NE(lan, nullptr);
  EXPECT_EQ(cluster_with(v, "netdev:lan1"), lan);
  EXPECT_EQ(cluster_with(v, "dev:mdio_bus:mv88e6xxx-0:00"), lan);
  EXPECT_EQ(cluster_with(v, "dev::mv88e6xxx-0"), lan);
  // The conduit is a link of its own.
  const LinkCluster* eth1 = cluster_with(v, "netdev:eth1");
  ASSERT_NE(eth1, nullptr);
  EXPECT_NE(eth1, lan);
  // eth2's SFP cage.
  EXPECT_EQ(cluster_with(v, "dev:platform:sfp"), cluster_with(v, "netdev:eth2"));
  // Every network node is in exactly one cluster; the pin controller is folded.
  size_t members = 0;
  for (const LinkCluster& c : v.clusters) members += c.members.size();
  size_t network = 0;
  for (const GraphNode& n : g.nodes) network += is_network_node(n);
  EXPECT_EQ(members, network);
  EXPECT_NE(
      std::find(eth0->suppliers.begin(), eth0->suppliers.end(), "dev:platform:f1018000.pinctrl"),
      eth0->suppliers.end());
}

// A provider this file has never heard of (a role and an edge kind no board
// has yet) joins the link that reaches it, in a column between the PHYs
// and the MDIO buses; one that no link reaches is in the "no netdev" box.
TEST(GraphLinks, UnknownRolesAndKindsFollowTheEdges) {
  Graph g;
  g.nodes = {{"netdev:eth0", "eth0", "netdev", "", "", "up"},
             {"mac", "mac", "device", "mac", "", "bound"},
             {"cage", "cage", "device", "sfp", "", "bound"},
             {"module", "module", "device", "sfp-module", "", "bound"},
             {"modphy", "modphy", "device", "phy", "", "bound"},
             {"lonely", "lonely", "device", "pse", "", "deferred"},
             {"clk", "clk", "device", "", "", "bound"}};
  g.edges = {{"netdev:eth0", "mac", "netdev", ""},
             {"mac", "cage", "sfp", ""},
             {"cage", "module", "sfp-module", ""},
             {"module", "modphy", "module-phy", ""},
             {"module", "clk", "devlink", "MANAGED active"}};
  LinkView v = links_of(g);
  ASSERT_EQ(v.clusters.size(), 2u);
  EXPECT_EQ(v.clusters[0].members,
            (std::vector<std::string>{"netdev:eth0", "mac", "cage", "modphy", "module"}));
  EXPECT_EQ(v.clusters[0].suppliers, (std::vector<std::string>{"clk"}));
  EXPECT_EQ(v.clusters[1].kind, LinkCluster::Kind::kNoNetdev);
  EXPECT_EQ(v.clusters[1].members, (std::vector<std::string>{"lonely"}));
}

// The netdevs of one device (a multi-port MAC, a switch) are one link.
TEST(GraphLinks, NetdevsOfOneDeviceShareALink) {
  Graph g;
  g.nodes = {{"netdev:a", "a", "netdev", "", "", "up"},
             {"netdev:b", "b", "netdev", "", "", "up"},
             {"sw", "sw", "device", "dsa", "", "bound"}};
  g.edges = {{"netdev:a", "sw", "netdev", ""}, {"netdev:b", "sw", "netdev", ""}};
  LinkView v = links_of(g);
  ASSERT_EQ(v.clusters.size(), 1u);
  EXPECT_EQ(v.clusters[0].title, "a b");
}

}  // namespace
}  // namespace lifeline::check
