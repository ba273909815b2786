// SPDX-License-Identifier: GPL-2.0-only
// What the three notifier designs share (net/designs/pse.h): the RFC's phy
// core, which owns phydev->psec. Which lock serialises it is the design's
// (PseLock); everything else is the same.
//
// - The PHY's record is a consumer of kind PSE in the provider-lifecycle
//   protocol (net/provider_lifecycle.h), holding the controller's device
//   while it holds a control: PSE_UNREGISTERED is the protocol's "going
//   away", which reaches exactly the PHYs that hold a control, under rtnl,
//   before pcdev->pi is freed.
// - PSE_REGISTERED is the RFC's own event on the PSE chain, called from
//   pse_controller_register() after list_add(): the phy core walks the PHYs
//   on the MDIO bus type (bus_for_each_dev(), which sees a PHY from its
//   device_add() on) and attaches those that wait for this controller. It is
//   not the protocol's "arrived": a PHY registered before its controller
//   never held it, and "arrived" reaches only consumers that lost one.
#include <fmt/format.h>

#include "lifeline/core/bus.h"
#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/notifier.h"
#include "lifeline/net/designs/pse.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/net/pse/regulator.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

// enum pse_controller_event: PSE_UNREGISTERED is the protocol's going-away
// event; PSE_REGISTERED a value of its own on the same chain, which the
// protocol's block ignores.
constexpr unsigned long PSE_REGISTERED = 0x10;

PseLock lock_kind() { return static_cast<PseLock>(pse_state().notifier_lock); }

bool rtnl_held_by_me() {
  return Net::current().rtnl_mutex.owner == sim::Engine::current().current_task();
}

// The PHY's record in the protocol.
struct PsePhyConsumer : sim::Object, ProviderConsumer {
  explicit PsePhyConsumer(PhyDevice* p) : sim::Object("pse_consumer", p->name()), phydev(p) {}
  PhyDevice* phydev;
};

PsePhyConsumer* consumer_of(ProviderConsumer* c) { return static_cast<PsePhyConsumer*>(c); }

// PSE_UNREGISTERED for a PHY that holds a control of `provider`'s
// controller, under rtnl (and the design's mutex when it is not rtnl).
void pse_phy_going_away(ProviderConsumer* c, core::Device* provider) {
  PhyDevice* phydev = consumer_of(c)->phydev;
  bool mutex = lock_kind() != PseLock::kRtnl;
  if (mutex) sim::mutex_lock(&pse_state().pse_phy_mutex);
  PseControl* psec = phydev->psec.get();
  phydev->psec = nullptr;
  note(phydev->name() + ": PSE controller " + provider->name() + " going away: psec released");
  pse_control_put(psec);
  if (mutex) sim::mutex_unlock(&pse_state().pse_phy_mutex);
}

std::string pse_phy_name(const ProviderConsumer* c) {
  return static_cast<const PsePhyConsumer*>(c)->phydev->name();
}

int phy_pse_attach(PhyDevice* phydev);

int pse_phy_reconnect(ProviderConsumer* c, core::Device*) {
  return phy_pse_attach(consumer_of(c)->phydev);
}

constexpr ProviderConsumerOps kPsePhyConsumerOps = {
    .name = pse_phy_name,
    .going_away = pse_phy_going_away,
    .reconnect = pse_phy_reconnect,
    .restart = nullptr,
};

PsePhyConsumer* find_consumer(PhyDevice* phydev) {
  return static_cast<PsePhyConsumer*>(provider_consumer_find(ProviderKind::kPse, phydev));
}

// The attach attempt, with the design's lock held: of_pse_control_get() on
// the PHY's node. -EPROBE_DEFER leaves psec NULL until PSE_REGISTERED.
int phy_pse_attach(PhyDevice* phydev) {
  LL_FUNC();
  if (phydev->psec || !phydev->fwnode || !phydev->fwnode->has_property("pses")) return 0;
  int err = 0;
  PseControl* psec = of_pse_control_get(phydev->fwnode, &err);
  if (!psec) {
    if (err == -EPROBE_DEFER)
      note(phydev->name() + ": PSE controller not registered yet: psec attaches later");
    else if (err != -ENOENT)
      note(phydev->name() + ": PSE lookup failed: " + core::errno_name(err));
    return err;
  }
  phydev->psec = psec;
  psec->attached_phydev = phydev;
  PsePhyConsumer* c = find_consumer(phydev);
  if (!c) {
    c = sim::kzalloc<PsePhyConsumer>(phydev);
    c->ProviderConsumer::kind = ProviderKind::kPse;
    c->ops = &kPsePhyConsumerOps;
    c->owner = phydev;
  }
  provider_hold(c, psec->pcdev->dev);
  note(phydev->name() + ": psec attached (" + psec->name() + ")");
  return 0;
}

