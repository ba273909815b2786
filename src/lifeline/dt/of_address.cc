// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/of_address.h"

#include <algorithm>
#include <array>

#include "lifeline/dt/of_base.h"

namespace lifeline::dt {

namespace {

// OF_MAX_ADDR_CELLS and OF_CHECK_COUNTS().
constexpr int kMaxAddrCells = 4;
bool check_addr_count(int na) { return na > 0 && na <= kMaxAddrCells; }
bool check_counts(int na, int ns) { return check_addr_count(na) && ns > 0; }

using Addr = std::array<uint32_t, kMaxAddrCells>;

// struct of_bus: the translators of of_busses[], in match order. The PCI
// bus is included because CONFIG_PCI is set on every board lifeline models.
enum class BusKind { kPci, kIsa, kDefaultFlags, kDefault };

bool is_type(const core::FwNode* np, std::string_view type) {
  std::optional<std::string> t = np->read_string("device_type");
  return t && *t == type;
}

// of_match_bus() on the parent node.
BusKind of_match_bus(const core::FwNode* np) {
  // of_bus_pci_match(): device_type pci/pciex/vci/ht, or a node named pcie.
  if (is_type(np, "pci") || is_type(np, "pciex") || is_type(np, "vci") || is_type(np, "ht") ||
      of_node_name_eq(np, "pcie"))
    return BusKind::kPci;
  if (of_node_name_eq(np, "isa")) return BusKind::kIsa;             // of_bus_isa_match()
  if (of_bus_n_addr_cells(np) == 3) return BusKind::kDefaultFlags;  // of_bus_default_flags_match()
  return BusKind::kDefault;
}

int flag_cells(BusKind b) { return b == BusKind::kDefault ? 0 : 1; }

// ->count_cells() for a child `dev` on bus `b`.
void count_cells(BusKind b, const core::FwNode* dev, int& na, int& ns) {
  switch (b) {
    case BusKind::kPci:
      na = 3, ns = 2;
      return;
    case BusKind::kIsa:
      na = 2, ns = 1;
      return;
    default:
      na = of_n_addr_cells(dev), ns = of_n_size_cells(dev);
  }
}

uint64_t read_number(const uint32_t* cells, int n) { return n > 0 ? of_read_number(cells, n) : 0; }

// of_bus_default_map().
uint64_t default_map(const uint32_t* addr, const uint32_t* range, int na, int ns, int pna,
                     int fna) {
  uint64_t cp = read_number(range + fna, na - fna);
  uint64_t s = read_number(range + na + pna, ns);
  uint64_t da = read_number(addr + fna, na - fna);
  if (da < cp || da >= cp + s) return kOfBadAddr;
  return da - cp;
}

// of_bus_pci_get_flags(): only the space code matters for matching.
unsigned pci_space(uint32_t w) {
  switch ((w >> 24) & 3) {
    case 1:
      return 1;  // IORESOURCE_IO
    case 2:
    case 3:
      return 2;  // IORESOURCE_MEM
  }
  return 0;
}

// ->map().
uint64_t bus_map(BusKind b, const uint32_t* addr, const uint32_t* range, int na, int ns, int pna) {
  int fna = flag_cells(b);
  switch (b) {
    case BusKind::kPci:  // of_bus_pci_map(): address space must match
      if (pci_space(addr[0]) != pci_space(range[0])) return kOfBadAddr;
      break;
    case BusKind::kIsa:  // of_bus_isa_map(): I/O vs memory bit must match
      if ((addr[0] ^ range[0]) & 1) return kOfBadAddr;
      break;
    case BusKind::kDefaultFlags:  // of_bus_default_flags_map(): flags must match
      if (addr[0] != range[0]) return kOfBadAddr;
      break;
    case BusKind::kDefault:
      break;
  }
  return default_map(addr, range, na, ns, pna, fna);
}

// of_bus_default_translate().
void default_translate(uint32_t* addr, uint64_t offset, int na) {
  uint64_t a = read_number(addr, na);
  std::fill(addr, addr + na, 0);
  a += offset;
  if (na > 1) addr[na - 2] = static_cast<uint32_t>(a >> 32);
  if (na > 0) addr[na - 1] = static_cast<uint32_t>(a);
}

// ->translate(): the flag variants keep their first (flags) cell.
void bus_translate(BusKind b, uint32_t* addr, uint64_t offset, int na) {
  if (flag_cells(b))
    default_translate(addr + 1, offset, na - 1);
  else
    default_translate(addr, offset, na);
}

// of_translate_one(): crosses bus node `parent` (whose "ranges" apply).
bool translate_one(const core::FwNode* parent, BusKind bus, BusKind pbus, Addr& addr, int na,
                   int ns, int pna) {
  const core::FwProperty* ranges = parent->find_property("ranges");
  // No "ranges": a non-translatable boundary (the empty-ranges quirk is
  // PowerPC only).
  if (!ranges) return false;
  uint64_t offset = kOfBadAddr;
  if (ranges->value.empty()) {
    // Empty ranges: 1:1; the address becomes zero, flags pass through.
    offset = read_number(addr.data(), na);
    std::fill(addr.begin() + flag_cells(pbus), addr.begin() + pna, 0);
  } else {
    std::vector<uint32_t> r = property_cells(parent, "ranges");
    size_t rone = static_cast<size_t>(na + pna + ns);
    size_t at = 0;
    for (; r.size() - at >= rone; at += rone) {
      offset = bus_map(bus, addr.data(), r.data() + at, na, ns, pna);
      if (offset != kOfBadAddr) break;
    }
    if (offset == kOfBadAddr) return false;
    std::copy(r.begin() + static_cast<std::ptrdiff_t>(at + na),
              r.begin() + static_cast<std::ptrdiff_t>(at + na + pna), addr.begin());
  }
  bus_translate(pbus, addr.data(), offset, pna);
  return true;
}

}  // namespace

uint64_t of_translate_address(const core::FwNode* node, const std::vector<uint32_t>& in_addr) {
  // __of_translate_address() with of_get_parent and "ranges".
  const core::FwNode* dev = node;
  const core::FwNode* parent = dev ? dev->parent : nullptr;
  if (!parent) return kOfBadAddr;
  BusKind bus = of_match_bus(parent);
  int na = 0, ns = 0;
  count_cells(bus, dev, na, ns);
  if (!check_counts(na, ns)) return kOfBadAddr;
  Addr addr{};
  // The kernel copies na cells from reg; a shorter reg is malformed.
  if (in_addr.size() < static_cast<size_t>(na)) return kOfBadAddr;
  std::copy(in_addr.begin(), in_addr.begin() + na, addr.begin());

  for (;;) {
    dev = parent;
    parent = dev->parent;
    if (!parent) return read_number(addr.data(), na);  // reached the root
    BusKind pbus = of_match_bus(parent);
    int pna = 0, pns = 0;
    count_cells(pbus, dev, pna, pns);
    if (!check_counts(pna, pns)) return kOfBadAddr;
    if (!translate_one(dev, bus, pbus, addr, na, ns, pna)) return kOfBadAddr;
    na = pna;
    ns = pns;
    bus = pbus;
  }
}

std::optional<uint64_t> translated_reg(const core::FwNode* dev) {
  if (!dev || !dev->has_property("reg")) return std::nullopt;
  uint64_t a = of_translate_address(dev, property_cells(dev, "reg"));
  if (a == kOfBadAddr) return std::nullopt;
  return a;
}

}  // namespace lifeline::dt
