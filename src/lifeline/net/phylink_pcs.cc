// SPDX-License-Identifier: GPL-2.0-only
// phylink's PCS half, after drivers/net/phy/phylink.c (v6.12): the major
// configuration (mac_select_pcs, mac_prepare, the PCS switch, mac_config,
// pcs_enable, pcs_config, pcs_an_restart, mac_finish), an in-band link's
// state from the PCS, the PCS poll timer, and the pcs design's hooks where
// the fwnode PCS series changes what phylink does.
#include <fmt/format.h>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/pcs/pcs_provider.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink_internal.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

using sim::note;

namespace {

// The PCS's memory is read for its ops (pcs->ops->...): a freed PCS is a
// use-after-free there.
const PhylinkPcsOps* ops_of(PhylinkPcs* pcs, const char* what) {
  sim::check_access(pcs, what);
  return pcs->ops;
}

void phylink_pcs_disable(PhylinkPcs* pcs) {
  if (pcs) {
    auto* ops = ops_of(pcs, "pcs->ops->pcs_disable");
    if (ops->pcs_disable) ops->pcs_disable(pcs);
  }
}

int phylink_pcs_enable(PhylinkPcs* pcs) {
  if (!pcs) return 0;
  auto* ops = ops_of(pcs, "pcs->ops->pcs_enable");
  return ops->pcs_enable ? ops->pcs_enable(pcs) : 0;
}

int phylink_pcs_config(PhylinkPcs* pcs, unsigned neg_mode, const PhylinkLinkState& state) {
  if (!pcs) return 0;
  return ops_of(pcs, "pcs->ops->pcs_config")
      ->pcs_config(pcs, neg_mode, state.interface, state.advertising);
}

void phylink_pcs_poll_stop(Phylink* pl) {
  if (pl->cfg_link_an_mode == AnMode::MLO_AN_INBAND) sim::del_timer(&pl->link_poll);
}

void phylink_pcs_poll_start(Phylink* pl) {
  if (pl->pcs && pl->pcs.at("pl->pcs->poll")->poll && pl->cfg_link_an_mode == AnMode::MLO_AN_INBAND)
    sim::mod_timer(&pl->link_poll, sim::now() + sim::kSec);
}

bool phylink_autoneg_inband(AnMode mode) { return mode == AnMode::MLO_AN_INBAND; }

void phylink_pcs_an_restart(Phylink* pl) {
  if (pl->pcs && linkmode_test_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, pl->link_config.advertising) &&
      phy_interface_mode_is_8023z(pl->link_config.interface) &&
      phylink_autoneg_inband(pl->cur_link_an_mode)) {
    PhylinkPcs* pcs = pl->pcs.get();
    ops_of(pcs, "pl->pcs->ops->pcs_an_restart")->pcs_an_restart(pcs);
  }
}

// phylink_pcs_neg_mode(): the PCS's negotiation for the interface.
unsigned phylink_pcs_neg_mode(AnMode mode, phy_interface_t interface,
                              const LinkModes& advertising) {
  switch (interface) {
    case PHY_INTERFACE_MODE_SGMII:
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_QUSGMII:
    case PHY_INTERFACE_MODE_USXGMII:
    case PHY_INTERFACE_MODE_10G_QXGMII:
      return phylink_autoneg_inband(mode) ? PHYLINK_PCS_NEG_INBAND_ENABLED
                                          : PHYLINK_PCS_NEG_OUTBAND;
    case PHY_INTERFACE_MODE_1000BASEX:
    case PHY_INTERFACE_MODE_2500BASEX:
      if (!phylink_autoneg_inband(mode)) return PHYLINK_PCS_NEG_OUTBAND;
      return linkmode_test_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, advertising)
                 ? PHYLINK_PCS_NEG_INBAND_ENABLED
                 : PHYLINK_PCS_NEG_INBAND_DISABLED;
    default:
      return PHYLINK_PCS_NEG_NONE;
  }
}

// The mode a PCS is told: PHYLINK_PCS_NEG_* if it takes them, else the
// MLO_AN_* mode.
unsigned pcs_mode_for(const Phylink* pl) {
  if (pl->pcs && pl->pcs.at("pl->pcs->neg_mode")->neg_mode) return pl->pcs_neg_mode;
  return static_cast<unsigned>(pl->cur_link_an_mode);
}

