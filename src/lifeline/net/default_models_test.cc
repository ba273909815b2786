// SPDX-License-Identifier: GPL-2.0-only
// The defaults net/system.cc applies to nodes no catalog entry knows: an
// MDIO controller registers its PHY children through of_mdiobus_register()
// (and says so), and a MAC with "ethernet-ports" is one device with a
// netdev per enabled port (switchdev shape), named eth%d (and says so).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/test_boards.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/system.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/task.h"

namespace lifeline::net {
namespace {

// Boots `board` after `edit` changed its tree, lets it settle, then runs
// `check` in the same task, while the model is alive.
void boot_board(const std::string& board, const std::function<void(core::FwTree&)>& edit,
                const std::function<void(System*)>& check) {
  std::unique_ptr<core::FwTree> tree = dt::testing::fresh_board(board + ".dts");
  if (edit) edit(*tree);
  sim::Engine engine;
  engine.spawn(
      "init",
      [&] {
        SystemOptions o;
        o.board = board;
        System* sys = system_create(*tree, o);
        system_boot(sys);
        sim::msleep(20000);
        check(sys);
      },
      /*essential=*/true);
  engine.run();
  engine.reset();
}

void set_compatible(core::FwTree& tree, const char* path, const char* compatible) {
  core::FwNode* n = tree.find_by_path(path);
  ASSERT_NE(n, nullptr) << path;
  core::FwTree::set_strings(n, "compatible", {compatible});
}

constexpr const char* kOmniaMdio = "/soc/internal-regs/mdio@72004";

// The Turris Omnia's orion-mdio under a compatible the catalog does not
// have: the default registers its bus through of_mdiobus_register(), so
// its PHY child becomes a PHY device bound to its driver, and the switch
// child an MDIO device its driver binds, as under the real orion-mdio.
// The bus id is the device's name.
TEST(DefaultModels, UnknownMdioControllerRegistersItsPhyChildren) {
  bool ran = false;
  boot_board(
      "armada-385-turris-omnia",
      [](core::FwTree& tree) { set_compatible(tree, kOmniaMdio, "acme,mdio9000"); },
      [&](System* sys) {
        ran = true;
        ASSERT_EQ(sys->default_mdios.size(), 1u);
        EXPECT_NE(sys->default_mdios.front().find("acme,mdio9000"), std::string::npos);
        core::FwNode* mdio = sys->tree->find_by_path(kOmniaMdio);
        ASSERT_NE(mdio->dev, nullptr);
        ASSERT_NE(mdio->dev->driver.get(), nullptr);
        EXPECT_EQ(mdio->dev->driver->name(), "mdio9000");
        core::FwNode* phy = sys->tree->find_by_path(std::string(kOmniaMdio) + "/ethernet-phy@1");
        ASSERT_NE(phy, nullptr);
        ASSERT_NE(phy->dev, nullptr) << "no PHY device for the controller's PHY child";
        EXPECT_EQ(phy->dev->name(), "f1072004.mdio:01");
        ASSERT_NE(phy->dev->driver.get(), nullptr);
        EXPECT_EQ(phy->dev->driver->name(), "Marvell 88E1510");
        // The switch on that bus probes and makes its user ports.
        ASSERT_EQ(dsa_switches().size(), 1u);
        EXPECT_EQ(dsa_switches().front()->dev->name(), "f1072004.mdio:10");
        EXPECT_NE(dev_get_by_name("lan0"), nullptr);
      });
  EXPECT_TRUE(ran);
}

// Without the default (the catalog's orion-mdio), the names are the
// driver's own ("%s-mii"): the test above fails if the default takes a
// known controller.
TEST(DefaultModels, KnownMdioControllerIsNoDefault) {
  bool ran = false;
  boot_board("armada-385-turris-omnia", {}, [&](System* sys) {
    ran = true;
    EXPECT_TRUE(sys->default_mdios.empty());
    core::FwNode* phy = sys->tree->find_by_path(std::string(kOmniaMdio) + "/ethernet-phy@1");
    ASSERT_NE(phy->dev, nullptr);
    EXPECT_EQ(phy->dev->name(), "f1072004.mdio-mii:01");
  });
  EXPECT_TRUE(ran);
}

constexpr const char* kCpsw = "/bus@f4000/ethernet@8000000";

// The AM642 EVM's CPSW3G under a compatible the catalog does not have: a
// node with "ethernet-ports" is one device with a netdev per enabled port
// (no CPU port: not DSA), named eth%d as am65-cpsw-nuss names its ports,
// and the default is recorded for boot's DEFAULT MODELS section.
TEST(DefaultModels, UnknownMultiPortMacGetsANetdevPerPort) {
  bool ran = false;
  boot_board(
      "k3-am642-evm", [](core::FwTree& tree) { set_compatible(tree, kCpsw, "acme,switchdev9000"); },
      [&](System* sys) {
        ran = true;
        core::FwNode* mac = sys->tree->find_by_path(kCpsw);
        ASSERT_NE(mac, nullptr);
        ASSERT_NE(mac->dev, nullptr);
        int ports = 0;
        for (NetDevice* nd : Net::current().netdevs)
          if (nd->reg_state == NetregState::NETREG_REGISTERED && nd->parent == mac->dev) {
            ++ports;
            EXPECT_EQ(nd->name().rfind("eth", 0), 0u) << nd->name();
            ASSERT_NE(nd->of_node, nullptr);
            EXPECT_EQ(nd->of_node->parent->base_name(), "ethernet-ports");
          }
        EXPECT_EQ(ports, 2);
        ASSERT_EQ(sys->default_switchdevs.size(), 1u);
        EXPECT_NE(sys->default_switchdevs.front().find("acme,switchdev9000"), std::string::npos);
      });
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace lifeline::net
