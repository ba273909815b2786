// SPDX-License-Identifier: GPL-2.0-only
#include <gtest/gtest.h>

#include "lifeline/report/test_data.h"
#include "lifeline/report/text.h"

namespace lifeline::report {
namespace {

TEST(ExploreText, FoundShowsTheShrunkScheduleThenTheFailingRun) {
  scenario::ExploreResult e = testing::explore_result();
  std::string text = format_explore(e);
  EXPECT_TRUE(
      text.starts_with("EXPLORE: dfs, 37 executions\n"
                       "  bound 0: 1 execution, every schedule within it run\n"
                       "  bound 1: 36 executions, stopped at the failure\n"
                       "found: 1 use-after-free, 2 warn; 1 expect failed\n"
                       "schedule: 3 choices, shrunk from 12: 0 2 1\n"
                       "\n"
                       "board     boards/imx8mp-evk.dts\n"))
      << text;
  EXPECT_TRUE(text.ends_with(format_run(e.failing, false))) << text;
}

TEST(ExploreText, NotShrunkLongSchedulesCut) {
  scenario::ExploreResult e = testing::explore_result();
  e.ranks.assign(40, 1);
  e.ranks_before_shrinking = e.ranks;
  e.failing.findings.clear();
  std::string text = format_explore(e);
  std::string ones;
  for (int i = 0; i < 32; ++i) ones += " 1";
  EXPECT_NE(text.find("found: 1 expect failed\nschedule: 40 choices:" + ones + " ...\n"),
            std::string::npos)
      << text;
}

TEST(ExploreText, NothingFound) {
  scenario::ExploreResult e;
  e.strategy = "dfs";
  e.executions = 1;
  e.exhausted = true;
  EXPECT_EQ(format_explore(e),
            "EXPLORE: dfs, 1 execution\n"
            "every schedule within the bound explored: no finding, every expect held\n");
  e.complete = true;
  EXPECT_EQ(format_explore(e),
            "EXPLORE: dfs, 1 execution\n"
            "every schedule explored: no finding, every expect held\n");
  e.strategy = "pct";
  e.executions = 1000;
  e.exhausted = false;
  e.complete = false;
  EXPECT_EQ(format_explore(e),
            "EXPLORE: pct, 1000 executions\n"
            "budget spent: no finding, every expect held in the schedules tried (a larger "
            "--budget or --bound tries more)\n");
}

// dfs says, per bound of the iteration, how many executions it ran and
// whether it exhausted that bound's space.
TEST(ExploreText, EachBoundSaysHowFarItGot) {
  scenario::ExploreResult e;
  e.strategy = "dfs";
  e.executions = 1000;
  e.bounds = {{0, 2, true}, {1, 40, true}, {2, 958, false}};
  EXPECT_EQ(format_explore(e),
            "EXPLORE: dfs, 1000 executions\n"
            "  bound 0: 2 executions, every schedule within it run\n"
            "  bound 1: 40 executions, every schedule within it run\n"
            "  bound 2: 958 executions, not exhausted: budget spent\n"
            "budget spent: no finding, every expect held in the schedules tried (a larger "
            "--budget or --bound tries more)\n");
}

}  // namespace
}  // namespace lifeline::report
