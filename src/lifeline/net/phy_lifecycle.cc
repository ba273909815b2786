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
#include "lifeline/sim/workqueue.h"

namespace lifeline::net {

namespace {

void note(const std::string& s) {
  sim::Engine& e = sim::Engine::current();
  if (e.tracing()) e.note(s);
}

// A plain phylib MAC's attachment, kept while the netdev may want its PHY back.
struct PhylibConsumer : sim::Object {
  explicit PhylibConsumer(NetDevice* n) : sim::Object("phy_consumer", n->name()), ndev(n) {}
  NetDevice* ndev;
  std::function<void(NetDevice*)> handler;
  std::string interface;
  const core::FwNode* phy_node = nullptr;
  bool lost = false;  // the PHY went away under it
  core::NotifierBlock nb;
};

// The execution's lifecycle state, kept with the network state.
struct Lifecycle : sim::Object {
  Lifecycle() : sim::Object("phy_lifecycle", "phylib") {}
  std::vector<PhylibConsumer*> consumers;
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

}  // namespace

void phy_lifecycle_init() {
  lifecycle = sim::kzalloc<Lifecycle>();
  sim::INIT_WORK(&lifecycle->arrival_work, "phy_arrival_work", phy_arrival_work);
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

void phy_lifecycle_connected(NetDevice* ndev, PhyDevice* phydev, const std::string& interface) {
  Net& net = Net::current();
  if (!net.config.phy_notifier() || phydev->phylink) return;
  for (PhylibConsumer* c : lifecycle->consumers) {
    if (c->ndev == ndev) {
      c->phy_node = phydev->fwnode;
      c->handler = phydev->adjust_link;
      c->interface = interface;
      return;
    }
  }
  auto* c = sim::kzalloc<PhylibConsumer>(ndev);
  c->handler = phydev->adjust_link;
  c->interface = interface;
  c->phy_node = phydev->fwnode;
  c->nb.name = "phylib " + ndev->name();
  c->nb.notifier_call = [c](unsigned long event, void* data) {
    auto* phydev = static_cast<PhyDevice*>(data);
    if (event == PHY_EVENT_GOING_AWAY && !c->lost && c->ndev->phydev == phydev)
      consumer_going_away(c, phydev);
    else if (event == PHY_EVENT_ARRIVED && c->lost && phydev->fwnode == c->phy_node)
      consumer_arrived(c, phydev);
    return core::NOTIFY_DONE;
  };
  lifecycle->consumers.push_back(c);
  core::blocking_notifier_chain_register(&net.phy_notifier, &c->nb);
}

void phy_lifecycle_disconnected(NetDevice* ndev, bool unregistering) {
  if (!lifecycle || !Net::current().config.phy_notifier()) return;
  auto it = std::find_if(lifecycle->consumers.begin(), lifecycle->consumers.end(),
                         [ndev](PhylibConsumer* c) { return c->ndev == ndev; });
  // A consumer whose PHY went away keeps waiting for it, unless its netdev goes.
  if (it == lifecycle->consumers.end() || ((*it)->lost && !unregistering)) return;
  PhylibConsumer* c = *it;
  lifecycle->consumers.erase(it);
  core::blocking_notifier_chain_unregister(&Net::current().phy_notifier, &c->nb);
  sim::kfree(c);
}

}  // namespace lifeline::net
