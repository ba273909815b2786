// SPDX-License-Identifier: GPL-2.0-only
// ethtool -m (net/ethtool/eeprom.c, module.c): the module EEPROM, through
// netdev->sfp_bus under rtnl, as the ethtool core asks it.
#ifndef LIFELINE_NET_SFP_SFP_ETHTOOL_H_
#define LIFELINE_NET_SFP_SFP_ETHTOOL_H_

#include <string>

namespace lifeline::net {

class NetDevice;

// ethtool_get_module_info() then the EEPROM read: 0 and the decoded
// identity, -EOPNOTSUPP without a bus, or what the socket returns.
int ethtool_get_module_eeprom(NetDevice* dev, std::string* info);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_SFP_SFP_ETHTOOL_H_
