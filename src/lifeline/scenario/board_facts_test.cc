// SPDX-License-Identifier: GPL-2.0-only
// Boards lifeline has not seen: facts keyed by what travels with a board
// (root compatible, node path), vendor properties naming a PHY family, the
// "PHY ID unknown" note, and interface names that can never be a netdev.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

namespace fs = std::filesystem;

constexpr char kClearfog[] = "armada-388-clearfog-pro";
constexpr char kClearfogPhy[] = "/soc/internal-regs/mdio@72004/ethernet-phy@0";

std::string bundled(const std::string& name) {
  return std::string(LIFELINE_BOARDS_DIR) + "/" + name + ".dts";
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// A board file of our own in a scratch folder.
class BoardFacts : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lifeline-board-facts-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  // The ClearFog Pro as another vendor's board: its root compatible no
  // catalog knows, so no board fact applies.
  std::string unknown_clearfog(bool keep_reg_init) {
    std::string text = replace_all(read(bundled(kClearfog)), "\"solidrun,clearfog-pro-a1\"",
                                   "\"acme,not-a-clearfog\"");
    text = replace_all(text, "\"solidrun,clearfog-a1\"", "\"acme,not-a-clearfog-base\"");
    if (!keep_reg_init) text = replace_all(text, "marvell,reg-init = <3 16 0 0x101e>;", "");
    return write("acme-board.dts", text);
  }
  fs::path dir_;
};

const check::PhyRow* phy_at(const check::Snapshot& s, const std::string& node) {
  for (const check::PhyRow& p : s.phys)
    if (p.node == node) return &p;
  return nullptr;
}

std::string devices_and_phys(const check::Snapshot& s) {
  std::string out;
  for (const auto& d : s.devices) out += d.name + " " + d.driver + " " + d.state + "\n";
  for (const auto& p : s.phys) out += p.name + " " + p.id + " " + p.driver + "\n";
  for (const auto& n : s.netdevs) out += n.name + " " + n.phy + "\n";
  return out;
}

// A renamed copy of a bundled board behaves as the original: board facts
// (the ClearFog's 88E1512, the LS1028A's Felix PCI ID) are keyed by the root
// compatible and node path, never by the file's name.
TEST_F(BoardFacts, RenamedCopyOfABundledBoardBehavesAsTheOriginal) {
  for (const char* name : {kClearfog, "fsl-ls1028a-rdb"}) {
    std::string copy = write("renamed-" + std::string(name) + ".dts", read(bundled(name)));
    RunResult original = boot_board(load_board(bundled(name)), {});
    RunResult renamed = boot_board(load_board(copy), {});
    EXPECT_EQ(devices_and_phys(renamed.after_boot), devices_and_phys(original.after_boot)) << name;
  }
  RunResult renamed = boot_board(load_board(write("x.dts", read(bundled(kClearfog)))), {});
  const check::PhyRow* phy = phy_at(renamed.after_boot, kClearfogPhy);
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->id, "0x01410dd0");
}

// A board no catalog knows: marvell,reg-init (read only by marvell.c) names
// the family, and the Marvell driver binds.
TEST_F(BoardFacts, VendorPropertyNamesThePhyFamily) {
  RunResult r = boot_board(load_board(unknown_clearfog(/*keep_reg_init=*/true)), {});
  const check::PhyRow* phy = phy_at(r.after_boot, kClearfogPhy);
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->id, "0x01410dd0");
  EXPECT_EQ(phy->driver, "Marvell 88E1510");
}

// Without it, genphy binds at the attach, which says so once per PHY.
TEST_F(BoardFacts, UnknownPhyIdIsToldOnceAtTheGenphyAttach) {
  Board b = load_board(unknown_clearfog(/*keep_reg_init=*/false));
  Scenario s = parse_scenario(
      "cable eth0 plug\nip link set eth0 up\nsettle\nip link set eth0 down\n"
      "ip link set eth0 up\nsettle\nexpect carrier eth0 on\n",
      "s.scn");
  RunResult r = run_scenario(b, s, {});
  int told = 0;
  for (const TimelineEntry& t : r.timeline)
    if (t.text.find("PHY ID unknown: state it with `phy-id " + std::string(kClearfogPhy) +
                    " 0xID`") != std::string::npos)
      ++told;
  EXPECT_EQ(told, 1);
  const check::PhyRow* phy = phy_at(r.final_state, kClearfogPhy);
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->id, "unknown");
  EXPECT_EQ(phy->driver, "Generic PHY");

  // Stated on the command line (--phy-id), the ID is used.
  RunOptions o;
  o.phy_ids[kClearfogPhy] = 0x01410dd0;
  RunResult stated = boot_board(b, o);
  phy = phy_at(stated.after_boot, kClearfogPhy);
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->driver, "Marvell 88E1510");
}

sim::UserError run_error(const std::string& board, const std::string& text) {
  Board b = load_board(bundled(board));
  Scenario s = parse_scenario(text, "s.scn");
  try {
    run_scenario(b, s, {});
  } catch (const sim::UserError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return sim::UserError("");
}

// A label or path for a node no modelled driver makes a netdev for is bad
// input, found before the run, with the reason.
TEST(InterfaceNames, NodesThatCanNeverBeANetdevAreRefusedWithTheReason) {
  // A DPMAC the model's firmware layout connects to no DPNI.
  sim::UserError e = run_error("fsl-lx2160a-clearfog-cx", "wait 1s\nip link set &dpmac1 up\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 13);
  EXPECT_TRUE(e.message().starts_with("no netdev for /soc/fsl-mc@80c000000/dpmacs/ethernet@1: ") &&
              e.message().find("no DPNI is connected") != std::string::npos)
      << e.message();

  // Not a network node at all.
  e = run_error(kClearfog, "expect carrier &i2c0 on\n");
  EXPECT_TRUE(e.message().starts_with("no netdev for /soc/internal-regs/i2c@11000: "))
      << e.message();
  EXPECT_NE(e.message().find("not modelled as a network device"), std::string::npos) << e.message();

  // Inside a concurrently block too, before anything ran.
  e = run_error(kClearfog, "concurrently\n  ip link set eth0 up\n  ip link set &i2c0 up\nend\n");
  EXPECT_EQ(e.line(), 3);
}

TEST(InterfaceNames, MacNodesAndNetdevNamesPass) {
  Board b = load_board(bundled(kClearfog));
  Scenario s = parse_scenario("cable eth0 plug\nip link set eth0 up\nsettle\n", "s.scn");
  EXPECT_NO_THROW(run_scenario(b, s, {}));
}

}  // namespace
}  // namespace lifeline::scenario
