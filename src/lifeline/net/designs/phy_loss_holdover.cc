// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=holdover: the 2026 proof of concept in the "Disappearance of
// network PHYs" thread. phylib leaves a PHY without driver alone (no
// phy_start()/phy_stop() WARN, no state machine, no interrupt handler), so
// the carrier stays as it was; an attach of a PHY whose driver went away
// fails instead of binding genphy; the attachment holds the MDIO bus's
// memory, and phy_detach() checks that phylib's device link still exists
// before dropping it.
#include <algorithm>

#include "lifeline/core/device.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/mutex.h"

namespace lifeline::net {

namespace {

void holdover_phy_probe(PhyDevice* phydev) {
  phy_loss_note_driver(phydev, true);
  phydev->removing = false;
}

// Marked under phydev->lock before the driver's data go (the LED triggers
// are freed next, unlocked, as v6.12 does): a phy_stop() or a state machine
// run that takes the lock after this leaves the PHY alone, instead of
// reading what phy_remove() frees (an ifdown racing the unbind).
void holdover_phy_remove(PhyDevice* phydev) {
  phy_loss_note_driver(phydev, false);
  sim::mutex_lock(&phydev->lock);
  phydev->removing = true;
  sim::mutex_unlock(&phydev->lock);
}

// A bus that goes away under an attached PHY cannot be freed before
// phy_detach() reads it.
void holdover_phy_attach_get(MiiBus* bus) { core::get_device(bus); }
void holdover_phy_detach_put(MiiBus* bus) { core::put_device(bus); }

// device_links_purge() dropped the link when the PHY device was deleted:
// mainline's phy_detach() would free it a second time.
bool holdover_phy_device_link_gone(const PhyDevice* phydev) {
  const auto& links = phydev->link_consumers;
  return std::find(links.begin(), links.end(), phydev->devlink.get()) == links.end();
}

bool holdover_phy_leave_alone(const PhyDevice* phydev) { return !phydev->drv || phydev->removing; }

}  // namespace

const PhyLossOps phy_loss_holdover = {
    .phy_probe = holdover_phy_probe,
    .phy_remove = holdover_phy_remove,
    .phy_attach_genphy = phy_loss_refuse_genphy_after_loss,
    .phy_attach_get = holdover_phy_attach_get,
    .phy_detach_put = holdover_phy_detach_put,
    .phy_device_link_gone = holdover_phy_device_link_gone,
    .phy_leave_alone = holdover_phy_leave_alone,
};

}  // namespace lifeline::net
