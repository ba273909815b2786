// SPDX-License-Identifier: GPL-2.0-only
// The provider graph's SFP edges come from the model's sfp_bus, not from
// the "sfp" phandle: an upstream phylink or PHY is joined to its cage by an
// "sfp-upstream" edge while sfp_bus_add_upstream() holds it, labelled "not
// registered" while the cage driver (the socket) is away, and gone once
// sfp_bus_del_upstream() ran, though the phandle is still there.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "lifeline/check/graph.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/scenario/test_util.h"

namespace lifeline::scenario {
namespace {

const check::GraphEdge* edge(const check::Graph& g, const std::string& from, const std::string& to,
                             const std::string& kind) {
  for (const check::GraphEdge& e : g.edges)
    if (e.from == from && e.to == to && e.kind == kind) return &e;
  return nullptr;
}

int count_kind(const check::Graph& g, const std::string& kind) {
  int n = 0;
  for (const check::GraphEdge& e : g.edges) n += e.kind == kind;
  return n;
}

RunResult run_with_graph(const std::string& board, const std::string& text) {
  RunOptions o;
  o.graph = true;
  RunResult r = run_scenario(load_board(board), parse_scenario(text, "s.scn"), o);
  EXPECT_TRUE(r.graph_after_boot.has_value());
  EXPECT_TRUE(r.graph_final.has_value());
  return r;
}

constexpr char kMac[] = "dev:platform:f1034000.ethernet";
constexpr char kCage[] = "dev:platform:sfp";

// ClearFog Pro: eth2's phylink is the cage's upstream. Unbinding the MAC
// (phylink_destroy() -> sfp_bus_del_upstream()) takes the edge away while
// the phandle edge, from the unbound MAC's device, stays.
TEST(SfpGraph, ClearfogUpstreamEdgeFollowsTheBusNotThePhandle) {
  RunResult r = run_with_graph("armada-388-clearfog-pro",
                               "boot\nunbind f1034000.ethernet\nsettle\n"
                               "expect sfp &sfp bus unregistered\n");
  ASSERT_TRUE(r.graph_after_boot && r.graph_final) << testing::describe_run(r);
  const check::GraphEdge* up = edge(*r.graph_after_boot, kMac, kCage, "sfp-upstream");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->label, "");  // registered
  EXPECT_EQ(count_kind(*r.graph_after_boot, "sfp-upstream"), 1);
  EXPECT_EQ(edge(*r.graph_final, kMac, kCage, "sfp-upstream"), nullptr);
  EXPECT_EQ(count_kind(*r.graph_final, "sfp-upstream"), 0);
  EXPECT_NE(edge(*r.graph_final, kMac, kCage, "sfp"), nullptr);  // the phandle is still there
}

// The cage driver unbound: the upstream is still on the bus, which is no
// longer registered (sfp_unregister_socket()).
TEST(SfpGraph, ClearfogUpstreamWithoutSocketIsNotRegistered) {
  RunResult r = run_with_graph("armada-388-clearfog-pro",
                               "boot\nunbind &sfp\nsettle\nexpect sfp &sfp bus unregistered\n");
  ASSERT_TRUE(r.graph_final) << testing::describe_run(r);
  const check::GraphEdge* up = edge(*r.graph_final, kMac, kCage, "sfp-upstream");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->label, "not registered");
}

// A copper module's PHY, which phylink attached through sfp_add_phy(),
// is drawn from eth2's MAC while attached; the module pulled, it is gone.
TEST(SfpGraph, ClearfogModulePhyWhileAttached) {
  const std::string phy = "dev:mdio_bus:i2c:sfp:16";
  const std::string up =
      "boot\nsfp &sfp insert copper-1000base-t\ncable &sfp plug\nip link set eth2 up\nwait 3s\n";
  RunResult attached = run_with_graph("armada-388-clearfog-pro", up + "expect carrier eth2 on\n");
  ASSERT_TRUE(attached.graph_final) << testing::describe_run(attached);
  EXPECT_NE(edge(*attached.graph_final, kMac, phy, "phy"), nullptr);
  RunResult pulled = run_with_graph("armada-388-clearfog-pro",
                                    up + "sfp &sfp remove\nwait 1s\nexpect carrier eth2 off\n");
  ASSERT_TRUE(pulled.graph_final) << testing::describe_run(pulled);
  EXPECT_EQ(edge(*pulled.graph_final, kMac, phy, "phy"), nullptr);
  EXPECT_EQ(count_kind(*pulled.graph_final, "phy") - count_kind(*attached.graph_final, "phy"), -1);
}

// The MACCHIATObin: the 88X3310 PHYs are the upstreams of their cages
// (phy_sfp_probe()); unbinding one PHY's driver (phy_remove() ->
// sfp_bus_del_upstream()) takes its edge, not the other's.
TEST(SfpGraph, McbinPhyUpstreamGoesWithThePhy) {
  const std::string phy0 = "dev:mdio_bus:f212a600.mdio-mii:00";
  RunResult r = run_with_graph("armada-8040-mcbin",
                               "boot\nwait 1s\nunbind f212a600.mdio-mii:00\nsettle\n"
                               "expect sfp &sfp_eth0 bus unregistered\n");
  ASSERT_TRUE(r.graph_after_boot && r.graph_final) << testing::describe_run(r);
  std::string cage0;
  for (const check::GraphEdge& e : r.graph_after_boot->edges)
    if (e.from == phy0 && e.kind == "sfp-upstream") cage0 = e.to;
  EXPECT_NE(cage0.find("sfp-eth0"), std::string::npos) << cage0;
  EXPECT_EQ(edge(*r.graph_final, phy0, cage0, "sfp-upstream"), nullptr);
  EXPECT_NE(edge(*r.graph_final, phy0, cage0, "sfp"), nullptr);
  // The other PHY's cage keeps its upstream; eth3's phylink keeps its own.
  EXPECT_EQ(count_kind(*r.graph_after_boot, "sfp-upstream"), 3);
  EXPECT_EQ(count_kind(*r.graph_final, "sfp-upstream"), 2);
}

// Every bundled board with a cage: one upstream edge per cage whose bus
// has an upstream. The Omnia's cage is disabled: sfp_bus_find_fwnode()
// gives eth2 no bus, so only the phandle is drawn.
TEST(SfpGraph, EveryBundledBoardWithACage) {
  const std::map<std::string, std::pair<int, int>> want = {
      {"armada-388-clearfog-pro", {1, 1}}, {"armada-8040-mcbin", {3, 3}},
      {"fsl-lx2160a-clearfog-cx", {4, 4}}, {"mt7986a-bananapi-bpi-r3", {2, 2}},
      {"armada-385-turris-omnia", {0, 1}},
  };
  for (const auto& [board, counts] : want) {
    SCOPED_TRACE(board);
    check::Graph g = graph_board(load_board(board), RunOptions{}, false);
    EXPECT_EQ(count_kind(g, "sfp-upstream"), counts.first);
    EXPECT_EQ(count_kind(g, "sfp"), counts.second);
    for (const check::GraphEdge& e : g.edges)
      if (e.kind == "sfp-upstream") {
        EXPECT_EQ(e.label, "") << e.from << " -> " << e.to;
      }
  }
}

}  // namespace
}  // namespace lifeline::scenario
