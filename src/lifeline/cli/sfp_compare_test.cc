// SPDX-License-Identifier: GPL-2.0-only
// `compare` rows for an SFP cage: the module state machine, whether the
// bus is registered and to which upstream, and the upstream's carrier.
#include <gtest/gtest.h>

#include "lifeline/report/compare_table.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline {
namespace {

TEST(SfpCompare, RowsForACageThatHeldAModule) {
  scenario::Board b = scenario::load_board("armada-388-clearfog-pro");
  scenario::Scenario s = scenario::parse_scenario(
      "boot\nsfp &sfp insert fiber-1000base-x\ncable &sfp plug\nip link set eth2 up\nwait 1s\n"
      "expect carrier eth2 on\n",
      "s.scn");
  report::CompareTable t =
      report::compare_table(scenario::compare_scenario(b, s, "sfp-lock", {"rtnl", "none"}, {}));
  auto row = [&t](const std::string& key) {
    for (const auto& r : t.rows)
      if (r.key == key) return r.cells;
    return std::vector<std::string>{};
  };
  EXPECT_EQ(row("sfp//sfp/module"), (std::vector<std::string>{"present", "present"}));
  EXPECT_EQ(row("sfp//sfp/upstream"), (std::vector<std::string>{"yes (eth2)", "yes (eth2)"}));
  EXPECT_EQ(row("sfp//sfp/carrier"), (std::vector<std::string>{"on", "on"}));
}

TEST(SfpCompare, NoRowsForAnEmptyCage) {
  scenario::Board b = scenario::load_board("armada-388-clearfog-pro");
  scenario::Scenario s = scenario::parse_scenario("boot\nwait 1s\nexpect finding none\n", "s.scn");
  report::CompareTable t =
      report::compare_table(scenario::compare_scenario(b, s, "sfp-lock", {"rtnl", "mutex"}, {}));
  for (const auto& r : t.rows) EXPECT_NE(r.key.rfind("sfp/", 0), 0u) << r.key;
}

}  // namespace
}  // namespace lifeline
