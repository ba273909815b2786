// SPDX-License-Identifier: GPL-2.0-only
// The DSA core on the ClearFog Pro's 88E6176 (mv88e6xxx): the tree and its
// ports, user netdevs owned by ds->dev and named by label, PHYs attached at
// probe through ds->user_mii_bus, a user port whose setup fails set up as
// unused, the switch deferring while its conduit has no netdev, and the
// device link to the conduit's parent.
#include "lifeline/net/dsa/dsa.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/test_boards.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/net/system.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/task.h"

namespace lifeline::net {
namespace {

constexpr const char* kSwitch = "/soc/internal-regs/mdio@72004/ethernet-switch@4";

// Boots the ClearFog Pro (after `edit` changed its tree), lets it settle,
// then runs `check` in the same task, while the model is alive.
void boot_board(const std::string& board, const std::function<void(core::FwTree&)>& edit,
                const std::function<void()>& check) {
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
        check();
      },
      /*essential=*/true);
  engine.run();
  engine.reset();
}

void boot_clearfog(const std::function<void(core::FwTree&)>& edit,
                   const std::function<void()>& check) {
  boot_board("armada-388-clearfog-pro", edit, check);
}

DsaPort* port(DsaSwitch* ds, int index) {
  for (DsaPort* dp : ds->ports)
    if (dp->index == index) return dp;
  return nullptr;
}

TEST(Dsa, ClearfogSwitchPortsAndUserNetdevs) {
  bool ran = false;
  boot_clearfog({}, [&] {
    ran = true;
    ASSERT_EQ(dsa_switches().size(), 1u);
    DsaSwitch* ds = dsa_switches().front();
    EXPECT_EQ(ds->dev->name(), "f1072004.mdio-mii:04");
    ASSERT_EQ(ds->ports.size(), 7u);
    // Port 5 has the "ethernet" phandle: the CPU port, conduit eth1.
    DsaPort* cpu = port(ds, 5);
    ASSERT_NE(cpu, nullptr);
    EXPECT_EQ(cpu->type, DsaPortType::DSA_PORT_TYPE_CPU);
    ASSERT_NE(cpu->conduit, nullptr);
    EXPECT_EQ(cpu->conduit->name(), "eth1");
    EXPECT_EQ(cpu->user, nullptr);  // no netdev for a CPU port
    ASSERT_NE(cpu->pl, nullptr);    // phylink (PHYLINK_DEV) for its fixed link
    EXPECT_EQ(cpu->pl->netdev, nullptr);
    EXPECT_EQ(cpu->pl->dev, ds->dev);
    // Port 4 ("lan1"): a user netdev named by its label, owned by ds->dev,
    // its PHY the internal one at address 4 of ds->user_mii_bus.
    DsaPort* lan1 = port(ds, 4);
    ASSERT_NE(lan1, nullptr);
    EXPECT_EQ(lan1->type, DsaPortType::DSA_PORT_TYPE_USER);
    EXPECT_EQ(lan1->cpu_dp, cpu);
    ASSERT_NE(lan1->user, nullptr);
    EXPECT_EQ(lan1->user->name(), "lan1");
    EXPECT_EQ(lan1->user->parent, ds->dev);
    EXPECT_EQ(lan1->user->of_node, lan1->dn);
    ASSERT_NE(ds->user_mii_bus, nullptr);
    EXPECT_EQ(ds->user_mii_bus->id, "mv88e6xxx-0");
    PhyDevice* phy = lan1->user->phydev.get();
    ASSERT_NE(phy, nullptr);  // attached at probe, before any ifup
    EXPECT_EQ(phy->name(), "mv88e6xxx-0:04");
    EXPECT_EQ(mdiobus_get_phy(ds->user_mii_bus, 4), phy);
    EXPECT_EQ(dsa_user_to_port(lan1->user), lan1);
    EXPECT_EQ(dsa_user_to_port(cpu->conduit), nullptr);
    EXPECT_FALSE(netif_running(lan1->user));
    // Port 6 ("lan6") has a fixed link: a user netdev with no PHY.
    DsaPort* lan6 = port(ds, 6);
    ASSERT_NE(lan6, nullptr);
    ASSERT_NE(lan6->user, nullptr);
    EXPECT_EQ(lan6->user->phydev.get(), nullptr);
    // dsa_conduit_setup(): the switch consumes the conduit's parent.
    bool linked = false;
    for (const core::DeviceLink* l : ds->dev->link_suppliers)
      linked |= l->supplier == cpu->conduit->parent &&
                (l->flags & core::DL_FLAG_AUTOREMOVE_CONSUMER) != 0;
    EXPECT_TRUE(linked);
  });
  EXPECT_TRUE(ran);
}

