// SPDX-License-Identifier: GPL-2.0-only
// The buses' match functions, one rule at a time.
#include "lifeline/dt/buses.h"

#include <gtest/gtest.h>

#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/dt/bus_devices.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;

class BusesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine.reset();
    core::kernel_create({});
    root = tree.add_node(nullptr, "");
    node = tree.add_node(root, "dev@0");
    FwTree::set_strings(node, "compatible", {"acme,chip-v2", "acme,chip"});
    engine.spawn("init", [this] { buses = register_dt_buses(); });
    engine.run();
  }
  template <class T>
  T* device(core::Bus* bus, FwNode* fw = nullptr) {
    T* d = alloc_dt_device<T>();
    d->bus = bus;
    d->fwnode = fw;
    return d;
  }
  DtDriver* driver(core::Bus* bus, const std::string& name) {
    DtDriver* drv = sim::kzalloc<DtDriver>(name);
    drv->bus = bus;
    return drv;
  }
  int match(core::Device* dev, core::Driver* drv) { return drv->bus->match(dev, drv); }

  FwTree tree;  // outlives the engine's objects
  sim::Engine engine;
  FwNode* root = nullptr;
  FwNode* node = nullptr;
  DtBuses* buses = nullptr;
};

TEST_F(BusesTest, PlatformOverrideThenOfThenIdThenName) {
  PlatformDevice* dev = device<PlatformDevice>(buses->platform, node);
  dev->modalias = "0.dev";
  DtDriver* of = driver(buses->platform, "chip");
  of->of_match_table = {"acme,chip"};  // a fallback compatible matches (OF)
  DtDriver* id = driver(buses->platform, "other");
  id->id_names = {"0.dev"};
  DtDriver* by_name = driver(buses->platform, "0.dev");
  DtDriver* none = driver(buses->platform, "none");
  EXPECT_EQ(match(dev, of), 1);
  EXPECT_EQ(match(dev, id), 1);
  EXPECT_EQ(match(dev, by_name), 1);
  EXPECT_EQ(match(dev, none), 0);
  dev->driver_override = "none";
  EXPECT_EQ(match(dev, of), 0);
  EXPECT_EQ(match(dev, none), 1);
  // A plain core::Device on the platform bus matches by its name.
  core::Device* plain = sim::kzalloc<core::Device>();
  plain->set_name("none");
  EXPECT_EQ(match(plain, none), 1);
}

TEST_F(BusesTest, AcceptRestrictsAnyMatch) {
  PlatformDevice* dev = device<PlatformDevice>(buses->platform, node);
  DtDriver* drv = driver(buses->platform, "chip");
  drv->of_match_table = {"acme,chip"};
  drv->accept = [](const core::Device* d) {
    return d->fwnode->read_string("compatible") == "acme,chip";
  };
  EXPECT_EQ(match(dev, drv), 0);
}

TEST_F(BusesTest, I2cMatchesClientsOnly) {
  I2cAdapter* adap = device<I2cAdapter>(buses->i2c, node);
  I2cClient* client = device<I2cClient>(buses->i2c, node);
  client->modalias = "chip-v2";
  DtDriver* of = driver(buses->i2c, "x");
  of->of_match_table = {"acme,chip-v2"};
  DtDriver* id = driver(buses->i2c, "y");
  id->id_names = {"chip-v2"};
  EXPECT_EQ(match(adap, of), 0);
  EXPECT_EQ(match(client, of), 1);
  EXPECT_EQ(match(client, id), 1);
  // i2c has no driver_override.
  client->driver_override = "z";
  EXPECT_EQ(match(client, of), 1);
}

TEST_F(BusesTest, SpiFallsBackToTheModalias) {
  SpiDevice* spi = device<SpiDevice>(buses->spi);
  spi->modalias = "ksz9477";
  EXPECT_EQ(match(spi, driver(buses->spi, "ksz9477")), 1);
  DtDriver* with_ids = driver(buses->spi, "ksz9477");
  with_ids->id_names = {"ksz8795"};  // an ID table replaces the name match
  EXPECT_EQ(match(spi, with_ids), 0);
}

TEST_F(BusesTest, PciMatchesIdsOnlyOnceAdded) {
  PciDev* pdev = device<PciDev>(buses->pci, node);
  pdev->vendor = 0x1957;
  pdev->device = 0xe100;
  DtDriver* drv = driver(buses->pci, "fsl_enetc");
  drv->pci_ids = {PciDeviceId{0x1957, 0xe100, 0, 0}};
  drv->of_match_table = {"acme,chip"};  // never used on this bus
  DtDriver* other = driver(buses->pci, "other");
  other->pci_ids = {PciDeviceId{0x1957, 0xee01, 0, 0}};
  EXPECT_EQ(match(pdev, drv), 0);  // match_driver not set yet
  pdev->match_driver = true;
  EXPECT_EQ(match(pdev, drv), 1);
  EXPECT_EQ(match(pdev, other), 0);
  pdev->driver_override = "other";
  EXPECT_EQ(match(pdev, other), 1);
  EXPECT_EQ(match(pdev, drv), 0);
  // pcieport binds bridges by class.
  PciDev* bridge = device<PciDev>(buses->pci);
  bridge->match_driver = true;
  bridge->class_code = PCI_CLASS_BRIDGE_PCI_NORMAL;
  EXPECT_EQ(match(bridge, buses->pcieport), 1);
  EXPECT_EQ(match(pdev, buses->pcieport), 0);
}

TEST_F(BusesTest, FslMcMatchesObjectTypesAndDpmacNodes) {
  FslMcDevice* dprc = device<FslMcDevice>(buses->fsl_mc);
  dprc->obj_type = "dprc";
  FslMcDevice* dpmac = device<FslMcDevice>(buses->fsl_mc);
  dpmac->obj_type = "dpmac";
  dpmac->dt_node = node;
  EXPECT_EQ(match(dprc, buses->fsl_mc_dprc), 1);
  EXPECT_EQ(match(dpmac, buses->fsl_mc_dprc), 0);
  DtDriver* by_node = driver(buses->fsl_mc, "net");
  by_node->of_match_table = {"acme,chip"};
  EXPECT_EQ(match(dpmac, by_node), 1);
  EXPECT_EQ(match(dprc, by_node), 0);
}

TEST(PciIds, FromCompatibleElseFromTheCallersTable) {
  FwTree t;
  FwNode* root = t.add_node(nullptr, "");
  FwNode* enetc = t.add_node(root, "ethernet@0,0");
  FwTree::set_strings(enetc, "compatible", {"pci1957,e100", "fsl,enetc"});
  FwNode* felix = t.add_node(root, "ethernet-switch@0,5");
  FwNode* cls = t.add_node(root, "bridge@1,0");
  FwTree::set_string(cls, "compatible", "pciclass,0604");
  PciIdLookup extra = [felix](const FwNode& n) -> std::optional<std::pair<uint16_t, uint16_t>> {
    if (&n == felix) return std::make_pair(0x1957, 0xeef0);
    return std::nullopt;
  };
  EXPECT_EQ(pci_ids_of_node(*enetc, extra), std::make_pair(uint16_t{0x1957}, uint16_t{0xe100}));
  EXPECT_EQ(pci_ids_of_node(*felix, extra), std::make_pair(uint16_t{0x1957}, uint16_t{0xeef0}));
  EXPECT_EQ(pci_ids_of_node(*felix, nullptr), std::nullopt);
  EXPECT_EQ(pci_ids_of_node(*cls, nullptr), std::nullopt);
}

}  // namespace
}  // namespace lifeline::dt
