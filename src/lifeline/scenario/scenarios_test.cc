// SPDX-License-Identifier: GPL-2.0-only
// The acceptance scenarios in scenarios/: every file runs on the board its
// "# board:" line names, and every expect in it must hold with no finding
// the file does not expect.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/scenario/test_util.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

using testing::describe_run;

namespace fs = std::filesystem;

// The value of a "# key: value" header line, or "".
std::string header(const fs::path& file, const std::string& key) {
  std::ifstream in(file);
  std::string line, prefix = "# " + key + ": ";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "";
}

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::recursive_directory_iterator(fs::path(LIFELINE_SOURCE_DIR) / "scenarios"))
    if (e.path().extension() == ".scn") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

class ScenarioFile : public ::testing::TestWithParam<fs::path> {};

TEST_P(ScenarioFile, ExpectsHold) {
  const fs::path& file = GetParam();
  std::string board = header(file, "board");
  ASSERT_FALSE(board.empty()) << file << " has no '# board:' line";
  // A board named by a path ("./x.dts") is a tree beside the scenario: a
  // test-only variant of a bundled board.
  if (board.find('/') != std::string::npos)
    board = (file.parent_path() / board).lexically_normal().string();
  static std::map<std::string, Board> boards;
  if (!boards.count(board)) boards.emplace(board, load_board(board));
  Scenario sc = load_scenario(file.string());
  RunResult r = run_scenario(boards.at(board), sc, {});
  EXPECT_GT(r.expects.size(), 0u) << file << " checks nothing";
  EXPECT_EQ(r.expects_failed(), 0) << describe_run(r);
  // Every finding must be one the scenario expects; a "# compare:" file runs
  // under every design and only checks what they share.
  if (!header(file, "compare").empty()) return;
  bool expects_findings = false;
  for (const Command& c : sc.commands) {
    const auto* e = std::get_if<Expect>(&c.body);
    const auto* f = e ? std::get_if<ExpectFinding>(&e->check) : nullptr;
    if (f) expects_findings |= f->present;
  }
  if (!expects_findings) {
    EXPECT_TRUE(r.findings.empty()) << describe_run(r);
  }
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string rel = fs::relative(info.param, fs::path(LIFELINE_SOURCE_DIR) / "scenarios").string();
  std::string name;
  for (char c : rel) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioFile, ::testing::ValuesIn(scenario_files()), test_name);

}  // namespace
}  // namespace lifeline::scenario
