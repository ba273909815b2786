// SPDX-License-Identifier: GPL-2.0-only
// The checked values of --set, --vary, numbers and choices, and every message
// about a bad one.
#include "lifeline/cli/options.h"

#include <gtest/gtest.h>

#include "lifeline/sim/user_error.h"

namespace lifeline::cli {
namespace {

// The modelled knobs.
const std::string kKnobs =
    "(phy-loss, pse, pcs, genphy, sfp-lock, probe, CONFIG_LED_TRIGGER_PHY, "
    "CONFIG_INIT_ON_FREE_DEFAULT_ON)";
const std::string kPhyLoss = "(mainline, holdover, devlink, port-device, notify-down, replay)";

template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const sim::UserError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Options, Sets) {
  auto knobs = parse_sets({"phy-loss=replay", "probe=event"});
  EXPECT_EQ(knobs,
            (std::map<std::string, std::string>{{"phy-loss", "replay"}, {"probe", "event"}}));
  EXPECT_TRUE(parse_sets({}).empty());
}

TEST(Options, Modules) {
  EXPECT_EQ(
      parse_modules({"pse_regulator=late:5s", "dp83td510=absent", "dp83td510=builtin"}),
      (std::map<std::string, std::string>{{"dp83td510", "builtin"}, {"pse_regulator", "late:5s"}}));
  EXPECT_EQ(error_of([] { parse_modules({"pse_regulator"}); }),
            "--module pse_regulator: expected NAME=MODE, for example --module "
            "pse_regulator=late:5s");
  EXPECT_EQ(error_of([] { parse_modules({"x=late:soon"}); }),
            "--module x=late:soon: expected 'builtin', 'late:TIME' (such as late:5s) or 'absent' "
            "after '=', got 'late:soon'");
}

TEST(Options, SetErrors) {
  EXPECT_EQ(error_of([] { parse_sets({"phy-loss"}); }),
            "--set phy-loss: expected KNOB=VALUE, for example --set phy-loss=replay");
  EXPECT_EQ(error_of([] { parse_sets({"phy-los=replay"}); }),
            "--set phy-los=replay: expected a knob " + kKnobs +
                ", got 'phy-los' (did you mean 'phy-loss'?)");
  EXPECT_EQ(error_of([] { parse_sets({"colour=red"}); }),
            "--set colour=red: expected a knob " + kKnobs + ", got 'colour'");
  EXPECT_EQ(error_of([] { parse_sets({"phy-loss=holdovr"}); }),
            "--set phy-loss=holdovr: expected a value for 'phy-loss' " + kPhyLoss +
                ", got 'holdovr' (did you mean 'holdover'?)");
  EXPECT_EQ(error_of([] { parse_sets({"phy-loss="}); }),
            "--set phy-loss=: expected a value for 'phy-loss' " + kPhyLoss + ", got nothing");
  EXPECT_EQ(error_of([] {
              parse_sets({"genphy=defer", "genphy=opt-in"});
            }),
            "--set genphy=opt-in: knob 'genphy' is set twice (first to 'defer')");
  // Every provider knob is modelled: each value is taken.
  for (const char* arg : {"pcs=release", "pcs=mainline", "sfp-lock=rtnl", "pse=notifier-rtnl"})
    EXPECT_EQ(error_of([&] { parse_sets({arg}); }), "(no error)") << arg;
}

TEST(Options, PhyIds) {
  auto ids = parse_phy_ids({"&phy0=0x001cc916", "/soc/mdio/ethernet-phy@1=0X01410DD0"});
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], (std::pair<std::string, uint32_t>{"&phy0", 0x001cc916}));
  EXPECT_EQ(ids[1], (std::pair<std::string, uint32_t>{"/soc/mdio/ethernet-phy@1", 0x01410dd0}));
  EXPECT_EQ(error_of([] { parse_phy_ids({"&phy0=0x"}); }),
            "--phy-id &phy0=0x: expected a PHY ID such as '0x001cc916' after '=', got '0x'");
  EXPECT_EQ(error_of([] { parse_phy_ids({"=0x1"}); }),
            "--phy-id =0x1: expected DEV=0xID, for example --phy-id &phy0=0x001cc916");
}

TEST(Options, Vary) {
  auto [knob, values] = parse_vary("phy-loss=mainline,replay");
  EXPECT_EQ(knob, "phy-loss");
  EXPECT_EQ(values, (std::vector<std::string>{"mainline", "replay"}));
  auto all = parse_vary("genphy");
  EXPECT_EQ(all.second, (std::vector<std::string>{"mainline", "defer", "opt-in"}));
}

TEST(Options, VaryErrors) {
  EXPECT_EQ(error_of([] { parse_vary("phy-los=mainline"); }),
            "--vary phy-los=mainline: expected a knob " + kKnobs +
                ", got 'phy-los' (did you mean 'phy-loss'?)");
  EXPECT_EQ(error_of([] { parse_vary("phy-loss=mainline,replya"); }),
            "--vary phy-loss=mainline,replya: expected a value for 'phy-loss' " + kPhyLoss +
                ", got 'replya' (did you mean 'replay'?)");
  EXPECT_EQ(error_of([] { parse_vary("phy-loss=mainline,,replay"); }),
            "--vary phy-loss=mainline,,replay: expected a value for 'phy-loss' " + kPhyLoss +
                ", got nothing");
  EXPECT_EQ(error_of([] { parse_vary("phy-loss=replay,replay"); }),
            "--vary phy-loss=replay,replay: value 'replay' is listed twice");
}

TEST(Options, Numbers) {
  EXPECT_EQ(parse_number("--seed", "42"), 42u);
  EXPECT_EQ(parse_number("--seed", "0"), 0u);
  EXPECT_EQ(error_of([] { parse_number("--seed", "4x"); }), "--seed: expected a number, got '4x'");
  EXPECT_EQ(error_of([] { parse_number("--seed", "-1"); }), "--seed: expected a number, got '-1'");
  EXPECT_EQ(error_of([] { parse_number("--seed", ""); }), "--seed: expected a number, got ''");
  EXPECT_EQ(error_of([] { parse_number("--budget", "0", 1); }),
            "--budget: expected a number of at least 1, got '0'");
  EXPECT_EQ(error_of([] { parse_number("--seed", "99999999999999999999"); }),
            "--seed: expected a number, got '99999999999999999999'");
}

TEST(Options, Choices) {
  EXPECT_EQ(parse_choice("--strategy", "pct", {"dfs", "pct", "random"}), "pct");
  EXPECT_EQ(error_of([] {
              parse_choice("--strategy", "dsf", {"dfs", "pct", "random"});
            }),
            "--strategy: expected one of (dfs, pct, random), got 'dsf' (did you mean 'dfs'?)");
  EXPECT_EQ(error_of([] {
              parse_choice("--format", "png", {"dot", "svg", "json"});
            }),
            "--format: expected one of (dot, svg, json), got 'png' (did you mean 'svg'?)");
  EXPECT_EQ(error_of([] {
              parse_choice("--format", "html", {"dot", "svg", "json"});
            }),
            "--format: expected one of (dot, svg, json), got 'html'");
}

}  // namespace
}  // namespace lifeline::cli
