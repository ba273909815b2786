// SPDX-License-Identifier: GPL-2.0-only
// Dangling phandles: a property that the kernel reads as phandles (the
// network ones and every fw_devlink supplier property) naming a phandle that
// no node has. The kernel only logs "could not find phandle" and carries on
// without the supplier; lifeline refuses the tree, because every answer it
// gives about that board would silently miss a dependency.
#ifndef LIFELINE_DT_PHANDLE_CHECK_H_
#define LIFELINE_DT_PHANDLE_CHECK_H_

#include <string>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// Throws sim::UserError(file, ...) naming the node path, the property and
// the phandle value of the first dangling phandle found.
void check_dangling_phandles(const core::FwTree& tree, const std::string& file);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_PHANDLE_CHECK_H_
