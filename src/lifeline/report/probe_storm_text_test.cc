// SPDX-License-Identifier: GPL-2.0-only
// S8's probe storm as `boot` and `compare` show it (scenarios/s8-prtt1c/):
// the PROBE STORM section and the compare rows over pse and over probe.
#include <gtest/gtest.h>

#include "lifeline/report/compare_table.h"
#include "lifeline/report/text.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::report {
namespace {

const char* kS8 = LIFELINE_SOURCE_DIR "/scenarios/s8-prtt1c/mainline-probe-kernel.scn";

std::vector<std::string> row(const CompareTable& t, const std::string& key) {
  for (const auto& r : t.rows)
    if (r.key == key) return r.cells;
  return {};
}

const scenario::Board& prtt1c() {
  static scenario::Board b = scenario::load_board("stm32mp151a-prtt1c");
  return b;
}

TEST(ProbeStorm, CompareRowsOverPse) {
  CompareTable t = compare_table(scenario::compare_scenario(
      prtt1c(), scenario::load_scenario(kS8), "pse", {"mainline", "notifier-rtnl"}, {}));
  EXPECT_EQ(row(t, "probe_storm/gpio-0/probe_attempts"), (std::vector<std::string>{"3", "1"}));
  EXPECT_EQ(row(t, "probe_storm/gpio-0/phy_cycles"), (std::vector<std::string>{"3", "0"}));
  for (const auto& r : t.rows) {
    if (r.key == "probe_storm/gpio-0/phy_cycles") {
      EXPECT_EQ(r.label, "mdio bus gpio-0 (mdio): PHY create/destroy cycles before it");
    }
  }
}

TEST(ProbeStorm, CompareRowsOverProbe) {
  CompareTable t = compare_table(scenario::compare_scenario(prtt1c(), scenario::load_scenario(kS8),
                                                            "probe", {"kernel", "event"}, {}));
  EXPECT_EQ(row(t, "probe_storm/gpio-0/probe_attempts"), (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(row(t, "probe_storm/gpio-0/phy_cycles"), (std::vector<std::string>{"3", "4"}));
}

TEST(ProbeStorm, NoRowsWithoutADeferral) {
  CompareTable t = compare_table(scenario::compare_scenario(
      prtt1c(), scenario::load_scenario(kS8), "pse", {"notifier-rtnl", "notifier-mutex"}, {}));
  for (const auto& r : t.rows) EXPECT_NE(r.key.rfind("probe_storm/", 0), 0u) << r.key;
}

TEST(ProbeStorm, BootAndFinalStateShowIt) {
  scenario::RunResult r = scenario::run_scenario(prtt1c(), scenario::load_scenario(kS8), {});
  std::string boot = format_boot(r);
  EXPECT_NE(
      boot.find(
          "PROBE STORM so far (the PSE module pse_regulator is not loaded yet: it loads at 5s)\n"
          "  mdio bus gpio-0 (mdio, /mdio): 3 probe attempts, 3 PHY create/destroy "
          "cycles (3 created, 3 removed), 3 registrations failed with -EPROBE_DEFER "
          "for a PSE\n"),
      std::string::npos)
      << boot;
  std::string run = format_run(r, false);
  EXPECT_NE(run.find("PROBE STORM before the PSE module pse_regulator loaded at 5s\n"),
            std::string::npos)
      << run;
}

}  // namespace
}  // namespace lifeline::report
