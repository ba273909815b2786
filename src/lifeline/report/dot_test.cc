// SPDX-License-Identifier: GPL-2.0-only
#include <gtest/gtest.h>

#include <cstdlib>

#include "lifeline/report/graphviz.h"
#include "lifeline/report/test_data.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::report {
namespace {

TEST(Dot, WholeGraph) {
  EXPECT_EQ(to_dot(testing::graph()), R"dot(digraph lifeline {
  graph [rankdir=LR, nodesep=0.25, ranksep=0.7, fontname="Helvetica"];
  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];
  edge [fontname="Helvetica", fontsize=8];

  // netdevs
  {
    rank=same;
    "netdev:eth1" [label="eth1\nup", shape=ellipse];
  }

  // MACs and DSA switches
  {
    rank=same;
    "dev:platform:30be0000.ethernet" [label="30be0000.ethernet\n(deferred)", style="rounded,dashed", color=darkorange, fontcolor=darkorange];
    "dev:platform:30bf0000.ethernet" [label="30bf0000.ethernet\nimx-dwmac"];
  }

  // PHYs, PCSs, SFP cages, PSE controllers
  {
    rank=same;
    "dev:mdio_bus:stmmac-1:01" [label="stmmac-1:01\nRTL8211F Gigabit Ethernet"];
  }

  // MDIO buses
  {
    rank=same;
    "dev:stmmac-1" [label="stmmac-1"];
  }

  "dev:platform:30bf0000.ethernet" -> "dev:mdio_bus:stmmac-1:01" [style=dashed, color=gray40, fontcolor=gray40, label="MANAGED|INFERRED\nactive", dir=back];
  "dev:mdio_bus:stmmac-1:01" -> "dev:stmmac-1" [style=dotted, color=gray60, dir=none];
  "dev:platform:30bf0000.ethernet" -> "dev:mdio_bus:stmmac-1:01" [color=blue, fontcolor=blue, penwidth=1.5, label="phy-handle"];
  "dev:platform:30bf0000.ethernet" -> "dev:stmmac-1" [style=dotted, color=gray60, dir=none];
  "netdev:eth1" -> "dev:platform:30bf0000.ethernet" [dir=none];
}
)dot");
}

TEST(Dot, EdgeKindsAndNodeStates) {
  check::Graph g;
  g.nodes = {
      {"a", "mac0", "device", "mac", "drv", "bound"}, {"b", "sfp0", "device", "sfp", "", "unbound"},
      {"c", "/soc/pse", "fwnode", "pse", "", ""},     {"d", "xpcs", "device", "pcs", "", "bound"},
      {"e", "switch", "device", "dsa", "", "bound"},  {"f", "down0", "netdev", "", "", "down"}};
  g.edges = {{"a", "b", "sfp", ""},
             {"a", "c", "pses", ""},
             {"a", "d", "pcs-handle", ""},
             {"e", "a", "conduit", ""},
             {"a", "b", "odd-kind", ""}};
  std::string dot = to_dot(g);
  EXPECT_NE(dot.find(R"x("b" [label="sfp0\n(unbound)", style="rounded,dashed", color=gray50)x"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("c" [label="/soc/pse", shape=note)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"("f" [label="down0\ndown", shape=ellipse, color=gray50)"), std::string::npos)
      << dot;
  EXPECT_NE(
      dot.find(R"("a" -> "b" [color=darkgreen, fontcolor=darkgreen, penwidth=1.5, label="sfp"];)"),
      std::string::npos);
  EXPECT_NE(dot.find(R"(label="pses"])"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="pcs-handle"])"), std::string::npos);
  EXPECT_NE(dot.find(R"("e" -> "a" [color=red, fontcolor=red, penwidth=1.5, label="conduit"];)"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("a" -> "b" [label="odd-kind"];)"), std::string::npos) << dot;
}

TEST(Dot, DeviceLinkLabelsKeepTheLifetimeFlagsAndTheState) {
  check::Graph g;
  g.nodes = {{"a", "a", "device", "mac", "", "bound"}, {"b", "b", "device", "", "", "bound"}};
  g.edges = {{"a", "b", "devlink", "PM_RUNTIME|AUTOPROBE_CONSUMER|MANAGED|INFERRED consumer probe"},
             {"b", "a", "devlink", "PM_RUNTIME none"}};
  std::string dot = to_dot(g);
  EXPECT_NE(dot.find(R"(label="AUTOPROBE_CONSUMER|MANAGED|INFERRED\nconsumer probe"])"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"(label="none", dir=back])"), std::string::npos) << dot;
}

TEST(Dot, LongFirmwareNodePathsAreBrokenAtSlashes) {
  check::Graph g;
  g.nodes = {
      {"node:/x", "/soc/internal-regs/mdio@72004/ethernet-switch@4/ethernet-ports/ethernet-port@5",
       "fwnode", "", "", "no device"},
      {"node:/y", "/sfp", "fwnode", "", "", "no device"}};
  std::string dot = to_dot(g);
  EXPECT_NE(
      dot.find(
          R"(label="/soc/internal-regs/mdio@72004\n/ethernet-switch@4\n/ethernet-ports/ethernet-port@5")"),
      std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"("node:/y" [label="/sfp", shape=note)"), std::string::npos) << dot;
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
