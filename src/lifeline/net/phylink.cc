// SPDX-License-Identifier: GPL-2.0-only
// phylink, after drivers/net/phy/phylink.c. phylink is a consumer of the
// provider-lifecycle protocol (net/provider_lifecycle.h) for its PHY: it
// records the PHY it holds, and under a design that announces a PHY going
// away (notify-down, replay) it forces the link down and lets go of it, and
// reconnects when a PHY for the same node binds again.
#include "lifeline/net/phylink.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink_internal.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

using sim::note;

std::string pl_name(const Phylink* pl) {
  return pl->netdev ? pl->netdev->name() : (pl->dev ? pl->dev->name() : std::string("phylink"));
}

namespace {

void phylink_link_up(Phylink* pl, const PhylinkLinkState& s) {
  ++pl->mac_link_ups;
  pl->cur_interface = s.interface;
  phylink_pcs_link_up_of(pl, pl->cur_interface, s.speed, s.duplex);
  if (pl->mac_ops.mac_link_up) pl->mac_ops.mac_link_up(s.speed, s.duplex);
  if (pl->netdev) netif_carrier_on(pl->netdev);
  note(fmt::format("{}: Link is Up - {}", pl_name(pl), speed_duplex_string(s.speed, s.duplex)));
}

void phylink_link_down(Phylink* pl) {
  ++pl->mac_link_downs;
  if (pl->netdev) netif_carrier_off(pl->netdev);
  if (pl->mac_ops.mac_link_down) pl->mac_ops.mac_link_down();
  note(pl_name(pl) + ": Link is Down");
}

void phylink_resolve(Phylink* pl) {
  LL_FUNC();
  sim::check_access(pl, "phylink_resolve");
  sim::mutex_lock(&pl->state_mutex);
  bool cur_link_state = pl->netdev ? netif_carrier_ok(pl->netdev) : pl->old_link_state;
  bool mac_config = false;
  bool retrigger = false;
  PhylinkLinkState link_state;
  if (pl->phylink_disable_state) {
    pl->link_failed = false;
    link_state.link = false;
  } else if (pl->link_failed) {
    link_state.link = false;
    retrigger = true;
  } else if (pl->major_config_failed || pl->force_major_config) {
    // pcs=release: the link is held down until a major configuration finds
    // a PCS (the series' force_major_config / major_config_failed).
    link_state = pl->link_config;
    link_state.link = false;
    phylink_major_config(pl, false, link_state);
    if (!pl->major_config_failed) retrigger = true;
  } else {
    switch (pl->cur_link_an_mode) {
      case AnMode::MLO_AN_PHY:
        link_state = pl->phy_state;
        mac_config = link_state.link;
        break;
      case AnMode::MLO_AN_FIXED:
        link_state = pl->link_config;
        link_state.link = true;
        link_state.speed = pl->fixed_speed;
        link_state.duplex = pl->fixed_duplex;
        link_state.interface = pl->link_interface;
        mac_config = link_state.link;
        break;
      case AnMode::MLO_AN_INBAND:
        phylink_mac_pcs_get_state(pl, &link_state);
        // A latching link-fail indicator: bring the link down and
        // re-resolve if it was up, else read the current state again.
        if (!link_state.link) {
          if (cur_link_state)
            retrigger = true;
          else
            phylink_mac_pcs_get_state(pl, &link_state);
        }
        // With a PHY, the link is up when both say so.
        if (pl->phydev.get()) link_state.link = link_state.link && pl->phy_state.link;
        if (pl->phydev.get() && pl->phy_state.link) {
          // The PHY changed its interface: down, then reconfigure.
          if (link_state.interface != pl->phy_state.interface) {
            retrigger = true;
            link_state.link = false;
          }
          link_state.interface = pl->phy_state.interface;
          mac_config = true;
        }
        break;
    }
  }
  if (mac_config && link_state.interface != pl->link_config.interface) {
    if (cur_link_state) {
      phylink_link_down(pl);
      cur_link_state = false;
    }
    phylink_major_config(pl, false, link_state);
    pl->link_config.interface = link_state.interface;
  }
  if (link_state.link != cur_link_state) {
    pl->old_link_state = link_state.link;
    if (!link_state.link)
      phylink_link_down(pl);
    else
      phylink_link_up(pl, link_state);
  }
  if (!link_state.link && retrigger) {
    pl->link_failed = false;
    sim::queue_work(sim::Engine::current().system_power_efficient_wq(), &pl->resolve);
  }
  sim::mutex_unlock(&pl->state_mutex);
}

}  // namespace

void phylink_run_resolve(Phylink* pl) {
  if (!pl->phylink_disable_state)
    sim::queue_work(sim::Engine::current().system_power_efficient_wq(), &pl->resolve);
}

