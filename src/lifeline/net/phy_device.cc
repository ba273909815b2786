// SPDX-License-Identifier: GPL-2.0-only
// struct phy_device lifetime, phy_driver binding, and attaching a netdev,
// after drivers/net/phy/phy_device.c. The phy-loss and genphy designs
// (net/designs/) hook in at the places marked "design:"; everything else is
// mainline.
#include "lifeline/net/phy_device.h"

#include <fmt/format.h>

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/catalog/phy_catalog.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/designs/pse.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_lifecycle.h"
#include "lifeline/net/phy_sfp.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

// phy_probe(): the probe of every PHY driver.
int phy_probe(core::Device* dev) {
  LL_FUNC();
  PhyDevice* phydev = to_phy_device(dev);
  auto* phydrv = static_cast<PhyDriver*>(dev->driver.at("phydev->mdio.dev.driver"));
  phydev->drv = phydrv;
  if (!phydrv->has_interrupt && phy_interrupt_is_valid(phydev)) phydev->irq = PHY_POLL;
  phydev->hw.in_reset = false;  // phy_device_reset(phydev, 0)
  int err = 0;
  if (phydrv->phy_probe) err = phydrv->phy_probe(phydev);
  // The hosting drivers' probe ends in phy_sfp_probe() (mv3310_probe(),
  // m88e1510_probe(), at8031_parse_dt()).
  if (!err && phydrv->sfp_upstream) err = phy_sfp_probe(phydev);
  if (err) {
    phy_sfp_remove(phydev);
    // As in the kernel, phydev->drv is left pointing at the driver.
    phydev->hw.in_reset = true;
    return err;
  }
  phydev->hw.irq_enabled = false;  // phy_disable_interrupts()
  phydev->supported = phydrv->features;
  linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, phydev->supported);
  linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, phydev->supported);
  linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT, phydev->supported);
  // phydev->autoneg is left alone: only phy_device_create() sets it (and
  // phy_probe() clears it for a PHY that cannot negotiate), so a speed the
  // user forced survives a rebind of the driver.
  if (!linkmode_test_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, phydev->supported))
    phydev->autoneg = AUTONEG_DISABLE;
  phydev->advertising = phydev->supported;  // phy_advertise_supported()
  phydev->state = PhyState::PHY_READY;
  if (!phydev->is_on_sfp_module) phy_led_triggers_register(phydev);
  if (auto probed = phy_loss_ops().phy_probe) probed(phydev);  // design: the PHY arrived
  return 0;
}

// phy_remove(): the remove of every PHY driver. It does not touch
// attached_dev, netdev->phydev, phydev->phylink or the IRQ, and does not call
// the link-change callback: the consumer is not told.
void phy_remove(core::Device* dev) {
  LL_FUNC();
  PhyDevice* phydev = to_phy_device(dev);
  // design: the PHY is going away (the notifier designs tell its consumer).
  if (auto going = phy_loss_ops().phy_remove) going(phydev);
  sim::cancel_delayed_work_sync(&phydev->state_queue);
  // Frees the triggers; phydev->last_triggered keeps pointing at them.
  if (!phydev->is_on_sfp_module) phy_led_triggers_unregister(phydev);
  phydev->state = PhyState::PHY_DOWN;
  // sfp_bus_del_upstream(): the cage loses its upstream with the PHY.
  phy_sfp_remove(phydev);
  if (PhyDriver* d = phydev->drv.get(); d && d->phy_remove) d->phy_remove(phydev);
  phydev->hw.in_reset = true;  // phy_device_reset(phydev, 1)
  phydev->drv = nullptr;
}

PhyDriver* make_genphy(const char* name, bool c45, core::Module* owner) {
  PhyDriver* drv = sim::kzalloc<PhyDriver>(name);
  drv->genphy = true;
  drv->c45 = c45;
  drv->phy_id = 0xffffffff;
  drv->phy_id_mask = 0xfffffff0;
  drv->features = c45 ? copper_modes_up_to(10000) : copper_modes_up_to(1000);
  phy_driver_register(drv, owner);
  return drv;
}

}  // namespace

