// SPDX-License-Identifier: GPL-2.0-only
// pse=notifier-mutex: the 2026 PSE-PD notifier RFC (net/designs/pse.h), with
// a dedicated mutex (pse_phy_mutex) in place of rtnl, held the same way.
#include "lifeline/net/designs/pse.h"

namespace lifeline::net {

const PseOps pse_notifier_mutex = {
    .phy_init = [] { pse_notifier_phy_init(PseLock::kMutex); },
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
