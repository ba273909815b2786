// SPDX-License-Identifier: GPL-2.0-only
// Losing a PHY under each phy-loss design, on a MAC built in code: S1 of the
// reference (phylink MAC connecting at ndo_open, link up, renegotiated to
// 100/full, PHY driver unbound and bound again).
#include <gtest/gtest.h>

#include "lifeline/net/catalog/mdio_catalog.h"
#include "lifeline/net/mdio_controller.h"
#include "lifeline/net/test_rig.h"

namespace lifeline::net {
namespace {

using testing::kRtl8211f;
using testing::NetRig;

const MacInfo& eqos() { return *find_mac("nxp,imx8mp-dwmac-eqos"); }

constexpr uint32_t k88e1512 = 0x01410dd0;

struct S1 {
  // A phylink MAC connecting at ndo_open. With `external_mdio` it is an
  // mvneta whose PHY sits on a separate orion-mdio controller (Armada 38x);
  // otherwise an i.MX8MP EQOS with the PHY on its own MDIO bus.
  // `phy_id`: what the PHY answers (genphy drives it when no driver
  // matches); `at_probe`: the MAC attaches its PHY at probe instead.
  explicit S1(const PhyLossOps* design, bool external_mdio = false, uint32_t phy_id = k88e1512,
              bool at_probe = false)
      : rig(config(design)) {
    const MacInfo* mac = &eqos();
    if (external_mdio) {
      mac = find_mac("marvell,armada-370-neta");
      if (at_probe) {
        static MacInfo probe_time;
        probe_time = *mac;
        probe_time.connect = PhyConnect::kAtProbe;
        mac = &probe_time;
      }
      mac_node =
          rig.mac_with_external_phy("ethernet@70000", "marvell,armada-370-neta", "mdio@72004",
                                    "marvell,orion-mdio", phy_id, &mdio_node, &phy_node);
    } else {
      mac_node =
          rig.mac_with_phy("ethernet@30bf0000", "nxp,imx8mp-dwmac-eqos", kRtl8211f, &phy_node);
    }
    rig.boot([this, mac, external_mdio] {
      if (external_mdio) {
        core::driver_register(mdio_controller_driver_create(
            *find_mdio_controller("marvell,orion-mdio"), rig.platform));
        rig.platform_device(mdio_node, "f1072004.mdio");
      }
      core::driver_register(mac_driver_create(*mac, rig.platform, rig.buses));
      rig.platform_device(mac_node, external_mdio ? "f1070000.ethernet" : "30bf0000.ethernet");
    });
  }
  static NetConfig config(const PhyLossOps* design) {
    NetConfig c;
    c.phy_loss = design;
    return c;
  }
  NetDevice* eth0() { return dev_get_by_name("eth0"); }
  PhyDevice* phy() { return static_cast<PhyDevice*>(phy_node->dev); }
  void ip_link(bool up) {
    NetDevice* nd = eth0();
    ASSERT_NE(nd, nullptr);
    rtnl_lock();
    last_open = up ? dev_open(nd) : 0;
    if (!up) dev_close(nd);
    rtnl_unlock();
  }
  std::string link() {
    NetDevice* nd = eth0();
    if (!nd || !nd->carrier) return "down";
    PhyDevice* p = nd->phydev.get();
    return p ? speed_duplex_string(p->speed, p->duplex) : "up";
  }
  // The scenario up to the unbind: link up at 1000/full, then 100/full.
  void bring_up() {
    sim::msleep(1000);
    Net::current().medium_for(phy_node)->plug(copper_modes_up_to(1000), true);
    ip_link(true);
    sim::msleep(4000);
    link_before = link();
    EthtoolRequest req;
    req.speed = 100;
    req.duplex = DUPLEX_FULL;
    req.autoneg = true;
    ethtool_set_link(eth0(), req);
    sim::msleep(4000);
    link_renegotiated = link();
  }
  void unbind_phy() {
    phy_driver = phy()->driver.get();
    ASSERT_NE(phy_driver, nullptr);
    EXPECT_EQ(core::sysfs_unbind(phy_driver, phy()), 0);
    sim::msleep(100);
  }
  void rebind_phy() {
    EXPECT_EQ(core::sysfs_bind(phy_driver, phy()), 0);
    sim::msleep(5000);
  }

