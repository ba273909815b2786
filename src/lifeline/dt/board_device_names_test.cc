// SPDX-License-Identifier: GPL-2.0-only
// What the kernel names the devices that bus controllers create on the
// bundled boards: I2C adapters and clients, SPI devices, PCI functions and
// fsl-mc objects.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/core/bus.h"
#include "lifeline/core/driver.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/bus_devices.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/i2c.h"

namespace lifeline::dt {
namespace {

using testing::boot_board;
using testing::BootedBoard;
using testing::BootOptions;

std::string name_of(const BootedBoard& b, const std::string& path) {
  core::Device* d = b.dev(path);
  return d ? d->name() : "(no device for " + path + ")";
}

// The adapter an SFP cage's "i2c-bus" names (sfp_i2c_get()).
std::string sfp_bus(const BootedBoard& b, const std::string& cage) {
  core::FwNode* n = core::parse_phandle(b.node(cage), "i2c-bus");
  if (!n) return "(no i2c-bus)";
  I2cAdapter* adap = of_find_i2c_adapter_by_node(n);
  return adap ? adap->name() : "(no adapter for " + n->full_path + ")";
}

// KSZ9477 EVB: both SPI controllers are enabled and the tree has no "spi"
// alias, so they are numbered dynamically from 0 as they probe (one driver,
// tree order); the switch is chip select 0 of the second.
TEST(BoardDeviceNames, Ksz9477OnSpiOfSama5d3Evb) {
  auto b = boot_board("at91-sama5d3_ksz9477_evb.dts");
  core::Device* sw = b->dev("/ahb/apb/spi@f8008000/switch@0");
  ASSERT_NE(sw, nullptr);
  EXPECT_EQ(sw->name(), "spi1.0");
  EXPECT_EQ(core::dev_bus_name(sw), "spi");
  EXPECT_EQ(sw->parent->name(), "spi1");
  EXPECT_EQ(sw->parent->parent->name(), "f8008000.spi");
  EXPECT_EQ(to_spi_device(sw)->modalias, "ksz9477");
  EXPECT_EQ(core::dev_driver_string(sw), "ksz9477");
}

// PRTT1C: one SPI controller, no alias: the SJA1105Q is spi0.0.
TEST(BoardDeviceNames, Sja1105OnSpiOfPrtt1c) {
  auto b = boot_board("stm32mp151a-prtt1c.dts");
  EXPECT_EQ(name_of(*b, "/soc/bus@5c007000/spi@44004000/switch@0"), "spi0.0");
}

// MACCHIATObin: no "i2c" alias; CP0's two I2C controllers (one driver)
// become i2c-0 and i2c-1; the PCA9548 at 0x70 on the second (client
// 1-0070) adds all eight channels as i2c-2..i2c-9 (the mux driver links
// after the bus drivers, drivers/i2c/Makefile). The three cages sit on
// channels 0, 1, 2.
TEST(BoardDeviceNames, SfpCageBusesOfMacchiatobin) {
  auto b = boot_board("armada-8040-mcbin.dts");
  EXPECT_EQ(name_of(*b, "/cp0/config-space@f2000000/i2c@701000"), "f2701000.i2c");
  EXPECT_EQ(name_of(*b, "/cp0/config-space@f2000000/i2c@701100/i2c-mux@70"), "1-0070");
  EXPECT_EQ(sfp_bus(*b, "/sfp-eth0"), "i2c-2");
  EXPECT_EQ(sfp_bus(*b, "/sfp-eth1"), "i2c-3");
  EXPECT_EQ(sfp_bus(*b, "/sfp-eth3"), "i2c-4");
  // The channel adapters hang below the parent adapter (i2c_mux_add_adapter()).
  core::FwNode* ch0 = b->node("/cp0/config-space@f2000000/i2c@701100/i2c-mux@70/i2c@0");
  EXPECT_EQ(of_find_i2c_adapter_by_node(ch0)->parent->name(), "i2c-1");
  for (int nr = 5; nr <= 9; ++nr) {
    I2cAdapter* unnamed = i2c_get_adapter(nr);
    ASSERT_NE(unnamed, nullptr) << nr;
    EXPECT_EQ(unnamed->fwnode, nullptr) << "channel " << unnamed->chan_id << " has no node";
  }
  EXPECT_EQ(i2c_get_adapter(10), nullptr);
}

// BPI-R3 with the arm64 defconfig: CONFIG_I2C_MT65XX=y, CONFIG_I2C_GPIO=m.
// The SoC controller is i2c-0; the two bit-banged buses of the SFP cages
// register when i2c-gpio is loaded: i2c-1 and i2c-2.
TEST(BoardDeviceNames, SfpCageBusesOfBananaPiR3) {
  BootOptions o;
  o.profile.modes["i2c-gpio"] = ModuleMode::late(sim::secs(2));
  auto b = boot_board("mt7986a-bananapi-bpi-r3.dts", o);
  EXPECT_EQ(b->findings(), "");
  EXPECT_EQ(of_find_i2c_adapter_by_node(b->node("/soc/i2c@11008000"))->name(), "i2c-0");
  EXPECT_EQ(sfp_bus(*b, "/sfp-1"), "i2c-1");
  EXPECT_EQ(sfp_bus(*b, "/sfp-2"), "i2c-2");
}

// LS1028A RDB: the ENETC integrated endpoint root complex is the only PCI
// host enabled (the two Layerscape PCIe controllers are disabled), so it
// gets domain 0; its bus-range starts at 0. The functions are named from
// their devfn; the Felix switch (0,5) has no compatible, so its IDs come
// from the caller's table, as the network layer passes board_pci_ids().
TEST(BoardDeviceNames, EnetcAndFelixFunctionsOfLs1028aRdb) {
  BootOptions o;
  o.board.extra_pci_ids =
      [](const core::FwNode& n) -> std::optional<std::pair<uint16_t, uint16_t>> {
    if (n.full_path == "/soc/pcie@1f0000000/ethernet-switch@0,5")
      return std::make_pair(0x1957, 0xeef0);
    return std::nullopt;
  };
  auto b = boot_board("fsl-ls1028a-rdb.dts", o);
  const std::string host = "/soc/pcie@1f0000000";
  EXPECT_EQ(name_of(*b, host), "1f0000000.pcie");
  EXPECT_EQ(name_of(*b, host + "/ethernet@0,0"), "0000:00:00.0");
  EXPECT_EQ(name_of(*b, host + "/ethernet@0,1"), "0000:00:00.1");
  EXPECT_EQ(name_of(*b, host + "/ethernet@0,2"), "0000:00:00.2");
  EXPECT_EQ(name_of(*b, host + "/mdio@0,3"), "0000:00:00.3");
  EXPECT_EQ(name_of(*b, host + "/ethernet@0,4"), "0000:00:00.4");
  EXPECT_EQ(name_of(*b, host + "/ethernet-switch@0,5"), "0000:00:00.5");
  EXPECT_EQ(name_of(*b, host + "/ethernet@0,6"), "0000:00:00.6");
  PciDev* felix = to_pci_dev(b->dev(host + "/ethernet-switch@0,5"));
  ASSERT_NE(felix, nullptr);
  EXPECT_EQ(felix->vendor, 0x1957u);
  EXPECT_EQ(felix->device, 0xeef0u);
  EXPECT_TRUE(felix->match_driver);
  EXPECT_EQ(felix->parent->name(), "pci0000:00");
  EXPECT_EQ(felix->parent->parent->name(), "1f0000000.pcie");
  PciDev* port0 = to_pci_dev(b->dev(host + "/ethernet@0,0"));
  EXPECT_EQ(port0->vendor, 0x1957u);
  EXPECT_EQ(port0->device, 0xe100u);
  // ethernet@0,1 is disabled: enumerated, never matched (pci_bus_add_device()).
  EXPECT_FALSE(to_pci_dev(b->dev(host + "/ethernet@0,1"))->match_driver);
  EXPECT_EQ(b->dev(host + "/ethernet@0,1")->driver, nullptr);
}

// Raspberry Pi 4: the root port (a bridge, bound by pcieport) and the VL805
// behind it on the bus the scan gives the bridge: 0000:01:00.0.
TEST(BoardDeviceNames, PcieRootPortAndVl805OfRpi4) {
  auto b = boot_board("bcm2711-rpi-4-b.dts");
  core::Device* port = b->dev("/scb/pcie@7d500000/pci@0,0");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->name(), "0000:00:00.0");
  EXPECT_EQ(core::dev_driver_string(port), "pcieport");
  core::Device* usb = b->dev("/scb/pcie@7d500000/pci@0,0/usb@0,0");
  ASSERT_NE(usb, nullptr);
  EXPECT_EQ(usb->name(), "0000:01:00.0");
  EXPECT_EQ(usb->parent, port);
}

// Clearfog Pro: the mvebu host emulates one root port per enabled pcie@N,0
// node (pcie@1,0 is disabled), in slot N of bus 0.
TEST(BoardDeviceNames, MvebuRootPortsOfClearfogPro) {
  auto b = boot_board("armada-388-clearfog-pro.dts");
  EXPECT_EQ(b->dev("/soc/pcie/pcie@1,0"), nullptr);
  EXPECT_EQ(name_of(*b, "/soc/pcie/pcie@2,0"), "0000:00:02.0");
  EXPECT_EQ(name_of(*b, "/soc/pcie/pcie@3,0"), "0000:00:03.0");
}

// LX2160A Clearfog CX: the MC's root container dprc.1, below the fsl-mc
// platform device, holds dpmac.1..dpmac.18; a dpmac's node is found the way
// dpaa2_mac_get_node() finds it, and is not its fwnode.
TEST(BoardDeviceNames, DpmacObjectsOfLx2160aClearfogCx) {
  auto b = boot_board("fsl-lx2160a-clearfog-cx.dts");
  core::Device* dpmac3 = core::bus_find_device_by_name(b->boot->buses->fsl_mc, "dpmac.3");
  ASSERT_NE(dpmac3, nullptr);
  EXPECT_EQ(dpmac3->fwnode, nullptr);
  EXPECT_EQ(to_fsl_mc_device(dpmac3)->dt_node, b->node("/soc/fsl-mc@80c000000/dpmacs/ethernet@3"));
  EXPECT_EQ(dpmac3->parent->name(), "dprc.1");
  EXPECT_EQ(core::dev_driver_string(dpmac3->parent), "fsl_mc_dprc");
  EXPECT_EQ(dpmac3->parent->parent->name(), "80c000000.fsl-mc");
  int dpmacs = 0;
  for (core::Device* d : b->boot->buses->fsl_mc->devices)
    dpmacs += to_fsl_mc_device(d)->obj_type == "dpmac";
  EXPECT_EQ(dpmacs, 18);
  // Three SoC controllers (no alias) are i2c-0..2, then the PCA9547's eight
  // channels: i2c-3..i2c-10.
  EXPECT_EQ(of_find_i2c_adapter_by_node(b->node("/soc/i2c@2040000"))->name(), "i2c-2");
  EXPECT_EQ(sfp_bus(*b, "/sfp-0"), "i2c-7");
}

// i.MX8MP EVK: "i2cN" aliases number the adapters; clients are
// "<nr>-<addr %04x>".
TEST(BoardDeviceNames, AliasedI2cAdaptersOfImx8mpEvk) {
  auto b = boot_board("imx8mp-evk.dts");
  EXPECT_EQ(name_of(*b, "/soc@0/bus@30800000/i2c@30a20000/pmic@25"), "0-0025");
  EXPECT_EQ(name_of(*b, "/soc@0/bus@30800000/i2c@30a40000/gpio@20"), "2-0020");
  EXPECT_EQ(of_find_i2c_adapter_by_node(b->node("/soc@0/bus@30800000/i2c@30a40000"))->name(),
            "i2c-2");
  EXPECT_EQ(name_of(*b, "/soc@0/bus@30800000/spi@30bb0000/flash@0"), "spi0.0");
}

}  // namespace
}  // namespace lifeline::dt
