// SPDX-License-Identifier: GPL-2.0-only
// The phy-loss designs against the race of an ifdown with the PHY's unbind,
// under both PHY drivers (genphy and the chip's own) and each kind of MAC
// (scenarios/phy-loss-drivers/race-*.scn, docs/designs.md): the explorer
// runs every schedule within one deviation from the default one, and more
// up to its budget, and finds nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

namespace fs = std::filesystem;

std::string board_of(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("# board: ", 0) == 0) return line.substr(9);
  return "";
}

std::vector<fs::path> race_files() {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(fs::path(LIFELINE_SOURCE_DIR) / "scenarios" / "phy-loss-drivers"))
    if (e.path().filename().string().rfind("race-", 0) == 0 && e.path().extension() == ".scn")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

class DesignRace : public ::testing::TestWithParam<fs::path> {};

TEST_P(DesignRace, ExploreFindsNothing) {
  static std::map<std::string, Board> boards;
  std::string board = board_of(GetParam());
  ASSERT_FALSE(board.empty());
  if (!boards.count(board)) boards.emplace(board, load_board(board));
  ExploreResult r = explore_scenario(boards.at(board), load_scenario(GetParam().string()), {});
  std::string found;
  for (const sim::Finding& f : r.failing.findings) found += f.message + "\n";
  EXPECT_FALSE(r.found) << found;
  // Bound 0 (the default schedule) and bound 1 were run to the end.
  ASSERT_GE(r.bounds.size(), 2u);
  EXPECT_TRUE(r.bounds[0].exhausted && r.bounds[1].exhausted);
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name;
  for (char c : info.param.stem().string())
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(PhyLossDrivers, DesignRace, ::testing::ValuesIn(race_files()), test_name);

}  // namespace
}  // namespace lifeline::scenario