void phylink_run_resolve_and_disable(Phylink* pl, unsigned bit) {
  unsigned long state = pl->phylink_disable_state;
  pl->phylink_disable_state |= 1ul << bit;
  if (state == 0) {
    sim::queue_work(sim::Engine::current().system_power_efficient_wq(), &pl->resolve);
    sim::flush_work(&pl->resolve);
  }
}

void phylink_enable_and_run_resolve(Phylink* pl, unsigned bit) {
  pl->phylink_disable_state &= ~(1ul << bit);
  phylink_run_resolve(pl);
}

namespace {

// phylink_phy_change(): called by the PHY state machine, phydev->lock held.
void phylink_phy_change(PhyDevice* phydev, bool up) {
  Phylink* pl = phydev->phylink.at("phydev->phylink");
  sim::mutex_lock(&pl->state_mutex);
  pl->phy_state.speed = phydev->speed;
  pl->phy_state.duplex = phydev->duplex;
  pl->phy_state.interface = phydev->interface;
  pl->phy_state.link = up;
  if (!up) pl->link_failed = true;
  sim::mutex_unlock(&pl->state_mutex);
  phylink_run_resolve(pl);
}

}  // namespace

int phylink_bringup_phy(Phylink* pl, PhyDevice* phy, phy_interface_t interface) {
  phy->phylink = pl;
  phy->phy_link_change = phylink_phy_change;
  // phylink_info(pl, "PHY [%s] driver [%s] (irq=%s)\n", ..., phy->drv->name, ...):
  // the kernel reads phy->drv unguarded here.
  const std::string& drv_name = phy->drv.at("phy->drv->name")->name();
  note(fmt::format("{}: PHY [{}] driver [{}] (irq={})", pl_name(pl), phy->name(), drv_name,
                   phy->irq > 0 ? std::to_string(phy->irq) : std::string("POLL")));
  sim::mutex_lock(&phy->lock);
  sim::mutex_lock(&pl->state_mutex);
  pl->phydev = phy;
  pl->phy_state = PhylinkLinkState{interface, SPEED_UNKNOWN, DUPLEX_UNKNOWN, {}, false};
  pl->supported = phy->supported;
  pl->link_config.advertising = phy->advertising;
  sim::mutex_unlock(&pl->state_mutex);
  sim::mutex_unlock(&phy->lock);
  provider_hold(&pl->phy_consumer, phy);
  if (phy_interrupt_is_valid(phy)) phy_request_interrupt(phy);
  return 0;
}

namespace {

// The protocol's "going away" for the PHY phylink holds (rtnl held).
void phylink_phy_going_away(ProviderConsumer* c, core::Device* provider) {
  auto* pl = static_cast<Phylink*>(c->owner);
  PhyDevice* phydev = to_phy_device(provider);
  note(pl_name(pl) + ": PHY " + phydev->name() + " going away: forcing the link down");
  // Down first, synchronously, while the PHY is still valid...
  sim::mutex_lock(&pl->state_mutex);
  pl->phy_state.link = false;
  pl->link_failed = true;
  sim::mutex_unlock(&pl->state_mutex);
  if (!pl->phylink_disable_state) {
    sim::queue_work(sim::Engine::current().system_power_efficient_wq(), &pl->resolve);
    sim::flush_work(&pl->resolve);
  }
  // ...then every reference goes.
  phylink_disconnect_phy(pl);
}

// A PHY for the node phylink lost arrived (rtnl held).
int phylink_phy_reconnect(ProviderConsumer* c, core::Device* provider) {
  return phylink_connect_phy(static_cast<Phylink*>(c->owner), to_phy_device(provider));
}

void phylink_phy_restart(ProviderConsumer* c, core::Device* provider) {
  auto* pl = static_cast<Phylink*>(c->owner);
  if (!(pl->phylink_disable_state & (1ul << PHYLINK_DISABLE_STOPPED)))
    phy_start(to_phy_device(provider));
}

constexpr ProviderConsumerOps kPhylinkPhyConsumerOps = {
    .name =
        [](const ProviderConsumer* c) { return pl_name(static_cast<const Phylink*>(c->owner)); },
    .going_away = phylink_phy_going_away,
    .reconnect = phylink_phy_reconnect,
    .restart = phylink_phy_restart,
};

}  // namespace

const char* an_mode_name(AnMode m) {
  switch (m) {
    case AnMode::MLO_AN_PHY:
      return "phy";
    case AnMode::MLO_AN_FIXED:
      return "fixed";
    case AnMode::MLO_AN_INBAND:
      return "inband";
  }
  return "?";
}

