// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/suggest.h"

#include <gtest/gtest.h>

namespace lifeline::sim {
namespace {

TEST(Suggest, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("eth0", "eth0"), 0u);
  EXPECT_EQ(edit_distance("eht0", "eth0"), 2u);
  EXPECT_EQ(edit_distance("eth", "eth0"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Suggest, NearestFirstAndOnlyPlausibleTypos) {
  std::vector<std::string> knobs = {"phy-loss", "pse", "pcs", "genphy", "sfp-lock", "probe"};
  EXPECT_EQ(closest_names("phy-los", knobs), std::vector<std::string>{"phy-loss"});
  EXPECT_EQ(closest_names("psc", knobs), (std::vector<std::string>{"pse", "pcs"}));
  EXPECT_TRUE(closest_names("watchdog", knobs).empty());
}

TEST(Suggest, NameCutShortSuggestsTheFullName) {
  std::vector<std::string> boards = {"bcm2711-rpi-4-b", "armada-388-clearfog-pro",
                                     "armada-8040-mcbin"};
  EXPECT_EQ(closest_names("armada-388", boards),
            std::vector<std::string>{"armada-388-clearfog-pro"});
  // Two characters are not enough to be a hint.
  EXPECT_TRUE(closest_names("ar", boards).empty());
}

TEST(Suggest, DidYouMeanFormatsOrSaysNothing) {
  EXPECT_EQ(did_you_mean("eth1", {"eth0", "eth1x"}), " (did you mean 'eth0', 'eth1x'?)");
  EXPECT_EQ(did_you_mean("wlan0", {"eth0"}), "");
}

}  // namespace
}  // namespace lifeline::sim