// pcs=release: the PCS of pl->pcs_list that carries the interface (the
// series selects from the list, not with mac_select_pcs()).
PhylinkPcs* phylink_pcs_from_list(const Phylink* pl, phy_interface_t interface) {
  for (PhylinkPcs* pcs : pl->pcs_list)
    if (pcs->supported_interfaces.test(interface)) return pcs;
  return nullptr;
}

// link_poll (phylink_fixed_poll()): re-arm, then resolve.
void phylink_fixed_poll(Phylink* pl) {
  sim::mod_timer(&pl->link_poll, sim::now() + sim::kSec);
  phylink_run_resolve(pl);
}

}  // namespace

void phylink_major_config(Phylink* pl, bool restart, const PhylinkLinkState& state) {
  LL_FUNC();
  pl->pcs_neg_mode = phylink_pcs_neg_mode(pl->cur_link_an_mode, state.interface, state.advertising);
  PhylinkPcs* pcs = nullptr;
  bool pcs_changed = false;
  if (pl->pcs_consumer.kind == ProviderKind::kPcs && pl->pcs_consumer.ops) {
    // pcs=release: the link stays down until a PCS for the interface is
    // available (major_config_failed).
    pcs = phylink_pcs_from_list(pl, state.interface);
    if (!pcs) {
      if (!pl->major_config_failed)
        note(fmt::format("{}: no PCS available for {}: major config failed, link held down",
                         pl_name(pl), phy_modes(state.interface)));
      pl->major_config_failed = true;
      return;
    }
    pcs_changed = pl->pcs.get() != pcs;
  } else if (pl->using_mac_select_pcs) {
    core::ErrOr<PhylinkPcs*> r = pl->mac_ops.mac_select_pcs(state.interface);
    if (!r.ok()) {
      note(fmt::format("{}: mac_select_pcs unexpectedly failed: {}", pl_name(pl),
                       core::errno_name(r.err)));
      return;
    }
    pcs = r.value;
    pcs_changed = pcs && pl->pcs.get() != pcs;
  }
  phylink_pcs_poll_stop(pl);
  if (pl->mac_ops.mac_prepare) {
    int err = pl->mac_ops.mac_prepare(pl->cur_link_an_mode, state.interface);
    if (err < 0) {
      note(fmt::format("{}: mac_prepare failed: {}", pl_name(pl), core::errno_name(err)));
      return;
    }
  }
  // A new PCS: switch to it after preparing the MAC for the change.
  if (pcs_changed) {
    phylink_pcs_disable(pl->pcs.get());
    if (pl->pcs) pl->pcs.at("pl->pcs->phylink")->phylink = nullptr;
    pcs->phylink = pl;
    pl->pcs = pcs;
  }
  if (pl->mac_ops.mac_config) pl->mac_ops.mac_config(pl->cur_link_an_mode, state);
  if (pl->pcs_state == PcsState::PCS_STATE_STARTING || pcs_changed)
    phylink_pcs_enable(pl->pcs.get());  // its error is ignored, as in v6.12
  int err = phylink_pcs_config(pl->pcs.get(), pcs_mode_for(pl), state);
  if (err < 0)
    note(fmt::format("{}: pcs_config failed: {}", pl_name(pl), core::errno_name(err)));
  else if (err > 0)
    restart = true;
  if (restart) phylink_pcs_an_restart(pl);
  if (pl->mac_ops.mac_finish) {
    err = pl->mac_ops.mac_finish(pl->cur_link_an_mode, state.interface);
    if (err < 0) note(fmt::format("{}: mac_finish failed: {}", pl_name(pl), core::errno_name(err)));
  }
  phylink_pcs_poll_start(pl);
  pl->major_config_failed = false;
  pl->force_major_config = false;
  ++pl->major_configs;
}

void phylink_mac_initial_config(Phylink* pl, bool force_restart) {
  PhylinkLinkState link_state;
  switch (pl->cur_link_an_mode) {
    case AnMode::MLO_AN_PHY:
      link_state = pl->phy_state;
      break;
    case AnMode::MLO_AN_FIXED:
      link_state = pl->link_config;
      link_state.speed = pl->fixed_speed;
      link_state.duplex = pl->fixed_duplex;
      break;
    case AnMode::MLO_AN_INBAND:
      link_state = pl->link_config;
      break;
  }
  link_state.link = false;
  phylink_major_config(pl, force_restart, link_state);
}

