// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/load.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "lifeline/dt/dtb_reader.h"
#include "lifeline/dt/fw_devlink_links.h"
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
  struct stat st {};
  if (stat(path.c_str(), &st) != 0)
    throw sim::UserError(path, 0, 0,
                         std::string("cannot read the device tree: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode))
    throw sim::UserError(path, 0, 0, "cannot read the device tree: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw sim::UserError(path, 0, 0,
                         std::string("cannot read the device tree: ") + std::strerror(errno));
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
  add_fw_devlink_links(*tree);
  return tree;
}

}  // namespace lifeline::dt
