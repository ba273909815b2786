// SPDX-License-Identifier: GPL-2.0-only
// The one entry point for a board: a path to a .dtb or a .dts.
#ifndef LIFELINE_DT_LOAD_H_
#define LIFELINE_DT_LOAD_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "lifeline/core/fwnode.h"
#include "lifeline/dt/dtc.h"

namespace lifeline::dt {

struct LoadOptions {
  DtsOptions dts;  // for .dts input
};

// Reads the file (at most sim::kMaxBoardBytes); a blob is recognised by its magic (0xd00dfeed),
// anything else that is text is compiled as device tree source. Adds the fw_devlink supplier links
// (add_fw_devlink_links()). FwTree::source is `path`. Throws sim::UserError for a missing or
// unreadable file, a file that is neither a blob nor text, a truncated or malformed blob, a dtc
// error, a dangling phandle, or a phandle walk that would not end (check_phandle_walks()).
std::unique_ptr<core::FwTree> load_device_tree(const std::string& path, LoadOptions options = {});

// The same for blob bytes already in memory (the fuzzer's way in); `name`
// stands for the file in messages.
std::unique_ptr<core::FwTree> load_device_tree_blob(std::span<const uint8_t> blob,
                                                    const std::string& name);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_LOAD_H_
