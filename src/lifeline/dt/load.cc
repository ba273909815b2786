// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/load.h"

#include <vector>

#include "lifeline/dt/dtb_reader.h"
#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/walk_check.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Source text has no NUL bytes and few control characters; a blob, an
// image or an archive has plenty.
bool looks_like_text(const std::vector<uint8_t>& bytes) {
  size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t odd = 0;
  for (size_t i = 0; i < n; ++i) {
    uint8_t c = bytes[i];
    if (c == 0) return false;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++odd;
  }
  return odd * 100 <= n;  // at most 1%
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::string bytes = sim::read_input_file(path, "device tree", sim::kMaxBoardBytes);
  return std::vector<uint8_t>(bytes.begin(), bytes.end());
}

// What every tree gets after it is read: the walk check, then fw_devlink.
void finish_tree(core::FwTree& tree, const std::string& name) {
  check_phandle_walks(tree, name);
  add_fw_devlink_links(tree);
}

}  // namespace

std::unique_ptr<core::FwTree> load_device_tree(const std::string& path, LoadOptions options) {
  std::vector<uint8_t> bytes = read_file(path);
  std::unique_ptr<core::FwTree> tree;
  if (has_fdt_magic(bytes) || ends_with(path, ".dtb") || ends_with(path, ".dtbo")) {
    // A .dtb without the magic gets read_dtb()'s "bad magic" message.
    tree = read_dtb(bytes, path);
  } else if (bytes.empty()) {
    throw sim::UserError(path, 0, 0, "the device tree file is empty");
  } else if (!looks_like_text(bytes)) {
    throw sim::UserError(path, 0, 0,
                         "not a device tree: neither a blob (no 0xd00dfeed magic) nor device "
                         "tree source (the file holds binary data)");
  } else {
    tree = read_dts(path, options.dts);
  }
  tree->source = path;
  finish_tree(*tree, path);
  return tree;
}

std::unique_ptr<core::FwTree> load_device_tree_blob(std::span<const uint8_t> blob,
                                                    const std::string& name) {
  if (blob.size() > sim::kMaxBoardBytes)
    throw sim::UserError(name, 0, 0,
                         "the device tree is larger than " + sim::size_text(sim::kMaxBoardBytes) +
                             ", lifeline's limit for a device tree");
  std::unique_ptr<core::FwTree> tree = read_dtb(blob, name);
  finish_tree(*tree, name);
  return tree;
}

}  // namespace lifeline::dt