  NetRig rig;
  core::FwNode* mac_node = nullptr;
  core::FwNode* mdio_node = nullptr;
  core::FwNode* phy_node = nullptr;
  core::Driver* phy_driver = nullptr;
  int last_open = 0;
  std::string link_before, link_renegotiated;
};

TEST(PhyLoss, LinkComesUpAndRenegotiates) {
  S1 s(&phy_loss_mainline);
  s.rig.run([&] { s.bring_up(); });
  EXPECT_EQ(s.link_before, "1000/full") << s.rig.timeline();
  EXPECT_EQ(s.link_renegotiated, "100/full") << s.rig.timeline();
  EXPECT_EQ(s.phy()->name(), "stmmac-0:01");
  EXPECT_EQ(s.phy()->driver->name(), "RTL8211F Gigabit Ethernet");
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings();
}

TEST(PhyLoss, MainlineKeepsCarrierAndStalePointers) {
  S1 s(&phy_loss_mainline);
  bool carrier_after = false;
  bool phydev_still_set = false;
  std::string state_after;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    carrier_after = s.eth0()->carrier;
    phydev_still_set = s.eth0()->phydev.get() == s.phy();
    state_after = phy_state_to_str(s.phy()->state);
  });
  EXPECT_TRUE(carrier_after) << "mainline: carrier frozen in holdover by accident";
  EXPECT_TRUE(phydev_still_set);
  EXPECT_EQ(state_after, "DOWN");
  EXPECT_EQ(s.phy()->drv.get(), nullptr);
}

TEST(PhyLoss, MainlineIfupAfterUnbindBindsGenphy) {
  S1 s(&phy_loss_mainline);
  std::string driver_after;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    s.ip_link(false);
    s.ip_link(true);
    sim::msleep(4000);
    driver_after = s.phy()->driver ? s.phy()->driver->name() : "(none)";
  });
  EXPECT_EQ(driver_after, "Generic PHY") << s.rig.timeline();
  EXPECT_EQ(s.link(), "1000/full");  // back, under genphy, with the defaults
}

TEST(PhyLoss, HoldoverKeepsCarrierWithoutFindingsAndRestartStaysDown) {
  S1 s(&phy_loss_holdover);
  bool carrier_after = false;
  int reopen = 0;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    carrier_after = s.eth0()->carrier;
    s.ip_link(false);
    s.ip_link(true);
    reopen = s.last_open;
    sim::msleep(4000);
  });
  EXPECT_TRUE(carrier_after);
  EXPECT_EQ(reopen, -ENODEV);
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings();
}

TEST(PhyLoss, DevlinkCannotLinkAMacToThePhyOnItsOwnBus) {
  S1 s(&phy_loss_devlink);
  bool present_after_unbind = false;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    present_after_unbind = s.eth0() != nullptr;
  });
  EXPECT_TRUE(present_after_unbind);
  EXPECT_NE(s.rig.timeline().find("it would close a dependency cycle"), std::string::npos);
}

TEST(PhyLoss, PortDeviceOnASingleNetdevMacTakesTheNetdevAndBringsItBack) {
  S1 s(&phy_loss_port_device);
  bool present_after_unbind = true, present_after_rebind = false;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    present_after_unbind = s.eth0() != nullptr;
    s.rebind_phy();
    present_after_rebind = s.eth0() != nullptr;
  });
  EXPECT_FALSE(present_after_unbind) << s.rig.timeline();
  EXPECT_TRUE(present_after_rebind) << s.rig.timeline();
  EXPECT_NE(s.eth0(), nullptr);
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings();
}

TEST(PhyLoss, DevlinkUnbindsTheMacAndBringsItBack) {
  S1 s(&phy_loss_devlink, /*external_mdio=*/true);
  bool present_after_unbind = true, present_after_rebind = false;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    present_after_unbind = s.eth0() != nullptr;
    s.rebind_phy();
    present_after_rebind = s.eth0() != nullptr;
  });
  EXPECT_FALSE(present_after_unbind) << s.rig.timeline();
  EXPECT_TRUE(present_after_rebind) << s.rig.timeline();
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings();
}

TEST(PhyLoss, NotifyDownDropsCarrierAndComesBackWithDefaults) {
  S1 s(&phy_loss_notify_down);
  bool carrier_after = true;
  bool phydev_cleared = false;
  std::string link_after_rebind;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    carrier_after = s.eth0()->carrier;
    phydev_cleared = s.eth0()->phydev.get() == nullptr;
    s.rebind_phy();
    link_after_rebind = s.link();
  });
  EXPECT_FALSE(carrier_after) << s.rig.timeline();
  EXPECT_TRUE(phydev_cleared);
  EXPECT_EQ(link_after_rebind, "1000/full") << s.rig.timeline();
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings();
}