const char* phy_state_to_str(PhyState s) {
  switch (s) {
    case PhyState::PHY_DOWN:
      return "DOWN";
    case PhyState::PHY_READY:
      return "READY";
    case PhyState::PHY_HALTED:
      return "HALTED";
    case PhyState::PHY_ERROR:
      return "ERROR";
    case PhyState::PHY_UP:
      return "UP";
    case PhyState::PHY_RUNNING:
      return "RUNNING";
    case PhyState::PHY_NOLINK:
      return "NOLINK";
    case PhyState::PHY_CABLETEST:
      return "CABLETEST";
  }
  return "?";
}

bool phy_driver_is_genphy(const PhyDevice* phydev) {
  const core::Driver* d = phydev->driver.get();
  return d && static_cast<const PhyDriver*>(d)->genphy;
}

std::string phydev_name(const PhyDevice* phydev) { return phydev->name(); }

core::Module* phy_init() {
  Net& net = Net::current();
  net.mdio_bus_type = mdio_bus_type_register();
  net.libphy = core::module_create("libphy", [](core::Module*) { return 0; });
  net.libphy->builtin = true;
  net.libphy->state = core::ModuleState::MODULE_STATE_LIVE;
  net.genphy_c45_driver = make_genphy("Generic Clause 45 PHY", true, net.libphy);
  net.genphy_driver = make_genphy("Generic PHY", false, net.libphy);
  if (auto init = phy_loss_ops().phy_init) init();  // design: its subscriptions
  if (auto init = pse_ops().phy_init) init();       // design (pse): the PSE chain
  return net.libphy;
}

int phy_driver_register(PhyDriver* drv, core::Module* owner) {
  Net& net = Net::current();
  drv->bus = net.mdio_bus_type;
  drv->owner = owner;
  drv->probe = phy_probe;
  drv->remove = phy_remove;
  // genphy is bound only through phy_attach_direct() and device_bind_driver().
  net.phy_drivers.push_back(drv);
  return core::driver_register(drv);
}

void phy_driver_unregister(PhyDriver* drv) {
  core::driver_unregister(drv);
  std::erase(Net::current().phy_drivers, drv);
}

PhyDevice* phy_device_create(MiiBus* bus, int addr, uint32_t phy_id, bool is_c45) {
  PhyDevice* phydev = sim::kzalloc<PhyDevice>();
  core::device_initialize(phydev);
  phydev->bus = bus;
  phydev->addr = addr;
  phydev->phy_id = phy_id;
  phydev->is_c45 = is_c45;
  phydev->parent = bus;
  static_cast<core::Device*>(phydev)->bus = Net::current().mdio_bus_type;
  core::dev_set_name(phydev, fmt::format("{}:{:02x}", bus->id, addr));
  ++mdio_bus_counts(bus).phys_created;     // the probe storm's count (net/pse/probe_storm.cc)
  phydev->release = [](core::Device* d) {  // phy_device_release()
    // design (pse): the RFC's final pse_control_put().
    if (auto release = pse_ops().phy_device_release) release(static_cast<PhyDevice*>(d));
    sim::kfree(d);
  };
  phydev->device_remove = [](MdioDevice* d) { phy_device_remove(static_cast<PhyDevice*>(d)); };
  phydev->device_free = [](MdioDevice* d) { phy_device_free(static_cast<PhyDevice*>(d)); };
  phydev->state = PhyState::PHY_DOWN;
  phydev->speed = SPEED_UNKNOWN;
  phydev->duplex = DUPLEX_UNKNOWN;
  phydev->autoneg = AUTONEG_ENABLE;              // the only place that sets it
  phydev->interface = PHY_INTERFACE_MODE_GMII;   // until a MAC attaches it with its own
  sim::mutex_init(&phydev->lock, "&dev->lock");  // phydev->lock's lockdep class
  sim::INIT_DELAYED_WORK(
      &phydev->state_queue, "phy_state_machine", [phydev] { phy_state_machine(phydev); },
      phydev->name());
  phydev->state_queue.timer.poll = true;  // the 1 s poll does not keep the system busy
  sim::timer_setup(&phydev->hw.irq_timer, "phy_hw_irq " + phydev->name(), [phydev] {
    if (phydev->irq_requested && phydev->hw.irq_enabled)
      sim::Engine::current().spawn(fmt::format("irq/{}-{}", phydev->irq, phydev->name()),
                                   [phydev] { phy_interrupt(phydev); });
  });
  return phydev;
}

