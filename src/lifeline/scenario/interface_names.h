// SPDX-License-Identifier: GPL-2.0-only
// Interface names that can never name a netdev on the board: a label or
// path (`ip link set &dpmac7 up`) for a node no modelled driver makes a
// netdev for. Found before the run starts, so that the scenario fails at
// its line with the reason, not as "Cannot find device" in the middle of a
// run. (A netdev that a design unregisters during the run is an outcome of
// the run, not a bad name: these names can be a netdev on this board.)
#ifndef LIFELINE_SCENARIO_INTERFACE_NAMES_H_
#define LIFELINE_SCENARIO_INTERFACE_NAMES_H_

#include <string>

#include "lifeline/scenario/ast.h"

namespace lifeline::core {
class FwTree;
}

namespace lifeline::scenario {

// Throws sim::UserError at the first such name: "no netdev for /path: the
// driver of this node is not modelled ..." (what is missing). Names written
// as a netdev name ("eth0") are left to the run: which netdev gets which
// name is decided there.
void check_interface_names(const Scenario& scenario, const core::FwTree& tree);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_INTERFACE_NAMES_H_
