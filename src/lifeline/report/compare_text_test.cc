// SPDX-License-Identifier: GPL-2.0-only
// `lifeline compare` as text and as table data.
#include <gtest/gtest.h>

#include "lifeline/report/compare_table.h"
#include "lifeline/report/test_data.h"
#include "lifeline/report/text.h"

namespace lifeline::report {
namespace {

TEST(CompareText, WholeReport) {
  EXPECT_EQ(format_compare(testing::compare_result()), R"(board     boards/imx8mp-evk.dts
scenario  s1.scn
knobs     pse=mainline pcs=mainline genphy=mainline sfp-lock=rtnl probe=kernel
seed      0
vary      phy-loss = mainline, devlink, replay
provider  stmmac-1:01: left [   3.000000], back [   4.000000]

  phy-loss                      mainline  devlink     replay
  findings: use-after-free      1         -           -
  findings: warn                2         2           -
  expects failed                1/2       1/2         0/2
  carrier after provider left   eth1 on   eth1 off    eth1 off
  unrelated netdevs lost        none      eth0        none
  recovered after it came back  no        yes (2.1s)  yes (1.5s)
  configuration lost            yes       yes         no

configuration lost:
  mainline  eth1 1000/full -> down
  devlink   eth1 1000/full -> down

not recovered:
  mainline  eth1 is up without carrier

phy-loss designs:
  mainline  today: carrier frozen by accident, WARN on restart, stale pointers, NULL drv
  devlink   a managed device link makes the PHY's unbind unbind the MAC
  replay    as notify-down, and the consumer replays its configuration when the PHY returns
)");
}

TEST(CompareTable, RowsInTheIssuesOrder) {
  CompareTable t = compare_table(testing::compare_result());
  std::vector<std::string> keys;
  for (const auto& r : t.rows) keys.push_back(r.key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"findings/use-after-free", "findings/warn", "expects_failed",
                                      "carrier_after_left", "unrelated_netdevs_lost", "recovered",
                                      "configuration_lost"}));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"mainline", "devlink", "replay"}));
  for (const auto& r : t.rows) EXPECT_EQ(r.cells.size(), 3u) << r.key;
}

TEST(CompareTable, OneFindingsRowWhenNoColumnHasAny) {
  scenario::CompareResult c = testing::compare_result();
  for (auto& run : c.runs) run.findings.clear();
  CompareTable t = compare_table(c);
  EXPECT_EQ(t.rows[0].key, "findings");
  EXPECT_EQ(t.rows[0].cells, (std::vector<std::string>{"none", "none", "none"}));
  EXPECT_EQ(t.rows[1].key, "expects_failed");
}

TEST(CompareTable, ProviderCellsAreDashesWhenItDidNotLeaveOrReturn) {
  scenario::CompareResult c = testing::compare_result();
  c.runs[0].metrics = {};  // never left
  c.runs[1].metrics.provider_back = false;
  c.runs[2].metrics.recovery_time.reset();  // recovered, time unknown
  c.runs[2].expects.clear();
  CompareTable t = compare_table(c);
  auto row = [&](const std::string& key) {
    for (const auto& r : t.rows)
      if (r.key == key) return r.cells;
    ADD_FAILURE() << key;
    return std::vector<std::string>{};
  };
  EXPECT_EQ(row("expects_failed"), (std::vector<std::string>{"1/2", "1/2", "-"}));
  EXPECT_EQ(row("carrier_after_left"), (std::vector<std::string>{"-", "eth1 off", "eth1 off"}));
  EXPECT_EQ(row("unrelated_netdevs_lost"), (std::vector<std::string>{"-", "eth0", "none"}));
  EXPECT_EQ(row("recovered"), (std::vector<std::string>{"-", "-", "yes"}));
  EXPECT_EQ(row("configuration_lost"), (std::vector<std::string>{"-", "-", "no"}));
}

TEST(CompareText, AStoppedColumnSaysWhereInsteadOfACount) {
  scenario::CompareResult c = testing::compare_result();
  c.runs[1].stopped =
      scenario::RunStop{scenario::StopReason::kFailedStep, 24, "ip link set eth0 down", 8000000000,
                        "Cannot find device \"eth0\" (-ENODEV)"};
  CompareTable t = compare_table(c);
  for (const CompareRow& row : t.rows)
    if (row.key == "expects_failed") {
      EXPECT_EQ(row.cells[1], "stopped at line 24 (failed step)");
    }
  std::string text = format_compare(c);
  EXPECT_NE(text.find("stopped before the end:\n  " + c.values[1] +
                      "  line 24 ip link set eth0 down: Cannot find device \"eth0\" (-ENODEV)"),
            std::string::npos)
      << text;
}

TEST(CompareText, SeveralNetdevsInACell) {
  scenario::CompareResult c = testing::compare_result();
  c.runs[0].metrics.carrier_after_left = {{"lan1", true}, {"eth1", false}};
  c.runs[0].metrics.unrelated_netdevs_lost = {"lan2", "lan3"};
  std::string text = format_compare(c);
  EXPECT_NE(text.find("carrier after provider left   eth1 off, lan1 on"), std::string::npos)
      << text;
  EXPECT_NE(text.find("unrelated netdevs lost        lan2, lan3"), std::string::npos) << text;
}

TEST(CompareText, NoProviderLeft) {
  scenario::CompareResult c = testing::compare_result();
  for (auto& run : c.runs) run.metrics = {};
  std::string text = format_compare(c);
  EXPECT_NE(text.find("provider  none left in this scenario (its rows are '-')\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("configuration lost:"), std::string::npos);
}

}  // namespace
}  // namespace lifeline::report
