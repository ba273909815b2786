// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/i2c.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/fw_devlink_links.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;
using testing::boot_board;
using testing::boot_tree;
using testing::BootedBoard;
using testing::run_task;

std::vector<std::string> i2c_bus_devices(const BootedBoard& b) {
  std::vector<std::string> out;
  for (core::Device* d : b.boot->buses->i2c->devices) out.push_back(d->name());
  return out;
}

core::Driver* generic_driver(const BootedBoard& b, const std::string& name) {
  const GenericDriver* g = b.boot->generic.find(name);
  return g ? g->drivers.front() : nullptr;
}

// Unbinding the controller deletes its adapter, whose clients go first; the
// PCA9548 client takes its eight channel adapters with it. Binding it again
// brings everything back under the same numbers.
TEST(I2c, UnbindingAnAdapterRemovesItsClientsAndRebindingRestoresThem) {
  auto b = boot_board("armada-8040-mcbin.dts");
  const std::vector<std::string> before = i2c_bus_devices(*b);
  EXPECT_THAT(before, ::testing::IsSupersetOf({"i2c-0", "i2c-1", "1-0070", "i2c-2", "i2c-9"}));
  core::Device* ctrl = b->dev("/cp0/config-space@f2000000/i2c@701100");
  core::Driver* drv = generic_driver(*b, "mv78230-i2c");
  ASSERT_NE(ctrl, nullptr);
  ASSERT_NE(drv, nullptr);

  int unbind = 1;
  run_task(*b, [&] { unbind = core::sysfs_unbind(drv, ctrl); });
  EXPECT_EQ(unbind, 0);
  EXPECT_EQ(i2c_bus_devices(*b), std::vector<std::string>{"i2c-0"});
  EXPECT_EQ(b->dev("/cp0/config-space@f2000000/i2c@701100/i2c-mux@70"), nullptr);
  EXPECT_EQ(i2c_get_adapter(1), nullptr);

  int bind = 1;
  run_task(*b, [&] { bind = core::sysfs_bind(drv, ctrl); });
  EXPECT_EQ(bind, 0);
  EXPECT_EQ(i2c_bus_devices(*b), before);
  core::Device* mux = b->dev("/cp0/config-space@f2000000/i2c@701100/i2c-mux@70");
  ASSERT_NE(mux, nullptr);
  EXPECT_EQ(mux->name(), "1-0070");
  EXPECT_EQ(core::dev_driver_string(mux), "pca9548");
  EXPECT_EQ(b->findings(), "");
}

// Clearfog Pro: the SFP cage uses GPIO lines of the PCA9555 on the first
// bus. Unbinding the bus controller deletes the expander's client, which
// first unbinds its consumer, the cage (device links: consumers first). On
// rebind the client comes back and binds, but nothing rebinds the cage:
// fw_devlink turned its supplier properties into links once, and they went
// with the old client; the cage is not on the deferred list either.
TEST(I2c, AClientsConsumerIsUnboundWithItAndNotRebound) {
  auto b = boot_board("armada-388-clearfog-pro.dts");
  const std::string bus = "/soc/internal-regs/i2c@11000";
  core::Device* sfp = b->dev("/sfp");
  ASSERT_NE(sfp, nullptr);
  ASSERT_EQ(core::dev_driver_string(sfp), "sfp");
  EXPECT_THAT(i2c_bus_devices(*b),
              ::testing::IsSupersetOf({"0-0053", "0-0020", "0-004c", "0-0052"}));
  core::Driver* drv = generic_driver(*b, "mv78230-a0-i2c");
  run_task(*b, [&] { EXPECT_EQ(core::sysfs_unbind(drv, b->dev(bus)), 0); });
  EXPECT_THAT(i2c_bus_devices(*b), ::testing::ElementsAre("i2c-1"));
  EXPECT_EQ(sfp->driver, nullptr);

  run_task(*b, [&] { EXPECT_EQ(core::sysfs_bind(drv, b->dev(bus)), 0); });
  EXPECT_THAT(i2c_bus_devices(*b),
              ::testing::IsSupersetOf({"i2c-0", "0-0053", "0-0020", "0-004c", "0-0052"}));
  EXPECT_EQ(core::dev_driver_string(b->dev(bus + "/gpio-expander@20")), "pca9555");
  EXPECT_EQ(sfp->driver, nullptr);
  EXPECT_FALSE(core::device_is_deferred(sfp));
  EXPECT_EQ(b->findings(), "");
}

