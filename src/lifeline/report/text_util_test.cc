// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/text_util.h"

#include <gtest/gtest.h>

namespace lifeline::report {
namespace {

TEST(TextUtil, StampIsDmesgStyle) {
  EXPECT_EQ(stamp(sim::msecs(1250)), "[   1.250000]");
  EXPECT_EQ(stamp(0), "[   0.000000]");
}

TEST(TextUtil, KnobsInDesignOrderThenUnknownOnes) {
  EXPECT_EQ(knobs_text({{"probe", "event"}, {"phy-loss", "replay"}, {"zz", "1"}}),
            "phy-loss=replay probe=event zz=1");
  EXPECT_EQ(knobs_text({}), "");
}

TEST(TextUtil, IndentLinesLeavesEmptyLinesBare) {
  EXPECT_EQ(indent_lines("a\n\nb\n", "  "), "  a\n\n  b\n");
  EXPECT_EQ(indent_lines("a", "> "), "> a\n");
}

TEST(TextUtil, CountsAndDashes) {
  EXPECT_EQ(count_of(1, "finding", "findings"), "1 finding");
  EXPECT_EQ(count_of(0, "finding", "findings"), "0 findings");
  EXPECT_EQ(or_dash(""), "-");
  EXPECT_EQ(or_dash("eth0"), "eth0");
}

}  // namespace
}  // namespace lifeline::report
