// SPDX-License-Identifier: GPL-2.0-only
// What several phy-loss designs share (net/designs/phy_loss.h).
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/errno.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

void phy_loss_note_driver(PhyDevice* phydev, bool bound) {
  PhyDriver* drv = phydev->drv.get();
  if (!drv || drv->genphy) return;
  phydev->driver_lost = !bound;
}

int phy_loss_refuse_genphy_after_loss(PhyDevice* phydev) {
  if (!phydev->driver_lost) return 0;
  // Every proposed design: never fall back to genphy for a PHY whose own
  // driver went away.
  sim::note(phydev->name() + ": its driver went away; not binding genphy");
  return -ENODEV;
}

bool phy_is_unbinding(const PhyDevice* phydev) {
  // dev->links.status, which __device_release_driver() sets (through
  // device_links_busy()) before it calls the driver's remove.
  return phydev->link_status == core::DlDevState::DL_DEV_UNBINDING;
}

bool phy_has_managed_consumer(const PhyDevice* phydev) {
  for (const core::DeviceLink* link : phydev->link_consumers) {
    if (!(link->flags & core::DL_FLAG_MANAGED)) continue;
    core::DlDevState s = link->consumer->link_status;
    if (s != core::DlDevState::DL_DEV_NO_DRIVER) return true;
  }
  return false;
}

core::DeviceLink* phy_loss_managed_link_add(NetDevice* dev, PhyDevice* phydev) {
  core::DeviceLink* link =
      core::device_link_add(dev->parent, phydev, core::DL_FLAG_AUTOPROBE_CONSUMER);
  if (!link)
    // The driver core refuses a link whose consumer is an ancestor of the
    // supplier: a MAC cannot depend on a PHY on its own MDIO bus.
    sim::note(phydev->name() + ": no managed device link to " + dev->parent->name() +
              " (it would close a dependency cycle: the PHY is on the consumer's own MDIO bus)");
  return link;
}

void phy_loss_managed_release_genphy(PhyDevice* phydev) {
  // Inside the PHY's own unbind (the driver core unbinds the link's
  // consumer first, whose ndo_stop or remove detaches): it releases genphy
  // itself once the consumer is gone.
  if (phy_is_unbinding(phydev)) return;
  // The managed link makes the PHY a supplier of the MAC (or port):
  // releasing genphy would unbind that consumer — from inside its own
  // ndo_stop under rtnl (ifdown), or its own remove under its device lock —
  // and, genphy being bound only by phy_attach_direct(), would leave the
  // consumer waiting for a supplier nothing binds again. genphy stays bound
  // while the link ties it to a bound consumer.
  if (phy_has_managed_consumer(phydev)) return;
  core::device_release_driver(phydev);
}

void phy_loss_managed_remove(PhyDevice* phydev) {
  phy_loss_note_driver(phydev, false);
  if (!phy_driver_is_genphy(phydev)) return;
  // The design's cost with a PHY only genphy drives: the driver core
  // re-probes the link's consumer when its supplier binds again, and
  // nothing binds genphy but phy_attach_direct() from a bound consumer.
  for (const core::DeviceLink* link : phydev->link_consumers) {
    if (!(link->flags & core::DL_FLAG_MANAGED)) continue;
    sim::note(phydev->name() + ": Generic PHY unbound: " + link->consumer->name() +
              " depends on it through a managed device link and stays unbound, since "
              "nothing binds genphy again (only phy_attach_direct() does)");
  }
}

}  // namespace lifeline::net
