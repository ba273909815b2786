// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/of_base.h"

namespace lifeline::dt {

namespace {

uint32_t be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

}  // namespace

int of_bus_n_addr_cells(const core::FwNode* np) {
  for (; np; np = np->parent)
    if (std::optional<uint32_t> cells = np->read_u32("#address-cells"))
      return static_cast<int>(*cells);
  return kRootAddrCellsDefault;
}

int of_bus_n_size_cells(const core::FwNode* np) {
  for (; np; np = np->parent)
    if (std::optional<uint32_t> cells = np->read_u32("#size-cells"))
      return static_cast<int>(*cells);
  return kRootSizeCellsDefault;
}

int of_n_addr_cells(const core::FwNode* np) {
  return of_bus_n_addr_cells(np->parent ? np->parent : np);
}

int of_n_size_cells(const core::FwNode* np) {
  return of_bus_n_size_cells(np->parent ? np->parent : np);
}

bool of_node_name_eq(const core::FwNode* np, std::string_view name) {
  return np && np->base_name() == name;
}

uint64_t of_read_number(const uint32_t* cells, int size) {
  uint64_t r = 0;
  for (int i = 0; i < size; ++i) r = (r << 32) | cells[i];
  return r;
}

std::vector<uint32_t> property_cells(const core::FwNode* np, std::string_view prop) {
  std::vector<uint32_t> out;
  const core::FwProperty* p = np ? np->find_property(prop) : nullptr;
  if (!p) return out;
  out.reserve(p->value.size() / 4);
  for (size_t i = 0; i + 4 <= p->value.size(); i += 4) out.push_back(be32(p->value.data() + i));
  return out;
}

PhandleList of_phandle_list(const core::FwNode* np, std::string_view list_name,
                            std::string_view cells_name, int cell_count) {
  PhandleList out;
  std::vector<uint32_t> cells = property_cells(np, list_name);
  size_t cur = 0;
  while (cur < cells.size()) {
    PhandleEntry e;
    e.phandle = cells[cur++];
    uint32_t count = 0;  // an empty (0) entry has no arguments
    if (e.phandle) {
      e.node = np->tree ? np->tree->find_by_phandle(e.phandle) : nullptr;
      if (!cells_name.empty()) {
        if (!e.node) {
          out.error = true;
          out.why = PhandleList::Why::kDangling;
          out.bad_phandle = e.phandle;
          return out;
        }
        std::optional<uint32_t> n = e.node->read_u32(cells_name);
        if (n) {
          count = *n;
        } else if (cell_count >= 0) {
          count = static_cast<uint32_t>(cell_count);
        } else {
          out.error = true;
          out.why = PhandleList::Why::kNoCellsProperty;
          return out;
        }
      } else {
        count = static_cast<uint32_t>(cell_count);
      }
      if (count > cells.size() - cur) {
        out.error = true;
        out.why = PhandleList::Why::kTruncated;
        return out;
      }
    }
    e.args.assign(cells.begin() + static_cast<std::ptrdiff_t>(cur),
                  cells.begin() + static_cast<std::ptrdiff_t>(cur + count));
    cur += count;
    out.entries.push_back(std::move(e));
  }
  return out;
}

std::optional<PhandleEntry> of_parse_phandle_with_args_count(const core::FwNode* np,
                                                             std::string_view list_name,
                                                             std::string_view cells_name,
                                                             int cell_count, int index) {
  if (index < 0 || !np) return std::nullopt;
  // of_for_each_phandle() stops at the first error, so an entry after a bad
  // one is never reached; entries before it are still found.
  PhandleList list = of_phandle_list(np, list_name, cells_name, cell_count);
  if (static_cast<size_t>(index) >= list.entries.size()) return std::nullopt;
  PhandleEntry& e = list.entries[static_cast<size_t>(index)];
  if (!e.phandle) return std::nullopt;  // -ENOENT for an empty entry
  return std::move(e);
}

std::optional<PhandleEntry> of_parse_phandle_with_args(const core::FwNode* np,
                                                       std::string_view list_name,
                                                       std::string_view cells_name, int index) {
  return of_parse_phandle_with_args_count(np, list_name, cells_name, cells_name.empty() ? 0 : -1,
                                          index);
}

core::FwNode* of_parse_phandle(const core::FwNode* np, std::string_view list_name, int index) {
  std::optional<PhandleEntry> e = of_parse_phandle_with_args_count(np, list_name, {}, 0, index);
  return e ? e->node : nullptr;
}

bool is_ancestor_of(const core::FwNode* ancestor, const core::FwNode* np) {
  if (!ancestor || !np) return false;
  for (const core::FwNode* p = np->parent; p; p = p->parent)
    if (p == ancestor) return true;
  return false;
}

}  // namespace lifeline::dt
