// SPDX-License-Identifier: GPL-2.0-only
// phylink (drivers/net/phy/phylink.c): the MAC side's view of the link, fed
// by a PHY, a fixed link or an in-band PCS. Carrier changes only in the
// resolve work.
#ifndef LIFELINE_NET_PHYLINK_H_
#define LIFELINE_NET_PHYLINK_H_

#include <functional>
#include <string>
#include <vector>

#include "lifeline/core/errno.h"
#include "lifeline/core/notifier.h"
#include "lifeline/net/link_mode.h"
#include "lifeline/net/phy_interface.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"
#include "lifeline/sim/timer.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::core {
class Device;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

class Medium;
class NetDevice;
class PhyDevice;
class SfpBus;
struct PhylinkSfp;
struct PhylinkPcs;
struct EthtoolLinkSettings;

enum class AnMode : uint8_t { MLO_AN_PHY, MLO_AN_FIXED, MLO_AN_INBAND };
const char* an_mode_name(AnMode m);  // "phy", "fixed", "inband"

enum PhylinkDisable : unsigned {
  PHYLINK_DISABLE_STOPPED = 0,
  PHYLINK_DISABLE_LINK = 1,
  PHYLINK_DISABLE_MAC_WOL = 2,
};

struct PhylinkLinkState {
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
  int speed = SPEED_UNKNOWN;
  Duplex duplex = DUPLEX_UNKNOWN;
  LinkModes advertising;
  bool link = false;
};

// struct phylink_mac_ops: what the MAC driver does when phylink tells it.
// An op left empty is one the driver does not have.
struct PhylinkMacOps {
  std::function<void(int speed, Duplex duplex)> mac_link_up;
  std::function<void()> mac_link_down;
  // mac_select_pcs(): the PCS for an interface, nullptr for none, or an
  // error. phylink_create() probes it with PHY_INTERFACE_MODE_NA: a MAC
  // that answers -EOPNOTSUPP there (or has no op) never has it called again
  // (pl->using_mac_select_pcs).
  std::function<core::ErrOr<PhylinkPcs*>(phy_interface_t)> mac_select_pcs;
  std::function<int(AnMode mode, phy_interface_t interface)> mac_prepare;
  std::function<void(AnMode mode, const PhylinkLinkState& state)> mac_config;
  std::function<int(AnMode mode, phy_interface_t interface)> mac_finish;
};

// pl->pcs_state: phylink_start() enables the PCS in its first major
// configuration, phylink_stop() disables it.
enum class PcsState : uint8_t { PCS_STATE_DOWN, PCS_STATE_STARTING, PCS_STATE_STARTED };

class Phylink : public sim::Object {
 public:
  Phylink() : sim::Object("phylink", "") {}

