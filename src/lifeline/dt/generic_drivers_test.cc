// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/generic_drivers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/core/driver.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/link_order.h"
#include "lifeline/dt/net_roles.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;
using testing::boot_board;
using testing::boot_tree;
using testing::BootOptions;

TEST(GenericDrivers, NamesDropTheVendorPrefix) {
  EXPECT_EQ(generic_driver_name("brcm,bcm2711-gpio"), "bcm2711-gpio");
  EXPECT_EQ(generic_driver_name("fixed-clock"), "fixed-clock");
  EXPECT_EQ(generic_driver_name("regulator-fixed"), "regulator-fixed");
  EXPECT_EQ(generic_driver_name("pci1957,ee02"), "pci1957-ee02");
  EXPECT_EQ(generic_driver_name("pciclass,0604"), "0604");
}

std::unique_ptr<FwTree> two_vendors_tree() {
  auto tree = std::make_unique<FwTree>();
  FwNode* root = tree->add_node(nullptr, "");
  FwNode* a = tree->add_node(root, "foo-a");
  FwTree::set_string(a, "compatible", "acme,foo");
  FwNode* b = tree->add_node(root, "foo-b");
  FwTree::set_string(b, "compatible", "zeta,foo");
  // Lists acme,foo as a fallback: the acme driver must not take it.
  FwNode* c = tree->add_node(root, "bar");
  FwTree::set_strings(c, "compatible", {"acme,bar", "acme,foo"});
  FwNode* claimed = tree->add_node(root, "claimed");
  FwTree::set_string(claimed, "compatible", "acme,foo");
  FwTree::set_string(claimed, "label", "network");
  add_fw_devlink_links(*tree);
  return tree;
}

bool claims_network(const FwNode& n) { return n.read_string("label") == "network"; }

TEST(GenericDrivers, OneDriverPerFirstCompatibleAndCollisionsKeepTheVendor) {
  auto tree = two_vendors_tree();
  std::vector<GenericDriverSpec> specs = generic_driver_specs(*tree, claims_network);
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].name, "foo");
  EXPECT_EQ(specs[0].compatible, "acme,foo");
  ASSERT_EQ(specs[0].nodes.size(), 1u);  // not the claimed one
  EXPECT_EQ(specs[0].nodes[0].node->full_path, "/foo-a");
  EXPECT_EQ(specs[1].name, "zeta-foo");
  EXPECT_EQ(specs[2].name, "bar");
}

// Each generic driver binds the nodes it stands for, not one listing its
// compatible as a fallback, nor a claimed one.
TEST(GenericDrivers, BindOnlyTheirOwnUnclaimedNodes) {
  BootOptions o;
  o.board.claimed = claims_network;
  o.profile.modes["bar"] = ModuleMode::absent();
  auto b = boot_tree(two_vendors_tree(), o);
  EXPECT_EQ(core::dev_driver_string(b->dev("/foo-a")), "foo");
  EXPECT_EQ(core::dev_driver_string(b->dev("/foo-b")), "zeta-foo");
  EXPECT_EQ(b->dev("/bar")->driver, nullptr);
  EXPECT_EQ(b->dev("/claimed")->driver, nullptr);
  EXPECT_EQ(b->boot->generic.for_node(b->node("/claimed")), nullptr);
  EXPECT_EQ(b->boot->generic.find("zeta_foo")->compatible, "zeta,foo");
}

// A claimed node keeps its device; the network layer's own driver binds it.
TEST(GenericDrivers, AClaimedMacIsLeftToTheNetworkLayersDriver) {
  BootOptions o;
  o.board.claimed = [](const FwNode& n) { return is_mac(n); };
  o.after_initcalls = [](testing::BootedBoard& b) {
    DtDriver* genet = sim::kzalloc<DtDriver>("bcmgenet");
    genet->bus = b.boot->buses->platform;
    genet->of_match_table = {"brcm,bcm2711-genet-v5"};
    genet->probe = [](core::Device*) { return 0; };
    core::driver_register(genet);
  };
  auto b = boot_board("bcm2711-rpi-4-b.dts", o);
  EXPECT_EQ(b->boot->generic.find("bcm2711-genet-v5"), nullptr);
  EXPECT_EQ(core::dev_driver_string(b->dev("/scb/ethernet@7d580000")), "bcmgenet");
  EXPECT_EQ(b->findings(), "");
}

// Initcall order follows drivers/Makefile by subsystem, then the tree:
// pin controllers and GPIO before clocks, I2C bus drivers before muxes,
// drivers of unknown subsystems last.
TEST(GenericDrivers, ModulesComeInLinkOrder) {
  std::vector<GenericDriverSpec> specs =
      generic_driver_specs(testing::board("armada-8040-mcbin.dts"), nullptr);
  std::vector<int> ranks;
  for (const GenericDriverSpec& s : specs) ranks.push_back(link_rank(s.subsystem));
  EXPECT_TRUE(std::is_sorted(ranks.begin(), ranks.end()));
  auto pos = [&](const std::string& name) {
    for (size_t i = 0; i < specs.size(); ++i)
      if (specs[i].name == name) return static_cast<int>(i);
    return -1;
  };
  ASSERT_GE(pos("mv78230-i2c"), 0);
  ASSERT_GE(pos("pca9548"), 0);
  EXPECT_EQ(specs[pos("mv78230-i2c")].subsystem, "i2c");
  EXPECT_EQ(specs[pos("pca9548")].subsystem, "i2c/muxes");
  EXPECT_LT(pos("mv78230-i2c"), pos("pca9548"));
  ASSERT_GE(pos("sfp"), 0);
  for (size_t i = pos("sfp"); i < specs.size(); ++i)
    EXPECT_EQ(specs[i].subsystem, "") << specs[i].name;
}

// No generic driver for timers (the kernel sets them up without one), for
// PCI bridges (pcieport) or for disabled PCI functions.
TEST(GenericDrivers, NoneForTimersBridgesOrDisabledFunctions) {
  std::vector<GenericDriverSpec> rpi =
      generic_driver_specs(testing::board("bcm2711-rpi-4-b.dts"), nullptr);
  for (const GenericDriverSpec& s : rpi) {
    EXPECT_NE(s.compatible, "arm,armv8-timer");
    EXPECT_NE(s.compatible, "brcm,bcm2835-system-timer");
  }
  std::vector<GenericDriverSpec> ls =
      generic_driver_specs(testing::board("fsl-ls1028a-rdb.dts"), nullptr);
  for (const GenericDriverSpec& s : ls)
    for (const DeviceNode& dn : s.nodes)
      EXPECT_NE(dn.node->full_path, "/soc/pcie@1f0000000/ethernet@0,1") << s.name;
}

}  // namespace
}  // namespace lifeline::dt