// A small tree built in code: aliases, dynamic numbers, address encoding.
struct Synthetic {
  std::unique_ptr<FwTree> tree = std::make_unique<FwTree>();
  FwNode* root;
  FwNode* soc;
  FwNode* aliases;

  Synthetic() {
    root = tree->add_node(nullptr, "");
    FwTree::set_u32s(root, "#address-cells", {1});
    FwTree::set_u32s(root, "#size-cells", {1});
    aliases = tree->add_node(root, "aliases");
    soc = tree->add_node(root, "soc");
    FwTree::set_string(soc, "compatible", "simple-bus");
    FwTree::set_u32s(soc, "#address-cells", {1});
    FwTree::set_u32s(soc, "#size-cells", {1});
    FwTree::set_property(soc, "ranges", {});
  }
  FwNode* controller(const std::string& name, uint32_t addr,
                     const std::string& compat = "acme,i2c") {
    FwNode* n = tree->add_node(soc, name);
    FwTree::set_string(n, "compatible", compat);
    FwTree::set_u32s(n, "reg", {addr, 0x100});
    FwTree::set_u32s(n, "#address-cells", {1});
    FwTree::set_u32s(n, "#size-cells", {0});
    return n;
  }
  FwNode* client(FwNode* bus, const std::string& name, uint32_t reg, const std::string& compat) {
    FwNode* n = tree->add_node(bus, name);
    if (!compat.empty()) FwTree::set_string(n, "compatible", compat);
    FwTree::set_u32s(n, "reg", {reg});
    return n;
  }
  void alias(const std::string& name, FwNode* target) {
    FwTree::set_string(aliases, name, target->full_path);
  }
  std::unique_ptr<FwTree> take() {
    add_fw_devlink_links(*tree);
    return std::move(tree);
  }
};

// i2c_add_adapter(): an aliased adapter takes its alias; the others count
// up from one past the highest "i2c" alias, in probe order, skipping taken
// numbers.
TEST(I2c, AdapterNumbersFromAliasesThenDynamic) {
  Synthetic s;
  FwNode* a = s.controller("i2c@1000", 0x1000);
  FwNode* b = s.controller("i2c@2000", 0x2000);
  FwNode* c = s.controller("i2c@3000", 0x3000);
  s.alias("i2c3", b);
  s.alias("i2c0", c);
  s.client(a, "eeprom@50", 0x50, "atmel,24c02");
  s.client(b, "eeprom@50", 0x50, "atmel,24c02");
  auto booted = boot_tree(s.take());
  EXPECT_EQ(of_find_i2c_adapter_by_node(a)->name(), "i2c-4");
  EXPECT_EQ(of_find_i2c_adapter_by_node(b)->name(), "i2c-3");
  EXPECT_EQ(of_find_i2c_adapter_by_node(c)->name(), "i2c-0");
  EXPECT_EQ(booted->dev("/soc/i2c@1000/eeprom@50")->name(), "4-0050");
  EXPECT_EQ(booted->dev("/soc/i2c@2000/eeprom@50")->name(), "3-0050");
}

