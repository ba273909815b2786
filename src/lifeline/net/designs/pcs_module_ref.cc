// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/designs/pcs.h"

namespace lifeline::net {

const PcsOps pcs_module_ref = {};

}  // namespace lifeline::net
