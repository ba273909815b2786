// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/aliases.h"

#include <gtest/gtest.h>

#include "lifeline/core/errno.h"
#include "lifeline/dt/test_boards.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;

TEST(Aliases, StemAndTrailingNumber) {
  FwTree t;
  FwNode* root = t.add_node(nullptr, "");
  FwNode* aliases = t.add_node(root, "aliases");
  FwNode* a = t.add_node(root, "a");
  FwNode* b = t.add_node(root, "b");
  FwTree::set_string(aliases, "i2c3", "/a");
  FwTree::set_string(aliases, "i2c12", "/b");
  FwTree::set_string(aliases, "ethernet0", "/a");
  FwTree::set_string(aliases, "serial", "/b");   // no number: ignored
  FwTree::set_string(aliases, "spi1", "/none");  // no such node: ignored
  EXPECT_EQ(of_alias_get_id(a, "i2c"), 3);
  EXPECT_EQ(of_alias_get_id(b, "i2c"), 12);
  EXPECT_EQ(of_alias_get_id(a, "ethernet"), 0);
  EXPECT_EQ(of_alias_get_id(b, "ethernet"), -ENODEV);
  EXPECT_EQ(of_alias_get_id(b, "serial"), -ENODEV);
  EXPECT_EQ(of_alias_get_highest_id(t, "i2c"), 12);
  EXPECT_EQ(of_alias_get_highest_id(t, "spi"), -ENODEV);
}

TEST(Aliases, RealBoards) {
  const FwTree& imx = testing::board("imx8mp-evk.dts");
  EXPECT_EQ(of_alias_get_id(imx.find_by_path("/soc@0/bus@30800000/i2c@30a40000"), "i2c"), 2);
  EXPECT_EQ(of_alias_get_highest_id(imx, "i2c"), 5);
  const FwTree& mcbin = testing::board("armada-8040-mcbin.dts");
  EXPECT_EQ(of_alias_get_id(mcbin.find_by_path("/cp1/config-space@f4000000/spi@700680"), "spi"), 4);
  EXPECT_EQ(of_alias_get_highest_id(mcbin, "i2c"), -ENODEV);
}

}  // namespace
}  // namespace lifeline::dt
