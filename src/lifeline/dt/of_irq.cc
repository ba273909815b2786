// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/of_irq.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lifeline/dt/of_base.h"

namespace lifeline::dt {

namespace {

// MAX_PHANDLE_ARGS in include/linux/of.h.
constexpr size_t kMaxPhandleArgs = 16;

// of_irq_imap_abusers[]: controllers whose drivers parse their own
// interrupt-map, which the core walk must ignore.
constexpr std::array<std::string_view, 8> kImapAbusers = {
    "CBEA,platform-spider-pic", "sti,platform-spider-pic", "realtek,rtl-intc",
    "fsl,ls1021a-extirq",       "fsl,ls1043a-extirq",      "fsl,ls1088a-extirq",
    "renesas,rza1-irqc",        "pasemi,rootbus",
};

bool is_imap_abuser(const core::FwNode* np) {
  for (std::string_view c : kImapAbusers)
    if (np->is_compatible(c)) return true;
  return false;
}

// More hops than the tree has nodes: the walk has passed some node twice
// with nothing changed, so it would go round for ever.
size_t walk_bound(const core::FwNode* start) {
  return start->tree ? start->tree->nodes().size() + 1 : size_t{1} << 20;
}

// "/a -> /b -> /a": the loop that `step` enters from `start`, at most a
// few nodes of it.
std::string cycle_text(const core::FwNode* start,
                       const core::FwNode* (*step)(const core::FwNode*)) {
  std::vector<const core::FwNode*> seen;
  std::unordered_map<const core::FwNode*, size_t> at;  // node -> position in seen
  const core::FwNode* p = start;
  while (p && !at.count(p)) {
    at.emplace(p, seen.size());
    seen.push_back(p);
    p = step(p);
  }
  if (!p) return "(none)";
  size_t first = at[p];
  std::string out;
  for (size_t i = first; i < seen.size(); ++i) {
    if (i - first == 6) {
      out += "... (" + std::to_string(seen.size() - first) + " nodes) -> ";
      break;
    }
    out += seen[i]->full_path + " -> ";
  }
  return out + p->full_path;
}

}  // namespace

const core::FwNode* of_irq_parent_step(const core::FwNode* p) {
  if (std::optional<uint32_t> ph = p->read_u32("interrupt-parent"))
    return p->tree ? p->tree->find_by_phandle(*ph) : nullptr;
  return p->parent;
}

core::FwNode* of_irq_find_parent(const core::FwNode* child, IrqWalkError* why) {
  const core::FwNode* p = child;
  if (!p) return nullptr;
  size_t hops = walk_bound(child);
  do {
    if (hops-- == 0) {
      if (why) {
        why->node = child;
        why->what = "interrupt-parent cycle " + cycle_text(child, of_irq_parent_step) +
                    ": no node on it has #interrupt-cells";
      }
      return nullptr;
    }
    p = of_irq_parent_step(p);
  } while (p && !p->has_property("#interrupt-cells"));
  return const_cast<core::FwNode*>(p);
}

std::optional<size_t> of_irq_parse_imap_parent(const core::FwTree& tree,
                                               const std::vector<uint32_t>& imap, size_t pos,
                                               IrqSpec& out) {
  if (pos >= imap.size()) return std::nullopt;
  core::FwNode* np = tree.find_by_phandle(imap[pos]);
  ++pos;
  if (!np) return std::nullopt;  // "imap parent not found"
  std::optional<uint32_t> intsize = np->read_u32("#interrupt-cells");
  if (!intsize) return std::nullopt;  // "parent lacks #interrupt-cells"
  uint32_t addrsize = np->read_u32("#address-cells").value_or(0);
  size_t len = imap.size() - pos;
  if (addrsize + *intsize > kMaxPhandleArgs || len < addrsize + *intsize) return std::nullopt;
  pos += addrsize + *intsize;
  out.np = np;
  out.args.assign(imap.begin() + static_cast<std::ptrdiff_t>(pos - *intsize),
                  imap.begin() + static_cast<std::ptrdiff_t>(pos));
  return pos;
}

bool of_irq_parse_raw(const uint32_t addr[3], IrqSpec& out, IrqWalkError* why) {
  const core::FwNode* ipar = out.np;
  if (!ipar) return false;
  const core::FwNode* start = ipar;
  size_t hops = walk_bound(start);
  uint32_t intsize = 1;
  // Find #interrupt-cells of the cursor, walking up if it has none.
  while (ipar) {
    if (std::optional<uint32_t> n = ipar->read_u32("#interrupt-cells")) {
      intsize = *n;
      break;
    }
    ipar = of_irq_find_parent(ipar, why);
  }
  if (!ipar) return false;
  if (out.args.size() != intsize) return false;

  // "the old linux trick": #address-cells of the cursor or its ancestors,
  // 2 when none has one.
  uint32_t addrsize = 2;
  for (const core::FwNode* old = ipar; old; old = old->parent) {
    if (std::optional<uint32_t> a = old->read_u32("#address-cells")) {
      addrsize = *a;
      break;
    }
  }
  if (addrsize + intsize > kMaxPhandleArgs) return false;

  std::vector<uint32_t> match_array(addrsize + intsize, 0);
  for (uint32_t i = 0; i < addrsize; ++i) match_array[i] = i < 3 ? addr[i] : 0;
  for (uint32_t i = 0; i < intsize; ++i) match_array[addrsize + i] = out.args[i];

  while (ipar) {
    if (hops-- == 0) {
      if (why) {
        why->node = start;
        why->what = "interrupt-map cycle: from " + start->full_path +
                    ", interrupt-map and interrupt-parent lead round to " + ipar->full_path +
                    " again and never to an interrupt-controller";
      }
      return false;
    }
    bool intc = ipar->has_property("interrupt-controller");
    const core::FwProperty* imap_prop = ipar->find_property("interrupt-map");
    if (intc && (!imap_prop || is_imap_abuser(ipar))) {
      out.np = const_cast<core::FwNode*>(ipar);
      return true;
    }
    // of_irq_parse_one() always passes an address buffer, so the kernel's
    // "no reg passed in when needed" failure cannot happen here.
    const core::FwNode* newpar = nullptr;
    if (!imap_prop) {
      newpar = of_irq_find_parent(ipar, why);
    } else {
      std::vector<uint32_t> imap = property_cells(ipar, "interrupt-map");
      std::vector<uint32_t> imask = property_cells(ipar, "interrupt-map-mask");
      bool have_mask = ipar->has_property("interrupt-map-mask");
      size_t pos = 0;
      size_t imaplen = imap.size();
      bool match = false;
      size_t entry_start = 0;
      IrqSpec cand;
      while (imaplen > addrsize + intsize + 1) {
        match = true;
        for (uint32_t i = 0; i < addrsize + intsize; ++i, --imaplen) {
          uint32_t mask = have_mask ? (i < imask.size() ? imask[i] : 0) : ~0u;
          match &= ((match_array[i] ^ imap[pos++]) & mask) == 0;
        }
        entry_start = pos;  // oldimap: the parent phandle of this entry
        std::optional<size_t> next = of_irq_parse_imap_parent(*ipar->tree, imap, pos, cand);
        if (!next) return false;
        match &= cand.np->is_available();
        if (match) {
          pos = *next;
          break;
        }
        imaplen -= *next - entry_start;
        pos = *next;
      }
      if (!match) return false;
      // The matched entry's parent specifier becomes the new match array;
      // the parent's address cells precede its interrupt cells.
      size_t spec_start = entry_start + 1;
      match_array.assign(imap.begin() + static_cast<std::ptrdiff_t>(spec_start),
                         imap.begin() + static_cast<std::ptrdiff_t>(pos));
      out = cand;
      intsize = static_cast<uint32_t>(out.args.size());
      addrsize = static_cast<uint32_t>(pos - spec_start) - intsize;
      newpar = out.np;
      if (newpar == ipar) return true;  // "interrupt-map entry to self"
    }
    ipar = newpar;
  }
  return false;  // no interrupt-map found
}

namespace {

// of_irq_parse_one() with interrupts-extended parsed by the caller.
std::optional<IrqSpec> parse_one(const core::FwNode* device, size_t index,
                                 const PhandleList& extended, IrqWalkError* why) {
  uint32_t addr_buf[3] = {0, 0, 0};
  std::vector<uint32_t> reg = property_cells(device, "reg");
  for (size_t i = 0; i < std::min<size_t>(3, reg.size()); ++i) addr_buf[i] = reg[i];

  IrqSpec out;
  // The new-style interrupts-extended first (an empty entry, or one past the
  // end or past an error, falls through to "interrupts" as in the kernel).
  if (index < extended.entries.size() && extended.entries[index].phandle) {
    const PhandleEntry& e = extended.entries[index];
    if (!e.node) return std::nullopt;
    out.np = e.node;
    out.args = e.args;
  } else {
    // Past the end of interrupts-extended the kernel goes on to read
    // "interrupts", which such a node does not have.
    if (!device->has_property("interrupts")) return std::nullopt;
    core::FwNode* p = of_irq_find_parent(device, why);
    if (!p) return std::nullopt;
    std::optional<uint32_t> intsize = p->read_u32("#interrupt-cells");
    if (!intsize) return std::nullopt;
    if (*intsize == 0) {
      // Specifiers of no cells: every index is "found", and the kernel's
      // of_irq_count() and fw_devlink count interrupts for ever.
      if (why) {
        why->node = device;
        why->what = "'interrupts' cannot be split into interrupts: its interrupt parent " +
                    p->full_path + " has #interrupt-cells = <0>";
      }
      return std::nullopt;
    }
    std::vector<uint32_t> ints = property_cells(device, "interrupts");
    if (index >= ints.size() / *intsize) return std::nullopt;
    size_t first = index * *intsize;
    out.np = p;
    out.args.assign(ints.begin() + static_cast<std::ptrdiff_t>(first),
                    ints.begin() + static_cast<std::ptrdiff_t>(first + *intsize));
  }
  if (!of_irq_parse_raw(addr_buf, out, why)) {
    // Name the node whose interrupt it is; the text names the loop.
    if (why && why->node) why->node = device;
    return std::nullopt;
  }
  return out;
}

PhandleList extended_list(const core::FwNode* device) {
  return of_phandle_list(device, "interrupts-extended", "#interrupt-cells", -1);
}

}  // namespace

std::optional<IrqSpec> of_irq_parse_one(const core::FwNode* device, int index, IrqWalkError* why) {
  if (!device || index < 0) return std::nullopt;
  return parse_one(device, static_cast<size_t>(index), extended_list(device), why);
}

std::vector<IrqSpec> of_irq_parse_all(const core::FwNode* device, IrqWalkError* why) {
  std::vector<IrqSpec> out;
  if (!device) return out;
  PhandleList extended = extended_list(device);
  // Every interrupt takes at least one cell of one of the two properties.
  size_t cells = 0;
  for (const char* prop : {"interrupts", "interrupts-extended"})
    if (const core::FwProperty* p = device->find_property(prop)) cells += p->value.size() / 4;
  for (size_t i = 0; i < cells; ++i) {
    std::optional<IrqSpec> irq = parse_one(device, i, extended, why);
    if (!irq) break;
    out.push_back(std::move(*irq));
  }
  return out;
}

}  // namespace lifeline::dt
