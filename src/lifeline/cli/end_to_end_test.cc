// SPDX-License-Identifier: GPL-2.0-only
// The command with the real runner, on a bundled board: the wiring from the
// command line to the model and back, not the model itself (its own tests do
// that). A few runs of a small board, well under a second.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/test_backend.h"

namespace lifeline::cli {
namespace {

using testing::TempDir;

constexpr char kBoard[] = "armada-388-clearfog-pro";

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

TEST(EndToEnd, Boot) {
  auto o = real({"boot", kBoard});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(o.out.starts_with("board    ")) << o.out;
  for (const char* section :
       {"\nFINDINGS", "\nDEVICES: ", "\nNETDEVS\n", "\nDEVICE LINKS: ", "\nPHYS\n", "\nMODULES: "})
    EXPECT_NE(o.out.find(section), std::string::npos) << section;
}

// --module makes the PSE driver late for `boot` (S8): PROBE STORM counts
// what fwnode_mdio's coupling cost the MDIO bus so far; builtin, no storm.
TEST(EndToEnd, BootWithALatePseModuleShowsTheProbeStorm) {
  auto o = real({"boot", "stm32mp151a-prtt1c", "--module", "pse_regulator=late:5s", "--module",
                 "dp83td510=late:5s"});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("\nPROBE STORM so far (the PSE module pse_regulator is not loaded yet: it "
                       "loads at 5s)\n  mdio bus gpio-0 (mdio, /mdio): 3 probe attempts, 3 PHY "
                       "create/destroy cycles"),
            std::string::npos)
      << o.out;
  auto builtin = real({"boot", "stm32mp151a-prtt1c", "--module", "pse_regulator=builtin"});
  EXPECT_EQ(builtin.out.find("PROBE STORM"), std::string::npos) << builtin.out;
  auto bad = real({"boot", "stm32mp151a-prtt1c", "--module", "pse_regulator=later"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--module pse_regulator=later: expected 'builtin', 'late:TIME' (such as "
                         "late:5s) or 'absent' after '=', got 'later'"),
            std::string::npos)
      << bad.err;
}

TEST(EndToEnd, RunJsonIsByteIdentical) {
  TempDir d;
  std::string scn =
      d.file("s.scn", "cable eth0 plug\nip link set eth0 up\nsettle\nexpect carrier eth0 on\n");
  auto a = real({"run", kBoard, scn, "--json"});
  auto b = real({"run", kBoard, scn, "--json"});
  EXPECT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["expects"].size(), 1u);
  EXPECT_EQ(j["ok"], true);
}

TEST(EndToEnd, FailedExpectExitsOne) {
  TempDir d;
  std::string scn = d.file("s.scn", "expect carrier eth0 on\n");
  auto o = real({"run", kBoard, scn});
  EXPECT_EQ(o.status, 1) << o.err;
  EXPECT_NE(o.out.find("  FAIL  " + scn + ":1  "), std::string::npos) << o.out;
}

TEST(EndToEnd, UnknownNamesInAScenarioAreBadInput) {
  TempDir d;
  std::string scn = d.file("s.scn", "ip link set eth9 up\n");
  auto o = real({"run", kBoard, scn});
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(o.err.starts_with("lifeline: " + scn + ":1:13: unknown interface 'eth9'")) << o.err;
  EXPECT_EQ(o.out, "");
}

TEST(EndToEnd, UnknownDeviceAndModuleAreNamedWithHints) {
  TempDir d;
  std::string scn = d.file("s.scn", "unbind &phy_dedicatd\n");
  auto o = real({"run", kBoard, scn});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "lifeline: " + scn +
                       ":1:8: no device tree node '&phy_dedicatd' (give &label, /full/path or a "
                       "device name such as f1070000.ethernet) (did you mean '&phy_dedicated'?)\n");

  scn = d.file("m.scn", "rmmod mvnet\n");
  o = real({"run", kBoard, scn});
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(
      o.err.starts_with("lifeline: " + scn + ":1:7: unknown module 'mvnet' (did you mean 'mvneta'"))
      << o.err;

  // Nothing close: the board's modules are listed instead.
  scn = d.file("n.scn", "modprobe wireguard\n");
  o = real({"run", kBoard, scn});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("unknown module 'wireguard' (this board's modules: "), std::string::npos)
      << o.err;
}

TEST(EndToEnd, BoardNameCutShortIsSuggested) {
  auto o = real({"boot", "armada-388"});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err,
            "lifeline: armada-388: no such board file or bundled board (did you mean "
            "'armada-388-clearfog-pro'?)\n");
}

TEST(EndToEnd, Graph) {
  auto o = real({"graph", kBoard});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(o.out.starts_with("digraph lifeline {")) << o.out;
  EXPECT_NE(o.out.find("subgraph \"cluster_link:eth0\""), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("[color=blue, penwidth=1.5]"), std::string::npos) << o.out;  // phy-handle
}

// --phy-id on the commands that only boot: the ID is used, and a DEV that
// is not a PHY's node is bad input.
TEST(EndToEnd, PhyIdOnBootAndGraph) {
  const std::string phy = "/mdio-mux-1/mdio@1/ethernet-phy@3";
  auto before = real({"boot", "k3-am642-evm"});
  EXPECT_NE(before.out.find("PHY ID unknown: state it with `phy-id DEV 0xID`"), std::string::npos);
  EXPECT_NE(before.out.find("    mdio_mux-0.1:03   " + phy + "\n"), std::string::npos)
      << before.out;
  auto o = real({"boot", "k3-am642-evm", "--phy-id", phy + "=0x2000a231"});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("  mdio_mux-0.1:03   0x2000a231  TI DP83867"), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("mdio_mux-0.1:03   " + phy), std::string::npos) << o.out;
  auto g = real({"graph", "k3-am642-evm", "--phy-id", phy + "=0x2000a231", "--format", "json"});
  EXPECT_EQ(g.status, 0) << g.err;
  auto bad = real({"boot", "k3-am642-evm", "--phy-id", "/mdio-mux-1=0x1"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err,
            "lifeline: --phy-id /mdio-mux-1=0x00000001: '/mdio-mux-1' (/mdio-mux-1) is not a PHY: "
            "its parent is not an MDIO bus\n");
}

// Endless and oversized input ends in exit 2 naming the limit, quickly, and
// the message stays short.
TEST(EndToEnd, EndlessAndHugeInputIsBadInputNamingTheLimit) {
  auto o = real({"boot", "/dev/zero"});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("larger than 64 MiB"), std::string::npos) << o.err;
  o = real({"run", kBoard, "/dev/zero"});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("larger than 16 MiB"), std::string::npos) << o.err;
  TempDir d;
  std::string scn = d.file("name.scn", "boot\nbind " + std::string(1 << 20, 'x') + "\n");
  o = real({"run", kBoard, scn});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find(scn + ":2: line 2 is 1048581 bytes long, over 64 KiB"), std::string::npos)
      << o.err.substr(0, 400);
  EXPECT_LT(o.err.size(), 400u);
}

}  // namespace
}  // namespace lifeline::cli