// NETDEV_GOING_DOWN of the conduit closes the user ports behind it
// (dsa_user_netdevice_event()), before the conduit's own ndo_stop.
TEST(Dsa, ConduitGoingDownClosesItsUserPorts) {
  bool ran = false;
  boot_clearfog({}, [&] {
    ran = true;
    NetDevice* lan1 = dev_get_by_name("lan1");
    NetDevice* eth1 = dev_get_by_name("eth1");
    ASSERT_NE(lan1, nullptr);
    ASSERT_NE(eth1, nullptr);
    rtnl_lock();
    ASSERT_EQ(dev_open(lan1), 0);  // dsa_user_open() opens the conduit first
    EXPECT_TRUE(netif_running(eth1));
    dev_close(eth1);
    EXPECT_FALSE(netif_running(eth1));
    EXPECT_FALSE(netif_running(lan1));
    rtnl_unlock();
  });
  EXPECT_TRUE(ran);
}

TEST(Dsa, UserPortWhosePhyIsMissingIsSetUpAsUnused) {
  bool ran = false;
  boot_clearfog(
      [](core::FwTree& tree) {
        // lan2 (port 3) moved to port 9: no internal PHY answers at address
        // 9, so dsa_user_phy_connect() fails with -ENODEV.
        core::FwNode* n =
            tree.find_by_path(std::string(kSwitch) + "/ethernet-ports/ethernet-port@3");
        ASSERT_NE(n, nullptr);
        core::FwTree::set_u32s(n, "reg", {9});
      },
      [&] {
        ran = true;
        ASSERT_EQ(dsa_switches().size(), 1u);
        DsaSwitch* ds = dsa_switches().front();
        DsaPort* dp = port(ds, 9);
        ASSERT_NE(dp, nullptr);
        EXPECT_EQ(dp->type, DsaPortType::DSA_PORT_TYPE_UNUSED);
        EXPECT_TRUE(dp->lost);
        EXPECT_EQ(dp->user, nullptr);
        EXPECT_EQ(dev_get_by_name("lan2"), nullptr);
        // The other ports are not affected: the error is not fatal.
        EXPECT_NE(dev_get_by_name("lan1"), nullptr);
        EXPECT_TRUE(core::device_is_bound(ds->dev));
      });
  EXPECT_TRUE(ran);
}

TEST(Dsa, SwitchDefersWhileItsConduitHasNoNetdev) {
  bool ran = false;
  boot_clearfog(
      [](core::FwTree& tree) {
        // eth1's MAC disabled: the CPU port's "ethernet" phandle names a node
        // that never gets a netdev.
        core::FwNode* eth1 = tree.find_by_path("/soc/internal-regs/ethernet@30000");
        ASSERT_NE(eth1, nullptr);
        core::FwTree::set_string(eth1, "status", "disabled");
      },
      [&] {
        ran = true;
        EXPECT_TRUE(dsa_switches().empty());
        EXPECT_EQ(dev_get_by_name("lan1"), nullptr);
        core::FwNode* sw = System::current_or_null()->tree->find_by_path(kSwitch);
        ASSERT_NE(sw, nullptr);
        ASSERT_NE(sw->dev, nullptr);
        EXPECT_FALSE(core::device_is_bound(sw->dev));
        EXPECT_GT(sw->dev->probe_attempts, 0);
      });
  EXPECT_TRUE(ran);
}