namespace {

// phy_device_register() as v6.12 has it.
int __phy_device_register(PhyDevice* phydev) {
  int err = mdiobus_register_device(phydev);
  if (err) return err;
  phydev->hw.in_reset = false;
  if (phydev->fwnode) {
    phydev->hw.medium = Net::current().medium_for(phydev->fwnode);
    phydev->hw.medium->watch(phydev, [phydev] { phy_hw_changed(phydev); });
  }
  err = core::device_add(phydev);
  if (err) {
    phydev->hw.in_reset = true;
    mdiobus_unregister_device(phydev);
    return err;
  }
  return 0;
}

}  // namespace

int phy_device_register(PhyDevice* phydev) {
  LL_FUNC();
  // design (pse): the notifier designs take their lock around it and attach
  // the PHY's PSE control.
  if (auto reg = pse_ops().phy_device_register) return reg(phydev, __phy_device_register, false);
  return __phy_device_register(phydev);
}

int phy_device_register_locked(PhyDevice* phydev) {
  LL_FUNC();
  if (auto reg = pse_ops().phy_device_register) return reg(phydev, __phy_device_register, true);
  return __phy_device_register(phydev);
}

void phy_device_remove(PhyDevice* phydev) {
  LL_FUNC();
  // design (pse): the notifier designs keep the control until
  // phy_device_release(); v6.12 puts it here and leaves psec set.
  if (auto remove = pse_ops().phy_device_remove)
    remove(phydev);
  else
    pse_control_put(phydev->psec.get());
  ++mdio_bus_counts(phydev->bus.get()).phys_removed;  // the probe storm's count
  core::device_del(phydev);
  phydev->hw.in_reset = true;
  if (phydev->hw.medium) phydev->hw.medium->unwatch(phydev);
  sim::del_timer(&phydev->hw.irq_timer);
  mdiobus_unregister_device(phydev);
}

void phy_device_free(PhyDevice* phydev) { core::put_device(phydev); }

PhyDevice* of_phy_find_device(const core::FwNode* phy_np) {
  MdioDevice* d = fwnode_mdio_find_device(phy_np);
  if (!d || !d->is_phy) return nullptr;
  core::get_device(d);
  return static_cast<PhyDevice*>(d);
}

// ---------------------------------------------------------------- attach

namespace {}  // namespace

bool phy_driver_pending(PhyDevice* phydev) {
  if (core::device_is_deferred(phydev)) return true;
  if (!phydev->phy_id_known) return false;
  const PhyDriverInfo* info = find_phy_driver(phydev->phy_id);
  if (!info) return false;
  core::Module* mod = core::find_module(info->module);
  if (!mod || !mod->available || mod->state == core::ModuleState::MODULE_STATE_LIVE) return false;
  return core::driver_deferred_probe_check_state(phydev) == -EPROBE_DEFER;
}

namespace {

core::Module* ndev_owner_of(NetDevice* dev) {
  if (!dev || !dev->parent || !dev->parent->driver) return nullptr;
  return dev->parent->driver->owner;
}

}  // namespace

