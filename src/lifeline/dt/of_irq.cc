// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/of_irq.h"

#include <algorithm>
#include <array>
#include <string_view>

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

}  // namespace

core::FwNode* of_irq_find_parent(const core::FwNode* child) {
  const core::FwNode* p = child;
  if (!p) return nullptr;
  do {
    std::optional<uint32_t> ph = p->read_u32("interrupt-parent");
    if (ph)
      p = p->tree ? p->tree->find_by_phandle(*ph) : nullptr;
    else
      p = p->parent;
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

bool of_irq_parse_raw(const uint32_t addr[3], IrqSpec& out) {
  const core::FwNode* ipar = out.np;
  uint32_t intsize = 1;
  // Find #interrupt-cells of the cursor, walking up if it has none.
  while (ipar) {
    if (std::optional<uint32_t> n = ipar->read_u32("#interrupt-cells")) {
      intsize = *n;
      break;
    }
    ipar = of_irq_find_parent(ipar);
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
      newpar = of_irq_find_parent(ipar);
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

std::optional<IrqSpec> of_irq_parse_one(const core::FwNode* device, int index) {
  if (!device || index < 0) return std::nullopt;
  uint32_t addr_buf[3] = {0, 0, 0};
  std::vector<uint32_t> reg = property_cells(device, "reg");
  for (size_t i = 0; i < std::min<size_t>(3, reg.size()); ++i) addr_buf[i] = reg[i];

  IrqSpec out;
  // The new-style interrupts-extended first.
  if (std::optional<PhandleEntry> e =
          of_parse_phandle_with_args(device, "interrupts-extended", "#interrupt-cells", index)) {
    if (!e->node) return std::nullopt;
    out.np = e->node;
    out.args = std::move(e->args);
  } else {
    core::FwNode* p = of_irq_find_parent(device);
    if (!p) return std::nullopt;
    std::optional<uint32_t> intsize = p->read_u32("#interrupt-cells");
    if (!intsize) return std::nullopt;
    std::vector<uint32_t> ints = property_cells(device, "interrupts");
    size_t first = static_cast<size_t>(index) * *intsize;
    if (first + *intsize > ints.size()) return std::nullopt;
    out.np = p;
    out.args.assign(ints.begin() + static_cast<std::ptrdiff_t>(first),
                    ints.begin() + static_cast<std::ptrdiff_t>(first + *intsize));
  }
  if (!of_irq_parse_raw(addr_buf, out)) return std::nullopt;
  return out;
}

}  // namespace lifeline::dt
