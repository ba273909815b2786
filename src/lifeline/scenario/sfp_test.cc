// SPDX-License-Identifier: GPL-2.0-only
// The SFP commands against the ClearFog Pro's cage: a bad profile or cage
// is a user error at its line and column; an `expect sfp` state name is
// checked when parsed.
#include <gtest/gtest.h>

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
  EXPECT_NE(e.find("s.scn:2:17: expected a module profile (fiber-1000base-x, fiber-2500base-x, "
                   "fiber-10gbase-r, dac-10g, copper-1000base-t, copper-10gbase-t, "
                   "fiber-10gbase-lr-2w), got 'fiber-1000base-xx' (did you mean "
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

}  // namespace
}  // namespace lifeline::scenario
