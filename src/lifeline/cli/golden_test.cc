// SPDX-License-Identifier: GPL-2.0-only
// Golden tests: whole reports of `boot`, `run`, `compare` and `graph` on
// bundled boards, compared byte for byte with tests/golden/. A change in the
// model or the report shows up here as a diff a reviewer can read.
//
// After an intended change, regenerate and review the diff:
//   LIFELINE_UPDATE_GOLDEN=1 build/release/lifeline_cli_test --gtest_filter='Golden*'
//   git diff tests/golden
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "lifeline/cli/cli.h"

namespace lifeline::cli {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  const char* file;               // under tests/golden/
  std::vector<std::string> args;  // "@/" stands for the source tree
  int status;
};

const std::string kSource = LIFELINE_SOURCE_DIR;

// The source tree's path differs between machines; reports name it "@".
std::string normalise(std::string text) {
  for (size_t at = 0; (at = text.find(kSource, at)) != std::string::npos;)
    text.replace(at, kSource.size(), "@");
  return text;
}

std::string run(const std::vector<std::string>& args, int* status) {
  std::vector<std::string> argv_strings = {"lifeline"};
  for (const std::string& a : args)
    argv_strings.push_back(a.starts_with("@/") ? kSource + a.substr(1) : a);
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  std::ostringstream out, err;
  *status = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return normalise(out.str()) + (err.str().empty() ? "" : "--- stderr\n" + normalise(err.str()));
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesTheFile) {
  const GoldenCase& c = GetParam();
  int status = -1;
  std::string got = run(c.args, &status);
  EXPECT_EQ(status, c.status) << got;
  fs::path path = fs::path(kSource) / "tests/golden" / c.file;
  if (std::getenv("LIFELINE_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << got;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing; run with LIFELINE_UPDATE_GOLDEN=1 to write it";
  std::stringstream want;
  want << in.rdbuf();
  if (got != want.str()) {
    // Leave what it got beside the build, for `diff`.
    fs::path dir = fs::temp_directory_path() / "lifeline-golden";
    fs::create_directories(dir);
    std::ofstream(dir / c.file, std::ios::binary) << got;
    ADD_FAILURE() << "differs from " << path << ": diff " << path << " " << (dir / c.file)
                  << "; if intended, regenerate with LIFELINE_UPDATE_GOLDEN=1";
  }
}

const GoldenCase kCases[] = {
    // boot: devices, netdevs, links, PHYs, modules.
    {"boot-clearfog.txt", {"boot", "armada-388-clearfog-pro"}, 0},
    {"boot-mcbin.txt", {"boot", "armada-8040-mcbin"}, 0},
    {"boot-am642.txt", {"boot", "k3-am642-evm"}, 0},
    {"boot-rpi4.json", {"boot", "bcm2711-rpi-4-b", "--json"}, 0},
    {"boot-ls1028a-probe-event.txt", {"boot", "fsl-ls1028a-rdb", "--set", "probe=event"}, 0},
    // run: findings, expects, timeline, final state.
    {"run-s1-clearfog-replay.txt",
     {"run", "armada-388-clearfog-pro", "@/scenarios/s1-clearfog/replay.scn"},
     0},
    {"run-s3-clearfog-mainline.txt",
     {"run", "armada-388-clearfog-pro", "@/scenarios/s3-clearfog/mainline.scn"},
     0},
    {"run-s4-am642-defer.json",
     {"run", "k3-am642-evm", "@/scenarios/s4-am642/defer.scn", "--json"},
     0},
    {"run-s10-mcbin-port-device.txt",
     {"run", "armada-8040-mcbin", "@/scenarios/s10-mcbin/port-device.scn"},
     0},
    // compare: the designs side by side.
    {"compare-s1-clearfog.txt",
     {"compare", "armada-388-clearfog-pro", "@/scenarios/s1-clearfog.scn", "--vary", "phy-loss"},
     0},
    {"compare-s3-clearfog.json",
     {"compare", "armada-388-clearfog-pro", "@/scenarios/s3-clearfog.scn", "--vary",
      "phy-loss=mainline,devlink,notify-down", "--json"},
     1},  // devlink's column stops: eth0 is gone when the scenario takes it down
    // graph: the provider graph.
    {"graph-clearfog.json", {"graph", "armada-388-clearfog-pro", "--format", "json"}, 0},
    {"graph-mcbin.json", {"graph", "armada-8040-mcbin", "--format", "json"}, 0},
    {"graph-prtt1c.json", {"graph", "stm32mp151a-prtt1c", "--format", "json"}, 0},
    {"graph-imx8mp.dot", {"graph", "imx8mp-evk"}, 0},
};

std::string case_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string name;
  for (const char* p = info.param.file; *p; ++p)
    name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Reports, Golden, ::testing::ValuesIn(kCases), case_name);

// Every golden file is one of the cases: a renamed case leaves no stale file.
TEST(GoldenFiles, EachFileHasACase) {
  std::set<std::string> names;
  for (const GoldenCase& c : kCases) names.insert(c.file);
  for (const auto& entry : fs::directory_iterator(fs::path(kSource) / "tests/golden"))
    EXPECT_TRUE(names.count(entry.path().filename().string())) << entry.path() << " has no case";
}

}  // namespace
}  // namespace lifeline::cli