core::FwNode* fwnode_get_phy_node(const core::FwNode* fwnode) {
  for (const char* prop : {"phy-handle", "phy", "phy-device"})
    if (core::FwNode* n = core::parse_phandle(fwnode, prop)) return n;
  return nullptr;
}

core::ErrOr<Phylink*> phylink_create(NetDevice* netdev, core::Device* dev, core::FwNode* fwnode,
                                     phy_interface_t interface, PhylinkMacOps mac_ops) {
  LL_FUNC();
  Phylink* pl = sim::kzalloc<Phylink>();
  pl->netdev = netdev;
  pl->dev = dev;
  pl->fwnode = fwnode;
  pl->mac_ops = std::move(mac_ops);
  pl->set_name(pl_name(pl) == "phylink" && fwnode ? fwnode->full_path : pl_name(pl));
  sim::mutex_init(&pl->state_mutex, "&pl->state_mutex");
  sim::INIT_WORK(
      &pl->resolve, "phylink_resolve", [pl] { phylink_resolve(pl); },
      fwnode ? fwnode->name : std::string());
  if (netdev) netif_carrier_off(netdev);
  pl->link_interface = interface;
  pl->phy_state.interface = interface;
  pl->link_config.interface = interface;
  pl->phylink_disable_state = 1ul << PHYLINK_DISABLE_STOPPED;
  // phylink_parse_mode(): fixed-link, managed = "in-band-status", or a PHY.
  core::FwNode* fixed = fwnode ? fwnode->child_by_name("fixed-link") : nullptr;
  if (fixed || (fwnode && fwnode->has_property("fixed-link"))) {
    pl->cfg_link_an_mode = AnMode::MLO_AN_FIXED;
    if (fixed) {
      pl->fixed_speed = static_cast<int>(fixed->read_u32("speed").value_or(1000));
      pl->fixed_duplex = fixed->has_property("full-duplex") ? DUPLEX_FULL : DUPLEX_HALF;
    } else {
      // The old five-cell form: <id duplex speed pause asym>.
      std::vector<uint32_t> cells = fwnode->read_u32_array("fixed-link");
      pl->fixed_speed = cells.size() > 2 ? static_cast<int>(cells[2]) : 1000;
      pl->fixed_duplex = cells.size() > 1 && cells[1] ? DUPLEX_FULL : DUPLEX_HALF;
    }
  } else if (fwnode &&
             fwnode->read_string("managed") == std::optional<std::string>("in-band-status")) {
    pl->cfg_link_an_mode = AnMode::MLO_AN_INBAND;
    pl->inband_medium = Net::current().medium_for(fwnode);
  }
  pl->cur_link_an_mode = pl->cfg_link_an_mode;
  // The PCS: mac_select_pcs() probed, and the pcs design's setup.
  if (int err = phylink_pcs_create(pl)) {
    phylink_pcs_destroy(pl);
    sim::kfree(pl);
    return {nullptr, err};
  }
  // Its side of the provider-lifecycle protocol, for its PHY.
  pl->phy_consumer.kind = ProviderKind::kPhy;
  pl->phy_consumer.ops = &kPhylinkPhyConsumerOps;
  pl->phy_consumer.owner = pl;
  pl->phy_consumer.journal = netdev ? &netdev->journal : nullptr;
  int ret = phylink_register_sfp(pl, fwnode);
  if (ret < 0) {
    sim::kfree(pl);
    return {nullptr, ret};
  }
  return {pl, 0};
}

void phylink_destroy(Phylink* pl) {
  LL_FUNC();
  if (!pl) return;
  phylink_unregister_sfp(pl);
  if (pl->phy_consumer.registered) {
    // The protocol's contract: unregistered under rtnl.
    rtnl_lock();
    provider_consumer_unregister(&pl->phy_consumer);
    rtnl_unlock();
  }
  phylink_pcs_destroy(pl);
  sim::cancel_work_sync(&pl->resolve);
  sim::kfree(pl);
}

void phylink_start(Phylink* pl) {
  LL_FUNC();
  ASSERT_RTNL();
  note(fmt::format("{}: configuring for {}/{} link mode", pl_name(pl),
                   an_mode_name(pl->cur_link_an_mode), phy_modes(pl->link_config.interface)));
  if (pl->netdev) netif_carrier_off(pl->netdev);
  // The first major configuration: the PCS is enabled (PCS_STATE_STARTING).
  phylink_pcs_start(pl);
  phylink_enable_and_run_resolve(pl, PHYLINK_DISABLE_STOPPED);
  if (PhyDevice* phy = pl->phydev.get()) phy_start(phy);
  phylink_sfp_upstream_start(pl);
}

