// SPDX-License-Identifier: GPL-2.0-only
// Snapshots of a real board: what `lifeline boot` and `run` print comes from
// here, so each row is checked against the kernel's view of the ClearFog Pro.
#include "lifeline/check/snapshot.h"

#include <gtest/gtest.h>

#include "lifeline/check/test_boot.h"
#include "lifeline/net/link_mode.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/rtnl.h"

namespace lifeline::check {
namespace {

constexpr char kClearfog[] = "armada-388-clearfog-pro.dts";
constexpr char kPhyPath[] = "/soc/internal-regs/mdio@72004/ethernet-phy@0";

// Cable in, `ip link set eth0 up`, then long enough for autoneg.
void link_up_eth0() {
  net::NetDevice* nd = net::dev_get_by_name("eth0");
  ASSERT_NE(nd, nullptr);
  const core::FwNode* phy_node = nd->of_node->tree->find_by_path(kPhyPath);
  ASSERT_NE(phy_node, nullptr);
  net::Net::current().medium_for(phy_node)->plug(net::copper_modes_up_to(1000), true);
  net::rtnl_lock();
  EXPECT_EQ(net::dev_open(nd), 0);
  net::rtnl_unlock();
  sim::msleep(5000);
}

TEST(Snapshot, AfterBootEveryNetworkDeviceIsThereAndBound) {
  Snapshot s;
  testing::BootedBoard b(kClearfog, [&] { s = take_snapshot(); });
  EXPECT_EQ(s.time, 20 * sim::kSec);

  const DeviceRow* mac = s.device("f1070000.ethernet");
  ASSERT_NE(mac, nullptr);
  EXPECT_EQ(mac->bus, "platform");
  EXPECT_EQ(mac->driver, "mvneta");
  EXPECT_EQ(mac->state, "bound");
  EXPECT_EQ(mac->fwnode, "/soc/internal-regs/ethernet@70000");

  const DeviceRow* phy = s.device("f1072004.mdio-mii:00");
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->bus, "mdio_bus");
  EXPECT_EQ(phy->driver, "Marvell 88E1510");
  EXPECT_EQ(phy->parent, "f1072004.mdio-mii");
  EXPECT_EQ(phy->probe_attempts, 1);

  // Three mvneta ports: eth0 with a PHY (connected at ndo_open), eth1 the
  // fixed-link conduit of the switch's CPU port, eth2 in-band behind the SFP
  // cage; then the switch's six user ports (lan5..lan1, lan6), whose PHYs
  // were attached at the switch's probe.
  ASSERT_EQ(s.netdevs.size(), 9u);
  EXPECT_EQ(s.netdevs[7].name, "lan1");
  EXPECT_EQ(s.netdevs[7].device, "f1072004.mdio-mii:04");
  EXPECT_EQ(s.netdevs[7].phy, "mv88e6xxx-0:04");
  ASSERT_EQ(s.dsa_ports.size(), 7u);
  EXPECT_EQ(s.dsa_ports[5].type, "cpu");
  EXPECT_EQ(s.dsa_ports[5].conduit, "eth1");
  EXPECT_EQ(s.dsa_ports[4].label, "lan1");
  EXPECT_EQ(s.netdevs[0].name, "eth0");
  EXPECT_EQ(s.netdevs[0].device, "f1070000.ethernet");
  EXPECT_EQ(s.netdevs[0].an_mode, "phy");
  EXPECT_EQ(s.netdevs[0].phy, "");  // not attached until ndo_open
  EXPECT_FALSE(s.netdevs[0].admin_up);
  EXPECT_EQ(s.netdevs[1].an_mode, "fixed");
  EXPECT_EQ(s.netdevs[2].an_mode, "inband");
  EXPECT_EQ(s.netdevs[2].sfp, "/sfp");

  ASSERT_NE(s.netdev("eth2"), nullptr);
  EXPECT_EQ(s.netdev("eth9"), nullptr);
  EXPECT_EQ(s.device("no-such-device"), nullptr);
}

TEST(Snapshot, AfterIfupTheNetdevHasItsPhyAndLink) {
  Snapshot s;
  testing::BootedBoard b(kClearfog, [&] {
    link_up_eth0();
    s = take_snapshot();
  });
  const NetdevRow* eth0 = s.netdev("eth0");
  ASSERT_NE(eth0, nullptr);
  EXPECT_TRUE(eth0->admin_up);
  EXPECT_TRUE(eth0->carrier);
  EXPECT_EQ(eth0->operstate, "up");
  EXPECT_EQ(eth0->link, "1000/full");
  EXPECT_EQ(eth0->phy, "f1072004.mdio-mii:00");

  ASSERT_FALSE(s.phys.empty());
  const PhyRow* phy = nullptr;
  for (const PhyRow& p : s.phys)
    if (p.name == "f1072004.mdio-mii:00") phy = &p;
  ASSERT_NE(phy, nullptr);
  EXPECT_EQ(phy->state, "RUNNING");
  EXPECT_EQ(phy->attached_to, "eth0");
  EXPECT_EQ(phy->link, "1000/full");

  // phylib's stateless device link, MAC consumer of the PHY, made at attach.
  bool phylib_link = false;
  for (const LinkRow& l : s.links)
    if (l.consumer == "platform:f1070000.ethernet" && l.supplier == "mdio_bus:f1072004.mdio-mii:00")
      phylib_link = l.flags.find("STATELESS") != std::string::npos;
  EXPECT_TRUE(phylib_link);
}

TEST(Snapshot, TakingOneDoesNotChangeTheModel) {
  Snapshot first, second;
  testing::BootedBoard b(kClearfog, [&] {
    first = take_snapshot();
    second = take_snapshot();
  });
  ASSERT_EQ(first.devices.size(), second.devices.size());
  for (size_t i = 0; i < first.devices.size(); ++i) {
    EXPECT_EQ(first.devices[i].name, second.devices[i].name);
    EXPECT_EQ(first.devices[i].state, second.devices[i].state);
    EXPECT_EQ(first.devices[i].probe_attempts, second.devices[i].probe_attempts);
  }
  EXPECT_EQ(first.links.size(), second.links.size());
}

}  // namespace
}  // namespace lifeline::check
