// SPDX-License-Identifier: GPL-2.0-only
// The sfp-lock designs (knob `sfp-lock`): what serialises the SFP bus and
// the cage's event paths. Each value is one ops table, chosen once when the
// configuration is made. sfp-bus.c and sfp.c call lock/unlock exactly where
// v6.12 takes rtnl (sfp_bus_add_upstream(), sfp_bus_del_upstream(),
// sfp_register_socket(), sfp_unregister_socket(), sfp_timeout(),
// sfp_check_state(), the INSERT of sfp_probe() and the REMOVE of
// sfp_remove()) and nowhere else; phylink's upstream ops call assert_held
// where they say ASSERT_RTNL(). Nothing else changes: ndo_open/ndo_stop and
// ethtool keep rtnl, as the core takes it for them.
#ifndef LIFELINE_NET_DESIGNS_SFP_LOCK_H_
#define LIFELINE_NET_DESIGNS_SFP_LOCK_H_

namespace lifeline::net {

struct SfpLockOps {
  void (*lock)() = nullptr;
  void (*unlock)() = nullptr;
  void (*assert_held)() = nullptr;
};

extern const SfpLockOps sfp_lock_rtnl;   // mainline
extern const SfpLockOps sfp_lock_mutex;  // a dedicated SFP bus mutex instead of rtnl
extern const SfpLockOps sfp_lock_none;   // no serialisation: the control

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DESIGNS_SFP_LOCK_H_
