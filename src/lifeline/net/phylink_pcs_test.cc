// SPDX-License-Identifier: GPL-2.0-only
// phylink's major configuration with a PCS (net/phylink_pcs.cc): the order
// of the MAC and PCS methods v6.12's phylink_major_config() calls, the
// in-band state read from the PCS, pcs_link_up before mac_link_up, and
// pcs_disable at phylink_stop().
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/net/test_rig.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {
namespace {

using testing::NetRig;

std::vector<std::string>* g_calls = nullptr;
void log(const std::string& s) { g_calls->push_back(s); }

constexpr PhylinkPcsOps kRecordingOps = {
    .pcs_enable = [](PhylinkPcs*) { return log("pcs_enable"), 0; },
    .pcs_disable = [](PhylinkPcs*) { log("pcs_disable"); },
    .pcs_get_state =
        [](PhylinkPcs* pcs, PhylinkLinkState* state) {
          log("pcs_get_state");
          pcs_decode_lane(pcs, state);
        },
    .pcs_config =
        [](PhylinkPcs*, unsigned neg_mode, phy_interface_t, const LinkModes&) {
          return log(std::string("pcs_config ") + pcs_neg_mode_name(neg_mode)), 0;
        },
    .pcs_an_restart = [](PhylinkPcs*) { log("pcs_an_restart"); },
    .pcs_link_up = [](PhylinkPcs*, unsigned, phy_interface_t, int speed,
                      Duplex) { log("pcs_link_up " + std::to_string(speed)); },
};

TEST(PhylinkPcs, MajorConfigOrderAndInbandStateFromThePcs) {
  std::vector<std::string> calls;
  g_calls = &calls;
  NetRig rig;
  core::FwNode* mac = rig.tree.add_node(rig.tree.root(), "ethernet@0");
  core::FwTree::set_string(mac, "phy-mode", "sgmii");
  core::FwTree::set_string(mac, "managed", "in-band-status");
  rig.run([&] {
    auto* pcs = sim::kzalloc<PhylinkPcs>();
    pcs->ops = &kRecordingOps;
    pcs->neg_mode = true;
    pcs->supported_interfaces.set(PHY_INTERFACE_MODE_SGMII);
    NetDevice* nd = alloc_etherdev();
    PhylinkMacOps ops;
    ops.mac_select_pcs = [pcs](phy_interface_t i) {
      if (i != PHY_INTERFACE_MODE_NA) log("mac_select_pcs");
      return core::ErrOr<PhylinkPcs*>{pcs, 0};
    };
    ops.mac_prepare = [](AnMode, phy_interface_t) { return log("mac_prepare"), 0; };
    ops.mac_config = [](AnMode, const PhylinkLinkState&) { log("mac_config"); };
    ops.mac_finish = [](AnMode, phy_interface_t) { return log("mac_finish"), 0; };
    ops.mac_link_up = [](int speed, Duplex) { log("mac_link_up " + std::to_string(speed)); };
    ops.mac_link_down = [] { log("mac_link_down"); };
    auto r = phylink_create(nd, nullptr, mac, PHY_INTERFACE_MODE_SGMII, ops);
    ASSERT_TRUE(r.ok());
    Phylink* pl = r.value;
    EXPECT_TRUE(pl->using_mac_select_pcs);
    Net::current().medium_for(mac)->plug(link_mode_for(1000, DUPLEX_FULL), true);
    sim::sleep_for(sim::kSec);
    rtnl_lock();
    phylink_start(pl);
    rtnl_unlock();
    sim::sleep_for(sim::kSec);
    EXPECT_TRUE(netif_carrier_ok(nd));
    EXPECT_EQ(pl->pcs.get(), pcs);
    EXPECT_EQ(pcs->phylink.get(), pl);
    rtnl_lock();
    phylink_stop(pl);
    rtnl_unlock();
    EXPECT_FALSE(netif_carrier_ok(nd));
    phylink_destroy(pl);
  });
  std::vector<std::string> want = {"mac_select_pcs",
                                   "mac_prepare",
                                   "mac_config",
                                   "pcs_enable",
                                   "pcs_config inband-enabled",
                                   "mac_finish",
                                   "pcs_get_state",
                                   "pcs_link_up 1000",
                                   "mac_link_up 1000",
                                   "mac_link_down",
                                   "pcs_disable"};
  EXPECT_EQ(calls, want);
  g_calls = nullptr;
}

}  // namespace
}  // namespace lifeline::net
