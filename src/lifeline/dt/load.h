// SPDX-License-Identifier: GPL-2.0-only
// The one entry point for a board: a path to a .dtb or a .dts.
#ifndef LIFELINE_DT_LOAD_H_
#define LIFELINE_DT_LOAD_H_

#include <memory>
#include <string>

#include "lifeline/core/fwnode.h"
#include "lifeline/dt/dtc.h"

namespace lifeline::dt {

struct LoadOptions {
  DtsOptions dts;  // for .dts input
};

// Reads the file; a blob is recognised by its magic (0xd00dfeed), anything
// else that is text is compiled as device tree source. Adds the fw_devlink
// supplier links (add_fw_devlink_links()). FwTree::source is `path`.
// Throws sim::UserError for a missing or unreadable file, a file that is
// neither a blob nor text, a truncated or malformed blob, a dtc error, or a
// dangling phandle.
std::unique_ptr<core::FwTree> load_device_tree(const std::string& path, LoadOptions options = {});

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_LOAD_H_
