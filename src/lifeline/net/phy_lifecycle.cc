// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/phy_lifecycle.h"

#include <functional>

#include "lifeline/core/errno.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

// A plain phylib MAC's attachment, kept while the netdev is registered, so
// that it can get its PHY back.
struct PhylibConsumer : sim::Object, ProviderConsumer {
  explicit PhylibConsumer(NetDevice* n) : sim::Object("phy_consumer", n->name()), ndev(n) {}
  NetDevice* ndev;
  std::function<void(NetDevice*)> handler;
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
};

PhylibConsumer* consumer_of(ProviderConsumer* c) { return static_cast<PhylibConsumer*>(c); }

void phylib_consumer_going_away(ProviderConsumer* pc, core::Device* provider) {
  PhyDevice* phydev = to_phy_device(provider);
  NetDevice* ndev = consumer_of(pc)->ndev;
  note(ndev->name() + ": PHY " + phydev->name() + " going away: link down, PHY released");
  // Force the link down through the normal path: phy_stop() runs the state
  // machine, whose link-down callback turns the carrier off.
  if (phy_is_started(phydev)) phy_stop(phydev);
  if (netif_carrier_ok(ndev)) netif_carrier_off(ndev);
  phy_disconnect(phydev);  // drops netdev->phydev and every reference
}

int phylib_consumer_reconnect(ProviderConsumer* pc, core::Device* provider) {
  PhylibConsumer* c = consumer_of(pc);
  if (c->ndev->phydev) return -EBUSY;
  return phy_connect_direct(c->ndev, to_phy_device(provider), c->handler, c->interface);
}

void phylib_consumer_restart(ProviderConsumer* pc, core::Device* provider) {
  if (netif_running(consumer_of(pc)->ndev)) phy_start(to_phy_device(provider));
}

std::string phylib_consumer_name(const ProviderConsumer* pc) {
  return static_cast<const PhylibConsumer*>(pc)->ndev->name();
}

constexpr ProviderConsumerOps kPhylibConsumerOps = {
    .name = phylib_consumer_name,
    .going_away = phylib_consumer_going_away,
    .reconnect = phylib_consumer_reconnect,
    .restart = phylib_consumer_restart,
};

PhylibConsumer* find_consumer(NetDevice* ndev) {
  return static_cast<PhylibConsumer*>(provider_consumer_find(ProviderKind::kPhy, ndev));
}

}  // namespace

void phy_lifecycle_connected(NetDevice* ndev, PhyDevice* phydev, phy_interface_t interface) {
  if (!provider_lifecycle_listening(ProviderKind::kPhy) || phydev->phylink) return;
  PhylibConsumer* c = find_consumer(ndev);
  if (!c) {
    c = sim::kzalloc<PhylibConsumer>(ndev);
    c->ProviderConsumer::kind = ProviderKind::kPhy;
    c->ops = &kPhylibConsumerOps;
    c->owner = ndev;
    c->journal = &ndev->journal;
  }
  c->handler = phydev->adjust_link;
  c->interface = interface;
  provider_hold(c, phydev);
}

void phy_lifecycle_disconnected(NetDevice* ndev, bool unregistering) {
  if (!provider_lifecycle_listening(ProviderKind::kPhy)) return;
  PhylibConsumer* c = find_consumer(ndev);
  if (!c) return;
  if (!unregistering) {
    // A consumer whose PHY goes away keeps waiting for its node.
    provider_release(c);
    return;
  }
  provider_consumer_unregister(c);
  sim::kfree(c);
}

}  // namespace lifeline::net
