// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=replay: lifeline's own design. As notify-down, and the consumer
// re-applies what was configured through it (ethtool -s settings, WoL, EEE:
// its journal, net/phy_journal.h) to the PHY that arrives, before starting
// it. No kernel patch does this; every other design re-probes from scratch.
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/provider_lifecycle.h"

namespace lifeline::net {

namespace {

void replay_phy_init() { provider_lifecycle_listen(ProviderKind::kPhy, /*replay=*/true); }

}  // namespace

const PhyLossOps phy_loss_replay = {
    .phy_init = replay_phy_init,
    .phy_probe = phy_loss_notify_probe,
    .phy_remove = phy_loss_notify_remove,
    .phy_attach_genphy = phy_loss_refuse_genphy_after_loss,
    .phy_release_genphy = phy_loss_notify_release_genphy,
    .ndo_phy_may_be_gone = phy_loss_notify_phy_may_be_gone,
};

}  // namespace lifeline::net