void phylink_mac_pcs_get_state(Phylink* pl, PhylinkLinkState* state) {
  LL_FUNC();
  state->advertising = pl->link_config.advertising;
  state->interface = pl->link_config.interface;
  if (linkmode_test_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, state->advertising)) {
    state->speed = SPEED_UNKNOWN;
    state->duplex = DUPLEX_UNKNOWN;
  } else {
    state->speed = pl->link_config.speed;
    state->duplex = pl->link_config.duplex;
  }
  state->link = true;
  if (pl->pcs) {
    PhylinkPcs* pcs = pl->pcs.get();
    ops_of(pcs, "pl->pcs->ops->pcs_get_state")->pcs_get_state(pcs, state);
  } else {
    state->link = false;
  }
}

void phylink_pcs_link_up_of(Phylink* pl, phy_interface_t interface, int speed, Duplex duplex) {
  PhylinkPcs* pcs = pl->pcs.get();
  if (!pcs) return;
  unsigned neg_mode = pcs_mode_for(pl);
  auto* ops = ops_of(pcs, "pcs->ops->pcs_link_up");
  if (ops->pcs_link_up) ops->pcs_link_up(pcs, neg_mode, interface, speed, duplex);
}

void phylink_pcs_start(Phylink* pl) {
  pl->pcs_state = PcsState::PCS_STATE_STARTING;
  phylink_mac_initial_config(pl, true);
  pl->pcs_state = PcsState::PCS_STATE_STARTED;
}

void phylink_pcs_stop(Phylink* pl) {
  sim::del_timer_sync(&pl->link_poll);
  pl->pcs_state = PcsState::PCS_STATE_DOWN;
  phylink_pcs_disable(pl->pcs.get());
}

int phylink_pcs_create(Phylink* pl) {
  sim::timer_setup(
      &pl->link_poll, "phylink_fixed_poll", [pl] { phylink_fixed_poll(pl); }, /*poll=*/true);
  // The in-band lane's interrupt (the MAC's link IRQ, phylink_mac_change()):
  // the far end changed; the serdes has synced 100 ms later.
  sim::timer_setup(&pl->lane_irq, "phylink_lane_irq", [pl] { phylink_run_resolve(pl); });
  // A polled PCS (lynx) has no interrupt: the poll finds the change.
  if (pl->inband_medium)
    pl->inband_medium->watch(pl, [pl] {
      const PhylinkPcs* pcs = pl->pcs.get();
      if (pcs && !pcs->freed() && pcs->poll) return;
      sim::mod_timer(&pl->lane_irq, sim::now() + 101 * sim::kMsec);
    });
  // Probe mac_select_pcs(): anything but -EOPNOTSUPP means phylink uses it.
  if (pl->mac_ops.mac_select_pcs) {
    core::ErrOr<PhylinkPcs*> r = pl->mac_ops.mac_select_pcs(PHY_INTERFACE_MODE_NA);
    pl->using_mac_select_pcs = r.err != -EOPNOTSUPP;
  } else if (pl->cfg_link_an_mode == AnMode::MLO_AN_INBAND) {
    // An in-band port whose MAC's PCS the model has no code for: selected
    // as the MAC's own would be, at the first major configuration.
    PhylinkPcs* pcs = mac_internal_pcs_create(MacPcsKind::kUnmodelled, "internal");
    pl->unmodelled_pcs = pcs;
    pl->mac_ops.mac_select_pcs = [pcs](phy_interface_t) {
      return core::ErrOr<PhylinkPcs*>{pcs, 0};
    };
    pl->using_mac_select_pcs = true;
  }
  if (auto create = pcs_ops().phylink_create) return create(pl);
  return 0;
}

void phylink_pcs_destroy(Phylink* pl) {
  if (pl->inband_medium) pl->inband_medium->unwatch(pl);
  sim::del_timer_sync(&pl->link_poll);
  sim::del_timer_sync(&pl->lane_irq);
  if (auto destroy = pcs_ops().phylink_destroy) destroy(pl);
  mac_internal_pcs_destroy(pl->unmodelled_pcs);
}

}  // namespace lifeline::net

// ---- pcs=release: the fwnode PCS series' phylink side

