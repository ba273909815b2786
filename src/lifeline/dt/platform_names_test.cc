// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/platform_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/dt/of_address.h"
#include "lifeline/dt/test_boards.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;
using testing::board;

const PlatformDeviceNode* find_device(const std::vector<PlatformDeviceNode>& devs,
                                      const std::string& path) {
  for (const PlatformDeviceNode& d : devs)
    if (d.node->full_path == path) return &d;
  return nullptr;
}

// What the kernel calls these devices (dmesg and sysfs of the real boards).
TEST(PlatformNames, KnownDevicesOnRealBoards) {
  struct Want {
    const char* board;
    const char* path;
    const char* name;
  };
  const Want wants[] = {
      {"bcm2711-rpi-4-b.dts", "/scb/ethernet@7d580000", "fd580000.ethernet"},
      {"bcm2711-rpi-4-b.dts", "/soc/firmware", "soc:firmware"},
      {"bcm2711-rpi-4-b.dts", "/soc/avs-monitor@7d5d2000/thermal", "fd5d2000.avs-monitor:thermal"},
      {"bcm2711-rpi-4-b.dts", "/emmc2bus/mmc@7e340000", "fe340000.mmc"},
      {"bcm2711-rpi-4-b.dts", "/leds", "leds"},
      {"imx8mp-evk.dts", "/soc@0/bus@30800000/ethernet@30be0000", "30be0000.ethernet"},
      {"imx8mp-evk.dts", "/soc@0/bus@30800000/ethernet@30bf0000", "30bf0000.ethernet"},
      {"armada-8040-mcbin.dts", "/cp0/config-space@f2000000/ethernet@0", "f2000000.ethernet"},
      {"armada-8040-mcbin.dts", "/cp0/config-space@f2000000/mdio@12a200", "f212a200.mdio"},
      {"armada-385-turris-omnia.dts", "/soc/internal-regs/ethernet@70000", "f1070000.ethernet"},
      {"stm32mp151a-prtt1c.dts", "/soc/bus@5c007000/ethernet@5800a000", "5800a000.ethernet"},
      {"stm32mp151a-prtt1c.dts", "/mdio", "mdio"},
      {"k3-am642-evm.dts", "/bus@f4000/ethernet@8000000", "8000000.ethernet"},
      {"k3-am642-evm.dts", "/bus@f4000/bus@4000000", "bus@f4000:bus@4000000"},
      {"k3-am642-evm.dts", "/firmware/optee", "firmware:optee"},
      {"fsl-lx2160a-clearfog-cx.dts", "/soc/fsl-mc@80c000000", "80c000000.fsl-mc"},
      {"fsl-ls1046a-rdb.dts", "/soc/fman@1a00000", "1a00000.fman"},
      {"fsl-ls1028a-rdb.dts", "/soc/pcie@1f0000000", "1f0000000.pcie"},
      {"mt7986a-bananapi-bpi-r3.dts", "/soc/ethernet@15100000", "15100000.ethernet"},
      {"at91-sama5d3_ksz9477_evb.dts", "/ahb/apb/ethernet@f0028000", "f0028000.ethernet"},
      {"r9a06g032-rzn1d400-db.dts", "/soc/switch@44050000", "44050000.switch"},
  };
  for (const Want& w : wants) {
    std::vector<PlatformDeviceNode> devs = platform_device_nodes(board(w.board));
    const PlatformDeviceNode* d = find_device(devs, w.path);
    ASSERT_NE(d, nullptr) << w.board << ": no platform device for " << w.path;
    EXPECT_EQ(d->name, w.name) << w.board << " " << w.path;
  }
}

TEST(PlatformNames, BoardDevicesAreUniqueAndNotNested) {
  for (const char* file : testing::kBoards) {
    std::vector<PlatformDeviceNode> devs = platform_device_nodes(board(file));
    std::set<std::string> names;
    for (const PlatformDeviceNode& d : devs) {
      EXPECT_TRUE(names.insert(d.name).second) << file << ": duplicate " << d.name;
      EXPECT_TRUE(d.node->is_enabled()) << file << ": " << d.node->full_path;
      EXPECT_TRUE(d.node->has_property("compatible")) << file << ": " << d.node->full_path;
    }
    // Devices below a device only through a bus: an Ethernet PHY is never a
    // platform device, and neither is an MDIO-bus child or a DSA port.
    for (const PlatformDeviceNode& d : devs)
      EXPECT_EQ(d.node->full_path.find("/ethernet-phy@"), std::string::npos)
          << file << ": " << d.node->full_path;
  }
}

