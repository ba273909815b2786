// SPDX-License-Identifier: GPL-2.0-only
// phylink as an SFP upstream, after the sfp_phylink_ops of
// drivers/net/phy/phylink.c (v6.12): phylink_register_sfp() and every
// upstream op but module_remove. A module changes what the link carries
// (pl->link_interface, pl->cur_link_an_mode, pl->supported) and asks for a
// resolve (phylink_internal.h's seam); link up and down from the module go
// through PHYLINK_DISABLE_LINK. The ASSERT_RTNL()s of the ops are the
// sfp-lock design's assertion (net/designs/sfp_lock.h).
#include <fmt/format.h>

#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/phylink_internal.h"
#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/timer.h"

namespace lifeline::net {

struct PhylinkSfp : sim::Object {
  PhylinkSfp() : sim::Object("phylink_sfp", "") {}
  LinkModes sfp_support;
  PhyInterfaceMask sfp_interfaces;
  bool sfp_may_have_phy = false;
  int sfp_port = 0;
  // The MAC's in-band link interrupt (mvneta's MVNETA_CAUSE_LINK_CHANGE,
  // mvpp2's GMAC link IRQ): the serdes reports its sync a moment after the
  // line changes, and phylink_mac_change() resolves again.
  Medium* watched = nullptr;
  sim::TimerList link_irq;
};

namespace {

using sim::note;

// phylink_sfp_interface_preference[]
constexpr phy_interface_t kSfpInterfacePreference[] = {
    PHY_INTERFACE_MODE_25GBASER,  PHY_INTERFACE_MODE_USXGMII,   PHY_INTERFACE_MODE_10GBASER,
    PHY_INTERFACE_MODE_5GBASER,   PHY_INTERFACE_MODE_2500BASEX, PHY_INTERFACE_MODE_SGMII,
    PHY_INTERFACE_MODE_1000BASEX, PHY_INTERFACE_MODE_100BASEX,
};

Phylink* to_pl(sim::Object* upstream) { return static_cast<Phylink*>(upstream); }

// pl->config->supported_interfaces. The MACs with an SFP cage on the
// bundled boards drive a comphy serdes whose modes are one family:
// mvneta_probe() sets SGMII, 1000BASE-X and 2500BASE-X when the port has a
// comphy; mvpp2_phylink_init() adds 5GBASE-R, 10GBASE-R and USXGMII on its
// 10G ports; mtk_add_mac() sets SGMII, 1000BASE-X, 2500BASE-X for its SGMII
// MACs. The port's phy-mode tells which family.
PhyInterfaceMask mac_supported_interfaces(const Phylink* pl) {
  PhyInterfaceMask m;
  phy_interface_t i = pl->link_interface;
  bool serdes_1g = i == PHY_INTERFACE_MODE_SGMII || i == PHY_INTERFACE_MODE_1000BASEX ||
                   i == PHY_INTERFACE_MODE_2500BASEX;
  bool serdes_10g = i == PHY_INTERFACE_MODE_10GBASER || i == PHY_INTERFACE_MODE_5GBASER ||
                    i == PHY_INTERFACE_MODE_USXGMII || i == PHY_INTERFACE_MODE_10GKR;
  if (serdes_1g || serdes_10g) {
    m.set(PHY_INTERFACE_MODE_SGMII);
    m.set(PHY_INTERFACE_MODE_1000BASEX);
    m.set(PHY_INTERFACE_MODE_2500BASEX);
  }
  if (serdes_10g) {
    m.set(PHY_INTERFACE_MODE_5GBASER);
    m.set(PHY_INTERFACE_MODE_10GBASER);
    m.set(PHY_INTERFACE_MODE_USXGMII);
  }
  if (i != PHY_INTERFACE_MODE_NA) m.set(i);
  return m;
}

// phylink_validate() for one interface: the MAC must carry it; the modes
// shrink to what the interface can run at.
int phylink_validate(const Phylink* pl, LinkModes* support, phy_interface_t interface) {
  if (interface == PHY_INTERFACE_MODE_NA) return mac_supported_interfaces(pl).any() ? 0 : -EINVAL;
  if (!mac_supported_interfaces(pl).test(interface)) return -EINVAL;
  int max = phylink_interface_max_speed(interface);
  for (int bit = 0; bit < __ETHTOOL_LINK_MODE_MASK_NBITS; ++bit)
    if (support->test(bit))
      if (const LinkMode* lm = find_link_mode(bit);
          lm && lm->speed > 0 && max > 0 && lm->speed > max)
        support->reset(bit);
  return support->any() ? 0 : -EINVAL;
}

// The MAC's in-band link interrupt: the serdes syncs ~100 ms after the line.
void watch_inband_medium(Phylink* pl, Medium* m) {
  PhylinkSfp* s = pl->sfp;
  if (s->watched == m) return;
  if (s->watched) s->watched->unwatch(s);
  s->watched = m;
  m->watch(s, [pl] { sim::mod_timer(&pl->sfp->link_irq, sim::now() + 100 * sim::kMsec + 1); });
}

void phylink_sfp_set_config(Phylink* pl, AnMode mode, const LinkModes& supported,
                            const PhylinkLinkState& state) {
  bool changed = false;
  sim::mutex_lock(&pl->state_mutex);
  if (pl->supported != supported) {
    pl->supported = supported;
    changed = true;
  }
  if (pl->link_config.advertising != state.advertising) {
    pl->link_config.advertising = state.advertising;
    changed = true;
  }
  if (pl->cur_link_an_mode != mode || pl->link_config.interface != state.interface) {
    pl->cur_link_an_mode = mode;
    pl->link_config.interface = state.interface;
    // The in-band PCS of the model reads the interface and the line here.
    pl->link_interface = state.interface;
    changed = true;
    note(fmt::format("{}: switched to {}/{} link mode", pl_name(pl), an_mode_name(mode),
                     phy_modes(state.interface)));
  }
  if (mode == AnMode::MLO_AN_INBAND) {
    pl->inband_medium = Net::current().medium_for(pl->sfp_bus->fwnode);
    watch_inband_medium(pl, pl->inband_medium);
  }
  sim::mutex_unlock(&pl->state_mutex);
  // phylink_mac_initial_config() when running; the resolve applies it.
  if (changed && !(pl->phylink_disable_state & (1ul << PHYLINK_DISABLE_STOPPED)))
    phylink_run_resolve(pl);
}

int phylink_sfp_config_optical(Phylink* pl) {
  PhylinkSfp* s = pl->sfp;
  PhyInterfaceMask interfaces = mac_supported_interfaces(pl) & s->sfp_interfaces;
  if (interfaces.none()) {
    note(pl_name(pl) + ": unsupported SFP module: no common interface modes");
    return -EINVAL;
  }
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
  for (phy_interface_t i : kSfpInterfacePreference)
    if (interfaces.test(i)) {
      interface = i;
      break;
    }
  if (interface == PHY_INTERFACE_MODE_NA) {
    note(pl_name(pl) + ": failed to select SFP interface");
    return -EINVAL;
  }
  LinkModes support = s->sfp_support;
  int ret = phylink_validate(pl, &support, interface);
  if (ret) {
    note(pl_name(pl) + ": validation with support failed");
    return ret;
  }
  PhylinkLinkState config;
  config.interface = interface;
  config.advertising = support;
  phylink_sfp_set_config(pl, AnMode::MLO_AN_INBAND, support, config);
  return 0;
}

int phylink_sfp_config_phy(Phylink* pl, AnMode mode, PhyDevice* phy) {
  LinkModes support = phy->supported;
  PhylinkLinkState config;
  config.advertising = phy->advertising;
  int ret = phylink_validate(pl, &support, PHY_INTERFACE_MODE_NA);
  if (ret) return ret;
  phy_interface_t iface = sfp_select_interface(pl->sfp_bus, config.advertising);
  if (iface == PHY_INTERFACE_MODE_NA) {
    note(pl_name(pl) + ": selection of interface failed");
    return -EINVAL;
  }
  config.interface = iface;
  ret = phylink_validate(pl, &support, iface);
  if (ret) {
    note(fmt::format("{}: validation of {}/{} failed: {}", pl_name(pl), an_mode_name(mode),
                     phy_modes(iface), core::errno_name(ret)));
    return ret;
  }
  phylink_sfp_set_config(pl, mode, support, config);
  return 0;
}

void phylink_sfp_attach(sim::Object* upstream, SfpBus* bus) {
  Phylink* pl = to_pl(upstream);
  if (!pl->netdev) sim::null_deref("pl->netdev");
  pl->netdev->sfp_bus = bus;
}

void phylink_sfp_detach(sim::Object* upstream, SfpBus*) {
  Phylink* pl = to_pl(upstream);
  if (!pl->netdev) sim::null_deref("pl->netdev");
  pl->netdev->sfp_bus = nullptr;
}

int phylink_sfp_module_insert(sim::Object* upstream, const SfpEepromId* id) {
  Phylink* pl = to_pl(upstream);
  sfp_lock_assert();
  PhylinkSfp* s = sim::Ptr<PhylinkSfp>(pl->sfp).at("pl->sfp_support");
  s->sfp_support.reset();
  s->sfp_interfaces.reset();
  sfp_parse_support(pl->sfp_bus, id, &s->sfp_support, &s->sfp_interfaces);
  s->sfp_port = sfp_parse_port(pl->sfp_bus, id, &s->sfp_support);
  // A module that may have a PHY is configured when the PHY connects (or
  // at module_start, if none did).
  s->sfp_may_have_phy = sfp_may_have_phy(pl->sfp_bus, id);
  if (s->sfp_may_have_phy) return 0;
  return phylink_sfp_config_optical(pl);
}

// No check of the PHY's state: a PHY already started is started again,
// which phy_start() WARNs about (the 5.10 report, openwrt #10453).
int phylink_sfp_module_start(sim::Object* upstream) {
  Phylink* pl = to_pl(upstream);
  if (PhyDevice* phy = pl->phydev.get()) {
    phy_start(phy);
    return 0;
  }
  if (!pl->sfp->sfp_may_have_phy) return 0;
  return phylink_sfp_config_optical(pl);
}

void phylink_sfp_module_stop(sim::Object* upstream) {
  Phylink* pl = to_pl(upstream);
  if (PhyDevice* phy = pl->phydev.get()) phy_stop(phy);
}

void phylink_sfp_link_down(sim::Object* upstream) {
  Phylink* pl = to_pl(upstream);
  sfp_lock_assert();
  phylink_run_resolve_and_disable(pl, PHYLINK_DISABLE_LINK);
}

void phylink_sfp_link_up(sim::Object* upstream) {
  Phylink* pl = to_pl(upstream);
  sfp_lock_assert();
  phylink_enable_and_run_resolve(pl, PHYLINK_DISABLE_LINK);
}

int phylink_sfp_connect_phy(sim::Object* upstream, PhyDevice* phy) {
  Phylink* pl = to_pl(upstream);
  // phy_support_asym_pause()
  linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, phy->supported);
  linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT, phy->supported);
  AnMode mode = AnMode::MLO_AN_INBAND;
  int ret = phylink_sfp_config_phy(pl, mode, phy);
  if (ret < 0) return ret;
  phy_interface_t interface = pl->link_config.interface;
  // phylink_attach_phy()
  if (pl->phydev) return -EBUSY;
  ret = phy_attach_direct(pl->netdev, phy, 0, interface);
  if (ret < 0) return ret;
  ret = phylink_bringup_phy(pl, phy, interface);
  if (ret) phy_detach(phy);
  return ret;
}