// ksz9477 has ds->ops->phy_read and, on this board, no "mdio" node: DSA
// makes ds->user_mii_bus itself ("dsa-%d.%d"), and the switch's internal
// PHYs answer there, at the user ports' numbers.
TEST(Dsa, Ksz9477UserPortsFindTheirPhysOnTheBusDsaMade) {
  bool ran = false;
  boot_board("at91-sama5d3_ksz9477_evb", {}, [&] {
    ran = true;
    ASSERT_EQ(dsa_switches().size(), 1u);
    DsaSwitch* ds = dsa_switches().front();
    EXPECT_EQ(ds->dev->name(), "spi1.0");
    ASSERT_NE(ds->user_mii_bus, nullptr);
    EXPECT_TRUE(ds->user_mii_bus_is_dsa);
    EXPECT_EQ(ds->user_mii_bus->id, "dsa-0.0");
    NetDevice* lan1 = dev_get_by_name("lan1");
    ASSERT_NE(lan1, nullptr);
    ASSERT_NE(lan1->phydev.get(), nullptr);
    EXPECT_EQ(lan1->phydev->name(), "dsa-0.0:00");
  });
  EXPECT_TRUE(ran);
}

// A DSA-shaped node whose compatible the catalog does not have gets the
// default switch model: a driver named after the compatible, on the bus
// its node sits on; without an "mdio" child its user ports find no PHY.
TEST(Dsa, UnknownSwitchCompatibleGetsTheDefaultModel) {
  bool ran = false;
  boot_clearfog(
      [](core::FwTree& tree) {
        core::FwNode* n = tree.find_by_path(kSwitch);
        ASSERT_NE(n, nullptr);
        core::FwTree::set_strings(n, "compatible", {"acme,sw9000"});
      },
      [&] {
        ran = true;
        ASSERT_EQ(dsa_switches().size(), 1u);
        DsaSwitch* ds = dsa_switches().front();
        EXPECT_TRUE(ds->default_model);
        ASSERT_NE(ds->dev->driver.get(), nullptr);
        EXPECT_EQ(ds->dev->driver->name(), "sw9000");
        EXPECT_EQ(ds->user_mii_bus, nullptr);
        // lan6 has a fixed link: a netdev; lan1 has no PHY to find: unused.
        EXPECT_NE(dev_get_by_name("lan6"), nullptr);
        EXPECT_EQ(dev_get_by_name("lan1"), nullptr);
        EXPECT_TRUE(port(ds, 4)->lost);
        EXPECT_EQ(port(ds, 5)->type, DsaPortType::DSA_PORT_TYPE_CPU);
      });
  EXPECT_TRUE(ran);
}

// mv88e6xxx registers its interrupt domain on the switch's node in its
// probe, before dsa_register_switch() (mv88e6xxx_g2_irq_setup()), and
// removes it after dsa_unregister_switch(): the node is
// fwnode_dev_initialized() exactly while the switch is bound.
TEST(Dsa, Mv88e6xxxIrqDomainLivesWithTheSwitchDriver) {
  bool ran = false;
  boot_clearfog({}, [&] {
    ran = true;
    core::FwNode* sw = System::current_or_null()->tree->find_by_path(kSwitch);
    ASSERT_NE(sw, nullptr);
    ASSERT_NE(sw->dev, nullptr);
    ASSERT_TRUE(core::device_is_bound(sw->dev));
    EXPECT_TRUE(sw->flags & core::FWNODE_FLAG_INITIALIZED);
    core::device_release_driver(sw->dev);
    EXPECT_FALSE(core::device_is_bound(sw->dev));
    EXPECT_FALSE(sw->flags & core::FWNODE_FLAG_INITIALIZED);
  });
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace lifeline::net