int phy_attach_direct(NetDevice* dev, PhyDevice* phydev, uint32_t flags,
                      phy_interface_t interface) {
  LL_FUNC();
  MiiBus* bus = phydev->bus.at("phydev->mdio.bus");
  core::Device* d = phydev;
  Net& net = Net::current();
  core::Module* ndev_owner = ndev_owner_of(dev);
  if (ndev_owner != bus->owner && !core::try_module_get(bus->owner)) {
    note(phydev->name() + ": failed to get the bus module");
    return -EIO;
  }
  const PhyLossOps& design = phy_loss_ops();
  core::get_device(d);
  if (design.phy_attach_get) design.phy_attach_get(bus);  // design: holdover
  bool using_genphy = false;
  int err = 0;
  if (!d->driver) {
    // The genphy rule: a PHY with no driver gets the generic one.
    // design (genphy=defer, opt-in): wait for the specific driver instead.
    if (auto defers = genphy_ops().phy_attach_defers; defers && defers(phydev, flags)) {
      note(phydev->name() +
           ": specific driver pending, deferring attach (genphy=" + net.config.get("genphy") + ")");
      err = -EPROBE_DEFER;
      goto error_put_device;
    }
    // design: every proposed one refuses genphy for a PHY whose driver went.
    if (design.phy_attach_genphy && (err = design.phy_attach_genphy(phydev))) goto error_put_device;
    d->driver = phydev->is_c45 ? net.genphy_c45_driver : net.genphy_driver;
    using_genphy = true;
  }
  if (!core::try_module_get(d->driver.at("d->driver")->owner)) {
    note(phydev->name() + ": failed to get the device driver module");
    err = -EIO;
    goto error_put_device;
  }
  if (using_genphy) {
    // d->driver->probe(d) then device_bind_driver(d): no supplier check, no
    // deferral, no device lock.
    phydev->attaching = true;
    err = d->driver->probe(d);
    if (err >= 0) err = core::device_bind_driver(d);
    phydev->attaching = false;
    if (err) goto error_module_put;
    note(phydev->name() + ": bound to " + std::string(core::dev_driver_string(d)) +
         " by phy_attach_direct");
    // genphy stands in for a driver lifeline could not choose: say how to
    // name the chip, once per PHY node (a re-registered PHY is the same chip).
    if (!phydev->phy_id_known && phydev->fwnode &&
        net.phy_id_unknown_noted.insert(phydev->fwnode).second)
      note(phy_id_unknown_message(phydev->name(), phydev->fwnode->full_path));
  }
  if (phydev->attached_dev) {
    note(dev ? dev->name() + ": PHY already attached" : "PHY already attached");
    err = -EBUSY;
    goto error;
  }
  phydev->phy_link_change = [](PhyDevice* p, bool up) {
    // phy_link_change(): the plain phylib MAC's carrier and adjust_link.
    NetDevice* netdev = p->attached_dev.at("phydev->attached_dev");
    if (up)
      netif_carrier_on(netdev);
    else
      netif_carrier_off(netdev);
    // Called unconditionally, as the kernel does: a NULL adjust_link oopses.
    if (!p->adjust_link) sim::null_deref("phydev->adjust_link");
    p->adjust_link(netdev);
  };
  if (dev) {
    phydev->attached_dev = dev;
    dev->phydev = phydev;
  }
  phydev->dev_flags |= flags & ~PHY_F_ATTACH_AT_PROBE;
  phydev->interface = interface;
  phydev->state = PhyState::PHY_READY;
  if (!static_cast<PhyDriver*>(d->driver.at("d->driver"))->has_interrupt &&
      phy_interrupt_is_valid(phydev))
    phydev->irq = PHY_POLL;
  if (dev) netif_carrier_off(dev);
  err = phy_init_hw(phydev);
  if (err) goto error;
  phy_resume(phydev);
  // phylib's own device link: stateless, only when the bus belongs to
  // another device than the MAC. The devlink and port-device designs make it
  // a managed link instead, so that the PHY's unbind unbinds its consumer.
  if (dev && dev->parent) {
    if (design.phy_device_link_add) {
      phydev->devlink = design.phy_device_link_add(dev, phydev);
    } else if (bus->parent_dev && dev->parent != bus->parent_dev) {
      phydev->devlink = core::device_link_add(dev->parent, phydev,
                                              core::DL_FLAG_PM_RUNTIME | core::DL_FLAG_STATELESS);
    }
  }
  note(phydev->name() + ": attached to " + (dev ? dev->name() : std::string("(no netdev)")) +
       " (driver " + std::string(core::dev_driver_string(d)) + ")");
  return 0;

error:
  phy_detach(phydev);
  return err;
error_module_put:
  core::module_put(d->driver ? d->driver->owner : net.libphy);
  d->driver = nullptr;
error_put_device:
  if (design.phy_detach_put) design.phy_detach_put(bus);
  core::put_device(d);
  if (ndev_owner != bus->owner) core::module_put(bus->owner);
  return err;
}

int phy_connect_direct(NetDevice* dev, PhyDevice* phydev, std::function<void(NetDevice*)> handler,
                       phy_interface_t interface, uint32_t flags) {
  if (!dev) return -EINVAL;
  int rc = phy_attach_direct(dev, phydev, flags, interface);
  if (rc) return rc;
  // phy_prepare_link()
  phydev->adjust_link = std::move(handler);
  if (phy_interrupt_is_valid(phydev)) phy_request_interrupt(phydev);
  phy_lifecycle_connected(dev, phydev, interface);
  return 0;
}

