// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/phy_lifecycle.h"

#include <algorithm>
#include <functional>
#include <memory>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/notifier.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::net {

namespace {

using sim::note;

// A plain phylib MAC's attachment, kept while the netdev may want its PHY back.
struct PhylibConsumer : sim::Object {
  explicit PhylibConsumer(NetDevice* n) : sim::Object("phy_consumer", n->name()), ndev(n) {}
  NetDevice* ndev;
  std::function<void(NetDevice*)> handler;
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
  const core::FwNode* phy_node = nullptr;
  bool lost = false;  // the PHY went away under it
};

// The execution's lifecycle state, kept with the network state.
struct Lifecycle : sim::Object {
  Lifecycle() : sim::Object("phy_lifecycle", "phylib") {}
  sim::Mutex consumers_lock;
  std::vector<PhylibConsumer*> consumers;
  core::NotifierBlock nb;            // the phylib consumers' one block
  std::vector<PhyDevice*> arrivals;  // holding a reference each
  sim::WorkStruct arrival_work;
};

thread_local Lifecycle* lifecycle = nullptr;  // set per execution by phy_lifecycle_init()

void consumer_going_away(PhylibConsumer* c, PhyDevice* phydev) {
  NetDevice* ndev = c->ndev;
  rtnl_lock();
  note(ndev->name() + ": PHY " + phydev->name() + " going away: link down, PHY released");
  c->lost = true;
  // Force the link down through the normal path: phy_stop() runs the state
  // machine, whose link-down callback turns the carrier off.
  if (phy_is_started(phydev)) phy_stop(phydev);
  if (netif_carrier_ok(ndev)) netif_carrier_off(ndev);
  phy_disconnect(phydev);  // drops netdev->phydev and every reference
  rtnl_unlock();
}

void consumer_arrived(PhylibConsumer* c, PhyDevice* phydev) {
  NetDevice* ndev = c->ndev;
  rtnl_lock();
  if (!c->lost || ndev->phydev) {
    rtnl_unlock();
    return;
  }
  int err = phy_connect_direct(ndev, phydev, c->handler, c->interface);
  if (err) {
    note(ndev->name() + ": reconnecting " + phydev->name() + " failed: " + std::to_string(err));
    rtnl_unlock();
    return;
  }
  c->lost = false;
  if (Net::current().config.phy_loss == PhyLoss::kReplay && !ndev->journal.empty()) {
    note(ndev->name() + ": replaying " + ndev->journal.describe() + " to " + phydev->name());
    ndev->journal.replay(phydev);
  }
  note(ndev->name() + ": PHY " + phydev->name() + " is back");
  if (netif_running(ndev)) phy_start(phydev);
  rtnl_unlock();
}

void phy_arrival_work() {
  std::vector<PhyDevice*> arrivals;
  arrivals.swap(lifecycle->arrivals);
  for (PhyDevice* phydev : arrivals) {
    if (phydev->drv && phydev->registered)
      core::blocking_notifier_call_chain(&Net::current().phy_notifier, PHY_EVENT_ARRIVED, phydev);
    core::put_device(phydev);
  }
}

// The phylib consumers' notifier callback. The consumer is looked up under
// consumers_lock, which is dropped before rtnl is taken.
int phylib_consumers_event(unsigned long event, void* data) {
  auto* phydev = static_cast<PhyDevice*>(data);
  sim::mutex_lock(&lifecycle->consumers_lock);
  PhylibConsumer* c = nullptr;
  for (PhylibConsumer* x : lifecycle->consumers) {
    if (event == PHY_EVENT_GOING_AWAY && !x->lost && x->ndev->phydev == phydev) c = x;
    if (event == PHY_EVENT_ARRIVED && x->lost && x->phy_node == phydev->fwnode) c = x;
  }
  sim::mutex_unlock(&lifecycle->consumers_lock);
  if (c && event == PHY_EVENT_GOING_AWAY) consumer_going_away(c, phydev);
  if (c && event == PHY_EVENT_ARRIVED) consumer_arrived(c, phydev);
  return core::NOTIFY_DONE;
}

}  // namespace

void phy_lifecycle_init() {
  lifecycle = sim::kzalloc<Lifecycle>();
  sim::mutex_init(&lifecycle->consumers_lock, "phy_consumers_lock");
  sim::INIT_WORK(&lifecycle->arrival_work, "phy_arrival_work", phy_arrival_work);
  if (!Net::current().config.phy_notifier()) return;
  lifecycle->nb.name = "phylib consumers";
  lifecycle->nb.notifier_call = phylib_consumers_event;
  core::blocking_notifier_chain_register(&Net::current().phy_notifier, &lifecycle->nb);
}

void phy_lifecycle_driver_probed(PhyDevice* phydev) {
  phydev->driver_lost = false;
  if (!Net::current().config.phy_notifier()) return;
  // Delivered from a work item, outside the driver core's locks: the
  // consumers take rtnl, which a caller of device_add() may hold.
  lifecycle->arrivals.push_back(static_cast<PhyDevice*>(core::get_device(phydev)));
  sim::schedule_work(&lifecycle->arrival_work);
}

void phy_lifecycle_going_away(PhyDevice* phydev) {
  if (phydev->drv && !phydev->drv->genphy) phydev->driver_lost = true;
  if (!Net::current().config.phy_notifier()) return;
  core::blocking_notifier_call_chain(&Net::current().phy_notifier, PHY_EVENT_GOING_AWAY, phydev);
}

bool phy_lifecycle_lost_driver(const PhyDevice* phydev) { return phydev->driver_lost; }

void phy_lifecycle_connected(NetDevice* ndev, PhyDevice* phydev, phy_interface_t interface) {
  Net& net = Net::current();
  if (!net.config.phy_notifier() || phydev->phylink) return;
  // Called under rtnl (ndo_open): registering a notifier block here would
  // order rtnl before the chain's rwsem while the callbacks take rtnl inside
  // it, an ABBA that lockdep reports. One block, registered at init, serves
  // every plain phylib consumer instead.
  sim::mutex_lock(&lifecycle->consumers_lock);
  PhylibConsumer* c = nullptr;
  for (PhylibConsumer* x : lifecycle->consumers)
    if (x->ndev == ndev) c = x;
  if (!c) {
    c = sim::kzalloc<PhylibConsumer>(ndev);
    lifecycle->consumers.push_back(c);
  }
  c->handler = phydev->adjust_link;
  c->interface = interface;
  c->phy_node = phydev->fwnode;
  sim::mutex_unlock(&lifecycle->consumers_lock);
}

void phy_lifecycle_disconnected(NetDevice* ndev, bool unregistering) {
  if (!lifecycle || !Net::current().config.phy_notifier()) return;
  sim::mutex_lock(&lifecycle->consumers_lock);
  auto it = std::find_if(lifecycle->consumers.begin(), lifecycle->consumers.end(),
                         [ndev](PhylibConsumer* c) { return c->ndev == ndev; });
  // A consumer whose PHY went away keeps waiting for it, unless its netdev goes.
  if (it != lifecycle->consumers.end() && (!(*it)->lost || unregistering)) {
    PhylibConsumer* c = *it;
    lifecycle->consumers.erase(it);
    sim::kfree(c);
  }
  sim::mutex_unlock(&lifecycle->consumers_lock);
}

}  // namespace lifeline::net
