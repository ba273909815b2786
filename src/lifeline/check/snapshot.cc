// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/snapshot.h"

#include <fmt/format.h>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/net/system.h"
#include "lifeline/sim/engine.h"

namespace lifeline::check {

namespace {

std::string device_state(const core::Device* d) {
  if (!d->registered) return "removed";
  if (d->driver) {
    switch (d->link_status) {
      case core::DlDevState::DL_DEV_PROBING:
        return "probing";
      case core::DlDevState::DL_DEV_UNBINDING:
        return "unbinding";
      default:
        return "bound";
    }
  }
  if (core::device_is_deferred(d)) return "deferred";
  return "unbound";
}

std::string bus_qualified(const core::Device* d) {
  std::string_view bus = core::dev_bus_name(d);
  return bus.empty() ? d->name() : std::string(bus) + ":" + d->name();
}

std::string link_of(const net::NetDevice* nd) {
  if (!nd->carrier) return "down";
  if (net::PhyDevice* p = nd->phydev.get(); p && p->link)
    return net::speed_duplex_string(p->speed, p->duplex);
  if (nd->phylink) {
    const net::Phylink* pl = nd->phylink;
    if (pl->cur_link_an_mode == net::AnMode::MLO_AN_FIXED)
      return net::speed_duplex_string(pl->fixed_speed, pl->fixed_duplex);
  }
  return "up";
}

}  // namespace

const NetdevRow* Snapshot::netdev(std::string_view name) const {
  for (const NetdevRow& r : netdevs)
    if (r.name == name) return &r;
  return nullptr;
}

const DeviceRow* Snapshot::device(std::string_view name) const {
  for (const DeviceRow& r : devices)
    if (r.name == name) return &r;
  return nullptr;
}

// Every enabled cage of the board, bound or not: its bus and upstream from
// the model's sfp_bus list, not from the phandle.
void take_sfp_cages(Snapshot& s) {
  const net::System* sys = net::System::current_or_null();
  net::Net* n = net::Net::current_or_null();
  if (!sys || !sys->tree || !n) return;
  for (const auto& up : sys->tree->nodes()) {
    const core::FwNode* node = up.get();
    if (!dt::is_sfp_cage(*node)) continue;
    SfpCageRow r;
    r.cage = node->full_path;
    r.disabled = !node->is_enabled();
    r.device = node->dev && !node->dev->freed() ? node->dev->name() : "";
    r.bound = !r.device.empty() && node->dev->driver;
    if (n->sfp) {
      for (const net::SfpSlot* slot : n->sfp->slots)
        if (slot->node == node) {
          r.module = slot->module ? std::string(slot->module->name) : "";
          if (const net::Sfp* sfp = slot->driver) {
            r.mod_state = net::mod_state_to_str(sfp->sm_mod_state);
            r.dev_state = net::dev_state_to_str(sfp->sm_dev_state);
            r.sm_state = net::sm_state_to_str(sfp->sm_state);
            r.phy = sfp->mod_phy ? sfp->mod_phy.get()->name() : "";
          }
        }
      for (const net::SfpBus* bus : n->sfp->sfp_buses) {
        if (bus->fwnode != node) continue;
        r.bus = bus->registered ? "registered" : "unregistered";
        if (sim::Object* u = bus->upstream.get()) {
          if (const auto* pl = dynamic_cast<const net::Phylink*>(u))
            r.upstream = pl->netdev ? pl->netdev->name() : pl->name();
          else
            r.upstream = u->name();
        }
      }
    }
    s.sfp_cages.push_back(std::move(r));
  }
}

Snapshot take_snapshot() {
  Snapshot s;
  s.time = sim::now();
  core::Kernel* k = core::Kernel::current_or_null();
  if (k) {
    for (const core::Device* d : k->devices) {
      if (d->freed() || !d->registered) continue;
      DeviceRow r;
      r.name = d->name();
      r.bus = std::string(core::dev_bus_name(d));
      r.driver = d->driver ? d->driver->name() : "";
      r.state = device_state(d);
      r.deferred_reason = d->deferred_probe_reason;
      r.fwnode = d->fwnode ? d->fwnode->full_path : "";
      r.parent = d->parent ? d->parent->name() : "";
      r.probe_attempts = d->probe_attempts;
      r.deferrals = d->deferrals;
      r.registered = d->registered;
      s.devices.push_back(std::move(r));
      for (const core::DeviceLink* l : d->link_consumers) {
        s.links.push_back(LinkRow{bus_qualified(l->supplier), bus_qualified(l->consumer),
                                  core::dl_flags_string(l->flags), core::dl_state_name(l->status)});
      }
    }
    for (const core::Module* m : k->modules)
      s.modules.push_back(
          ModuleRow{m->name(), core::module_state_name(m->state), m->builtin, m->refcnt});
  }
  net::Net* n = net::Net::current_or_null();
  if (n) {
    for (const net::NetDevice* nd : n->netdevs) {
      if (nd->freed() || nd->reg_state != net::NetregState::NETREG_REGISTERED) continue;
      NetdevRow r;
      r.name = nd->name();
      r.device = nd->parent ? nd->parent->name() : "";
      r.of_node = nd->of_node ? nd->of_node->full_path : "";
      r.admin_up = net::netif_running(nd);
      r.carrier = nd->carrier;
      r.operstate = !r.admin_up ? "down" : (nd->carrier ? "up" : "lowerlayerdown");
      r.link = link_of(nd);
      net::PhyDevice* phy = nd->phydev.get();
      r.phy = phy ? phy->name() : "";
      r.an_mode = nd->phylink ? net::an_mode_name(nd->phylink->cur_link_an_mode) : "";
      if (nd->of_node) {
        if (core::FwNode* sfp = core::parse_phandle(nd->of_node, "sfp")) r.sfp = sfp->full_path;
      }
      // The PCS phylink uses now (pl->pcs), from model state: what the MAC
      // selected, not what the device tree names.
      if (const net::PhylinkPcs* pcs = nd->phylink ? nd->phylink->pcs.get() : nullptr)
        r.pcs = pcs->freed() ? "(freed)" : pcs->name();
      s.netdevs.push_back(std::move(r));
    }
    take_sfp_cages(s);
    s.probe_storm = take_probe_storm();
    for (const net::DsaSwitch* ds : net::dsa_switches()) {
      for (const net::DsaPort* dp : ds->ports) {
        DsaPortRow r;
        r.switch_device = ds->dev->name();
        r.index = dp->index;
        r.type = net::dsa_port_type_name(dp->type);
        r.label = dp->label;
        r.netdev = dp->user && !dp->user->freed() ? dp->user->name() : "";
        r.conduit = dp->conduit && !dp->conduit->freed() ? dp->conduit->name() : "";
        net::PhyDevice* phy = dp->pl ? dp->pl->phydev.get() : nullptr;
        r.phy = phy ? phy->name() : "";
        r.lost = dp->lost;
        r.default_model = ds->default_model;
        s.dsa_ports.push_back(std::move(r));
      }
    }
    if (const net::System* sys = net::System::current_or_null()) {
      for (const std::string& line : sys->default_mdios) s.default_models.push_back(line);
      for (const std::string& line : sys->default_switchdevs) s.default_models.push_back(line);
    }
    if (k) {
      for (core::Device* d : k->devices) {
        if (d->freed() || !d->registered || d->bus != n->mdio_bus_type) continue;
        auto* md = static_cast<net::MdioDevice*>(d);
        if (!md->is_phy) continue;
        auto* phy = static_cast<net::PhyDevice*>(md);
        PhyRow r;
        r.name = phy->name();
        r.node = phy->fwnode ? phy->fwnode->full_path : "";
        r.id = phy->phy_id_known ? fmt::format("0x{:08x}", phy->phy_id) : "unknown";
        r.driver = phy->driver ? phy->driver->name() : "";
        r.state = net::phy_state_to_str(phy->state);
        net::NetDevice* att = phy->attached_dev.get();
        r.attached_to = att && !att->freed() ? att->name() : "";
        r.link = phy->link ? net::speed_duplex_string(phy->speed, phy->duplex) : "down";
        s.phys.push_back(std::move(r));
      }
    }
  }
  return s;
}

}  // namespace lifeline::check