void phylink_stop(Phylink* pl) {
  LL_FUNC();
  ASSERT_RTNL();
  phylink_sfp_upstream_stop(pl);
  if (PhyDevice* phy = pl->phydev.get()) phy_stop(phy);
  phylink_run_resolve_and_disable(pl, PHYLINK_DISABLE_STOPPED);
  phylink_pcs_stop(pl);
}

bool phylink_expects_phy(const Phylink* pl) {
  return !(pl->cfg_link_an_mode == AnMode::MLO_AN_FIXED ||
           (pl->cfg_link_an_mode == AnMode::MLO_AN_INBAND &&
            phy_interface_mode_is_8023z(pl->link_interface)));
}

int phylink_connect_phy(Phylink* pl, PhyDevice* phy, uint32_t flags) {
  // A MAC with no phy-mode takes the PHY's interface.
  if (pl->link_interface == PHY_INTERFACE_MODE_NA) {
    pl->link_interface = phy->interface;
    pl->link_config.interface = pl->link_interface;
  }
  if (pl->phydev.get()) return -EBUSY;
  int ret = phy_attach_direct(pl->netdev, phy, flags, pl->link_interface);
  if (ret < 0) return ret;
  ret = phylink_bringup_phy(pl, phy, pl->link_config.interface);
  if (ret) phy_detach(phy);
  return ret;
}

int phylink_fwnode_phy_connect(Phylink* pl, core::FwNode* fwnode, uint32_t flags) {
  LL_FUNC();
  // Fixed links and 802.3z are handled without a PHY.
  if (!phylink_expects_phy(pl)) return 0;
  core::FwNode* phy_fwnode = fwnode_get_phy_node(fwnode);
  if (!phy_fwnode) return pl->cfg_link_an_mode == AnMode::MLO_AN_PHY ? -ENODEV : 0;
  PhyDevice* phy_dev = of_phy_find_device(phy_fwnode);
  if (!phy_dev) return -ENODEV;  // not -EPROBE_DEFER
  if (pl->phydev.get()) {
    phy_device_free(phy_dev);
    return -EBUSY;
  }
  // Use the PHY's interface, as phylink_connect_phy() does.
  if (pl->link_interface == PHY_INTERFACE_MODE_NA) {
    pl->link_interface = phy_dev->interface;
    pl->link_config.interface = pl->link_interface;
  }
  int ret = phy_attach_direct(pl->netdev, phy_dev, flags, pl->link_interface);
  phy_device_free(phy_dev);
  if (ret) return ret;
  ret = phylink_bringup_phy(pl, phy_dev, pl->link_config.interface);
  if (ret) phy_detach(phy_dev);
  return ret;
}

void phylink_disconnect_phy(Phylink* pl) {
  LL_FUNC();
  ASSERT_RTNL();
  PhyDevice* phy = pl->phydev.get();
  if (!phy) return;
  sim::mutex_lock(&phy->lock);
  sim::mutex_lock(&pl->state_mutex);
  pl->phydev = nullptr;
  sim::mutex_unlock(&pl->state_mutex);
  sim::mutex_unlock(&phy->lock);
  // Let go first: phy_disconnect() may release genphy, whose phy_remove()
  // must find nobody holding the PHY (we hold rtnl).
  provider_release(&pl->phy_consumer);
  sim::flush_work(&pl->resolve);
  phy_disconnect(phy);
}

void phylink_mac_change(Phylink* pl, bool up) {
  if (!up) pl->link_failed = true;
  phylink_run_resolve(pl);
}

int phylink_ethtool_ksettings_set(Phylink* pl, const EthtoolLinkSettings& cmd) {
  ASSERT_RTNL();
  if (PhyDevice* phy = pl->phydev.get()) {
    EthtoolLinkSettings c = cmd;
    if (c.advertising.any()) {
      LinkModes allowed = pl->supported;
      linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, allowed);
      c.advertising &= allowed;
    }
    return phy_ethtool_ksettings_set(phy, c);
  }
  if (pl->cur_link_an_mode == AnMode::MLO_AN_FIXED) {
    if (cmd.speed != pl->fixed_speed || cmd.duplex != pl->fixed_duplex) return -EINVAL;
    return 0;
  }
  // No PHY: only phylink's own configuration changes.
  sim::mutex_lock(&pl->state_mutex);
  pl->link_config.speed = cmd.speed;
  pl->link_config.duplex = cmd.duplex;
  if (cmd.advertising.any()) pl->link_config.advertising = cmd.advertising;
  sim::mutex_unlock(&pl->state_mutex);
  return 0;
}

int phylink_ethtool_set_wol(Phylink* pl, uint32_t wolopts) {
  ASSERT_RTNL();
  if (PhyDevice* phy = pl->phydev.get()) return phy_ethtool_set_wol(phy, wolopts);
  return -EOPNOTSUPP;
}

}  // namespace lifeline::net
