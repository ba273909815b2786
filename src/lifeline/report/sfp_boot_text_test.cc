// SPDX-License-Identifier: GPL-2.0-only
// `lifeline boot` on every bundled board with an SFP cage: each cage's row
// in the SFP CAGES table (its device, whether its bus is registered, the
// upstream on it, the module, the three state machines), as the model holds
// them after the boot. The Turris Omnia's cage is disabled in the bundled
// tree (U-Boot enables it when a module is present): no device, no bus;
// enabled, its upstream is eth2's phylink (the "sfp" phandle is on &eth2).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lifeline/report/text.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::report {
namespace {

using Row = std::vector<std::string>;

// The SFP CAGES rows of a boot report, each split into its cells (no cell
// of this table holds a space).
std::map<std::string, Row> cage_rows(const std::string& text) {
  std::map<std::string, Row> rows;
  size_t at = text.find("\nSFP CAGES\n");
  if (at == std::string::npos) return rows;
  std::istringstream in(text.substr(at + 11));
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line) && !line.empty()) {
    std::istringstream cells(line);
    Row r;
    for (std::string c; cells >> c;) r.push_back(c);
    if (!r.empty()) rows[r[0]] = r;
  }
  return rows;
}

std::map<std::string, Row> boot_cages(const std::string& board) {
  scenario::RunResult r = scenario::boot_board(scenario::load_board(board), {});
  return cage_rows(format_boot(r));
}

//                     CAGE DEVICE BUS UPSTREAM MODULE MOD-STATE DEV SM MODULE-PHY
TEST(SfpBootText, EveryBundledBoardWithACage) {
  std::map<std::string, std::map<std::string, Row>> want = {
      {"armada-388-clearfog-pro",
       {{"/sfp", {"/sfp", "sfp", "registered", "eth2", "empty", "empty", "down", "down", "-"}}}},
      // Two cages hosted by the 88X3310 PHYs (phy_sfp_probe()), one by eth3's phylink.
      {"armada-8040-mcbin",
       {{"/sfp-eth0",
         {"/sfp-eth0", "sfp-eth0", "registered", "f212a600.mdio-mii:00", "empty", "empty", "down",
          "down", "-"}},
        {"/sfp-eth1",
         {"/sfp-eth1", "sfp-eth1", "registered", "f212a600.mdio-mii:08", "empty", "empty", "down",
          "down", "-"}},
        {"/sfp-eth3",
         {"/sfp-eth3", "sfp-eth3", "registered", "eth3", "empty", "empty", "down", "down", "-"}}}},
      {"fsl-lx2160a-clearfog-cx",
       {{"/sfp-0",
         {"/sfp-0", "sfp-0", "registered", "eth0", "empty", "empty", "down", "down", "-"}},
        {"/sfp-1",
         {"/sfp-1", "sfp-1", "registered", "eth1", "empty", "empty", "down", "down", "-"}},
        {"/sfp-2",
         {"/sfp-2", "sfp-2", "registered", "eth2", "empty", "empty", "down", "down", "-"}},
        {"/sfp-3",
         {"/sfp-3", "sfp-3", "registered", "eth3", "empty", "empty", "down", "down", "-"}}}},
      // One cage on the MAC's second GMAC, one on a switch user port's phylink.
      {"mt7986a-bananapi-bpi-r3",
       {{"/sfp-1",
         {"/sfp-1", "sfp-1", "registered", "eth1", "empty", "empty", "down", "down", "-"}},
        {"/sfp-2",
         {"/sfp-2", "sfp-2", "registered", "lan4", "empty", "empty", "down", "down", "-"}}}},
      {"armada-385-turris-omnia",
       {{"/sfp", {"/sfp", "(disabled)", "-", "-", "empty", "-", "-", "-", "-"}}}},
  };
  for (const auto& [board, cages] : want) {
    SCOPED_TRACE(board);
    EXPECT_EQ(boot_cages(board), cages);
  }
}

TEST(SfpBootText, TheOmniasCageEnabledHasEth2AsUpstream) {
  std::ifstream in(LIFELINE_BOARDS_DIR "/armada-385-turris-omnia.dts");
  std::stringstream text;
  text << in.rdbuf();
  std::string dts = text.str();
  size_t cage = dts.find("compatible = \"sff,sfp\"");
  ASSERT_NE(cage, std::string::npos);
  const std::string disabled = "status = \"disabled\"";
  size_t status = dts.find(disabled, cage);
  ASSERT_NE(status, std::string::npos);
  dts.replace(status, disabled.size(), "status = \"okay\"");
  std::filesystem::path file =
      std::filesystem::temp_directory_path() / "lifeline-omnia-sfp-boot-text.dts";
  std::ofstream(file) << dts;
  std::map<std::string, Row> cages = boot_cages(file.string());
  std::filesystem::remove(file);
  EXPECT_EQ(
      cages,
      (std::map<std::string, Row>{
          {"/sfp", {"/sfp", "sfp", "registered", "eth2", "empty", "empty", "down", "down", "-"}}}));
}

}  // namespace
}  // namespace lifeline::report
