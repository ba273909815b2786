// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/resolve.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/dt/test_boards.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {
namespace {

using testing::board;
using ::testing::HasSubstr;

// Every name in `names` resolves to the node at `path`.
void expect_all_name(const core::FwTree& tree, const std::string& path,
                     const std::vector<std::string>& names) {
  const core::FwNode* want = tree.find_by_path(path);
  ASSERT_NE(want, nullptr) << path;
  for (const std::string& n : names) {
    core::FwNode* got = nullptr;
    EXPECT_NO_THROW(got = resolve_node(tree, n)) << n;
    EXPECT_EQ(got, want) << n << " -> " << (got ? got->full_path : "(null)");
  }
}

TEST(Resolve, Rpi4GenetAndItsPhy) {
  const core::FwTree& t = board("bcm2711-rpi-4-b.dts");
  expect_all_name(t, "/scb/ethernet@7d580000",
                  {"&genet", "/scb/ethernet@7d580000", "/scb/ethernet@7d580000/",
                   "fd580000.ethernet", "7d580000.ethernet", "genet"});
  expect_all_name(t, "/scb/ethernet@7d580000/mdio@e14/ethernet-phy@1",
                  {"&phy1", "/scb/ethernet@7d580000/mdio@e14/ethernet-phy@1", "1.ethernet-phy"});
  expect_all_name(t, "/scb/ethernet@7d580000/mdio@e14", {"&genet_mdio", "e14.mdio", "mdio@e14"});
}

TEST(Resolve, Imx8mpFecAndEqos) {
  const core::FwTree& t = board("imx8mp-evk.dts");
  expect_all_name(t, "/soc@0/bus@30800000/ethernet@30be0000",
                  {"&fec", "30be0000.ethernet", "/soc@0/bus@30800000/ethernet@30be0000"});
  expect_all_name(t, "/soc@0/bus@30800000/ethernet@30bf0000",
                  {"&eqos", "30bf0000.ethernet", "/soc@0/bus@30800000/ethernet@30bf0000"});
  expect_all_name(t, "/soc@0/bus@30800000/ethernet@30bf0000/mdio/ethernet-phy@1",
                  {"&ethphy0", "/soc@0/bus@30800000/ethernet@30bf0000/mdio/ethernet-phy@1"});
}

TEST(Resolve, McbinControllersAndPorts) {
  const core::FwTree& t = board("armada-8040-mcbin.dts");
  expect_all_name(t, "/cp0/config-space@f2000000/ethernet@0",
                  {"&cp0_ethernet", "f2000000.ethernet", "/cp0/config-space@f2000000/ethernet@0"});
  expect_all_name(t, "/cp1/config-space@f4000000/ethernet@0",
                  {"&cp1_ethernet", "f4000000.ethernet"});
  expect_all_name(t, "/cp1/config-space@f4000000/ethernet@0/ethernet-port@2",
                  {"&cp1_eth2", "/cp1/config-space@f4000000/ethernet@0/ethernet-port@2"});
  expect_all_name(t, "/cp0/config-space@f2000000/mdio@12a200",
                  {"&cp0_mdio", "f212a200.mdio", "12a200.mdio"});
}

TEST(Resolve, AmbiguousUntranslatedFormListsTheCandidates) {
  // Both CP110 controllers are "ethernet@0": "0.ethernet" could be either.
  const core::FwTree& t = board("armada-8040-mcbin.dts");
  try {
    resolve_node(t, "0.ethernet");
    FAIL() << "no error";
  } catch (const sim::UserError& e) {
    EXPECT_THAT(e.message(), HasSubstr("names 2 nodes"));
    EXPECT_THAT(e.message(), HasSubstr("/cp0/config-space@f2000000/ethernet@0 (&cp0_ethernet)"));
    EXPECT_THAT(e.message(), HasSubstr("/cp1/config-space@f4000000/ethernet@0 (&cp1_ethernet)"));
  }
  // The same for a plain node name used on two buses.
  EXPECT_THROW(resolve_node(board("imx8mp-evk.dts"), "ethernet-phy@1"), sim::UserError);
}

TEST(Resolve, UnknownNamesSuggestCloseOnes) {
  const core::FwTree& t = board("bcm2711-rpi-4-b.dts");
  try {
    resolve_node(t, "fd580000.etherent");
    FAIL() << "no error";
  } catch (const sim::UserError& e) {
    EXPECT_EQ(e.file(), t.source);
    EXPECT_THAT(e.message(), HasSubstr("no device tree node 'fd580000.etherent'"));
    EXPECT_THAT(e.message(), HasSubstr("did you mean 'fd580000.ethernet'"));
  }
  try {
    resolve_node(t, "&gennet");
    FAIL() << "no error";
  } catch (const sim::UserError& e) {
    EXPECT_THAT(e.message(), HasSubstr("'&genet'"));
  }
  try {
    resolve_node(t, "/scb/ethernet@7d58000");
    FAIL() << "no error";
  } catch (const sim::UserError& e) {
    EXPECT_THAT(e.message(), HasSubstr("'/scb/ethernet@7d580000'"));
  }
  EXPECT_THROW(resolve_node(t, ""), sim::UserError);
  EXPECT_THROW(resolve_node(t, "&"), sim::UserError);
}

TEST(Resolve, NodeNamesOfferEveryForm) {
  std::vector<std::string> names = node_names(board("bcm2711-rpi-4-b.dts"));
  for (const char* want : {"&genet", "fd580000.ethernet", "7d580000.ethernet",
                           "/scb/ethernet@7d580000", "soc:firmware", "/"})
    EXPECT_THAT(names, ::testing::Contains(std::string(want)));
  // No duplicates.
  std::set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size());
}

}  // namespace
}  // namespace lifeline::dt
