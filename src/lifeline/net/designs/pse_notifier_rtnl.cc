// SPDX-License-Identifier: GPL-2.0-only
// pse=notifier-rtnl: the 2026 PSE-PD notifier RFC (net/designs/pse.h), with
// rtnl, held across the whole of phy_device_register() (the attach attempt and device_add()), and
// taken by the PSE_REGISTERED walk: the RFC as posted.
#include "lifeline/net/designs/pse.h"

namespace lifeline::net {

const PseOps pse_notifier_rtnl = {
    .phy_init = [] { pse_notifier_phy_init(PseLock::kRtnl); },
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
