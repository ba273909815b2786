// SPDX-License-Identifier: GPL-2.0-only
// The SFP bus, after drivers/net/phy/sfp-bus.c (v6.12). The model keeps the
// kernel's shape: a bus found or created by the cage's firmware node under
// sfp_mutex, a kref each side holds, registration when both sides exist.
// Where the kernel takes rtnl, this file calls sfp_lock() (the sfp-lock
// knob, net/designs/sfp_lock.h).
#include "lifeline/net/sfp/sfp_bus.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/designs/sfp_lock.h"
#include "lifeline/net/net.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

constexpr int PORT_TP = 0x00;
constexpr int PORT_FIBRE = 0x03;
constexpr int PORT_DA = 0x05;

std::string bus_name(const SfpBus* bus) {
  return bus->fwnode ? bus->fwnode->full_path : std::string("sfp_bus");
}

// sfp_get_upstream_ops(): the upstream is called only while registered.
const SfpUpstreamOps* sfp_get_upstream_ops(SfpBus* bus) {
  sim::check_access(bus, "bus->registered");
  return bus->registered ? bus->upstream_ops : nullptr;
}

sim::Object* upstream_of(SfpBus* bus) { return bus->upstream.at("bus->upstream"); }

// bus->socket_ops / bus->upstream_ops, read where the kernel dereferences
// them: NULL once the side cleared itself.
const SfpSocketOps* socket_of(SfpBus* bus) {
  sim::check_access(bus, "bus->socket_ops");
  if (!bus->socket_ops) sim::null_deref("bus->socket_ops");
  return bus->socket_ops;
}
const SfpUpstreamOps* upstream_ops_of(SfpBus* bus) {
  sim::check_access(bus, "bus->upstream_ops");
  if (!bus->upstream_ops) sim::null_deref("bus->upstream_ops");
  return bus->upstream_ops;
}

SfpBus* sfp_bus_get(const core::FwNode* fwnode) {
  SfpState& st = sfp_state();
  SfpBus* found = nullptr;
  sim::mutex_lock(&st.sfp_mutex);
  for (SfpBus* b : st.sfp_buses)
    if (b->fwnode == fwnode) {
      sim::kref_get(&b->kref);
      found = b;
      break;
    }
  if (!found) {
    found = sim::kzalloc<SfpBus>();
    found->set_name(fwnode ? fwnode->full_path : std::string());
    sim::kref_init(&found->kref, found);
    found->fwnode = fwnode;
    st.sfp_buses.push_back(found);
  }
  sim::mutex_unlock(&st.sfp_mutex);
  return found;
}

// sfp_register_bus(): upstream link_down, connect a PHY already recorded,
// registered, socket attach (and start), upstream attach.
int sfp_register_bus(SfpBus* bus) {
  LL_FUNC();
  const SfpUpstreamOps* ops = bus->upstream_ops;
  if (ops) {
    if (ops->link_down) ops->link_down(upstream_of(bus));
    if (ops->connect_phy && bus->phydev) {
      int ret = ops->connect_phy(upstream_of(bus), bus->phydev.get());
      if (ret) return ret;
    }
  }
  bus->registered = true;
  note(fmt::format("sfp_bus {}: registered", bus_name(bus)));
  sim::Engine::current().mark_progress();
  sim::yield("sfp_register_bus");
  socket_of(bus)->attach(bus->sfp.at("bus->sfp"));
  if (bus->started) socket_of(bus)->start(bus->sfp.at("bus->sfp"));
  upstream_ops_of(bus)->attach(upstream_of(bus), bus);
  return 0;
}

void sfp_unregister_bus(SfpBus* bus) {
  LL_FUNC();
  const SfpUpstreamOps* ops = bus->upstream_ops;
  sim::yield("sfp_unregister_bus");
  if (bus->registered) {
    upstream_ops_of(bus)->detach(upstream_of(bus), bus);
    if (bus->started) socket_of(bus)->stop(bus->sfp.at("bus->sfp"));
    socket_of(bus)->detach(bus->sfp.at("bus->sfp"));
    if (bus->phydev && ops && ops->disconnect_phy)
      ops->disconnect_phy(upstream_of(bus), bus->phydev.get());
    note(fmt::format("sfp_bus {}: unregistered", bus_name(bus)));
  }
  bus->registered = false;
}

