// SPDX-License-Identifier: GPL-2.0-only
// The knob registry (net/knobs.h) is the one definition of every knob:
// NetConfig::set()/get() go through it, and a design knob's value is the ops
// table it names.
#include <gtest/gtest.h>

#include <set>

#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/knobs.h"
#include "lifeline/net/net_config.h"

namespace lifeline::net {
namespace {

TEST(KnobRegistry, EveryModelledValueSetsAndReadsBack) {
  for (const KnobInfo& k : knob_table()) {
    if (!k.modelled) continue;
    EXPECT_EQ(NetConfig{}.get(std::string(k.name)), k.default_value) << k.name;
    for (const KnobValue& v : k.values) {
      NetConfig c;
      ASSERT_TRUE(c.set(std::string(k.name), std::string(v.name))) << k.name << "=" << v.name;
      EXPECT_EQ(c.get(std::string(k.name)), v.name) << k.name;
    }
  }
}

TEST(KnobRegistry, EveryValueSaysWhereItComesFrom) {
  for (const KnobInfo& k : knob_table())
    for (const KnobValue& v : k.values) {
      EXPECT_FALSE(v.design.empty()) << k.name << "=" << v.name;
      EXPECT_FALSE(v.source.empty()) << k.name << "=" << v.name;
    }
}

TEST(KnobRegistry, EachPhyLossValueSelectsItsOwnOpsTable) {
  std::set<const PhyLossOps*> seen;
  for (const KnobValue& v : find_knob("phy-loss")->values) {
    NetConfig c;
    ASSERT_TRUE(c.set("phy-loss", std::string(v.name)));
    EXPECT_EQ(c.phy_loss, v.ops);
    EXPECT_TRUE(seen.insert(c.phy_loss).second) << v.name;
  }
  NetConfig c;
  c.set("phy-loss", "notify-down");
  EXPECT_EQ(c.phy_loss, &phy_loss_notify_down);
  c.set("genphy", "opt-in");
  EXPECT_EQ(c.genphy, &genphy_opt_in);
  EXPECT_TRUE(c.set("pcs", "release"));
  EXPECT_EQ(c.pcs, &pcs_release);
  EXPECT_EQ(c.get("pcs"), "release");
}

TEST(KnobRegistry, UnknownKnobsAndValuesAreRefused) {
  NetConfig c;
  EXPECT_FALSE(c.set("phy-loss", "holdovr"));
  EXPECT_FALSE(c.set("phy-los", "mainline"));
  EXPECT_EQ(c.get("nope"), "");
  EXPECT_EQ(c.phy_loss, &phy_loss_mainline);
}

}  // namespace
}  // namespace lifeline::net