void lock_design(bool rtnl_held) {
  if (lock_kind() == PseLock::kRtnl) {
    if (!rtnl_held) rtnl_lock();
  } else {
    sim::mutex_lock(&pse_state().pse_phy_mutex);
  }
}

void unlock_design(bool rtnl_held) {
  if (lock_kind() == PseLock::kRtnl) {
    if (!rtnl_held) rtnl_unlock();
  } else {
    sim::mutex_unlock(&pse_state().pse_phy_mutex);
  }
}

// The phy core's block on the PSE chain: PSE_REGISTERED.
int pse_phy_notify(unsigned long event, void* data) {
  if (event != PSE_REGISTERED) return core::NOTIFY_DONE;
  LL_FUNC();
  auto* pcdev = static_cast<PseControllerDev*>(data);
  bool narrow = lock_kind() == PseLock::kNarrow;
  if (!narrow) lock_design(false);
  // bus_for_each_dev(&mdio_bus_type, ...): the PHYs device_add() put there.
  std::vector<core::Device*> devices = Net::current().mdio_bus_type->devices;
  for (core::Device* d : devices) {
    auto* mdiodev = static_cast<MdioDevice*>(d);
    if (!mdiodev->is_phy || !core::device_is_registered(d)) continue;
    auto* phydev = to_phy_device(d);
    if (phydev->psec || !d->fwnode || pse_controller_for(d->fwnode) != pcdev) continue;
    if (narrow) lock_design(false);
    phy_pse_attach(phydev);
    if (narrow) unlock_design(false);
  }
  if (!narrow) unlock_design(false);
  return core::NOTIFY_OK;
}

}  // namespace

void pse_notifier_phy_init(PseLock lock) {
  PseState& s = pse_state();
  s.notifier_lock = static_cast<uint8_t>(lock);
  // pse_register_notifier(): the RFC's chain is the PSE kind's chain; the
  // protocol's block on it delivers PSE_UNREGISTERED to the holders.
  provider_lifecycle_listen(ProviderKind::kPse, false);
  s.phy_nb.name = "phy core (PSE)";
  s.phy_nb.notifier_call = pse_phy_notify;
  core::blocking_notifier_chain_register(provider_notifier(ProviderKind::kPse), &s.phy_nb);
}

void pse_notifier_registered(PseControllerDev* pcdev) {
  // Where a concurrent PHY registration can run (the RFC fires the chain
  // right after dropping pse_list_mutex).
  sim::yield("pse_controller_register: PSE_REGISTERED");
  core::blocking_notifier_call_chain(provider_notifier(ProviderKind::kPse), PSE_REGISTERED, pcdev);
}

void pse_notifier_unregistering(PseControllerDev* pcdev) {
  provider_going_away(ProviderKind::kPse, pcdev->dev);
}

Regulator* pse_notifier_regulator_get(core::Device* dev, const std::string& id, int* err) {
  return regulator_get_exclusive(dev, id, err);
}

void pse_notifier_regulator_put(Regulator* regulator) { regulator_put(regulator); }

bool pse_notifier_fwnode_mdio_skips_pse() { return true; }

int pse_notifier_phy_device_register(PhyDevice* phydev, int (*reg)(PhyDevice*), bool locked) {
  bool narrow = lock_kind() == PseLock::kNarrow;
  lock_design(locked);
  // The attach attempt comes first, so that the PHY driver's probe (from
  // device_add()) finds psec set when the controller is there.
  phy_pse_attach(phydev);
  if (narrow) unlock_design(locked);
  // Where another task can run between the attempt and device_add().
  sim::yield("phy_device_register: after the PSE attach attempt");
  int err = reg(phydev);
  if (!narrow) unlock_design(locked);
  return err;
}

void pse_notifier_phy_device_remove(PhyDevice*) {
  // Nothing: the control (and the PHY's record, so that PSE_UNREGISTERED
  // still reaches a removed PHY someone holds, such as a DSA port) stays
  // until phy_device_release().
}

void pse_notifier_phy_device_release(PhyDevice* phydev) {
  // The record goes under rtnl, as the protocol wants; the last put_device()
  // may come from a path that holds it already (phy_detach()).
  if (PsePhyConsumer* c = find_consumer(phydev)) {
    bool held = rtnl_held_by_me();
    if (!held) rtnl_lock();
    provider_consumer_unregister(c);
    if (!held) rtnl_unlock();
    sim::kfree(c);
  }
  PseControl* psec = phydev->psec.get();
  phydev->psec = nullptr;
  pse_control_put(psec);
}

}  // namespace lifeline::net