void sfp_upstream_clear(SfpBus* bus) {
  bus->upstream_ops = nullptr;
  bus->upstream = nullptr;
}

void sfp_socket_clear(SfpBus* bus) {
  bus->sfp_dev = nullptr;
  bus->sfp = nullptr;
  bus->socket_ops = nullptr;
}

// sfp_module_parse_may_have_phy()
bool parse_may_have_phy(const SfpEepromId& id) {
  if (id.e1000_base_t) return true;
  return id.extended_cc == SFF8024_ECC_10GBASE_T_SFI || id.extended_cc == SFF8024_ECC_2_5GBASE_T;
}

// sfp_module_parse_support(), for the codes the profiles carry.
void parse_support(const SfpEepromId& id, bool quirk_2500basex, SfpModuleCaps* caps) {
  LinkModes& modes = caps->link_modes;
  PhyInterfaceMask& interfaces = caps->interfaces;
  modes.reset();
  interfaces.reset();
  unsigned br_nom = id.br_nominal && id.br_nominal != 255 ? id.br_nominal * 100u : 0;
  unsigned br_min = br_nom, br_max = br_nom;
  if (br_min == br_max && id.sfp_ct_passive) br_min = 0;
  if (id.e10g_base_sr) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseSR_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_10GBASER);
  }
  if (id.e10g_base_lr) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseLR_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_10GBASER);
  }
  if (id.e1000_base_sx || id.e1000_base_lx) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseX_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_1000BASEX);
  }
  if (id.e1000_base_t) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Half_BIT, modes);
    linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_1000BASEX);
    interfaces.set(PHY_INTERFACE_MODE_SGMII);
  }
  if (id.sfp_ct_passive && br_nom) {
    if (br_min <= 12000 && br_max >= 10300) {
      linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseCR_Full_BIT, modes);
      interfaces.set(PHY_INTERFACE_MODE_10GBASER);
    }
    if (br_min <= 3200 && br_max >= 3100) {
      linkmode_set_bit(ETHTOOL_LINK_MODE_2500baseX_Full_BIT, modes);
      interfaces.set(PHY_INTERFACE_MODE_2500BASEX);
    }
    if (br_min <= 1300 && br_max >= 1200) {
      linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseX_Full_BIT, modes);
      interfaces.set(PHY_INTERFACE_MODE_1000BASEX);
    }
  }
  if (id.extended_cc == SFF8024_ECC_10GBASE_T_SFI) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseT_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_10GBASER);
  }
  if (id.extended_cc == SFF8024_ECC_2_5GBASE_T) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_2500baseT_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_2500BASEX);
  }
  // sfp_quirk_2500basex()
  if (quirk_2500basex) {
    linkmode_set_bit(ETHTOOL_LINK_MODE_2500baseX_Full_BIT, modes);
    interfaces.set(PHY_INTERFACE_MODE_2500BASEX);
  }
  // sfp_module_parse_port()
  switch (id.connector) {
    case 0x22:  // RJ45
      caps->port = PORT_TP;
      linkmode_set_bit(ETHTOOL_LINK_MODE_TP_BIT, modes);
      break;
    case 0x21:  // copper pigtail
      caps->port = PORT_DA;
      break;
    default:
      caps->port = PORT_FIBRE;
      linkmode_set_bit(ETHTOOL_LINK_MODE_FIBRE_BIT, modes);
  }
  linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, modes);
  linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, modes);
  linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT, modes);
  caps->may_have_phy = parse_may_have_phy(id);
}

}  // namespace

SfpState& sfp_state() {
  Net& net = Net::current();
  if (!net.sfp) {
    net.sfp = sim::kzalloc<SfpState>();
    sim::mutex_init(&net.sfp->sfp_mutex, "sfp_mutex");
    sim::mutex_init(&net.sfp->sfp_bus_mutex, "sfp_bus_mutex");
  }
  return *net.sfp;
}

void sfp_lock() { Net::current().config.sfp_lock->lock(); }
void sfp_unlock() { Net::current().config.sfp_lock->unlock(); }
void sfp_lock_assert() { Net::current().config.sfp_lock->assert_held(); }

