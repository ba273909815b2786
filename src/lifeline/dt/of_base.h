// SPDX-License-Identifier: GPL-2.0-only
// The handful of drivers/of/base.c helpers that the rest of dt/ is written
// against, over core::FwNode: cell counts, node-name comparison, and the
// phandle-list iterator with the kernel's exact rules for argument counts,
// empty (0) entries and errors. core::parse_phandle_with_args() is the
// convenient form for model code; this one is for places that must match the
// kernel's behaviour on malformed lists (fw_devlink, the dangling check).
#ifndef LIFELINE_DT_OF_BASE_H_
#define LIFELINE_DT_OF_BASE_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// OF_ROOT_NODE_ADDR_CELLS_DEFAULT / OF_ROOT_NODE_SIZE_CELLS_DEFAULT (not SPARC).
inline constexpr int kRootAddrCellsDefault = 1;
inline constexpr int kRootSizeCellsDefault = 1;

// of_bus_n_addr_cells(): #address-cells of `np` itself, else of the nearest
// ancestor that has one, else the root default.
int of_bus_n_addr_cells(const core::FwNode* np);
int of_bus_n_size_cells(const core::FwNode* np);
// of_n_addr_cells(): the cells used by `np`'s own "reg", i.e. its parent's.
int of_n_addr_cells(const core::FwNode* np);
int of_n_size_cells(const core::FwNode* np);

// of_node_name_eq(): compares the node name without its unit address.
bool of_node_name_eq(const core::FwNode* np, std::string_view name);

// of_read_number(): `size` big-endian cells folded into 64 bits (higher
// cells shift out, as in the kernel).
uint64_t of_read_number(const uint32_t* cells, int size);

// The cells of a property (big-endian decoded); a trailing partial cell is
// dropped as of_get_property() users do (size / sizeof(__be32)).
std::vector<uint32_t> property_cells(const core::FwNode* np, std::string_view prop);

// One entry of a phandle list (struct of_phandle_iterator after _next()).
struct PhandleEntry {
  uint32_t phandle = 0;          // 0: an empty entry
  core::FwNode* node = nullptr;  // nullptr when empty or not found
  std::vector<uint32_t> args;
};

// The result of walking a phandle list with of_for_each_phandle().
struct PhandleList {
  std::vector<PhandleEntry> entries;  // the entries parsed before any error
  bool error = false;                 // of_phandle_iterator_next() returned -EINVAL
  // Why it stopped: a phandle naming no node (only an error when the list
  // has a cells_name), a target without `cells_name` and no default count,
  // or arguments running past the end of the property.
  enum class Why { kNone, kDangling, kNoCellsProperty, kTruncated } why = Why::kNone;
  uint32_t bad_phandle = 0;  // for kDangling
};

// of_phandle_iterator_init()/_next() over the whole list. `cells_name` empty
// means NULL in the kernel: every entry then has `cell_count` arguments; with
// a cells_name, the target's property decides, falling back to `cell_count`
// when it is >= 0.
PhandleList of_phandle_list(const core::FwNode* np, std::string_view list_name,
                            std::string_view cells_name, int cell_count);

// __of_parse_phandle_with_args(): the index-th entry; nullopt for errors,
// an out-of-range index or an empty entry. The node may be nullptr when the
// list has no cells_name and the phandle names no node, as in the kernel.
std::optional<PhandleEntry> of_parse_phandle_with_args_count(const core::FwNode* np,
                                                             std::string_view list_name,
                                                             std::string_view cells_name,
                                                             int cell_count, int index);

// of_parse_phandle_with_args(): cell_count is 0 without cells_name, -1 (the
// target must say) with one.
std::optional<PhandleEntry> of_parse_phandle_with_args(const core::FwNode* np,
                                                       std::string_view list_name,
                                                       std::string_view cells_name, int index);

// of_parse_phandle(): the index-th cell of a bare phandle list.
core::FwNode* of_parse_phandle(const core::FwNode* np, std::string_view list_name, int index);

// of_get_parent()-chain test: is `ancestor` a strict ancestor of `np`?
bool is_ancestor_of(const core::FwNode* ancestor, const core::FwNode* np);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_OF_BASE_H_
