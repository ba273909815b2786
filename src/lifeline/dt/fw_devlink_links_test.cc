// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/fw_devlink_links.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/dt/test_boards.h"

namespace lifeline::dt {
namespace {

using core::FwLink;
using core::FwNode;
using core::FwTree;
using testing::board;

const FwLink* link_between(const FwNode* consumer, const FwNode* supplier) {
  if (!consumer || !supplier) return nullptr;
  for (const FwLink* l : consumer->suppliers)
    if (l->supplier == supplier) return l;
  return nullptr;
}

std::vector<std::string> supplier_paths(const FwNode* consumer) {
  std::vector<std::string> out;
  for (const FwLink* l : consumer->suppliers) out.push_back(l->supplier->full_path);
  return out;
}

// --- real boards ---------------------------------------------------------

TEST(FwDevlinkBoards, PrtT1cPhysConsumeTheirPseControllers) {
  const FwTree& t = board("stm32mp151a-prtt1c.dts");
  int with_pses = 0;
  for (const auto& n : t.nodes()) {
    if (!n->has_property("pses")) continue;
    ++with_pses;
    FwNode* pse = core::parse_phandle(n.get(), "pses");
    ASSERT_NE(pse, nullptr);
    EXPECT_TRUE(pse->has_property("#pse-cells"));
    const FwLink* l = link_between(n.get(), pse);
    ASSERT_NE(l, nullptr) << n->full_path << " is no consumer of " << pse->full_path;
    EXPECT_EQ(l->property, "pses");
    EXPECT_EQ(l->flags, 0);
    EXPECT_THAT(pse->consumers, ::testing::Contains(l));
  }
  EXPECT_EQ(with_pses, 2);
  EXPECT_NE(link_between(t.find_by_path("/mdio/ethernet-phy@7"), t.find_by_path("/ethernet-pse-1")),
            nullptr);
  EXPECT_NE(
      link_between(t.find_by_path("/mdio/ethernet-phy@10"), t.find_by_path("/ethernet-pse-2")),
      nullptr);
  // And the PSE controllers in turn consume their regulators (pse-supply),
  // which consume a GPIO controller through the legacy "gpio" property.
  const FwLink* supply =
      link_between(t.find_by_path("/ethernet-pse-1"), t.find_by_path("/regulator-pse-t1l1"));
  ASSERT_NE(supply, nullptr);
  EXPECT_EQ(supply->property, "pse-supply");
  const FwLink* gpio = link_between(t.find_by_path("/regulator-pse-t1l1"),
                                    t.find_by_path("/soc/pinctrl@50002000/gpio@50008000"));
  ASSERT_NE(gpio, nullptr);
  EXPECT_EQ(gpio->property, "gpio");
}

TEST(FwDevlinkBoards, ClocksSuppliesGpiosAndInterrupts) {
  const FwTree& t = board("stm32mp151a-prtt1c.dts");
  const FwNode* rcc = t.find_by_path("/soc/rcc@50000000");
  const FwNode* gic = t.find_by_path("/interrupt-controller@a0021000");
  const FwNode* eth = t.find_by_path("/soc/bus@5c007000/ethernet@5800a000");
  ASSERT_NE(link_between(eth, rcc), nullptr);
  EXPECT_EQ(link_between(eth, rcc)->property, "clocks");
  // The dwmac's interrupts-extended name the GIC directly.
  ASSERT_NE(link_between(eth, gic), nullptr);
  EXPECT_EQ(link_between(eth, gic)->property, "interrupts-extended");
  // "interrupts" reaches the GIC through the inherited interrupt-parent.
  const FwLink* pmu = link_between(t.find_by_path("/arm-pmu"), gic);
  ASSERT_NE(pmu, nullptr);
  EXPECT_EQ(pmu->property, "interrupts");
  // *-supply
  const FwLink* vmmc =
      link_between(t.find_by_path("/soc/mmc@58005000"), t.find_by_path("/regulator-3v3"));
  ASSERT_NE(vmmc, nullptr);
  EXPECT_EQ(vmmc->property, "vmmc-supply");
  // *-gpios: the SJA1105's reset line.
  const FwLink* reset = link_between(t.find_by_path("/soc/bus@5c007000/spi@44004000/switch@0"),
                                     t.find_by_path("/soc/pinctrl@50002000/gpio@50006000"));
  ASSERT_NE(reset, nullptr);
  EXPECT_EQ(reset->property, "reset-gpios");

  // rpi4: the GENET's interrupts go to the GIC-400 under /soc, the SD card's
  // vmmc-supply to a GPIO regulator.
  const FwTree& rpi = board("bcm2711-rpi-4-b.dts");
  EXPECT_NE(link_between(rpi.find_by_path("/scb/ethernet@7d580000"),
                         rpi.find_by_path("/soc/interrupt-controller@40041000")),
            nullptr);
  EXPECT_NE(link_between(rpi.find_by_path("/emmc2bus/mmc@7e340000"),
                         rpi.find_by_path("/regulator-sd-vcc")),
            nullptr);
}

TEST(FwDevlinkBoards, PinctrlLinksGoToTheStateNode) {
  // v6.12 links to the node the phandle names; moving the link to the pin
  // controller's device is the driver core's business at bind time.
  const FwTree& t = board("bcm2711-rpi-4-b.dts");
  const FwNode* state = core::parse_phandle(t.find_by_path("/soc/serial@7e201000"), "pinctrl-0");
  ASSERT_NE(state, nullptr);
  const FwLink* l = link_between(t.find_by_path("/soc/serial@7e201000"), state);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->property, "pinctrl-0");
  EXPECT_EQ(state->parent, t.find_by_path("/soc/gpio@7e200000"));
}

TEST(FwDevlinkBoards, NetworkHandlesMakeNoLinks) {
  for (const char* file : testing::kBoards) {
    const FwTree& t = board(file);
    for (const auto& l : t.links()) {
      EXPECT_NE(l->property, "phy-handle") << file;
      EXPECT_NE(l->property, "phy") << file;
      EXPECT_NE(l->property, "sfp") << file;
      EXPECT_NE(l->property, "pcs-handle") << file;
      EXPECT_NE(l->property, "ethernet") << file;
      EXPECT_TRUE(l->consumer->is_enabled()) << file << ": " << l->consumer->full_path;
    }
  }
  // Specifically: the GENET and its PHY, an SFP cage on a PHY, a PCS.
  const FwTree& rpi = board("bcm2711-rpi-4-b.dts");
  EXPECT_EQ(link_between(rpi.find_by_path("/scb/ethernet@7d580000"), rpi.find_by_label("phy1")),
            nullptr);
  const FwTree& mcbin = board("armada-8040-mcbin.dts");
  const FwNode* phy0 = mcbin.find_by_label("phy0");
  ASSERT_TRUE(phy0->has_property("sfp"));
  EXPECT_EQ(link_between(phy0, core::parse_phandle(phy0, "sfp")), nullptr);
  const FwTree& lx = board("fsl-lx2160a-clearfog-cx.dts");
  const FwNode* dpmac7 = lx.find_by_label("dpmac7");
  ASSERT_NE(dpmac7, nullptr);
  ASSERT_NE(core::parse_phandle(dpmac7, "pcs-handle"), nullptr);
  EXPECT_EQ(link_between(dpmac7, core::parse_phandle(dpmac7, "pcs-handle")), nullptr);
}

TEST(FwDevlinkBoards, EveryEnabledNodeIsParsedOnce) {
  const FwTree& t = board("imx8mp-evk.dts");
  for (const auto& n : t.nodes()) {
    bool parsed = n->flags & core::FWNODE_FLAG_LINKS_ADDED;
    EXPECT_EQ(parsed, n.get() != t.root() && n->is_enabled()) << n->full_path;
  }
}

// --- rules, on trees built in code -----------------------------------------

class LinkRules : public ::testing::Test {
 protected:
  FwTree t;
  FwNode* root = t.add_node(nullptr, "");
  FwNode* gic = nullptr;

