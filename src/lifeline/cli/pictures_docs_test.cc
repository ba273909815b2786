// SPDX-License-Identifier: GPL-2.0-only
// The pictures options from the command line to the files they write, and
// the pictures in docs/ (docs/cli.md shows them) against what this lifeline
// makes of the same commands, byte for byte: `make pictures` remakes them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/test_backend.h"

namespace lifeline::cli {
namespace {

using testing::TempDir;

testing::Output real(std::vector<std::string> args) {
  std::vector<std::string> argv_strings = {"lifeline"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  std::ostringstream out, err;
  testing::Output o;
  o.status = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  o.out = out.str();
  o.err = err.str();
  return o;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kRace = LIFELINE_SOURCE_DIR "/scenarios/race-ifup-unbind-clearfog.scn";

TEST(PicturesCli, RunGraphWritesTheMarkedPicture) {
  TempDir d;
  std::string scn = d.file("s.scn", "unbind f1072004.mdio-mii:00\nsettle\n");
  auto o = real({"run", "armada-388-clearfog-pro", scn, "--graph", d.path("g.dot")});
  EXPECT_EQ(o.status, 0) << o.err;
  std::string dot = slurp(d.path("g.dot"));
  EXPECT_TRUE(dot.starts_with("digraph lifeline {")) << dot;
  EXPECT_NE(dot.find("subgraph \"cluster_link:eth0\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("f1072004.mdio-mii:00\\n(unbound)\\n△ was bound"), std::string::npos) << dot;
}

TEST(PicturesCli, CompareGraphWritesOnePicturePerValue) {
  TempDir d;
  std::string scn = d.file("s.scn", "unbind f1072004.mdio-mii:00\nsettle\n");
  auto o = real({"compare", "armada-388-clearfog-pro", scn, "--vary", "phy-loss=mainline,replay",
                 "--graph", d.path("g.dot")});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(slurp(d.path("g-mainline.dot")).starts_with("digraph lifeline {"));
  EXPECT_TRUE(slurp(d.path("g-replay.dot")).starts_with("digraph lifeline {"));
}

TEST(PicturesCli, ExploreScheduleAndTheTextForm) {
  TempDir d;
  auto o = real({"explore", "armada-388-clearfog-pro", kRace, "--replay-out", d.path("r.replay"),
                 "--schedule-svg", d.path("s.dot"), "-v"});
  EXPECT_EQ(o.status, 1) << o.err;
  EXPECT_NE(o.out.find("SCHEDULE (a lane per task"), std::string::npos) << o.out;
  std::string dot = slurp(d.path("s.dot"));
  EXPECT_NE(dot.find("PREEMPTS thread@18"), std::string::npos) << dot;
  // The replay draws the same schedule.
  auto r = real({"run", "--replay", d.path("r.replay"), "--schedule-svg", d.path("r.dot"), "-v"});
  EXPECT_NE(r.out.find("SCHEDULE (a lane per task"), std::string::npos) << r.out;
  std::string replayed = slurp(d.path("r.dot"));
  size_t table = replayed.find("<tr><td bgcolor=\"#eceff1\"><b>step");
  ASSERT_NE(table, std::string::npos);
  EXPECT_EQ(replayed.substr(table), dot.substr(dot.find("<tr><td bgcolor=\"#eceff1\"><b>step")));
}

TEST(PicturesCli, AFileThatCannotBeWrittenIsBadInput) {
  auto o = real({"run", "armada-388-clearfog-pro", kRace, "--graph", "/nonexistent/dir/g.svg"});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("/nonexistent/dir/g.svg: cannot write the graph"), std::string::npos)
      << o.err;
}

// docs/*.svg are what tools/pictures.sh makes now.
TEST(PicturesDocs, AreUpToDate) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "no Graphviz";
  TempDir d;
  std::string cmd = std::string(LIFELINE_SOURCE_DIR) + "/tools/pictures.sh " + LIFELINE_BINARY_DIR +
                    "/lifeline " + d.path("");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  for (const char* f :
       {"graph-clearfog.svg", "run-s3-clearfog.svg", "schedule-race-clearfog.svg"}) {
    std::string want = slurp(std::string(LIFELINE_SOURCE_DIR) + "/docs/" + f);
    EXPECT_FALSE(want.empty()) << f;
    EXPECT_TRUE(want == slurp(d.path(f))) << "docs/" << f << " is stale: run `make pictures`";
  }
}

}  // namespace
}  // namespace lifeline::cli
