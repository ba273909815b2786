// SPDX-License-Identifier: GPL-2.0-only
// explore's progress line: what it says, the estimate of the rest, and how
// it is redrawn in place on a terminal.
#include "lifeline/report/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lifeline::report {
namespace {

sim::ExploreProgress dfs_at_bound_2() {
  sim::ExploreProgress p;
  p.strategy = "dfs";
  p.executions = 1700;
  p.budget = 100000;
  p.bound = 2;
  p.max_bound = 3;
  p.frontier = 12;
  // Bound 0 took 10 executions, bound 1 took 100: about 1,000 at bound 2
  // (of which 1,700 - 110 = 1,590 ran already ... more than estimated, so
  // the frontier is what is left of it), then about 10,000 at bound 3.
  p.bounds = {{0, 10, true}, {1, 100, true}};
  return p;
}

TEST(Progress, GroupsDigits) {
  EXPECT_EQ(group_digits(0), "0");
  EXPECT_EQ(group_digits(999), "999");
  EXPECT_EQ(group_digits(1000), "1,000");
  EXPECT_EQ(group_digits(1234567), "1,234,567");
}

TEST(Progress, DfsLine) {
  sim::ExploreProgress p = dfs_at_bound_2();
  EXPECT_EQ(format_progress(p, 2.0),
            "dfs  1,700 executions  850/s  bound 2 of 3  frontier 12  findings 0  about 10,012 "
            "left");
  // No rate before any time has passed.
  EXPECT_EQ(format_progress(p, 0).find("/s"), std::string::npos);
}

TEST(Progress, EstimateFromTheLastBoundsGrowth) {
  sim::ExploreProgress p = dfs_at_bound_2();
  p.executions = 110 + 400;  // 400 of about 1,000 at bound 2
  ProgressEstimate e = estimate_remaining(p);
  EXPECT_EQ(e.scope, ProgressEstimate::Scope::kSearch);
  EXPECT_EQ(e.remaining, 600u + 10000u);
  // The budget caps it.
  p.budget = 1000;
  EXPECT_EQ(estimate_remaining(p).remaining, 490u);
  // Without a largest bound only the current one is estimated.
  p.budget = 100000;
  p.max_bound = -1;
  e = estimate_remaining(p);
  EXPECT_EQ(e.scope, ProgressEstimate::Scope::kBound);
  EXPECT_EQ(e.remaining, 600u);
  EXPECT_NE(format_progress(p, 0).find("about 600 left in this bound"), std::string::npos);
}

TEST(Progress, EstimateWithoutGrowthIsTheFrontier) {
  sim::ExploreProgress p = dfs_at_bound_2();
  p.bounds = {{0, 10, true}};
  p.bound = 1;
  p.executions = 30;
  ProgressEstimate e = estimate_remaining(p);
  EXPECT_EQ(e.scope, ProgressEstimate::Scope::kBound);
  EXPECT_EQ(e.remaining, 12u);
  // At the largest bound the frontier is what is left of the whole search.
  p.max_bound = 1;
  EXPECT_EQ(estimate_remaining(p).scope, ProgressEstimate::Scope::kSearch);
  // Nothing known: no estimate.
  p.frontier = 0;
  p.max_bound = 3;
  EXPECT_EQ(estimate_remaining(p).scope, ProgressEstimate::Scope::kNone);
  EXPECT_EQ(format_progress(p, 0).find("left"), std::string::npos);
}

TEST(Progress, SamplingStrategiesShowTheBudgetLeft) {
  sim::ExploreProgress p;
  p.strategy = "random";
  p.executions = 250;
  p.budget = 1000;
  EXPECT_EQ(format_progress(p, 0.5), "random  250 executions  500/s  findings 0  budget left 750");
}

TEST(Progress, DporAndCensusFields) {
  sim::ExploreProgress p;
  p.strategy = "dpor";
  p.executions = 40;
  p.budget = 1000;
  p.bound = 0;
  p.max_bound = -1;
  p.frontier = 3;
  p.redundant = 5;
  p.outcomes = 2;
  EXPECT_EQ(format_progress(p, 0),
            "dpor  40 executions  bound 0  frontier 3  redundant 5  outcomes 2  about 3 left in "
            "this bound");
}

// Redrawn in place at most once per interval, erased at the end.
TEST(Progress, LineRedrawsInPlaceAndClears) {
  std::ostringstream out;
  double now = 10;
  ProgressLine line(
      out, [&] { return now; }, 0.25);
  sim::ExploreProgress p;
  p.strategy = "random";
  p.budget = 100;
  p.executions = 10;
  now = 11;
  line.update(p);
  EXPECT_EQ(out.str(), "\rrandom  10 executions  10/s  findings 0  budget left 90\x1b[K");
  out.str("");
  p.executions = 20;
  now = 11.1;  // too soon
  line.update(p);
  EXPECT_EQ(out.str(), "");
  now = 11.5;
  line.update(p);
  EXPECT_EQ(out.str(), "\rrandom  20 executions  13/s  findings 0  budget left 80\x1b[K");
  out.str("");
  p.done = true;
  line.update(p);
  EXPECT_EQ(out.str(), "\r\x1b[K");
  out.str("");
  line.clear();  // nothing drawn: nothing to erase
  EXPECT_EQ(out.str(), "");
}

TEST(Progress, NothingDrawnNothingCleared) {
  std::ostringstream out;
  ProgressLine line(out, [] { return 0.0; });
  sim::ExploreProgress p;
  p.done = true;
  line.update(p);
  line.clear();
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace lifeline::report