// i2c_encode_flags_to_addr(): ten-bit and own-slave addresses; and the
// clients i2c_new_client_device() refuses.
TEST(I2c, ClientNamesEncodeAddressFlagsAndBadClientsAreSkipped) {
  Synthetic s;
  FwNode* a = s.controller("i2c@1000", 0x1000);
  s.client(a, "ten@50", I2C_TEN_BIT_ADDRESS | 0x150, "acme,ten");
  s.client(a, "slave@10", I2C_OWN_SLAVE_ADDRESS | 0x10, "acme,slave");
  s.client(a, "bad@80", 0x80, "acme,bad");  // 7-bit address out of range
  s.client(a, "nocompat@20", 0x20, "");     // no modalias
  s.client(a, "first@30", 0x30, "acme,first");
  s.client(a, "second@30", 0x30, "acme,second");  // address busy
  auto b = boot_tree(s.take());
  EXPECT_EQ(b->dev("/soc/i2c@1000/ten@50")->name(), "0-a150");
  EXPECT_EQ(b->dev("/soc/i2c@1000/slave@10")->name(), "0-1010");
  EXPECT_EQ(b->dev("/soc/i2c@1000/bad@80"), nullptr);
  EXPECT_EQ(b->dev("/soc/i2c@1000/nocompat@20"), nullptr);
  EXPECT_EQ(b->dev("/soc/i2c@1000/first@30")->name(), "0-0030");
  EXPECT_EQ(b->dev("/soc/i2c@1000/second@30"), nullptr);
  EXPECT_EQ(to_i2c_client(b->dev("/soc/i2c@1000/ten@50"))->modalias, "ten");
}

// A platform mux (i2c-mux-gpio style, "i2c-parent") defers until its parent
// adapter is registered; with probe=event it is retried when the parent's
// controller binds.
TEST(I2c, PlatformMuxWaitsForItsParentAdapter) {
  for (core::ProbeAlgorithm probe : {core::ProbeAlgorithm::kKernel, core::ProbeAlgorithm::kEvent}) {
    Synthetic s;
    FwNode* parent = s.controller("i2c@1000", 0x1000, "acme,late-i2c");
    FwNode* mux = s.tree->add_node(s.root, "i2c-mux");
    FwTree::set_string(mux, "compatible", "i2c-mux-gpio");
    s.tree->set_phandles(mux, "i2c-parent", {parent});
    FwTree::set_u32s(mux, "#address-cells", {1});
    FwTree::set_u32s(mux, "#size-cells", {0});
    for (uint32_t ch : {0u, 1u}) {
      FwNode* c = s.tree->add_node(mux, "i2c@" + std::to_string(ch));
      FwTree::set_u32s(c, "reg", {ch});
      FwTree::set_u32s(c, "#address-cells", {1});
      FwTree::set_u32s(c, "#size-cells", {0});
      s.client(c, "eeprom@50", 0x50, "atmel,24c02");
    }
    testing::BootOptions o;
    o.config.probe = probe;
    o.profile.modes["late-i2c"] = ModuleMode::late(sim::secs(2));
    o.until = sim::secs(1);
    auto b = boot_tree(s.take(), o);
    core::Device* mux_dev = b->dev("/i2c-mux");
    ASSERT_NE(mux_dev, nullptr);
    EXPECT_EQ(mux_dev->driver, nullptr);
    EXPECT_THAT(mux_dev->deferred_probe_reason,
                ::testing::HasSubstr("i2c-parent /soc/i2c@1000 not ready"));
    b->engine.run();
    EXPECT_EQ(core::dev_driver_string(mux_dev), "i2c-mux-gpio");
    EXPECT_EQ(of_find_i2c_adapter_by_node(parent)->name(), "i2c-0");
    EXPECT_EQ(b->dev("/i2c-mux/i2c@0/eeprom@50")->name(), "1-0050");
    EXPECT_EQ(b->dev("/i2c-mux/i2c@1/eeprom@50")->name(), "2-0050");
    EXPECT_EQ(b->findings(), "");
  }
}

}  // namespace
}  // namespace lifeline::dt