void sfp_bus_put(SfpBus* bus) {
  if (!bus) return;
  SfpState& st = sfp_state();
  sim::kref_put_mutex(
      &bus->kref,
      [&st, bus](sim::Kref*) {
        // sfp_bus_release(): list_del, unlock, kfree.
        std::erase(st.sfp_buses, bus);
        bool counted = false;
        for (auto& [n, count] : st.releases)
          if (n == bus->fwnode) counted = ++count;
        if (!counted) st.releases.emplace_back(bus->fwnode, 1);
        sim::mutex_unlock(&st.sfp_mutex);
        note(fmt::format("sfp_bus {}: released", bus_name(bus)));
        sim::kfree(bus);
      },
      &st.sfp_mutex);
}

SfpBus* sfp_bus_find_fwnode(const core::FwNode* fwnode) {
  core::FwNode* ref = fwnode ? core::parse_phandle(fwnode, "sfp") : nullptr;
  if (!ref) return nullptr;
  if (!ref->is_available()) return nullptr;
  return sfp_bus_get(ref);
}

int sfp_bus_add_upstream(SfpBus* bus, sim::Object* upstream, const SfpUpstreamOps* ops) {
  LL_FUNC();
  if (!bus) return 0;
  sfp_lock();
  sim::kref_get(&bus->kref);
  bus->upstream_ops = ops;
  bus->upstream = upstream;
  int ret = 0;
  sim::yield("sfp_bus_add_upstream");
  if (bus->sfp) {
    ret = sfp_register_bus(bus);
    if (ret) sfp_upstream_clear(bus);
  }
  sfp_unlock();
  if (ret) sfp_bus_put(bus);
  return ret;
}

void sfp_bus_del_upstream(SfpBus* bus) {
  LL_FUNC();
  if (!bus) return;
  sfp_lock();
  sim::yield("sfp_bus_del_upstream");
  if (bus->sfp) sfp_unregister_bus(bus);
  sfp_upstream_clear(bus);
  sfp_unlock();
  sfp_bus_put(bus);
}

// Called by phylink_start()/phylink_stop() under rtnl; no lock of their own.
void sfp_upstream_start(SfpBus* bus) {
  sim::check_access(bus, "bus->registered");
  sim::yield("sfp_upstream_start");
  if (bus->registered) socket_of(bus)->start(bus->sfp.at("bus->sfp"));
  bus->started = true;
}

void sfp_upstream_stop(SfpBus* bus) {
  sim::check_access(bus, "bus->registered");
  sim::yield("sfp_upstream_stop");
  if (bus->registered) socket_of(bus)->stop(bus->sfp.at("bus->sfp"));
  bus->started = false;
}

std::string sfp_get_name(const SfpBus* bus) {
  return bus->sfp_dev ? bus->sfp_dev->name() : std::string();
}

int sfp_get_module_info(SfpBus* bus, std::string* info) {
  return socket_of(bus)->module_info(bus->sfp.at("bus->sfp"), info);
}

int sfp_get_module_eeprom(SfpBus* bus, std::vector<uint8_t>* data) {
  return socket_of(bus)->module_eeprom(bus->sfp.at("bus->sfp"), data);
}

void sfp_parse_support(const SfpBus* bus, const SfpEepromId*, LinkModes* support,
                       PhyInterfaceMask* interfaces) {
  *support |= bus->caps.link_modes;
  *interfaces |= bus->caps.interfaces;
}

int sfp_parse_port(const SfpBus* bus, const SfpEepromId*, LinkModes*) { return bus->caps.port; }

bool sfp_may_have_phy(const SfpBus* bus, const SfpEepromId*) { return bus->caps.may_have_phy; }

