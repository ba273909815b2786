// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/time.h"

#include <gtest/gtest.h>

namespace lifeline::sim {
namespace {

TEST(Time, ParsesDurations) {
  EXPECT_EQ(parse_duration("250ms"), 250 * kMsec);
  EXPECT_EQ(parse_duration("24h"), 86400 * kSec);
  EXPECT_EQ(parse_duration("1.5min"), 90 * kSec);
  EXPECT_EQ(parse_duration("2s"), 2 * kSec);
  EXPECT_EQ(parse_duration("1.5s"), 1500 * kMsec);
  EXPECT_EQ(parse_duration("100us"), 100 * kUsec);
  EXPECT_EQ(parse_duration("0.25ms"), 250 * kUsec);
  EXPECT_FALSE(parse_duration("2"));
  EXPECT_FALSE(parse_duration("ms"));
  EXPECT_FALSE(parse_duration("1.s"));
  EXPECT_FALSE(parse_duration("1..5s"));
  EXPECT_FALSE(parse_duration("2 s"));
  EXPECT_FALSE(parse_duration("2d"));
  EXPECT_FALSE(parse_duration("2m"));  // minutes are "min", as m could be milli
}

TEST(Time, FormatsLikeDmesgAndHumans) {
  EXPECT_EQ(format_timestamp(1250 * kMsec), "   1.250000");
  EXPECT_EQ(format_duration(250 * kMsec), "250ms");
  EXPECT_EQ(format_duration(1500 * kMsec), "1.5s");
  EXPECT_EQ(format_duration(2 * kSec), "2s");
  EXPECT_EQ(format_duration(0), "0s");
}

}  // namespace
}  // namespace lifeline::sim