TEST(PlatformNames, AmbaPrimecellOnRpi4) {
  std::vector<PlatformDeviceNode> devs = platform_device_nodes(board("bcm2711-rpi-4-b.dts"));
  const PlatformDeviceNode* uart0 = find_device(devs, "/soc/serial@7e201000");
  ASSERT_NE(uart0, nullptr);
  EXPECT_TRUE(uart0->amba);
  EXPECT_EQ(uart0->name, "fe201000.serial");
  EXPECT_EQ(uart0->parent, board("bcm2711-rpi-4-b.dts").find_by_path("/soc"));
  const PlatformDeviceNode* genet = find_device(devs, "/scb/ethernet@7d580000");
  ASSERT_NE(genet, nullptr);
  EXPECT_FALSE(genet->amba);
}

// A tree for the population rules, built in code.
class PopulateTest : public ::testing::Test {
 protected:
  FwTree t;
  FwNode* root = t.add_node(nullptr, "");

  FwNode* add(FwNode* parent, const std::string& name, std::vector<std::string> compat = {}) {
    FwNode* n = t.add_node(parent, name);
    if (!compat.empty()) FwTree::set_strings(n, "compatible", compat);
    return n;
  }
  std::vector<std::string> paths() {
    std::vector<std::string> out;
    for (const PlatformDeviceNode& d : platform_device_nodes(t)) out.push_back(d.node->full_path);
    return out;
  }
  void SetUp() override {
    FwTree::set_u32s(root, "#address-cells", {1});
    FwTree::set_u32s(root, "#size-cells", {1});
  }
};

TEST_F(PopulateTest, CreationOrderAndSkips) {
  FwNode* soc = add(root, "soc", {"simple-bus"});
  FwTree::set_property(soc, "ranges", {});
  FwTree::set_u32s(soc, "#address-cells", {1});
  FwTree::set_u32s(soc, "#size-cells", {1});
  add(soc, "a@1000", {"v,a"});
  add(soc, "nocompat@2000");  // strict: needs "compatible"
  FwTree::set_string(add(soc, "off@3000", {"v,off"}), "status", "disabled");
  FwTree::set_string(add(soc, "ok@3800", {"v,ok"}), "status", "ok");
  FwNode* pl011 = add(soc, "serial@4000", {"arm,pl011", "arm,primecell"});
  FwTree::set_u32s(pl011, "reg", {0x4000, 0x1000});
  add(pl011, "child", {"v,child"});  // never below an AMBA device
  FwNode* offbus = add(soc, "bus@5000", {"simple-bus"});
  FwTree::set_string(offbus, "status", "disabled");
  add(offbus, "hidden@0", {"v,hidden"});
  add(soc, "opp-table", {"operating-points-v2"});
  FwNode* dev = add(soc, "dev@6000", {"v,dev"});  // not a bus: no recursion
  add(dev, "sub@0", {"v,sub"});
  FwNode* mfd = add(soc, "mfd@7000", {"v,pmic", "simple-mfd"});
  add(mfd, "regulators", {"v,regs"});
  add(root, "top", {"v,top"});
  FwNode* fw = add(root, "firmware");
  add(fw, "optee", {"linaro,optee-tz"});
  FwNode* chosen = add(root, "chosen");
  add(chosen, "framebuffer@0", {"simple-framebuffer"});
  FwNode* resmem = add(root, "reserved-memory");
  add(resmem, "ramoops@0", {"ramoops"});

  EXPECT_THAT(paths(), ::testing::ElementsAre("/reserved-memory/ramoops@0", "/firmware/optee",
                                              "/chosen/framebuffer@0", "/soc", "/soc/a@1000",
                                              "/soc/ok@3800", "/soc/serial@4000", "/soc/dev@6000",
                                              "/soc/mfd@7000", "/soc/mfd@7000/regulators", "/top"));
  std::vector<PlatformDeviceNode> devs = platform_device_nodes(t);
  EXPECT_EQ(devs[0].name, "reserved-memory:ramoops@0");  // no reg: parent-chained
  EXPECT_EQ(devs[1].name, "firmware:optee");
  EXPECT_EQ(devs[3].parent, nullptr);
  EXPECT_EQ(devs[4].parent, soc);
  EXPECT_EQ(devs[6].name, "4000.serial");
  EXPECT_TRUE(devs[6].amba);
  EXPECT_EQ(devs[9].name, "soc:mfd@7000:regulators");  // no reg anywhere up to the root
}

TEST_F(PopulateTest, AmbaDeviceNeedsATranslatableReg) {
  FwNode* soc = add(root, "soc", {"simple-bus"});  // no ranges: nothing translates
  add(soc, "serial@4000", {"arm,primecell"});
  FwNode* amba = add(root, "amba", {"arm,amba-bus"});
  FwTree::set_property(amba, "ranges", {});
  FwNode* uart = add(amba, "serial@5000", {"arm,primecell"});
  FwTree::set_u32s(uart, "reg", {0x5000, 0x100});
  EXPECT_THAT(paths(), ::testing::ElementsAre("/soc", "/amba", "/amba/serial@5000"));
}

