// SPDX-License-Identifier: GPL-2.0-only
// The 2021 question "why rtnl, and not a dedicated mutex?" as a test: the
// three scenarios/sfp-rtnl-*.scn races explored under each sfp-lock value.
// rtnl: every schedule within the bound is clean. mutex: the races with
// rtnl holders outside sfp-bus.c (ethtool -m's netdev->sfp_bus,
// phylink_start()'s sfp_upstream_start()) fail; the race between the two
// sides of the bus does not. none: all three fail. Each finding is a
// use-after-free of struct sfp, from the model's lifetimes.
#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

std::string path(const char* name) {
  return std::string(LIFELINE_SOURCE_DIR "/scenarios/sfp-rtnl-") + name + "-clearfog.scn";
}

ExploreResult explore(const Board& b, const char* name, const char* lock, int bound) {
  ExploreOptions o;
  o.strategy = "dfs";
  o.bound = bound;
  o.budget = 2000;
  o.run.knobs["sfp-lock"] = lock;
  return explore_scenario(b, load_scenario(path(name)), o);
}

bool uaf_of_sfp(const ExploreResult& r) {
  for (const sim::Finding& f : r.failing.findings)
    if (f.kind == sim::FindingKind::kUseAfterFree &&
        f.message.find("of freed sfp") != std::string::npos)
      return true;
  return false;
}

TEST(SfpRtnl, RtnlSerialisesEveryRace) {
  Board b = load_board("armada-388-clearfog-pro");
  for (const char* name : {"ethtool-unbind", "ifup-unbind", "unbind-both"}) {
    ExploreResult r = explore(b, name, "rtnl", 1);
    EXPECT_FALSE(r.found) << name;
    EXPECT_TRUE(r.exhausted) << name;
  }
}

TEST(SfpRtnl, AMutexLeavesTheRtnlHoldersOutsideTheBus) {
  Board b = load_board("armada-388-clearfog-pro");
  for (const char* name : {"ethtool-unbind", "ifup-unbind"}) {
    ExploreResult r = explore(b, name, "mutex", 1);
    ASSERT_TRUE(r.found) << name;
    EXPECT_TRUE(uaf_of_sfp(r)) << name;
  }
  // Upstream against socket, the interface down: the mutex orders them.
  ExploreResult both = explore(b, "unbind-both", "mutex", 1);
  EXPECT_FALSE(both.found);
  EXPECT_TRUE(both.exhausted);
}

TEST(SfpRtnl, NoLockFailsEveryRace) {
  Board b = load_board("armada-388-clearfog-pro");
  for (const char* name : {"ethtool-unbind", "ifup-unbind", "unbind-both"}) {
    ExploreResult r = explore(b, name, "none", 1);
    ASSERT_TRUE(r.found) << name;
    EXPECT_TRUE(uaf_of_sfp(r)) << name;
  }
}

}  // namespace
}  // namespace lifeline::scenario