namespace lifeline::net {

namespace {

// The protocol's "going away" for the PCS provider phylink holds (rtnl
// held): the provider's remove ran fwnode_pcs_del_provider(), and now
// phylink_release_pcs() for its PCS.
void phylink_pcs_going_away(ProviderConsumer* c, core::Device* provider) {
  auto* pl = static_cast<Phylink*>(c->owner);
  for (PhylinkPcs* pcs : std::vector<PhylinkPcs*>(pl->pcs_list))
    if (pcs->provider == provider) phylink_release_pcs(pcs);
}

// pcs_provider_notify(): a provider for the "pcs-handle" node phylink
// lost was added (FWNODE_PCS_PROVIDER_ADD).
int phylink_pcs_provider_notify(ProviderConsumer* c, core::Device* provider) {
  auto* pl = static_cast<Phylink*>(c->owner);
  // The provider's PCS that the consumer's "pcs-handle" names.
  core::ErrOr<PhylinkPcs*> r = fwnode_pcs_get(pl->fwnode, 0, -ENODEV);
  if (!r.ok()) return r.err;
  PhylinkPcs* pcs = r.value;
  sim::check_access(pcs, "pcs_provider_notify: pcs->phylink");
  sim::mutex_lock(&pl->state_mutex);
  pl->pcs_list.push_back(pcs);
  pcs->phylink = pl;
  if (pl->major_config_failed) pl->force_major_config = true;
  sim::mutex_unlock(&pl->state_mutex);
  provider_hold(&pl->pcs_consumer, provider);
  phylink_run_resolve(pl);
  return 0;
}

constexpr ProviderConsumerOps kPhylinkPcsConsumerOps = {
    .name =
        [](const ProviderConsumer* c) { return pl_name(static_cast<const Phylink*>(c->owner)); },
    .going_away = phylink_pcs_going_away,
    .reconnect = phylink_pcs_provider_notify,
};

}  // namespace

int phylink_fwnode_pcs_setup(Phylink* pl, int missing) {
  // fill_available_pcs(): the PCSs of the node's "pcs-handle" providers.
  std::vector<PhylinkPcs*> found;
  for (int i = 0; pl->fwnode; ++i) {
    core::ErrOr<PhylinkPcs*> r = fwnode_pcs_get(pl->fwnode, i, missing);
    if (r.err == -ENOENT) break;
    if (!r.ok()) continue;
    // A provider that forgot fwnode_pcs_del_provider() leaves a freed PCS
    // behind: reading it here is the use-after-free.
    sim::check_access(r.value, "fill_available_pcs: pcs->phylink");
    found.push_back(r.value);
  }
  // A MAC the series converted found its PCSs through the providers (its
  // pcs_interfaces); one that makes its own (the A5PSW's miic_create()) or
  // has none keeps mac_select_pcs().
  if (found.empty()) return 0;
  pl->pcs_consumer.kind = ProviderKind::kPcs;
  pl->pcs_consumer.ops = &kPhylinkPcsConsumerOps;
  pl->pcs_consumer.owner = pl;
  for (PhylinkPcs* pcs : found) {
    pl->pcs_list.push_back(pcs);
    pcs->phylink = pl;
    provider_hold(&pl->pcs_consumer, pcs->provider);
  }
  provider_consumer_register(&pl->pcs_consumer);
  return 0;
}

void phylink_fwnode_pcs_teardown(Phylink* pl) {
  if (!pl->pcs_consumer.registered) return;
  rtnl_lock();
  provider_consumer_unregister(&pl->pcs_consumer);
  for (PhylinkPcs* pcs : pl->pcs_list)
    if (pcs->phylink == pl) pcs->phylink = nullptr;
  pl->pcs_list.clear();
  rtnl_unlock();
}

void phylink_release_pcs(PhylinkPcs* pcs) {
  LL_FUNC();
  ASSERT_RTNL();
  Phylink* pl = pcs->phylink.get();
  if (!pl) return;
  sim::mutex_lock(&pl->state_mutex);
  std::erase(pl->pcs_list, pcs);
  pcs->phylink = nullptr;
  if (pl->pcs == pcs) {
    note(fmt::format("{}: PCS {} going away: forcing the link down", pl_name(pl), pcs->name()));
    bool up = pl->netdev ? netif_carrier_ok(pl->netdev) : pl->old_link_state;
    if (up) {
      pl->old_link_state = false;
      if (pl->netdev) netif_carrier_off(pl->netdev);
      if (pl->mac_ops.mac_link_down) pl->mac_ops.mac_link_down();
      ++pl->mac_link_downs;
      note(pl_name(pl) + ": Link is Down");
    }
    phylink_pcs_disable(pcs);
    pl->force_major_config = true;
    pl->pcs = nullptr;
  }
  sim::mutex_unlock(&pl->state_mutex);
  phylink_run_resolve(pl);
}

}  // namespace lifeline::net
