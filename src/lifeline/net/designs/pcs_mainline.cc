// SPDX-License-Identifier: GPL-2.0-only
// pcs=mainline: v6.12. The MAC creates its PCS (lynx_pcs_create_fwnode(),
// miic_create()), returns it from mac_select_pcs() and destroys it; phylink
// holds a raw pl->pcs and nobody tells it the PCS is going away, so the
// next resolve, poll or phylink_stop() reads through whatever is left.
#include "lifeline/net/designs/pcs.h"

namespace lifeline::net {

const PcsOps pcs_mainline = {};

}  // namespace lifeline::net
