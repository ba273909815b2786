// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/dtb_reader.h"

#include <libfdt.h>

#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lifeline/dt/phandle_check.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {

namespace {

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

[[noreturn]] void fail(const std::string& source, const std::string& what) {
  throw sim::UserError(source, 0, 0, what);
}

using sim::excerpt;

// Nodes at the root that dtc -@ / overlays add for the loader, not for the
// kernel's tree (of_fdt keeps __symbols__ as a node, but no device or
// property of the board lives there, and lifeline turns it into labels).
enum class Special { kNone, kSymbols, kDrop };

Special special_root_child(std::string_view name) {
  if (name == "__symbols__") return Special::kSymbols;
  if (name == "__fixups__" || name == "__local_fixups__") return Special::kDrop;
  return Special::kNone;
}

// libfdt wants the blob 8-byte aligned (FDT_ERR_ALIGNMENT); a span from a
// file buffer may not be.
struct AlignedBlob {
  std::vector<uint64_t> storage;
  const void* data = nullptr;
  AlignedBlob(std::span<const uint8_t> blob) {
    if (reinterpret_cast<uintptr_t>(blob.data()) % 8 == 0) {
      data = blob.data();
    } else {
      storage.resize((blob.size() + 7) / 8);
      std::memcpy(storage.data(), blob.data(), blob.size());
      data = storage.data();
    }
  }
};

void validate(const void* fdt, std::span<const uint8_t> blob, const std::string& source) {
  if (blob.size() < 4)
    fail(source, "not a device tree blob: only " + std::to_string(blob.size()) +
                     " bytes, too short for the magic number");
  uint32_t magic = fdt_magic(fdt);
  if (magic != kFdtMagic)
    fail(source, "not a device tree blob: bad magic " + hex32(magic) + " (expected " +
                     hex32(kFdtMagic) + ")");
  if (blob.size() < sizeof(struct fdt_header))
    fail(source, "truncated device tree blob: " + std::to_string(blob.size()) +
                     " bytes, smaller than the " + std::to_string(sizeof(struct fdt_header)) +
                     "-byte header");
  if (fdt_totalsize(fdt) > blob.size())
    fail(source, "truncated device tree blob: the header says " +
                     std::to_string(fdt_totalsize(fdt)) + " bytes, the file has " +
                     std::to_string(blob.size()));
  if (int err = fdt_check_header(fdt); err != 0)
    fail(source, std::string("malformed device tree blob header: ") + fdt_strerror(err));
  if (int err = fdt_check_full(fdt, blob.size()); err != 0)
    fail(source, std::string("malformed device tree blob: ") + fdt_strerror(err));
}

}  // namespace

bool has_fdt_magic(std::span<const uint8_t> bytes) {
  return bytes.size() >= 4 && ((uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) |
                               (uint32_t{bytes[2]} << 8) | bytes[3]) == kFdtMagic;
}

