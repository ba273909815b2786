// SPDX-License-Identifier: GPL-2.0-only
// SPI controllers and PCI hosts on trees built in code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/core/driver.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/pci.h"
#include "lifeline/dt/spi.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;
using testing::boot_tree;
using testing::run_task;

struct Tree {
  std::unique_ptr<FwTree> tree = std::make_unique<FwTree>();
  FwNode* root = nullptr;
  FwNode* aliases = nullptr;
  Tree() {
    root = tree->add_node(nullptr, "");
    FwTree::set_u32s(root, "#address-cells", {1});
    FwTree::set_u32s(root, "#size-cells", {1});
    aliases = tree->add_node(root, "aliases");
  }
  FwNode* node(FwNode* parent, const std::string& name, const std::string& compat,
               std::vector<uint32_t> reg = {}) {
    FwNode* n = tree->add_node(parent, name);
    if (!compat.empty()) FwTree::set_string(n, "compatible", compat);
    if (!reg.empty()) FwTree::set_u32s(n, "reg", reg);
    return n;
  }
  std::unique_ptr<FwTree> take() {
    add_fw_devlink_links(*tree);
    return std::move(tree);
  }
};

// spi_register_controller(): an alias gives the number; without one,
// numbers start one past the highest "spi" alias. Devices are named
// "spi<bus>.<cs>"; a chip select already in use gets no device.
TEST(Spi, BusNumbersAndDeviceNames) {
  Tree t;
  FwNode* a = t.node(t.root, "spi@1000", "acme,spi", {0x1000, 0x100});
  FwNode* b = t.node(t.root, "spi@2000", "acme,spi", {0x2000, 0x100});
  for (FwNode* n : {a, b}) {
    FwTree::set_u32s(n, "#address-cells", {1});
    FwTree::set_u32s(n, "#size-cells", {0});
  }
  FwTree::set_string(t.aliases, "spi2", "/spi@2000");
  t.node(a, "flash@0", "jedec,spi-nor", {0});
  t.node(a, "other@0", "acme,other", {0});  // chip select 0 again
  t.node(b, "switch@1", "microchip,ksz9477", {1});
  auto booted = boot_tree(t.take());
  EXPECT_EQ(of_find_spi_controller_by_node(booted->node("/spi@1000"))->name(), "spi3");
  EXPECT_EQ(of_find_spi_controller_by_node(booted->node("/spi@2000"))->name(), "spi2");
  EXPECT_EQ(booted->dev("/spi@1000/flash@0")->name(), "spi3.0");
  EXPECT_EQ(booted->dev("/spi@1000/other@0"), nullptr);
  EXPECT_EQ(booted->dev("/spi@2000/switch@1")->name(), "spi2.1");
  EXPECT_EQ(core::dev_driver_string(booted->dev("/spi@2000/switch@1")), "ksz9477");

  // Unbinding the controller removes its devices and frees its number.
  core::Device* ctrl = booted->dev("/spi@2000");
  core::Driver* drv = booted->boot->generic.find("spi")->drivers.front();
  run_task(*booted, [&] { EXPECT_EQ(core::sysfs_unbind(drv, ctrl), 0); });
  EXPECT_EQ(booted->dev("/spi@2000/switch@1"), nullptr);
  EXPECT_EQ(of_find_spi_controller_by_node(booted->node("/spi@2000")), nullptr);
  run_task(*booted, [&] { EXPECT_EQ(core::sysfs_bind(drv, ctrl), 0); });
  EXPECT_EQ(booted->dev("/spi@2000/switch@1")->name(), "spi2.1");
  EXPECT_EQ(booted->findings(), "");
}

FwNode* pci_host(Tree& t, const std::string& name, uint32_t addr) {
  FwNode* h = t.node(t.root, name, "pci-host-ecam-generic", {addr, 0x1000});
  FwTree::set_string(h, "device_type", "pci");
  FwTree::set_u32s(h, "#address-cells", {3});
  FwTree::set_u32s(h, "#size-cells", {2});
  return h;
}