TEST(PhyLoss, ReplayComesBackWithTheUsersSettings) {
  S1 s(&phy_loss_replay);
  std::string link_after_rebind;
  s.rig.run([&] {
    s.bring_up();
    s.unbind_phy();
    s.rebind_phy();
    link_after_rebind = s.link();
  });
  EXPECT_EQ(link_after_rebind, "100/full") << s.rig.timeline();
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings();
}

}  // namespace
}  // namespace lifeline::net

namespace lifeline::net {
namespace {

// phy_link_change() calls phydev->adjust_link unconditionally: a PHY
// attached with phy_attach_direct() and no handler (no phy_connect) oopses
// on its first link change, as the kernel does.
TEST(PhyLinkChange, CallsAdjustLinkUnconditionally) {
  S1 s(&phy_loss_mainline);
  s.rig.run([&] {
    sim::msleep(1000);
    ASSERT_EQ(phy_attach_direct(s.eth0(), s.phy(), 0, PHY_INTERFACE_MODE_RGMII_ID), 0);
    Net::current().medium_for(s.phy_node)->plug(copper_modes_up_to(1000), true);
    phy_start(s.phy());
    sim::msleep(4000);
  });
  bool oops = false;
  for (const sim::Finding& f : s.rig.engine.findings())
    if (f.kind == sim::FindingKind::kOops &&
        f.message.find("phydev->adjust_link") != std::string::npos)
      oops = true;
  EXPECT_TRUE(oops) << s.rig.findings() << s.rig.timeline();
}

// A phylink MAC (mvneta, its PHY on the separate orion-mdio) attaching at
// ndo_open or at probe, with a PHY that only genphy drives: an ifdown, an
// ifup, an unbind of genphy while up and an ifdown again. Before the designs
// were made safe for genphy, notify-down/replay self-deadlocked on the PHY's
// device mutex at the unbind and took rtnl twice at the ifdown, and
// devlink/port-device took rtnl twice at the ifdown (the genphy release
// unbinding the MAC from its own ndo_stop).
struct GenphyCase {
  const PhyLossOps* design;
  const char* name;
  bool at_probe;
};

class PhyLossGenphy : public ::testing::TestWithParam<GenphyCase> {};

TEST_P(PhyLossGenphy, IfdownAndUnbindNeitherDeadlockNorFind) {
  constexpr uint32_t kNoDriverMatches = 0x01234560;
  S1 s(GetParam().design, /*external_mdio=*/true, kNoDriverMatches, GetParam().at_probe);
  std::string driver;
  s.rig.run([&] {
    s.bring_up();
    driver = s.phy()->driver ? std::string(s.phy()->driver->name()) : "";
    s.ip_link(false);
    sim::msleep(1000);
    s.ip_link(true);
    sim::msleep(4000);
    s.unbind_phy();
    if (s.eth0()) s.ip_link(false);
    sim::msleep(1000);
  });
  EXPECT_EQ(driver, "Generic PHY");
  EXPECT_TRUE(s.rig.engine.findings().empty()) << s.rig.findings() << s.rig.timeline();
}

INSTANTIATE_TEST_SUITE_P(
    Designs, PhyLossGenphy,
    ::testing::Values(GenphyCase{&phy_loss_holdover, "holdover_at_open", false},
                      GenphyCase{&phy_loss_holdover, "holdover_at_probe", true},
                      GenphyCase{&phy_loss_devlink, "devlink_at_open", false},
                      GenphyCase{&phy_loss_devlink, "devlink_at_probe", true},
                      GenphyCase{&phy_loss_port_device, "port_device_at_open", false},
                      GenphyCase{&phy_loss_port_device, "port_device_at_probe", true},
                      GenphyCase{&phy_loss_notify_down, "notify_down_at_open", false},
                      GenphyCase{&phy_loss_notify_down, "notify_down_at_probe", true},
                      GenphyCase{&phy_loss_replay, "replay_at_open", false},
                      GenphyCase{&phy_loss_replay, "replay_at_probe", true}),
    [](const ::testing::TestParamInfo<GenphyCase>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace lifeline::net
