// SPDX-License-Identifier: GPL-2.0-only
// Walks over phandles that would not end: an interrupt-parent chain that
// goes round without reaching a node with #interrupt-cells, an
// interrupt-map that leads back to itself, an "interrupts" property under a
// controller with #interrupt-cells = <0>. The kernel loops forever on each
// of these (of_irq_find_parent(), of_irq_parse_raw(), of_irq_count());
// lifeline refuses the tree at load, naming the node, so that no later walk
// meets one. Every walk is bounded besides (see of_irq.h), so a tree built
// in code that skips this check still cannot hang lifeline.
#ifndef LIFELINE_DT_WALK_CHECK_H_
#define LIFELINE_DT_WALK_CHECK_H_

#include <string>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// Throws sim::UserError(file, ...) for the first node whose interrupt walk
// does not end, naming the node and the loop.
void check_phandle_walks(const core::FwTree& tree, const std::string& file);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_WALK_CHECK_H_
