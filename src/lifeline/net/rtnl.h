// SPDX-License-Identifier: GPL-2.0-only
// The rtnl mutex: taken by ip link, ethtool, phylink start/stop/disconnect and
// the SFP bus; not by phylink create/destroy (they take it themselves inside
// the SFP bus calls).
#ifndef LIFELINE_NET_RTNL_H_
#define LIFELINE_NET_RTNL_H_

namespace lifeline::net {

void rtnl_lock();
void rtnl_unlock();
bool rtnl_is_locked();
// ASSERT_RTNL(): a WARN when nobody holds rtnl (the kernel checks no owner).
void ASSERT_RTNL();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_RTNL_H_