  void SetUp() override {
    gic = t.add_node(root, "interrupt-controller@1000");
    FwTree::set_property(gic, "interrupt-controller", {});
    FwTree::set_u32s(gic, "#interrupt-cells", {3});
    FwTree::set_u32s(root, "interrupt-parent", {t.phandle_of(gic)});
  }
  FwNode* node(FwNode* parent, const std::string& name) { return t.add_node(parent, name); }
  FwNode* provider(const std::string& name, const char* cells_prop, uint32_t cells) {
    FwNode* n = node(root, name);
    if (cells_prop) FwTree::set_u32s(n, cells_prop, {cells});
    return n;
  }
  void phandles(FwNode* n, const std::string& prop, std::vector<uint32_t> cells) {
    FwTree::set_u32s(n, prop, cells);
  }
};

TEST_F(LinkRules, DisabledSuppliersAndConsumers) {
  FwNode* clk_on = provider("clk-on", "#clock-cells", 0);
  FwNode* clk_off = provider("clk-off", "#clock-cells", 0);
  FwTree::set_string(clk_off, "status", "disabled");
  FwNode* bus_off = node(root, "bus");
  FwTree::set_string(bus_off, "status", "disabled");
  FwNode* clk_in_off_bus = node(bus_off, "clk");
  FwTree::set_u32s(clk_in_off_bus, "#clock-cells", {0});
  FwNode* dev = node(root, "dev");
  phandles(dev, "clocks",
           {t.phandle_of(clk_on), t.phandle_of(clk_off), t.phandle_of(clk_in_off_bus)});
  FwNode* dev_off = node(root, "dev-off");
  FwTree::set_string(dev_off, "status", "disabled");
  phandles(dev_off, "clocks", {t.phandle_of(clk_on)});
  add_fw_devlink_links(t);
  EXPECT_THAT(supplier_paths(dev), ::testing::ElementsAre("/clk-on"));
  EXPECT_TRUE(dev_off->suppliers.empty());
  EXPECT_FALSE(dev_off->flags & core::FWNODE_FLAG_LINKS_ADDED);
}

TEST_F(LinkRules, CellCountsDecideWhereTheNextPhandleIs) {
  FwNode* clk2 = provider("clk2", "#clock-cells", 2);
  FwNode* clk0 = provider("clk0", nullptr, 0);  // no #clock-cells: 0 arguments
  FwNode* dev = node(root, "dev");
  phandles(dev, "clocks", {t.phandle_of(clk2), 7, 8, t.phandle_of(clk0)});
  add_fw_devlink_links(t);
  EXPECT_THAT(supplier_paths(dev), ::testing::ElementsAre("/clk2", "/clk0"));
}

TEST_F(LinkRules, GpioRules) {
  FwNode* gpio = provider("gpio", "#gpio-cells", 2);
  FwTree::set_property(gpio, "gpio-controller", {});
  FwNode* nocells = provider("gpio-nocells", nullptr, 0);
  uint32_t g = t.phandle_of(gpio);
  FwNode* a = node(root, "a");
  phandles(a, "reset-gpios", {g, 3, 0});
  FwNode* b = node(root, "b");
  phandles(b, "enable-gpio", {g, 4, 0});
  FwNode* c = node(root, "c");
  phandles(c, "gpios", {g, 5, 0});
  FwNode* d = node(root, "d");
  phandles(d, "snps,nr-gpios", {g});  // a count that happens to equal a phandle
  FwNode* hog = node(gpio, "hog");
  FwTree::set_property(hog, "gpio-hog", {});
  phandles(hog, "gpios", {g, 0});
  FwNode* e = node(root, "e");
  phandles(e, "power-gpios", {t.phandle_of(nocells), 1, 0});  // target lacks #gpio-cells
  add_fw_devlink_links(t);
  ASSERT_EQ(a->suppliers.size(), 1u);
  EXPECT_EQ(a->suppliers[0]->property, "reset-gpios");
  ASSERT_EQ(b->suppliers.size(), 1u);
  EXPECT_EQ(b->suppliers[0]->property, "enable-gpio");
  ASSERT_EQ(c->suppliers.size(), 1u);
  EXPECT_EQ(c->suppliers[0]->supplier, gpio);
  EXPECT_TRUE(d->suppliers.empty());
  EXPECT_TRUE(hog->suppliers.empty());
  EXPECT_TRUE(e->suppliers.empty());
}

TEST_F(LinkRules, OptionalBindingsOnlyWhenStrict) {
  FwNode* dma = provider("dma", "#dma-cells", 1);
  FwNode* iommu = provider("iommu", "#iommu-cells", 1);
  FwNode* dev = node(root, "dev");
  phandles(dev, "dmas", {t.phandle_of(dma), 1});
  phandles(dev, "iommus", {t.phandle_of(iommu), 2});
  add_fw_devlink_links(t);
  EXPECT_TRUE(dev->suppliers.empty());

  FwTree t2;
  FwNode* r2 = t2.add_node(nullptr, "");
  FwNode* dma2 = t2.add_node(r2, "dma");
  FwTree::set_u32s(dma2, "#dma-cells", {1});
  FwNode* dev2 = t2.add_node(r2, "dev");
  FwTree::set_u32s(dev2, "dmas", {t2.phandle_of(dma2), 1});
  add_fw_devlink_links(t2, FwDevlinkOptions{.strict = true});
  EXPECT_THAT(supplier_paths(dev2), ::testing::ElementsAre("/dma"));
}

TEST_F(LinkRules, PostInitProvidersAreIgnoredLinks) {
  FwNode* p = provider("late", nullptr, 0);
  FwNode* dev = node(root, "dev");
  phandles(dev, "post-init-providers", {t.phandle_of(p)});
  add_fw_devlink_links(t);
  ASSERT_EQ(dev->suppliers.size(), 1u);
  EXPECT_EQ(dev->suppliers[0]->flags, core::FWLINK_FLAG_IGNORE);
}

TEST_F(LinkRules, InterruptsFollowParentsAndMaps) {
  // A secondary controller whose own interrupt goes to the GIC.
  FwNode* intc2 = node(root, "intc2");
  FwTree::set_property(intc2, "interrupt-controller", {});
  FwTree::set_u32s(intc2, "#interrupt-cells", {2});
  FwTree::set_u32s(intc2, "interrupts", {0, 5, 4});
  // A bus inheriting interrupt-parent = intc2 for its children.
  FwNode* bus = node(root, "bus");
  FwTree::set_u32s(bus, "interrupt-parent", {t.phandle_of(intc2)});
  FwNode* dev = node(bus, "dev");
  FwTree::set_u32s(dev, "interrupts", {1, 2, 3, 4});  // two 2-cell specifiers
  // A nexus that maps its child's interrupt 0 to intc2 and 1 to the GIC.
  FwNode* nexus = node(root, "nexus");
  FwTree::set_u32s(nexus, "#interrupt-cells", {1});
  FwTree::set_u32s(nexus, "#address-cells", {0});
  FwTree::set_u32s(nexus, "interrupt-map",
                   {0, t.phandle_of(intc2), 9, 4,  //
                    1, t.phandle_of(gic), 0, 77, 4});
  FwTree::set_u32s(nexus, "interrupt-map-mask", {0xff});
  FwNode* leaf = node(nexus, "leaf");
  FwTree::set_u32s(leaf, "interrupts", {1});
  add_fw_devlink_links(t);
  EXPECT_THAT(supplier_paths(intc2), ::testing::ElementsAre("/interrupt-controller@1000"));
  EXPECT_THAT(supplier_paths(dev), ::testing::ElementsAre("/intc2"));
  EXPECT_THAT(supplier_paths(nexus),
              ::testing::ElementsAre("/intc2", "/interrupt-controller@1000"));
  EXPECT_EQ(nexus->suppliers[0]->property, "interrupt-map");
  EXPECT_THAT(supplier_paths(leaf), ::testing::ElementsAre("/interrupt-controller@1000"));
}

TEST_F(LinkRules, ControllerWhoseParentIsItselfLinksToItself) {
  // Like a GIC's maintenance interrupt: the root's interrupt-parent is the
  // GIC, so the GIC's own "interrupts" resolve to the GIC.
  FwTree::set_u32s(gic, "interrupts", {1, 9, 4});
  add_fw_devlink_links(t);
  EXPECT_THAT(supplier_paths(gic), ::testing::ElementsAre("/interrupt-controller@1000"));
}

TEST_F(LinkRules, RemoteEndpointLinksTheDevicesAroundThePorts) {
  FwNode* panel = node(root, "panel");
  FwNode* pport = node(panel, "port");
  FwNode* pep = node(pport, "endpoint");
  FwNode* dsi = node(root, "dsi");
  FwNode* ports = node(dsi, "ports");
  FwNode* port1 = node(ports, "port@1");
  FwNode* dep = node(port1, "endpoint");
  FwTree::set_u32s(pep, "remote-endpoint", {t.phandle_of(dep)});
  FwTree::set_u32s(dep, "remote-endpoint", {t.phandle_of(pep)});
  add_fw_devlink_links(t);
  const FwLink* a = link_between(panel, dsi);
  const FwLink* b = link_between(dsi, panel);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);  // a cycle; fw_devlink relaxes it later
  EXPECT_EQ(a->property, "remote-endpoint");
  EXPECT_TRUE(pep->suppliers.empty());
}

TEST_F(LinkRules, NetworkPropertiesAndParsingTwice) {
  FwNode* phy = node(root, "ethernet-phy@1");
  FwNode* sfp = node(root, "sfp");
  FwNode* pcs = node(root, "pcs");
  FwNode* pse = provider("pse", "#pse-cells", 0);
  FwNode* mac = node(root, "ethernet@2000");
  t.set_phandles(mac, "phy-handle", {phy});
  t.set_phandles(mac, "sfp", {sfp});
  t.set_phandles(mac, "pcs-handle", {pcs});
  t.set_phandles(phy, "pses", {pse});
  add_fw_devlink_links(t);
  add_fw_devlink_links(t);  // FWNODE_FLAG_LINKS_ADDED: nothing twice
  EXPECT_TRUE(mac->suppliers.empty());
  EXPECT_THAT(supplier_paths(phy), ::testing::ElementsAre("/pse"));
  EXPECT_EQ(t.links().size(), 1u);
}

}  // namespace
}  // namespace lifeline::dt
