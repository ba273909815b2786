// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/providers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/test_boards.h"

namespace lifeline::dt {
namespace {

using core::FwNode;
using core::FwTree;
using testing::board;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

std::vector<ProviderKind> kinds(const FwTree& t, const std::string& path) {
  const FwNode* n = t.find_by_path(path);
  EXPECT_NE(n, nullptr) << path;
  return n ? provider_kinds(*n) : std::vector<ProviderKind>{};
}

TEST(Providers, Rpi4) {
  const FwTree& t = board("bcm2711-rpi-4-b.dts");
  EXPECT_THAT(kinds(t, "/soc/gpio@7e200000"),
              ElementsAre(ProviderKind::kGpioController, ProviderKind::kPinController,
                          ProviderKind::kInterruptController));
  EXPECT_THAT(kinds(t, "/soc/cprman@7e101000"), ElementsAre(ProviderKind::kClock));
  EXPECT_THAT(kinds(t, "/regulator-sd-vcc"), ElementsAre(ProviderKind::kRegulator));
  EXPECT_THAT(kinds(t, "/soc/i2c@7e205000"), Contains(ProviderKind::kI2cController));
  EXPECT_THAT(kinds(t, "/soc/firmware/reset"), ElementsAre(ProviderKind::kReset));
  EXPECT_THAT(kinds(t, "/soc/interrupt-controller@40041000"),
              ElementsAre(ProviderKind::kInterruptController));
  EXPECT_TRUE(is_generic_provider(*t.find_by_path("/soc/gpio@7e200000")));
  // Network nodes are the network model's, whatever else they provide.
  EXPECT_FALSE(is_generic_provider(*t.find_by_path("/scb/ethernet@7d580000")));
  EXPECT_FALSE(is_generic_provider(*t.find_by_path("/scb/ethernet@7d580000/mdio@e14")));
  EXPECT_THAT(kinds(t, "/scb/ethernet@7d580000"), IsEmpty());
}

TEST(Providers, PinControllersAndNvmemFromTheirConsumers) {
  const FwTree& imx = board("imx8mp-evk.dts");
  // fsl,imx8mp-iomuxc: found because enabled devices use its pin states.
  EXPECT_THAT(kinds(imx, "/soc@0/bus@30000000/pinctrl@30330000"),
              ElementsAre(ProviderKind::kPinController));
  // The OCOTP: cpu@0 reads its speed-grade cell.
  EXPECT_THAT(kinds(imx, "/soc@0/bus@30000000/efuse@30350000"), Contains(ProviderKind::kNvmem));
  const FwTree& stm = board("stm32mp151a-prtt1c.dts");
  EXPECT_THAT(kinds(stm, "/soc/pinctrl@50002000"), Contains(ProviderKind::kPinController));
  // A PSE controller with a "-regulator" compatible is no regulator, and
  // belongs to the network model.
  EXPECT_THAT(kinds(stm, "/ethernet-pse-1"), Not(Contains(ProviderKind::kRegulator)));
  EXPECT_FALSE(is_generic_provider(*stm.find_by_path("/ethernet-pse-1")));
  EXPECT_TRUE(is_generic_provider(*stm.find_by_path("/regulator-pse-t1l1")));
}

TEST(Providers, DsaSwitchThatIsAlsoAnInterruptController) {
  const FwTree& t = board("mt7986a-bananapi-bpi-r3.dts");
  const FwNode* sw = t.find_by_path("/soc/ethernet@15100000/mdio-bus/switch@31");
  ASSERT_NE(sw, nullptr);
  EXPECT_THAT(provider_kinds(*sw), Contains(ProviderKind::kInterruptController));
  EXPECT_FALSE(is_generic_provider(*sw));
}

TEST(Providers, NamesAndCompatiblesThatLookAlike) {
  FwTree t;
  FwNode* root = t.add_node(nullptr, "");
  FwNode* spi = t.add_node(root, "spi@1000");
  FwNode* flash = t.add_node(spi, "flash@0");
  FwTree::set_string(flash, "compatible", "jedec,spi-nor");
  FwTree::set_u32s(flash, "#address-cells", {1});
  FwTree::set_u32s(flash, "#size-cells", {1});
  FwNode* mux = t.add_node(root, "i2cmux");
  FwTree::set_string(mux, "compatible", "i2c-mux-pinctrl");
  FwTree::set_u32s(mux, "#address-cells", {1});
  FwTree::set_u32s(mux, "#size-cells", {0});
  FwNode* pcs = t.add_node(root, "pinctrl-single@0");
  FwTree::set_string(pcs, "compatible", "pinctrl-single");
  FwNode* sys = t.add_node(root, "syscon@2000");
  FwTree::set_strings(sys, "compatible", {"vendor,misc", "syscon", "simple-mfd"});
  FwNode* disabled = t.add_node(root, "clock");
  FwTree::set_u32s(disabled, "#clock-cells", {0});
  FwTree::set_string(disabled, "status", "disabled");
  add_fw_devlink_links(t);
  EXPECT_THAT(provider_kinds(*spi), ElementsAre(ProviderKind::kSpiController));
  EXPECT_THAT(provider_kinds(*flash), IsEmpty());
  EXPECT_THAT(provider_kinds(*mux), ElementsAre(ProviderKind::kI2cController));
  EXPECT_THAT(provider_kinds(*pcs), ElementsAre(ProviderKind::kPinController));
  EXPECT_THAT(provider_kinds(*sys), ElementsAre(ProviderKind::kSyscon));
  EXPECT_THAT(provider_kinds(*disabled), ElementsAre(ProviderKind::kClock));
  EXPECT_FALSE(is_generic_provider(*disabled));
  EXPECT_EQ(provider_kind_name(ProviderKind::kGenericPhy), "generic-phy");
}

}  // namespace
}  // namespace lifeline::dt
