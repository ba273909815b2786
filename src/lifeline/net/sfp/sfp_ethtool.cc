// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/sfp/sfp_ethtool.h"

#include "lifeline/core/errno.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

int ethtool_get_module_eeprom(NetDevice* dev, std::string* info) {
  LL_FUNC();
  rtnl_lock();
  sim::check_access(dev, "dev->sfp_bus");
  // ethtool_get_module_info_call(): the bus if the netdev has one, else
  // the driver's own op (none of the modelled MACs has one).
  SfpBus* bus = dev->sfp_bus.get();
  int ret = -EOPNOTSUPP;
  if (bus) {
    ret = sfp_get_module_info(bus, info);
    std::vector<uint8_t> data;
    if (!ret) ret = sfp_get_module_eeprom(bus, &data);
  }
  rtnl_unlock();
  return ret;
}

}  // namespace lifeline::net