PhyDevice* of_phy_connect(NetDevice* dev, core::FwNode* phy_np,
                          std::function<void(NetDevice*)> handler, uint32_t flags,
                          phy_interface_t interface, int* err) {
  PhyDevice* phy = of_phy_find_device(phy_np);
  if (!phy) {
    if (err) *err = -ENODEV;
    return nullptr;
  }
  int ret = phy_connect_direct(dev, phy, std::move(handler), interface, flags);
  core::put_device(phy);
  if (err) *err = ret;
  return ret ? nullptr : phy;
}

void phy_detach(PhyDevice* phydev) {
  LL_FUNC();
  NetDevice* dev = phydev->attached_dev.get();
  const PhyLossOps& design = phy_loss_ops();
  if (phydev->devlink) {
    // The driver core drops the link itself when the PHY device is deleted
    // (device_links_purge()), leaving phydev->devlink stale; holdover looks.
    bool skip = design.phy_device_link_gone && design.phy_device_link_gone(phydev);
    // A managed link cannot be dropped while its consumer is registered: the
    // devlink designs keep it for the next attach.
    // device_link_del() -> device_link_put_kref() reads link->flags.
    if (!skip && (phydev->devlink.at("phydev->devlink")->flags & core::DL_FLAG_STATELESS))
      core::device_link_del(phydev->devlink.get());
    phydev->devlink = nullptr;
  }
  phy_suspend(phydev);
  if (dev) {
    phydev->attached_dev.at("phydev->attached_dev")->phydev = nullptr;
    phydev->attached_dev = nullptr;
  }
  phydev->phylink = nullptr;
  if (phydev->driver) core::module_put(phydev->driver->owner);
  // A genphy binding is undone so that a real driver gets its chance.
  if (phy_driver_is_genphy(phydev)) {
    if (design.phy_release_genphy)
      design.phy_release_genphy(phydev);  // design: not from inside an unbind
    else
      core::device_release_driver(phydev);
  }
  phydev->hw.in_reset = true;
  // The phydev may go away on the put below: read the bus first.
  MiiBus* bus = phydev->bus.at("phydev->mdio.bus");
  core::put_device(phydev);
  core::Module* ndev_owner = ndev_owner_of(dev);
  core::Module* bus_owner = sim::Ptr<MiiBus>(bus).at("bus->owner")->owner;
  if (ndev_owner != bus_owner) core::module_put(bus_owner);
  if (design.phy_detach_put) design.phy_detach_put(bus);  // design: holdover
  if (dev) note(phydev_name(phydev) + ": detached from " + dev->name());
}

void phy_disconnect(PhyDevice* phydev) {
  LL_FUNC();
  if (phy_is_started(phydev)) phy_stop(phydev);
  if (phy_interrupt_is_valid(phydev)) phy_free_interrupt(phydev);
  phydev->adjust_link = nullptr;
  if (NetDevice* ndev = phydev->attached_dev.get()) phy_lifecycle_disconnected(ndev);
  phy_detach(phydev);
}

int phy_init_hw(PhyDevice* phydev) {
  phydev->hw.in_reset = false;
  if (!phydev->drv) return 0;
  // soft_reset + config_init: the hardware forgets its negotiation.
  phydev->hw.aneg_restart = sim::now();
  return 0;
}

int phy_suspend(PhyDevice* phydev) {
  NetDevice* netdev = phydev->attached_dev.get();
  PhyDriver* phydrv = phydev->drv.get();
  if (phydev->suspended || !phydrv) return 0;
  phydev->wol_enabled = phydev->wolopts != 0 || (netdev && netdev->wol_enabled);
  if (phydev->wol_enabled) return -EBUSY;  // a PHY that must wake us stays powered
  phydev->hw.powered_down = true;
  phydev->suspended = true;
  return 0;
}

int __phy_resume(PhyDevice* phydev) {
  sim::lockdep_assert_held(&phydev->lock);
  if (!phydev->drv) return 0;
  phydev->hw.powered_down = false;
  phydev->suspended = false;
  return 0;
}

int phy_resume(PhyDevice* phydev) {
  sim::mutex_lock(&phydev->lock);
  int ret = __phy_resume(phydev);
  sim::mutex_unlock(&phydev->lock);
  return ret;
}

std::string phy_id_unknown_message(const std::string& phy, const std::string& node_path) {
  return phy + ": PHY ID unknown: state it with `phy-id " + node_path + " 0xID` (--phy-id " +
         node_path + "=0xID on the command line)";
}

}  // namespace lifeline::net
