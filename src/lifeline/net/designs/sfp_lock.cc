// SPDX-License-Identifier: GPL-2.0-only
// The three sfp-lock designs (designs/sfp_lock.h).
#include "lifeline/net/designs/sfp_lock.h"

#include "lifeline/net/rtnl.h"
#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/sim/mutex.h"

namespace lifeline::net {

// Mainline: rtnl, and phylink's ASSERT_RTNL().
const SfpLockOps sfp_lock_rtnl = {
    .lock = rtnl_lock,
    .unlock = rtnl_unlock,
    .assert_held = ASSERT_RTNL,
};

// A dedicated mutex ("sfp_bus_mutex") where rtnl was; phylink's upstream
// ops assert that one instead.
const SfpLockOps sfp_lock_mutex = {
    .lock = [] { sim::mutex_lock(&sfp_state().sfp_bus_mutex); },
    .unlock = [] { sim::mutex_unlock(&sfp_state().sfp_bus_mutex); },
    .assert_held = [] { sim::lockdep_assert_held(&sfp_state().sfp_bus_mutex); },
};

// Nothing at all: what rtnl protects shows as what goes wrong without it.
const SfpLockOps sfp_lock_none = {
    .lock = [] {},
    .unlock = [] {},
    .assert_held = [] {},
};

}  // namespace lifeline::net
