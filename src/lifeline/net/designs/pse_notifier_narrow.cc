// SPDX-License-Identifier: GPL-2.0-only
// pse=notifier-narrow: the 2026 PSE-PD notifier RFC (net/designs/pse.h), with
// pse_phy_mutex held only around each attach attempt, in phy_device_register() and in the
// PSE_REGISTERED walk: the variant the RFC argues against, since a PHY whose attempt failed is not
// yet on the bus the walk goes through.
#include "lifeline/net/designs/pse.h"

namespace lifeline::net {

const PseOps pse_notifier_narrow = {
    .phy_init = [] { pse_notifier_phy_init(PseLock::kNarrow); },
    .pse_registered = pse_notifier_registered,
    .pse_unregistering = pse_notifier_unregistering,
    .pse_regulator_get = pse_notifier_regulator_get,
    .pse_regulator_put = pse_notifier_regulator_put,
    .fwnode_mdio_skips_pse = pse_notifier_fwnode_mdio_skips_pse,
    .phy_device_register = pse_notifier_phy_device_register,
    .phy_device_remove = pse_notifier_phy_device_remove,
    .phy_device_release = pse_notifier_phy_device_release,
};

}  // namespace lifeline::net
