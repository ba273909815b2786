// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=notify-down: the "PHY going away" notifier of the 2026
// "Disappearance of network PHYs" thread, over the provider-lifecycle
// protocol (net/provider_lifecycle.h). phy_remove() announces that the PHY
// is going away before the driver lets go of it: the consumer that holds it
// (phylink, or phylib for a plain phylib MAC: net/phy_lifecycle.cc) takes
// rtnl, forces the link down and drops every reference. When a specific
// driver binds the PHY again, its arrival reconnects the consumer, with the
// PHY's defaults.
//
// Made safe for genphy: phy_detach() inside the PHY's own unbind (the
// notifier's consumer disconnecting) leaves genphy's release to the driver
// core, which is doing it; and an ifdown, which releases genphy itself,
// notifies nobody, because the consumer let go of the PHY first.
#include "lifeline/core/dd.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

void phy_loss_notify_probe(PhyDevice* phydev) {
  phy_loss_note_driver(phydev, true);
  // genphy binds only through phy_attach_direct(), for a consumer that is
  // attaching: there is nobody to tell.
  if (!phydev->drv->genphy) provider_arrived(ProviderKind::kPhy, phydev);
}

void phy_loss_notify_remove(PhyDevice* phydev) {
  phy_loss_note_driver(phydev, false);
  if (phy_driver_is_genphy(phydev) && provider_is_held(ProviderKind::kPhy, phydev))
    // The design's limit with a PHY only genphy drives: no driver binds it
    // again, so no arrival will reconnect the consumer.
    sim::note(phydev->name() +
              ": Generic PHY going away: nothing binds genphy again, so its consumer gets a PHY "
              "back only by attaching it itself (ifup, for a MAC that attaches at ndo_open)");
  provider_going_away(ProviderKind::kPhy, phydev);
}

void phy_loss_notify_release_genphy(PhyDevice* phydev) {
  // Called from the notifier's consumer, inside phy_remove() of this very
  // PHY: device_release_driver() would take the device lock we hold.
  if (phy_is_unbinding(phydev)) return;
  core::device_release_driver(phydev);
}

bool phy_loss_notify_phy_may_be_gone(const NetDevice*) { return true; }

namespace {

void notify_down_phy_init() { provider_lifecycle_listen(ProviderKind::kPhy, /*replay=*/false); }

}  // namespace

const PhyLossOps phy_loss_notify_down = {
    .phy_init = notify_down_phy_init,
    .phy_probe = phy_loss_notify_probe,
    .phy_remove = phy_loss_notify_remove,
    .phy_attach_genphy = phy_loss_refuse_genphy_after_loss,
    .phy_release_genphy = phy_loss_notify_release_genphy,
    .ndo_phy_may_be_gone = phy_loss_notify_phy_may_be_gone,
};

}  // namespace lifeline::net