std::unique_ptr<core::FwTree> read_dtb(std::span<const uint8_t> blob, std::string source_name) {
  AlignedBlob aligned(blob);
  const void* fdt = aligned.data;
  validate(fdt, blob, source_name);

  auto tree = std::make_unique<core::FwTree>();
  tree->source = source_name;

  // One pass over the structure block (fdt_next_tag()), which
  // fdt_check_full() has already proven well nested.
  std::vector<core::FwNode*> stack;  // open nodes; nullptr inside a skipped subtree
  std::vector<std::pair<std::string, std::string>> symbols;  // label, path
  Special in_special = Special::kNone;
  int special_depth = 0;  // depth of the special node while inside it

  size_t properties = 0;
  int offset = 0;
  for (;;) {
    int next = 0;
    uint32_t tag = fdt_next_tag(fdt, offset, &next);
    if (next < 0)
      fail(source_name, std::string("malformed device tree blob: ") + fdt_strerror(next));
    if (tag == FDT_END) break;
    switch (tag) {
      case FDT_BEGIN_NODE: {
        int len = 0;
        const char* name = fdt_get_name(fdt, offset, &len);
        if (!name) fail(source_name, "malformed device tree blob: unreadable node name");
        std::string_view nm(name, static_cast<size_t>(len));
        // unflatten_dt_nodes() skips nodes at FDT_MAX_DEPTH and below with a
        // WARN; lifeline refuses them rather than model another tree.
        if (stack.size() + 1 >= kMaxDtDepth)
          fail(source_name, "device tree nested deeper than " + std::to_string(kMaxDtDepth) +
                                " levels (the kernel's FDT_MAX_DEPTH) at a node named '" +
                                excerpt(nm) + "'");
        if (nm.size() > kMaxDtNameLength)
          fail(source_name, "node name '" + excerpt(nm) + "' is longer than " +
                                std::to_string(kMaxDtNameLength) + " bytes");
        if (in_special != Special::kNone) {  // inside __symbols__ and the like
          stack.push_back(nullptr);
          break;
        }
        core::FwNode* parent = stack.empty() ? nullptr : stack.back();
        if (!parent && tree->root())
          fail(source_name, "malformed device tree blob: more than one root node");
        if (parent && parent == tree->root()) {
          if (Special s = special_root_child(nm); s != Special::kNone) {
            in_special = s;
            special_depth = static_cast<int>(stack.size()) + 1;
            stack.push_back(nullptr);
            break;
          }
        }
        if (tree->nodes().size() >= kMaxDtNodes)
          fail(source_name, "device tree has more than " + std::to_string(kMaxDtNodes) + " nodes");
        core::FwNode* node = tree->add_node(parent, std::string(nm));
        if (node->full_path.size() > kMaxDtPathLength)
          fail(source_name, "node path '" + excerpt(node->full_path) + "' is longer than " +
                                std::to_string(kMaxDtPathLength) + " bytes");
        stack.push_back(node);
        break;
      }
      case FDT_END_NODE:
        if (in_special != Special::kNone && static_cast<int>(stack.size()) == special_depth)
          in_special = Special::kNone;
        if (!stack.empty()) stack.pop_back();
        break;
      case FDT_PROP: {
        int len = 0;
        const struct fdt_property* prop = fdt_get_property_by_offset(fdt, offset, &len);
        if (!prop || len < 0) fail(source_name, "malformed device tree blob: unreadable property");
        const char* pname = fdt_string(fdt, static_cast<int>(fdt32_to_cpu(prop->nameoff)));
        if (!pname) fail(source_name, "malformed device tree blob: bad property name offset");
        if (std::strlen(pname) > kMaxDtNameLength)
          fail(source_name, "property name '" + excerpt(pname) + "' is longer than " +
                                std::to_string(kMaxDtNameLength) + " bytes");
        if (++properties > kMaxDtProperties)
          fail(source_name,
               "device tree has more than " + std::to_string(kMaxDtProperties) + " properties");
        const auto* data = reinterpret_cast<const uint8_t*>(prop->data);
        if (in_special == Special::kSymbols && static_cast<int>(stack.size()) == special_depth) {
          // label = "/path/to/node" (NUL-terminated string).
          std::string path(reinterpret_cast<const char*>(data),
                           strnlen(reinterpret_cast<const char*>(data), static_cast<size_t>(len)));
          symbols.emplace_back(pname, std::move(path));
          break;
        }
        if (in_special != Special::kNone || stack.empty() || !stack.back()) break;
        core::FwNode* node = stack.back();
        // populate_properties(): "phandle" and "linux,phandle" both set the
        // phandle, the first one seen wins.
        if ((std::strcmp(pname, "phandle") == 0 || std::strcmp(pname, "linux,phandle") == 0) &&
            len == 4 && node->phandle == 0) {
          uint32_t ph = (uint32_t{data[0]} << 24) | (uint32_t{data[1]} << 16) |
                        (uint32_t{data[2]} << 8) | data[3];
          if (ph != 0 && ph != ~0u) node->phandle = ph;
        }
        node->properties.push_back(core::FwProperty{pname, std::vector<uint8_t>(data, data + len)});
        break;
      }
      default:  // FDT_NOP
        break;
    }
    offset = next;
  }
  if (!tree->root()) fail(source_name, "malformed device tree blob: no root node");

  for (const auto& n : tree->nodes()) {
    if (!n->phandle) continue;
    if (core::FwNode* other = tree->find_by_phandle(n->phandle))
      fail(source_name, "duplicate phandle " + hex32(n->phandle) + ": " + other->full_path +
                            " and " + n->full_path);
    tree->index_phandle(n.get());
  }
  if (!symbols.empty()) {
    std::unordered_map<std::string_view, core::FwNode*> by_path;
    for (const auto& n : tree->nodes()) by_path.emplace(n->full_path, n.get());
    for (auto& [label, path] : symbols) {
      // A symbol naming no node is left out: it labels nothing lifeline can
      // show, and the kernel never reads __symbols__ except for overlays.
      auto it = by_path.find(path);
      if (it != by_path.end()) tree->index_label(it->second, label);
    }
  }
  check_dangling_phandles(*tree, source_name);
  return tree;
}

}  // namespace lifeline::dt