TEST_F(PopulateTest, BusIdTranslatesThroughRanges) {
  // /scb on bcm2711 in miniature: 2 address cells, ranges move 0x7c000000
  // to 0xfc000000.
  FwNode* scb = add(root, "scb", {"simple-bus"});
  FwTree::set_u32s(scb, "#address-cells", {2});
  FwTree::set_u32s(scb, "#size-cells", {1});
  FwTree::set_u32s(scb, "ranges", {0x0, 0x7c000000, 0xfc000000, 0x03800000});
  FwNode* eth = add(scb, "ethernet@7d580000", {"brcm,genet"});
  FwTree::set_u32s(eth, "reg", {0x0, 0x7d580000, 0x10000});
  EXPECT_EQ(of_device_make_bus_id(*eth), "fd580000.ethernet");
  EXPECT_EQ(untranslated_bus_id(*eth), "7d580000.ethernet");
  // Outside every range: the name falls back to the node name (with its
  // unit address), prefixed by the parents' names.
  FwTree::set_u32s(eth, "reg", {0x0, 0x10000000, 0x10000});
  EXPECT_EQ(of_device_make_bus_id(*eth), "scb:ethernet@7d580000");
  // A "mask" adds the first set bit.
  FwTree::set_u32s(eth, "reg", {0x0, 0x7d580000, 0x10000});
  FwTree::set_u32s(eth, "mask", {0x30});
  EXPECT_EQ(of_device_make_bus_id(*eth), "fd580000.4.ethernet");
  // No reg at all: prefixed with the parent's name, up to a translatable
  // ancestor.
  FwNode* sub = add(eth, "sub");
  add(sub, "leaf");
  EXPECT_EQ(of_device_make_bus_id(*sub->children[0]), "fd580000.4.ethernet:sub:leaf");
}

TEST_F(PopulateTest, SizeCellsZeroAndMissingRangesDoNotTranslate) {
  FwNode* i2c = add(root, "i2c@1000", {"v,i2c"});
  FwTree::set_u32s(i2c, "reg", {0x1000, 0x100});
  FwTree::set_u32s(i2c, "#address-cells", {1});
  FwTree::set_u32s(i2c, "#size-cells", {0});
  FwNode* eeprom = add(i2c, "eeprom@50", {"atmel,24c02"});
  FwTree::set_u32s(eeprom, "reg", {0x50});
  EXPECT_EQ(translated_reg(eeprom), std::nullopt);
  EXPECT_EQ(of_device_make_bus_id(*eeprom), "1000.i2c:eeprom@50");
  FwNode* bus = add(root, "bus", {"simple-bus"});  // no "ranges"
  FwTree::set_u32s(bus, "#address-cells", {1});
  FwTree::set_u32s(bus, "#size-cells", {1});
  FwNode* dev = add(bus, "dev@20", {"v,dev"});
  FwTree::set_u32s(dev, "reg", {0x20, 0x4});
  EXPECT_EQ(of_device_make_bus_id(*dev), "bus:dev@20");
  FwTree::set_property(bus, "ranges", {});  // empty ranges: 1:1
  EXPECT_EQ(of_device_make_bus_id(*dev), "20.dev");
}

TEST_F(PopulateTest, PciAndFlagsBusesMatchTheirSpace) {
  // A PCI host bridge: 3 address cells whose first is the space code.
  FwNode* pcie = add(root, "pcie@40000000", {"v,pcie"});
  FwTree::set_string(pcie, "device_type", "pci");
  FwTree::set_u32s(pcie, "#address-cells", {3});
  FwTree::set_u32s(pcie, "#size-cells", {2});
  // I/O at pci 0 -> cpu 0x1000000; 32-bit memory at pci 0 -> cpu 0x60000000.
  FwTree::set_u32s(pcie, "ranges",
                   {0x01000000, 0, 0, 0x01000000, 0, 0x10000,  //
                    0x02000000, 0, 0, 0x60000000, 0, 0x10000000});
  FwNode* fn = add(pcie, "dev@0,1", {"v,fn"});
  FwTree::set_u32s(fn, "reg", {0x02000000, 0, 0x100, 0, 0x100});  // memory space
  EXPECT_EQ(translated_reg(fn), 0x60000100u);
  FwTree::set_u32s(fn, "reg", {0x01000000, 0, 0x100, 0, 0x100});  // I/O space
  EXPECT_EQ(translated_reg(fn), 0x01000100u);
}

TEST(PlatformNames, ExactlyTheRootPopulationOnRpi4) {
  // The head of the creation order on a real board: /soc first, then its
  // children in source order.
  std::vector<PlatformDeviceNode> devs = platform_device_nodes(board("bcm2711-rpi-4-b.dts"));
  ASSERT_GE(devs.size(), 3u);
  EXPECT_EQ(devs[0].name, "soc");
  EXPECT_EQ(devs[1].name, "fe003000.timer");
  EXPECT_EQ(devs[1].parent, devs[0].node);
}

}  // namespace
}  // namespace lifeline::dt