phy_interface_t sfp_select_interface(const SfpBus* bus, const LinkModes& m) {
  auto t = [&m](int bit) { return linkmode_test_bit(bit, m); };
  if (t(ETHTOOL_LINK_MODE_25000baseCR_Full_BIT) || t(ETHTOOL_LINK_MODE_25000baseKR_Full_BIT) ||
      t(ETHTOOL_LINK_MODE_25000baseSR_Full_BIT))
    return PHY_INTERFACE_MODE_25GBASER;
  if (t(ETHTOOL_LINK_MODE_10000baseCR_Full_BIT) || t(ETHTOOL_LINK_MODE_10000baseSR_Full_BIT) ||
      t(ETHTOOL_LINK_MODE_10000baseLR_Full_BIT) || t(ETHTOOL_LINK_MODE_10000baseLRM_Full_BIT) ||
      t(ETHTOOL_LINK_MODE_10000baseER_Full_BIT) || t(ETHTOOL_LINK_MODE_10000baseT_Full_BIT))
    return PHY_INTERFACE_MODE_10GBASER;
  if (t(ETHTOOL_LINK_MODE_5000baseT_Full_BIT)) return PHY_INTERFACE_MODE_5GBASER;
  if (t(ETHTOOL_LINK_MODE_2500baseX_Full_BIT) || t(ETHTOOL_LINK_MODE_2500baseT_Full_BIT))
    return PHY_INTERFACE_MODE_2500BASEX;
  if (t(ETHTOOL_LINK_MODE_1000baseT_Half_BIT) || t(ETHTOOL_LINK_MODE_1000baseT_Full_BIT))
    return PHY_INTERFACE_MODE_SGMII;
  if (t(ETHTOOL_LINK_MODE_1000baseX_Full_BIT)) return PHY_INTERFACE_MODE_1000BASEX;
  if (t(ETHTOOL_LINK_MODE_100baseFX_Full_BIT)) return PHY_INTERFACE_MODE_100BASEX;
  note(sfp_get_name(bus) + ": Unable to ascertain link mode");
  return PHY_INTERFACE_MODE_NA;
}

SfpBus* sfp_register_socket(core::Device* dev, Sfp* sfp, const SfpSocketOps* ops) {
  LL_FUNC();
  SfpBus* bus = sfp_bus_get(dev->fwnode);
  int ret = 0;
  sfp_lock();
  bus->sfp_dev = dev;
  bus->sfp = sfp;
  bus->socket_ops = ops;
  sim::yield("sfp_register_socket");
  if (bus->upstream_ops) {
    ret = sfp_register_bus(bus);
    if (ret) sfp_socket_clear(bus);
  }
  sfp_unlock();
  if (ret) {
    sfp_bus_put(bus);
    bus = nullptr;
  }
  return bus;
}

void sfp_unregister_socket(SfpBus* bus) {
  LL_FUNC();
  sfp_lock();
  sim::yield("sfp_unregister_socket");
  if (bus->upstream_ops) sfp_unregister_bus(bus);
  sfp_socket_clear(bus);
  sfp_unlock();
  sfp_bus_put(bus);
}

int sfp_add_phy(SfpBus* bus, PhyDevice* phydev) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  int ret = 0;
  if (ops && ops->connect_phy) ret = ops->connect_phy(upstream_of(bus), phydev);
  if (ret == 0) bus->phydev = phydev;
  return ret;
}

void sfp_remove_phy(SfpBus* bus) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  if (ops && ops->disconnect_phy) ops->disconnect_phy(upstream_of(bus), bus->phydev.get());
  bus->phydev = nullptr;
}

void sfp_link_up(SfpBus* bus) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  if (ops && ops->link_up) ops->link_up(upstream_of(bus));
}

void sfp_link_down(SfpBus* bus) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  if (ops && ops->link_down) ops->link_down(upstream_of(bus));
}

int sfp_module_insert(SfpBus* bus, const SfpEepromId* id, bool quirk_2500basex) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  parse_support(*id, quirk_2500basex, &bus->caps);  // sfp_init_module()
  int ret = 0;
  if (ops && ops->module_insert) ret = ops->module_insert(upstream_of(bus), id);
  return ret;
}

void sfp_module_remove(SfpBus* bus) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  if (ops && ops->module_remove) ops->module_remove(upstream_of(bus));
}

int sfp_module_start(SfpBus* bus) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  return ops && ops->module_start ? ops->module_start(upstream_of(bus)) : 0;
}

void sfp_module_stop(SfpBus* bus) {
  const SfpUpstreamOps* ops = sfp_get_upstream_ops(bus);
  if (ops && ops->module_stop) ops->module_stop(upstream_of(bus));
}

}  // namespace lifeline::net