FwNode* pci_fn(Tree& t, FwNode* bus, const std::string& name, uint32_t devfn,
               const std::string& compat) {
  return t.node(bus, name, compat, {devfn << 8, 0, 0, 0, 0});
}

// Domains: linux,pci-domain is kept for its host and never handed out
// dynamically. Bridges get the next bus number, depth first.
TEST(Pci, DomainsBusNumbersAndRemoval) {
  Tree t;
  FwNode* h0 = pci_host(t, "pcie@1000", 0x1000);
  FwNode* h1 = pci_host(t, "pcie@2000", 0x2000);
  FwTree::set_u32s(h1, "linux,pci-domain", {0});
  FwTree::set_u32s(h1, "bus-range", {0x10, 0x1f});
  FwNode* br0 = pci_fn(t, h0, "pci@0,0", 0x00, "");
  FwTree::set_string(br0, "device_type", "pci");
  FwNode* br1 = pci_fn(t, h0, "pci@1,0", 0x08, "");
  FwTree::set_string(br1, "device_type", "pci");
  FwNode* br00 = pci_fn(t, br0, "pci@0,0", 0x00, "");
  FwTree::set_string(br00, "device_type", "pci");
  pci_fn(t, br00, "nic@0,0", 0x00, "pci8086,1533");
  pci_fn(t, br1, "nvme@0,0", 0x00, "pci144d,a808");
  pci_fn(t, h1, "dev@2,1", 0x11, "pci1957,e100");
  auto b = boot_tree(t.take());
  EXPECT_EQ(b->dev("/pcie@1000")->children.front()->name(), "pci0001:00");
  EXPECT_EQ(b->dev("/pcie@2000")->children.front()->name(), "pci0000:10");
  EXPECT_EQ(b->dev("/pcie@1000/pci@0,0")->name(), "0001:00:00.0");
  EXPECT_EQ(b->dev("/pcie@1000/pci@0,0/pci@0,0")->name(), "0001:01:00.0");
  EXPECT_EQ(b->dev("/pcie@1000/pci@0,0/pci@0,0/nic@0,0")->name(), "0001:02:00.0");
  EXPECT_EQ(b->dev("/pcie@1000/pci@1,0")->name(), "0001:00:01.0");
  EXPECT_EQ(b->dev("/pcie@1000/pci@1,0/nvme@0,0")->name(), "0001:03:00.0");
  EXPECT_EQ(b->dev("/pcie@2000/dev@2,1")->name(), "0000:10:02.1");
  EXPECT_EQ(core::dev_driver_string(b->dev("/pcie@1000/pci@1,0/nvme@0,0")), "pci144d-a808");
  EXPECT_EQ(core::dev_driver_string(b->dev("/pcie@1000/pci@1,0")), "pcieport");

  // Unbinding the host removes every function below it and the host bridge.
  core::Device* host = b->dev("/pcie@1000");
  core::Driver* drv = b->boot->generic.find("pci-host-ecam-generic")->drivers.front();
  run_task(*b, [&] { EXPECT_EQ(core::sysfs_unbind(drv, host), 0); });
  EXPECT_THAT(host->children, ::testing::IsEmpty());
  EXPECT_EQ(b->dev("/pcie@1000/pci@1,0/nvme@0,0"), nullptr);
  EXPECT_EQ(pci_find_dev("0001:00:01.0"), nullptr);
  EXPECT_NE(pci_find_dev("0000:10:02.1"), nullptr);
  run_task(*b, [&] { EXPECT_EQ(core::sysfs_bind(drv, host), 0); });
  EXPECT_EQ(b->dev("/pcie@1000/pci@1,0/nvme@0,0")->name(), "0001:03:00.0");
  EXPECT_EQ(b->findings(), "");
}

}  // namespace
}  // namespace lifeline::dt
