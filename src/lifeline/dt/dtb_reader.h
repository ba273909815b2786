// SPDX-License-Identifier: GPL-2.0-only
// Reading a flattened device tree blob (.dtb) into firmware nodes, the way
// the kernel's unflatten_device_tree() builds struct device_node: every node
// with its properties, phandles from "phandle"/"linux,phandle", and labels
// from the /__symbols__ node that `dtc -@` writes.
#ifndef LIFELINE_DT_DTB_READER_H_
#define LIFELINE_DT_DTB_READER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// FDT_MAGIC: the first four bytes of every blob, big-endian.
inline constexpr uint32_t kFdtMagic = 0xd00dfeed;

// Limits on what one blob may hold, so that a blob of a few megabytes
// cannot make lifeline build gigabytes of nodes (docs/cli.md lists them).
// FDT_MAX_DEPTH of drivers/of/fdt.c: the kernel skips deeper nodes.
inline constexpr size_t kMaxDtDepth = 64;
inline constexpr size_t kMaxDtNodes = 65536;
inline constexpr size_t kMaxDtProperties = 1000000;
// A node or property name (the specification allows 31 characters).
inline constexpr size_t kMaxDtNameLength = 255;
// A full node path (PATH_MAX, which /proc/device-tree paths must fit).
inline constexpr size_t kMaxDtPathLength = 4096;

// True when `bytes` starts with the blob magic.
bool has_fdt_magic(std::span<const uint8_t> bytes);

// Builds the tree of the blob. `source_name` names the blob in messages and
// becomes FwTree::source. The blob is validated first (header, size, the
// whole structure block); /__symbols__, /__fixups__ and /__local_fixups__
// become labels or are dropped, never nodes. Throws sim::UserError for a
// truncated or malformed blob, a blob over the limits above, a duplicate
// phandle, or a dangling phandle (check_dangling_phandles()).
std::unique_ptr<core::FwTree> read_dtb(std::span<const uint8_t> blob, std::string source_name);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_DTB_READER_H_
