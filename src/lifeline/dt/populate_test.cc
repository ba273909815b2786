// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/populate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "lifeline/core/driver.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/bus_devices.h"

namespace lifeline::dt {
namespace {

using testing::boot_board;
using testing::BootOptions;
using testing::run_task;

// The boot population creates what platform_device_nodes() lists, in that
// order, with its names and parents, except the nodes set up early.
TEST(Populate, BootPopulationOfEveryBoard) {
  for (const char* file : testing::kBoards) {
    SCOPED_TRACE(file);
    BootOptions o;
    o.profile.modes = {};
    auto b = boot_board(file, o);
    std::set<const core::FwNode*> early;
    for (const EarlyInit& e : early_init_nodes(*b->tree))
      if (e.kind != EarlyKind::kTimer) early.insert(e.node);
    std::vector<PlatformDeviceNode> want;
    for (const PlatformDeviceNode& pn : platform_device_nodes(*b->tree))
      if (!early.count(pn.node)) want.push_back(pn);
    ASSERT_EQ(b->boot->populated.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      core::Device* d = b->boot->populated[i];
      EXPECT_EQ(d->name(), want[i].name);
      EXPECT_EQ(d->fwnode, want[i].node);
      EXPECT_EQ(core::dev_bus_name(d), want[i].amba ? "amba" : "platform");
      EXPECT_EQ(d->parent ? d->parent->fwnode : nullptr, want[i].parent) << d->name();
      EXPECT_EQ(to_dt_device(d)->modalias, d->name());  // platform_device->name
    }
  }
}

// Early nodes are not populated, and neither is anything below them.
TEST(Populate, NoDeviceForEarlyIrqchipsAndClocks) {
  auto b = boot_board("bcm2711-rpi-4-b.dts");
  EXPECT_EQ(b->dev("/soc/interrupt-controller@40041000"), nullptr);
  EXPECT_EQ(b->dev("/clocks/clk-osc"), nullptr);
  // Timers are populated (timer_probe() leaves no mark) and stay unbound.
  ASSERT_NE(b->dev("/timer"), nullptr);
  EXPECT_EQ(b->dev("/timer")->driver, nullptr);
}

// fman_probe() populates the FMan's children (ports, MACs, MDIO buses);
// unbinding it removes them, binding it again creates them again.
TEST(Populate, AProbingDriverPopulatesAndDepopulatesItsChildren) {
  auto b = boot_board("fsl-ls1046a-rdb.dts");
  const std::string fman = "/soc/fman@1a00000";
  ASSERT_NE(b->dev(fman), nullptr);
  EXPECT_EQ(core::dev_driver_string(b->dev(fman)), "fman");
  core::Device* mdio = b->dev(fman + "/mdio@fc000");
  ASSERT_NE(mdio, nullptr);
  EXPECT_EQ(mdio->name(), "1afc000.mdio");
  EXPECT_EQ(mdio->parent, b->dev(fman));
  core::Device* mac = b->dev(fman + "/ethernet@e0000");
  ASSERT_NE(mac, nullptr);
  EXPECT_EQ(mac->name(), "1ae0000.ethernet");
  size_t children = b->dev(fman)->children.size();
  EXPECT_GT(children, 20u);

  core::Driver* drv = b->boot->generic.find("fman")->drivers.front();
  core::Device* fman_dev = b->dev(fman);
  run_task(*b, [&] { EXPECT_EQ(core::sysfs_unbind(drv, fman_dev), 0); });
  EXPECT_EQ(b->dev(fman + "/mdio@fc000"), nullptr);
  EXPECT_EQ(b->dev(fman + "/ethernet@e0000"), nullptr);
  EXPECT_THAT(fman_dev->children, ::testing::IsEmpty());

  run_task(*b, [&] { EXPECT_EQ(core::sysfs_bind(drv, fman_dev), 0); });
  EXPECT_EQ(fman_dev->children.size(), children);
  ASSERT_NE(b->dev(fman + "/mdio@fc000"), nullptr);
  EXPECT_EQ(b->dev(fman + "/mdio@fc000")->name(), "1afc000.mdio");
  EXPECT_EQ(b->findings(), "");
}

}  // namespace
}  // namespace lifeline::dt
