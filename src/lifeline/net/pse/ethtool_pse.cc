// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/pse/ethtool_pse.h"

#include "lifeline/core/errno.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

// ethnl_req_get_phydev() without a PHY index: dev->phydev.
template <class Fn>
int with_psec(NetDevice* dev, std::string* extack, const char* no_phy, Fn fn) {
  rtnl_lock();
  sim::check_access(dev, "ethnl_ops_begin(dev)");
  int ret = 0;
  if (dev->reg_state != NetregState::NETREG_REGISTERED) {
    ret = -ENODEV;
  } else if (!dev->phydev) {
    *extack = no_phy;
    ret = -EOPNOTSUPP;
  } else if (!dev->phydev.at("phydev->psec")->psec) {
    *extack = "No PSE is attached";
    ret = -EOPNOTSUPP;
  } else {
    ret = fn(dev->phydev->psec.get());
  }
  rtnl_unlock();
  return ret;
}

}  // namespace

int ethtool_get_pse(NetDevice* dev, PseControlStatus* status, std::string* extack) {
  LL_FUNC();
  // pse_prepare_data() -> pse_get_pse_attributes()
  return with_psec(dev, extack, "No PHY found",
                   [&](PseControl* psec) { return pse_ethtool_get_status(psec, status); });
}

int ethtool_set_pse(NetDevice* dev, const PseControlConfig& config, std::string* extack) {
  LL_FUNC();
  // ethnl_set_pse_validate(), then pse_ethtool_set_config().
  return with_psec(dev, extack, "No PHY is attached", [&](PseControl* psec) {
    if (config.podl_admin_control && !pse_has_podl(psec)) {
      *extack = "setting PoDL PSE admin control not supported";
      return -EOPNOTSUPP;
    }
    if (config.c33_admin_control && !pse_has_c33(psec)) {
      *extack = "setting C33 PSE admin control not supported";
      return -EOPNOTSUPP;
    }
    return pse_ethtool_set_config(psec, config);
  });
}

std::string pse_admin_state_name(uint8_t state) {
  switch (state) {
    case PSE_ADMIN_STATE_DISABLED:
      return "disabled";
    case PSE_ADMIN_STATE_ENABLED:
      return "enabled";
    default:
      return "unknown";
  }
}

std::string pse_pw_status_name(uint8_t status) {
  switch (status) {
    case PSE_PW_D_STATUS_DISABLED:
      return "disabled";
    case PSE_PW_D_STATUS_SEARCHING:
      return "searching";
    case PSE_PW_D_STATUS_DELIVERING:
      return "delivering power";
    default:
      return "unknown";
  }
}

}  // namespace lifeline::net
