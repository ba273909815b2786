// SPDX-License-Identifier: GPL-2.0-only
// Knobs are checked in one place (net::knob_error()) wherever they are
// taken: a scenario's `set`, --set (RunOptions::knobs, also a replay file's
// knobs) and compare's values. A knob nothing in the model reads is refused.
#include "lifeline/net/knobs.h"

#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

Board clearfog() {
  return load_board(std::string(LIFELINE_BOARDS_DIR) + "/armada-388-clearfog-pro.dts");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const sim::UserError& e) {
    return e.what();
  }
  return "";
}

TEST(Knobs, EveryKnobIsModelledOrRefused) {
  for (const net::KnobInfo& k : net::knob_table()) {
    auto e = net::knob_error(k.name, k.default_value);
    EXPECT_EQ(e.has_value(), !k.modelled) << k.name;
    if (e) {
      EXPECT_NE(e->message.find("is not modelled yet"), std::string::npos) << e->message;
    }
  }
  // What is modelled today: every provider knob.
  EXPECT_TRUE(net::find_knob("phy-loss")->modelled);
  EXPECT_TRUE(net::find_knob("pcs")->modelled);
  EXPECT_TRUE(net::find_knob("sfp-lock")->modelled);
  EXPECT_TRUE(net::find_knob("pse")->modelled);
}

TEST(Knobs, SetAndCompareUseTheSameCheck) {
  Board b = clearfog();
  Scenario s = parse_scenario("wait 1s\n", "s.scn");
  RunOptions o;
  o.knobs["pse"] = "notifier-rtln";
  EXPECT_NE(error_of([&] { run_scenario(b, s, o); }).find("expected a value for 'pse'"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              compare_scenario(b, s, "pcs", {"mainline", "relase"}, {});
            }).find("expected a value for 'pcs'"),
            std::string::npos);
  EXPECT_EQ(error_of([&] {
              compare_scenario(b, s, "genphy", {"mainline", "defr"}, {});
            }),
            "expected a value for 'genphy' (mainline, defer, opt-in), got 'defr' (did you mean "
            "'defer'?)");
}

}  // namespace
}  // namespace lifeline::scenario