void phylink_sfp_disconnect_phy(sim::Object* upstream, PhyDevice*) {
  phylink_disconnect_phy(to_pl(upstream));
}

constexpr SfpUpstreamOps sfp_phylink_ops = {
    .attach = phylink_sfp_attach,
    .detach = phylink_sfp_detach,
    .module_insert = phylink_sfp_module_insert,
    .module_start = phylink_sfp_module_start,
    .module_stop = phylink_sfp_module_stop,
    .link_down = phylink_sfp_link_down,
    .link_up = phylink_sfp_link_up,
    .connect_phy = phylink_sfp_connect_phy,
    .disconnect_phy = phylink_sfp_disconnect_phy,
};

}  // namespace

int phylink_register_sfp(Phylink* pl, core::FwNode* fwnode) {
  LL_FUNC();
  if (!fwnode) return 0;
  SfpBus* bus = sfp_bus_find_fwnode(fwnode);
  if (!bus) return 0;
  pl->sfp_bus = bus;
  auto* s = sim::kzalloc<PhylinkSfp>();
  s->set_name(pl->name());
  sim::timer_setup(&s->link_irq, "mac_link_irq " + pl->name(), [pl] {
    sim::Engine::current().spawn("irq/" + pl_name(pl) + "-link", [pl] {
      if (pl->sfp && pl->inband_medium) phylink_mac_change(pl, pl->inband_medium->plugged);
    });
  });
  pl->sfp = s;
  int ret = sfp_bus_add_upstream(bus, pl, &sfp_phylink_ops);
  sfp_bus_put(bus);
  return ret;
}

void phylink_unregister_sfp(Phylink* pl) {
  if (!pl->sfp_bus) return;
  sfp_bus_del_upstream(pl->sfp_bus);
  if (PhylinkSfp* s = pl->sfp) {
    if (s->watched) s->watched->unwatch(s);
    sim::del_timer(&s->link_irq);
    pl->sfp = nullptr;
    sim::kfree(s);
  }
}

void phylink_sfp_upstream_start(Phylink* pl) {
  if (pl->sfp_bus) sfp_upstream_start(pl->sfp_bus);
}

void phylink_sfp_upstream_stop(Phylink* pl) {
  if (pl->sfp_bus) sfp_upstream_stop(pl->sfp_bus);
}

}  // namespace lifeline::net
