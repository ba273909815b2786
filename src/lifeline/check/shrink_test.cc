// SPDX-License-Identifier: GPL-2.0-only
// Shrinking failing schedules: the result still fails, is no longer, and
// keeps only the deviations the failure needs.
#include "lifeline/check/shrink.h"

#include <gtest/gtest.h>

namespace lifeline::check {
namespace {

using Ranks = std::vector<uint16_t>;

TEST(Shrink, CountsDeviations) {
  EXPECT_EQ(schedule_deviations({}), 0);
  EXPECT_EQ(schedule_deviations({0, 0, 0}), 0);
  EXPECT_EQ(schedule_deviations({0, 2, 0, 1}), 2);
}

// Fails when choice 3 is a deviation and choice 7 picks the third task:
// everything else in the input is noise.
bool needs_3_and_7(const Ranks& r) { return r.size() > 7 && r[3] != 0 && r[7] == 2; }

TEST(Shrink, DropsTheNoiseAndKeepsWhatTheFailureNeeds) {
  Ranks noisy = {1, 2, 1, 1, 3, 1, 2, 2, 1, 1, 2, 3};
  ASSERT_TRUE(needs_3_and_7(noisy));
  int runs = 0;
  Ranks out = shrink_schedule(noisy, [&](const Ranks& r) {
    ++runs;
    return needs_3_and_7(r);
  });
  EXPECT_TRUE(needs_3_and_7(out));
  EXPECT_LE(out.size(), noisy.size());
  EXPECT_EQ(schedule_deviations(out), 2);
  EXPECT_EQ(out.size(), 8u);  // the choices past the last needed one are default anyway
  EXPECT_GT(runs, 0);
}

TEST(Shrink, AnAlreadyMinimalScheduleIsKept) {
  Ranks minimal = {0, 0, 0, 1, 0, 0, 0, 2};
  Ranks out = shrink_schedule(minimal, needs_3_and_7);
  EXPECT_EQ(out, minimal);
}

TEST(Shrink, StopsAfterItsBudget) {
  Ranks noisy(40, 1);
  noisy[3] = 1;
  noisy[7] = 2;
  int runs = 0;
  Ranks out = shrink_schedule(
      noisy,
      [&](const Ranks& r) {
        ++runs;
        return needs_3_and_7(r);
      },
      /*max_runs=*/5);
  EXPECT_LE(runs, 5);
  EXPECT_TRUE(needs_3_and_7(out));  // whatever it returns still fails
}

// A failure that needs a rank to stay exactly what it was (a pick among
// three ready tasks) is not "simplified" into another failure.
TEST(Shrink, NeverReturnsAPassingSchedule) {
  auto fails = [](const Ranks& r) { return r.size() > 2 && r[0] == 2 && r[2] == 1; };
  Ranks out = shrink_schedule({2, 1, 1, 1}, fails);
  EXPECT_TRUE(fails(out));
  EXPECT_EQ(schedule_deviations(out), 2);
}

// Two deviations that each need the other (neither can be dropped), where
// one deviation at another point fails as well: moving finds it.
TEST(Shrink, MovesADeviationWhereDroppingCannot) {
  auto fails = [](const Ranks& r) {
    bool alone = r.size() > 5 && r[5] == 1 && schedule_deviations(r) == 1;
    bool pair = r.size() > 8 && r[2] != 0 && r[8] != 0;
    return alone || pair;
  };
  Ranks found = {0, 0, 1, 0, 0, 0, 0, 0, 1};
  ASSERT_TRUE(fails(found));
  Ranks out = shrink_schedule(found, fails);
  EXPECT_EQ(out, (Ranks{0, 0, 0, 0, 0, 1}));
}

}  // namespace
}  // namespace lifeline::check
