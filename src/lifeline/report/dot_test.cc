// SPDX-License-Identifier: GPL-2.0-only
#include <gtest/gtest.h>

#include <cstdlib>

#include "lifeline/report/graphviz.h"
#include "lifeline/report/test_data.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::report {
namespace {

// The test graph: eth1's link (netdev, MAC, PHY, its MDIO bus) in one
// cluster, left to right; the MAC that deferred, with no netdev, in the
// "no netdev" cluster with its reason.
TEST(Dot, OneClusterPerLink) {
  check::Graph g = testing::graph();
  g.nodes[1].reason = "supplier 30330000.pinctrl not ready";
  std::string dot = to_dot(g);
  EXPECT_TRUE(dot.starts_with("digraph lifeline {\n  graph [rankdir=LR")) << dot;
  size_t link = dot.find("subgraph \"cluster_link:eth1\" {\n    label=\"eth1\"");
  size_t none = dot.find("subgraph \"cluster_nonetdev\" {\n    label=\"no netdev\"");
  ASSERT_NE(link, std::string::npos) << dot;
  ASSERT_NE(none, std::string::npos) << dot;
  // In column order: netdev, MAC, PHY, MDIO bus.
  size_t eth1 = dot.find("    \"netdev:eth1\" [", link);
  size_t mac = dot.find("    \"dev:platform:30bf0000.ethernet\" [", link);
  size_t phy = dot.find("    \"dev:mdio_bus:stmmac-1:01\" [", link);
  size_t bus = dot.find("    \"dev:stmmac-1\" [", link);
  EXPECT_LT(eth1, mac);
  EXPECT_LT(mac, phy);
  EXPECT_LT(phy, bus);
  EXPECT_LT(bus, none);
  EXPECT_NE(dot.find("label=\"30be0000.ethernet\\ndeferred: supplier\\n30330000.pinctrl not "
                     "ready\", style=\"rounded,filled,bold\", color=darkorange",
                     none),
            std::string::npos)
      << dot;
  // The phandle goes left to right, the PHY's parent too; the bus's parent
  // (the MAC, to its left) is drawn forward with its arrow reversed.
  EXPECT_NE(dot.find("\"dev:platform:30bf0000.ethernet\" -> \"dev:mdio_bus:stmmac-1:01\" "
                     "[color=blue, penwidth=1.5];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"dev:platform:30bf0000.ethernet\" -> \"dev:stmmac-1\" [style=dotted"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("legend [shape=plaintext"), std::string::npos);
  EXPECT_EQ(dot, to_dot(g));  // deterministic
}

TEST(Dot, StatesByColour) {
  check::Graph g;
  g.nodes = {{"a", "mac0", "device", "mac", "drv", "bound"},
             {"b", "sfp0", "device", "sfp", "", "unbound"},
             {"c", "/soc/pse", "fwnode", "pse", "", ""},
             {"d", "bus0", "device", "mdio", "", "registered"},
             {"f", "down0", "netdev", "", "", "down"},
             {"u", "up0", "netdev", "", "", "up"}};
  g.edges = {{"a", "b", "sfp", ""}, {"a", "c", "pses", ""}, {"a", "b", "odd-kind", ""}};
  std::string dot = to_dot(g);
  EXPECT_NE(dot.find(R"x("b" [label="sfp0\n(unbound)", style="rounded,dashed", color=gray50)x"),
            std::string::npos)
      << dot;
  // A class device is registered, never bound: drawn as healthy.
  EXPECT_NE(dot.find(R"x("d" [label="bus0", style="rounded,filled", color=darkgreen)x"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("c" [label="/soc/pse", shape=note)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"("f" [label="down0\ndown", shape=ellipse, style="solid", color=gray50)"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("u" [label="up0\nup", shape=ellipse, style="filled", color=royalblue3)"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("a" -> "b" [color=darkgreen, penwidth=1.5];)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"("a" -> "c" [color=darkorange, penwidth=1.5];)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"("a" -> "b" [label="odd-kind"];)"), std::string::npos) << dot;
}

// A device link's flags only with --all; by default its state, and only
// when it is not the usual one.
TEST(Dot, DeviceLinkLabels) {
  check::Graph g;
  g.nodes = {{"a", "a", "device", "mac", "", "bound"}, {"b", "b", "device", "phy", "", "bound"}};
  g.edges = {{"a", "b", "devlink", "PM_RUNTIME|AUTOPROBE_CONSUMER|MANAGED|INFERRED consumer probe"},
             {"b", "a", "devlink", "PM_RUNTIME active"}};
  std::string dot = to_dot(g);
  EXPECT_NE(dot.find(R"(label="consumer probe"])"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("AUTOPROBE_CONSUMER"), std::string::npos) << dot;
  GraphPicture all;
  all.all = true;
  dot = to_dot(g, all);
  EXPECT_NE(dot.find(R"(label="AUTOPROBE_CONSUMER|MANAGED|INFERRED\nconsumer probe"])"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"(label="active", dir=back])"), std::string::npos) << dot;
}

// Suppliers that are not network providers: one node per cluster with a
// count, unless every device is shown.
TEST(Dot, SuppliersFoldIntoOneNodePerCluster) {
  check::Graph g;
  g.nodes = {
      {"mac", "mac0", "device", "mac", "m", "bound"},
      {"clk", "1.clock-controller", "device", "", "c", "bound", "", "platform", "clock-controller"},
      {"pin", "2.pinctrl", "device", "", "p", "bound", "", "platform", "pinctrl"},
      {"pin2", "3.pinctrl", "device", "", "p", "bound", "", "platform", "pinctrl"},
      {"nd", "eth0", "netdev", "", "", "up"}};
  g.edges = {{"mac", "clk", "devlink", "MANAGED active"},
             {"mac", "pin", "devlink", "MANAGED active"},
             {"mac", "pin2", "devlink", "MANAGED active"},
             {"nd", "mac", "netdev", ""}};
  std::string dot = to_dot(g);
  EXPECT_NE(
      dot.find(R"("fold:link:eth0" [label="3 other suppliers\nclock-controller,\n2×pinctrl")"),
      std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("mac" -> "fold:link:eth0" [style=dashed)"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("\"clk\" ["), std::string::npos) << dot;
  GraphPicture all;
  all.all = true;
  dot = to_dot(g, all);
  EXPECT_EQ(dot.find("fold:"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"clk\" ["), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"mac\" -> \"clk\""), std::string::npos) << dot;
}

// The picture of a run: marks, gone edges, findings pinned to their node.
TEST(Dot, RunMarksAndFindings) {
  check::Graph g = testing::graph();
  GraphPicture p;
  p.marks["dev:mdio_bus:stmmac-1:01"] = "removed";
  p.marks["netdev:eth1"] = "went down";
  p.gone = {{"dev:platform:30bf0000.ethernet", "dev:mdio_bus:stmmac-1:01", "phy-handle", ""}};
  p.findings["dev:mdio_bus:stmmac-1:01"] = {"use-after-free: phy_device freed"};
  p.findings[""] = {"warn: somewhere"};
  std::string dot = to_dot(g, p);
  EXPECT_NE(dot.find("\"dev:mdio_bus:stmmac-1:01\" [label=\"stmmac-1:01\\nRTL8211F Gigabit "
                     "Ethernet\\n✗ removed\", style=\"rounded,dashed,filled,bold\", color=red3"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\\n△ went down\", shape=ellipse"), std::string::npos) << dot;
  // The gone edge is drawn once, as gone.
  EXPECT_NE(dot.find("\"dev:platform:30bf0000.ethernet\" -> \"dev:mdio_bus:stmmac-1:01\" "
                     "[style=\"dashed,bold\", color=red3, label=\"gone: phy-handle\"];"),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot.find("[color=blue, penwidth=1.5]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"finding:0\" [shape=note"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"finding:0\" -> \"dev:mdio_bus:stmmac-1:01\" [color=red3"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("label=\"warn: somewhere\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("removed or lost"), std::string::npos) << dot;  // the run's legend
}

TEST(Dot, LongPathsWrapAndDsaPortsShowTheirLastTwoParts) {
  check::Graph g;
  g.nodes = {
      {"node:/x", "/soc/internal-regs/mdio@72004/ethernet-switch@4/ethernet-ports/ethernet-port@5",
       "fwnode", "dsa-port", "", "no device"},
      {"node:/y", "/soc/internal-regs/mdio@72004/ethernet-phy@1", "fwnode", "", "", "no device"}};
  std::string dot = to_dot(g);
  EXPECT_NE(dot.find(R"x(label="ethernet-ports/ethernet-port@5\n(CPU or DSA port)")x"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"(label="/soc/internal-regs\n/mdio@72004/ethernet-phy@1")"),
            std::string::npos)
      << dot;
}

TEST(Dot, WrapText) {
  EXPECT_EQ(wrap_text("short", 10), "short");
  EXPECT_EQ(wrap_text("deferred: supplier x not ready", 12), "deferred:\nsupplier x\nnot ready");
  EXPECT_EQ(wrap_text("averyveryverylongword", 5), "averyveryverylongword");
}

TEST(Dot, Quoting) { EXPECT_EQ(dot_quote("a\"b\\c\nd"), R"("a\"b\\c\nd")"); }

TEST(Svg, RendersWithGraphviz) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz not installed";
  std::string svg = render_svg(to_dot(testing::graph()));
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("RTL8211F Gigabit Ethernet"), std::string::npos);
}

TEST(Svg, BadDotIsAUserError) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz not installed";
  try {
    render_svg("digraph {");
    ADD_FAILURE() << "expected a UserError";
  } catch (const sim::UserError& e) {
    EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
  }
}

TEST(Svg, MissingDotSaysHowToInstallIt) {
  const char* old = std::getenv("PATH");
  std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent", 1);
  try {
    render_svg("digraph {}");
    ADD_FAILURE() << "expected a UserError";
  } catch (const sim::UserError& e) {
    EXPECT_NE(std::string(e.what()).find("apt-get install graphviz"), std::string::npos)
        << e.what();
  }
  setenv("PATH", saved.c_str(), 1);
}

}  // namespace
}  // namespace lifeline::report
