// SPDX-License-Identifier: GPL-2.0-only
// The SFP commands against the ClearFog Pro's cage: a bad profile or cage
// is a user error at its line and column; an `expect sfp` state name is
// checked when parsed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

std::string error_of(const Board& b, const std::string& text) {
  try {
    run_scenario(b, parse_scenario(text, "s.scn"), {});
  } catch (const sim::UserError& e) {
    return e.what();
  }
  return "";
}

TEST(Sfp, AnUnknownProfileNamesTheProfiles) {
  Board b = load_board("armada-388-clearfog-pro");
  std::string e = error_of(b, "boot\nsfp &sfp insert fiber-1000base-xx\n");
  EXPECT_NE(
      e.find(
          "s.scn:2:17: expected a module profile (fiber-1000base-x, fiber-2500base-x, "
          "fiber-10gbase-r, dac-10g, copper-1000base-t, copper-10gbase-t, "
          "copper-10gbase-t-rollball, fiber-10gbase-lr-2w), got 'fiber-1000base-xx' (did you mean "
          "'fiber-1000base-x'"),
      std::string::npos)
      << e;
  e = error_of(b, "boot\nsfp &eth2 remove\n");
  EXPECT_NE(e.find("s.scn:2:5: '&eth2' is not an SFP cage"), std::string::npos) << e;
}

TEST(Sfp, ExpectSfpStateNamesAreTheKernels) {
  try {
    parse_scenario("expect sfp &sfp state linkup\n", "s.scn");
    FAIL();
  } catch (const sim::UserError& e) {
    EXPECT_NE(std::string(e.what()).find("got 'linkup' (did you mean 'link_up'?)"),
              std::string::npos)
        << e.what();
  }
}

// The high-power module (2 W) on a 2 W cage goes through HPOWER and
// WAITPWR (T_HPOWER_LEVEL); the 10GBASE-T module's PHY answers after 1 s,
// so the cage retries every T_PHY_RETRY in INIT_PHY before it registers it.
TEST(Sfp, HighPowerAndSlowPhyModules) {
  Board b = load_board("armada-388-clearfog-pro");
  RunResult r = run_scenario(
      b,
      parse_scenario("boot\nsfp &sfp insert fiber-10gbase-lr-2w\nip link set eth2 up\nwait 2s\n"
                     "expect sfp &sfp module-path \"probe waitdev hpower waitpwr present\"\n"
                     "sfp &sfp remove\nwait 1s\nsfp &sfp insert copper-10gbase-t\nwait 3s\n"
                     "expect sfp &sfp phys 1\nexpect sfp &sfp module present\n",
                     "s.scn"),
      {});
  EXPECT_EQ(r.expects_failed(), 0);
  bool retried = false;
  for (const auto& e : r.timeline) retried |= e.text.find("init_phy") != std::string::npos;
  EXPECT_TRUE(retried);
}

// The duplicate phy_start() of module_start (openwrt #10453, on 5.10):
// phylink_sfp_module_start() starts pl->phydev without looking at its
// state. On the Turris Omnia's WAN port eth2 has both a PHY (phy-handle,
// the 88E1512) and the cage, which U-Boot enables when a module is present
// (the bundled tree has it disabled). With the cage enabled, ifup starts
// the PHY in phylink_start(), then DEV_UP runs the main machine to
// module_start, which starts it again: the WARN, "called from state
// NOLINK". Where no PHY of the port's own runs (ClearFog Pro, S5, S6) there
// is none.
TEST(Sfp, ModuleStartStartsTheOmniasRunningPhyAgain) {
  std::ifstream in(LIFELINE_BOARDS_DIR "/armada-385-turris-omnia.dts");
  std::stringstream text;
  text << in.rdbuf();
  std::string dts = text.str();
  size_t cage = dts.find("compatible = \"sff,sfp\"");
  ASSERT_NE(cage, std::string::npos);
  size_t status = dts.find("status = \"disabled\"", cage);
  ASSERT_NE(status, std::string::npos);
  dts.replace(status, std::string("status = \"disabled\"").size(), "status = \"okay\"");
  std::filesystem::path file =
      std::filesystem::temp_directory_path() / "lifeline-omnia-sfp-enabled.dts";
  std::ofstream(file) << dts;
  Board b = load_board(file.string());
  RunResult r = run_scenario(
      b,
      parse_scenario("boot\nsfp &sfp insert fiber-1000base-x\ncable &sfp plug\nwait 1s\n"
                     "ip link set eth2 up\nwait 2s\nexpect sfp &sfp state link_up\n",
                     "s.scn"),
      {});
  std::filesystem::remove(file);
  EXPECT_EQ(r.expects_failed(), 0);
  bool warned = false;
  for (const sim::Finding& f : r.findings)
    warned |= f.kind == sim::FindingKind::kWarn &&
              f.message.find("phy_start: called from state NOLINK") != std::string::npos;
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace lifeline::scenario

namespace lifeline::scenario {
namespace {

// The state S5 compares: the cage's row, eth2 and the device states.
std::string s5_state(const RunResult& r) {
  std::string s;
  for (const check::SfpCageRow& c : r.final_state.sfp_cages)
    s += c.cage + " " + c.device + " " + (c.bound ? "bound " : "unbound ") + c.bus + " " +
         c.upstream + " " + c.module + " " + c.mod_state + " " + c.dev_state + " " + c.sm_state +
         " " + c.phy + "\n";
  for (const check::NetdevRow& n : r.final_state.netdevs)
    s += n.name + " " + (n.admin_up ? "up " : "down ") + (n.carrier ? "carrier " : "no-carrier ") +
         n.operstate + " " + n.link + " " + n.an_mode + " " + n.phy + "\n";
  for (const check::DeviceRow& d : r.final_state.devices) s += d.name + " " + d.state + "\n";
  return s;
}

int bus_registrations(const RunResult& r) {
  int n = 0;
  for (const TimelineEntry& t : r.timeline) n += t.text == "sfp_bus /sfp: registered";
  return n;
}

// S5: a fibre module in the cage before either driver; the cage driver and
// the MAC's bind in either order. After ifup both orders are in the same
// state (module present, LINK_UP, carrier on, every device as the other
// order left it), each having registered the bus exactly once.
TEST(Sfp, S5EitherOrderReachesTheSameState) {
  Board b = load_board("armada-388-clearfog-pro");
  auto run = [&b](const char* first, const char* second) {
    std::string text = std::string(
                           "module sfp absent\nmodule mvneta absent\nboot\n"
                           "sfp &sfp insert fiber-1000base-x\ncable &sfp plug\nmodprobe ") +
                       first + "\nwait 1s\nmodprobe " + second +
                       "\nwait 1s\nip link set eth2 up\nwait 1s\n"
                       "expect sfp &sfp state link_up\nexpect carrier eth2 on\n";
    return run_scenario(b, parse_scenario(text, "s.scn"), {});
  };
  RunResult cage_first = run("sfp", "mvneta");
  RunResult mac_first = run("mvneta", "sfp");
  EXPECT_EQ(cage_first.expects_failed(), 0);
  EXPECT_EQ(mac_first.expects_failed(), 0);
  EXPECT_NE(s5_state(cage_first)
                .find("/sfp sfp bound registered eth2 fiber-1000base-x present up "
                      "link_up"),
            std::string::npos)
      << s5_state(cage_first);
  EXPECT_EQ(s5_state(cage_first), s5_state(mac_first));
  EXPECT_EQ(bus_registrations(cage_first), 1);
  EXPECT_EQ(bus_registrations(mac_first), 1);
}

}  // namespace
}  // namespace lifeline::scenario
