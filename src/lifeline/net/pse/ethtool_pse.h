// SPDX-License-Identifier: GPL-2.0-only
// ethtool's PSE requests (net/ethtool/pse-pd.c, v6.12): PSE_GET
// (`ethtool --show-pse IF`) and PSE_SET (`ethtool --set-pse IF
// podl-pse-admin-control|c33-pse-admin-control enable|disable`), under rtnl,
// through netdev->phydev->psec as the kernel does. A DSA user port answers
// with its PHY's control, as the kernel's does.
#ifndef LIFELINE_NET_PSE_ETHTOOL_PSE_H_
#define LIFELINE_NET_PSE_ETHTOOL_PSE_H_

#include <string>

#include "lifeline/net/pse/pse_core.h"

namespace lifeline::net {

class NetDevice;

// 0 or -errno; `extack` gets the kernel's message ("No PSE is attached").
int ethtool_get_pse(NetDevice* dev, PseControlStatus* status, std::string* extack);
int ethtool_set_pse(NetDevice* dev, const PseControlConfig& config, std::string* extack);

// "enabled", "disabled", "delivering power", ... as ethtool(8) prints them.
std::string pse_admin_state_name(uint8_t state);
std::string pse_pw_status_name(uint8_t status);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_ETHTOOL_PSE_H_
