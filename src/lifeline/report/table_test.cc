// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/table.h"

#include <gtest/gtest.h>

namespace lifeline::report {
namespace {

TEST(Table, ColumnsAreAsWideAsTheirWidestCell) {
  Table t({{"DEVICE"}, {"PROBES", Align::kRight}, {"STATE"}});
  t.add_row({"stmmac-1:01", "1", "bound"});
  t.add_row({"30be0000.ethernet", "12", "deferred"});
  EXPECT_EQ(t.render(),
            "DEVICE             PROBES  STATE\n"
            "stmmac-1:01             1  bound\n"
            "30be0000.ethernet      12  deferred\n");
}

TEST(Table, NoTrailingBlanksAndShortRowsPadded) {
  Table t({{"A"}, {"B"}, {"C"}});
  t.add_row({"x"});
  t.add_row({"long", "", ""});
  EXPECT_EQ(t.render("  "),
            "  A     B  C\n"
            "  x\n"
            "  long\n");
}

TEST(Table, HeaderLeftOutWhenEveryHeaderIsEmpty) {
  Table t({{""}, {""}});
  t.add_row({"board", "imx8mp-evk"});
  t.add_row({"seed", "0"});
  EXPECT_EQ(t.render(), "board  imx8mp-evk\nseed   0\n");
  EXPECT_EQ(t.rows(), 2u);
}

TEST(Table, Utf8CountsOneColumnPerCharacter) {
  EXPECT_EQ(display_width("a→b"), 3u);
  Table t({{"X"}, {"Y"}});
  t.add_row({"a→b", "1"});
  t.add_row({"abcd", "2"});
  EXPECT_EQ(t.render(), "X     Y\na→b   1\nabcd  2\n");
}

}  // namespace
}  // namespace lifeline::report
