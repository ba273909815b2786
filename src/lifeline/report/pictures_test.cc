// SPDX-License-Identifier: GPL-2.0-only
// The pictures as a reviewer sees them: every bundled board's graph and the
// bundled race's swimlanes rendered by Graphviz to PNG, their size read from
// the PNG header (width under 2,000 px, a sane height), and no warning from
// Graphviz (it reports overlaps and layout trouble on stderr).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>

#include "lifeline/check/graph_links.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/report/run_graph.h"
#include "lifeline/report/swimlane.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/input_file.h"

namespace lifeline::report {
namespace {

struct Size {
  uint32_t width = 0, height = 0;
};

// The IHDR chunk: the 8-byte signature, length and type, then width and
// height, big-endian.
Size png_size(const std::string& png) {
  EXPECT_GE(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  if (png.size() < 24) return {};
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

bool have_dot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

TEST(Pictures, EveryBundledBoardsGraphIsReadable) {
  ASSERT_TRUE(have_dot()) << "Graphviz is a dependency (tools/deps.sh)";
  for (const std::string& name : scenario::bundled_boards()) {
    SCOPED_TRACE(name);
    scenario::Board board = scenario::load_board(name);
    check::Graph g = scenario::graph_board(board, scenario::RunOptions{}, false);
    std::string warnings;
    Size s = png_size(render_graphviz(to_dot(g), "png", &warnings));
    EXPECT_EQ(warnings, "");
    EXPECT_GT(s.width, 200u);
    EXPECT_LT(s.width, 2000u);
    EXPECT_LT(s.height, 3200u);
    // Every netdev is in a link's cluster, and no MDIO bus is drawn as broken.
    for (const check::LinkCluster& c : check::links_of(g).clusters)
      for (const std::string& id : c.members)
        if (id.starts_with("netdev:")) {
          EXPECT_EQ(c.kind, check::LinkCluster::Kind::kLink) << id;
        }
    for (const check::GraphNode& n : g.nodes)
      if (n.role == "mdio" && n.bus.empty()) {
        EXPECT_EQ(n.state, "registered") << n.id;
      }
  }
}

scenario::Scenario race() {
  std::string file = LIFELINE_SOURCE_DIR "/scenarios/race-ifup-unbind-clearfog.scn";
  return scenario::parse_scenario(sim::read_input_file(file, "scenario", sim::kMaxScenarioBytes),
                                  file);
}

// The acceptance picture: the bundled race, explored and shrunk, as
// swimlanes, in which the one preemption and the WARN can be read.
TEST(Pictures, RaceSwimlanesShowThePreemptionAndTheFinding) {
  ASSERT_TRUE(have_dot());
  scenario::ExploreOptions o;
  o.run.schedule = true;
  scenario::ExploreResult r =
      scenario::explore_scenario(scenario::load_board("armada-388-clearfog-pro"), race(), o);
  ASSERT_TRUE(r.found);
  ASSERT_TRUE(r.failing.steps.has_value());
  int preemptions = 0;
  for (const scenario::ScheduleRow& row : r.failing.steps->rows) preemptions += row.preemption;
  EXPECT_EQ(preemptions, 1);
  std::string dot = swimlane_dot(r.failing, "race");
  std::string svg = render_graphviz(dot, "svg");
  for (const char* text : {"thread@18", "thread@19", "PREEMPTION", "PREEMPTS thread@18",
                           "$ unbind f1072004.mdio", "phy_remove", "FINDING",
                           "phy_start: called from state DOWN", "dev_open &gt; phylink_ndo_open"})
    EXPECT_NE(svg.find(text), std::string::npos) << text;
  std::string warnings;
  Size s = png_size(render_graphviz(dot, "png", &warnings));
  EXPECT_EQ(warnings, "");
  EXPECT_LT(s.width, 2000u);
  EXPECT_LT(s.height, 3000u);
  EXPECT_EQ(dot, swimlane_dot(r.failing, "race"));
  // The text form: the lanes as columns.
  std::string text = swimlane_text(r.failing);
  EXPECT_NE(text.find("thread@18                     thread@19"), std::string::npos) << text;
  EXPECT_NE(text.find(" PREEMPTION"), std::string::npos) << text;
  EXPECT_NE(text.find("*** warn: WARNING: phy_start: called from state DOWN"), std::string::npos)
      << text;
}

// The picture of a run: the PHY the race unbound is marked, and the WARN is
// pinned to it.
TEST(Pictures, RunGraphMarksWhatTheScenarioChanged) {
  scenario::ExploreOptions o;
  scenario::Board board = scenario::load_board("armada-388-clearfog-pro");
  scenario::ExploreResult r = scenario::explore_scenario(board, race(), o);
  ASSERT_TRUE(r.found);
  scenario::RunOptions run;
  run.replay = r.ranks;
  run.graph = true;
  RunGraph g = run_graph(scenario::run_scenario(board, race(), run));
  const std::string phy = "dev:mdio_bus:f1072004.mdio-mii:00";
  EXPECT_EQ(g.picture.marks[phy], "was bound");
  EXPECT_EQ(g.picture.marks["netdev:eth0"], "was down");
  ASSERT_EQ(g.picture.findings[phy].size(), 1u);
  EXPECT_NE(g.picture.findings[phy][0].find("phy_start: called from state DOWN"),
            std::string::npos);
  std::string dot = to_dot(g.graph, g.picture);
  EXPECT_NE(dot.find("△ was bound"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"finding:0\" -> \"" + phy + "\""), std::string::npos) << dot;
}

}  // namespace
}  // namespace lifeline::report