  NetDevice* netdev = nullptr;     // PHYLINK_NETDEV
  core::Device* dev = nullptr;     // PHYLINK_DEV (a DSA CPU port)
  core::FwNode* fwnode = nullptr;  // the MAC or port node
  PhylinkMacOps mac_ops;
  sim::Ptr<PhyDevice> phydev;
  phy_interface_t link_interface = PHY_INTERFACE_MODE_NA;
  AnMode cfg_link_an_mode = AnMode::MLO_AN_PHY;
  AnMode cur_link_an_mode = AnMode::MLO_AN_PHY;
  LinkModes supported;
  PhylinkLinkState link_config;
  PhylinkLinkState phy_state;
  unsigned long phylink_disable_state = 0;
  bool link_failed = false;
  bool old_link_state = false;
  sim::Mutex state_mutex;
  sim::WorkStruct resolve;
  // MLO_AN_FIXED: "fixed-link".
  int fixed_speed = SPEED_UNKNOWN;
  Duplex fixed_duplex = DUPLEX_UNKNOWN;
  // MLO_AN_INBAND: the MAC's own PCS reads the medium on the port.
  Medium* inband_medium = nullptr;
  // Its record in the provider-lifecycle protocol, for the PHY.
  ProviderConsumer phy_consumer;
  // The PCS in use (phylink_pcs.cc; pl->pcs), nullptr for none. A raw
  // pointer, as in the kernel: phylink never refcounts a PCS.
  sim::Ptr<PhylinkPcs> pcs;
  bool using_mac_select_pcs = false;
  unsigned pcs_neg_mode = 0;  // PHYLINK_PCS_NEG_* (net/pcs/pcs.h)
  PcsState pcs_state = PcsState::PCS_STATE_DOWN;
  phy_interface_t cur_interface = PHY_INTERFACE_MODE_NA;
  // link_poll: 1 s, for a polled PCS of an in-band link
  // (phylink_pcs_poll_start()).
  sim::TimerList link_poll;
  int major_configs = 0;
  // pcs=release (the 2025-2026 fwnode PCS series): the PCSs phylink got
  // from the "pcs-handle" providers (pl->pcs_list), its record in the
  // provider-lifecycle protocol for them, and the link held down until a
  // PCS is available.
  std::vector<PhylinkPcs*> pcs_list;
  ProviderConsumer pcs_consumer;
  bool force_major_config = false;
  bool major_config_failed = false;
  // The medium's watcher arms it: the MAC's (or PCS's) link interrupt, a
  // serdes sync time after the far end changed (phylink_mac_change()).
  sim::TimerList lane_irq;
  // The PCS phylink made for an in-band port whose MAC has no
  // mac_select_pcs() (net/pcs/pcs.h, MacPcsKind::kUnmodelled).
  PhylinkPcs* unmodelled_pcs = nullptr;
  // The SFP bus of the port's cage (phylink_sfp.cc; pl->sfp_bus), nullptr
  // when the port has no "sfp" phandle.
  SfpBus* sfp_bus = nullptr;
  // What the module in that cage supports (pl->sfp_support, sfp_interfaces,
  // sfp_may_have_phy, sfp_port): phylink_sfp.cc's.
  PhylinkSfp* sfp = nullptr;
  int mac_link_ups = 0;
  int mac_link_downs = 0;
};

// phylink_create(): must not be called with rtnl held. `netdev` or `dev`.
core::ErrOr<Phylink*> phylink_create(NetDevice* netdev, core::Device* dev, core::FwNode* fwnode,
                                     phy_interface_t interface, PhylinkMacOps mac_ops);
void phylink_destroy(Phylink* pl);
void phylink_start(Phylink* pl);
void phylink_stop(Phylink* pl);
// phylink_fwnode_phy_connect(): 0 for fixed and 802.3z in-band links;
// -ENODEV when the PHY node is missing (in PHY mode) or has no device.
int phylink_fwnode_phy_connect(Phylink* pl, core::FwNode* fwnode, uint32_t flags);
int phylink_connect_phy(Phylink* pl, PhyDevice* phy, uint32_t flags = 0);
void phylink_disconnect_phy(Phylink* pl);
void phylink_mac_change(Phylink* pl, bool up);
int phylink_ethtool_ksettings_set(Phylink* pl, const EthtoolLinkSettings& cmd);
int phylink_ethtool_set_wol(Phylink* pl, uint32_t wolopts);
bool phylink_expects_phy(const Phylink* pl);

// The fwnode PCS series' phylink side (pcs=release; not in v6.12).
// phylink_fwnode_pcs_setup(): from phylink_create(): fill pl->pcs_list from
// the "pcs-handle" providers (fill_available_pcs()) and listen for
// providers added later (the PROVIDER_ADD notifier, here the
// provider-lifecycle protocol's PCS chain). `missing` is what the lookup
// returns for a provider that is not there.
int phylink_fwnode_pcs_setup(Phylink* pl, int missing);
// From phylink_destroy(): the notifier is unregistered.
void phylink_fwnode_pcs_teardown(Phylink* pl);
// phylink_release_pcs(): a provider's remove, under rtnl: the PCS leaves
// pl->pcs_list; if it is pl->pcs, the link is forced down, pcs_disable(),
// pl->pcs = NULL and a major configuration forced, which holds the link
// down until a PCS is available.
void phylink_release_pcs(PhylinkPcs* pcs);

// fwnode_get_phy_node(): "phy-handle", or the older "phy" / "phy-device".
core::FwNode* fwnode_get_phy_node(const core::FwNode* fwnode);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHYLINK_H_
