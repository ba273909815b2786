// SPDX-License-Identifier: GPL-2.0-only
// A MAC driver's lifecycle facts change what its code does with
// netdev->phydev: ndo_stop with a missing PHY, and the ethtool get ops.
#include "lifeline/net/mac_driver.h"

#include <gtest/gtest.h>

#include "lifeline/net/ethtool.h"
#include "lifeline/net/test_rig.h"

namespace lifeline::net {
namespace {

using testing::kRtl8211f;
using testing::NetRig;

// A FEC (phylib, PHY attached in ndo_open) with the facts `lc`, its PHY on
// its own MDIO bus, brought up.
struct Fec {
  explicit Fec(const MacLifecycle& lc) {
    info = *find_mac("fsl,imx8mq-fec");
    info.lifecycle = lc;
    core::FwNode* mac = rig.mac_with_phy("ethernet@30be0000", "fsl,imx8mq-fec", kRtl8211f, &phy);
    rig.boot([this, mac] {
      core::driver_register(mac_driver_create(info, rig.platform, rig.buses));
      rig.platform_device(mac, "30be0000.ethernet");
    });
  }
  void up() {
    rtnl_lock();
    EXPECT_EQ(dev_open(dev_get_by_name("eth0")), 0);
    rtnl_unlock();
  }
  void down() {
    rtnl_lock();
    dev_close(dev_get_by_name("eth0"));
    rtnl_unlock();
  }
  MacInfo info;
  NetRig rig;
  core::FwNode* phy = nullptr;
};

TEST(MacDriver, NdoStopWithAMissingPhy) {
  // netdev->phydev gone while the interface is up: fec_enet_close() calls
  // phy_stop(ndev->phydev) unchecked, emac_ndo_stop() checks it first.
  for (bool checks : {false, true}) {
    MacLifecycle lc = find_mac("fsl,imx8mq-fec")->lifecycle;
    lc.stop_checks_phydev = checks;
    Fec f(lc);
    f.rig.run([&] {
      f.up();
      dev_get_by_name("eth0")->phydev = nullptr;
      f.down();
    });
    EXPECT_EQ(f.rig.count(sim::FindingKind::kOops), checks ? 0 : 1) << f.rig.findings();
    if (!checks) {
      EXPECT_NE(f.rig.findings().find("NULL pointer dereference (dev->phydev)"), std::string::npos)
          << f.rig.findings();
    }
  }
}

TEST(MacDriver, GetOpsFollowTheFacts) {
  // After ifdown netdev->phydev is NULL: each kind of op answers its way,
  // and only the unchecked one dereferences it.
  struct Case {
    PhydevUse use;
    int err;   // what ethtool_get_eee() returns
    int oops;  // findings
  } cases[] = {
      {PhydevUse::kAbsent, -EOPNOTSUPP, 0},
      {PhydevUse::kChecked, -ENODEV, 0},
      {PhydevUse::kRunning, -ENETDOWN, 0},
      {PhydevUse::kUnchecked, -EFAULT, 1},
  };
  for (const Case& c : cases) {
    MacLifecycle lc = find_mac("fsl,imx8mq-fec")->lifecycle;
    lc.get_eee = c.use;
    Fec f(lc);
    int err = -EFAULT;  // stays so when the oops kills the task
    f.rig.run([&] {
      f.up();
      f.down();
      EthtoolKeee eee;
      err = ethtool_get_eee(dev_get_by_name("eth0"), &eee);
    });
    EXPECT_EQ(err, c.err) << static_cast<int>(c.use);
    EXPECT_EQ(f.rig.count(sim::FindingKind::kOops), c.oops) << f.rig.findings();
  }
}

}  // namespace
}  // namespace lifeline::net
