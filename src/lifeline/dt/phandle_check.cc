// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/phandle_check.h"

#include <cstdio>
#include <optional>

#include "lifeline/dt/of_base.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {

namespace {

// How a known property lists its phandles.
struct ListShape {
  std::string_view cells_name;  // empty: bare phandles, `cell_count` cells each
  int cell_count = 0;           // fallback, as the kernel parser passes it
};

struct NamedList {
  std::string_view name;
  ListShape shape;
};

// The network properties lifeline's model follows, plus every fixed-name
// supplier property of of_supplier_bindings[] (drivers/of/property.c), with
// the cell rules its parse_*() function uses.
constexpr NamedList kLists[] = {
    // networking (of_mdio / phylink / sfp / pcs / dsa / pse)
    {"phy-handle", {}},
    {"phy", {}},
    {"sfp", {}},
    {"pcs-handle", {}},
    {"pcsphy-handle", {}},
    {"ethernet", {}},
    {"mdio-parent-bus", {}},
    {"i2c-bus", {}},
    {"interrupt-parent", {}},
    // of_supplier_bindings[]: DEFINE_SIMPLE_PROP() entries
    {"clocks", {"#clock-cells", 0}},
    {"interconnects", {"#interconnect-cells", 0}},
    {"iommus", {"#iommu-cells", 0}},
    {"mboxes", {"#mbox-cells", 0}},
    {"io-channels", {"#io-channel-cells", 0}},
    {"io-backends", {"#io-backend-cells", 0}},
    {"dmas", {"#dma-cells", 0}},
    {"power-domains", {"#power-domain-cells", 0}},
    {"hwlocks", {"#hwlock-cells", 0}},
    {"extcon", {}},
    {"nvmem-cells", {"#nvmem-cell-cells", 0}},
    {"phys", {"#phy-cells", 0}},
    {"wakeup-parent", {}},
    {"pinctrl-0", {}},
    {"pinctrl-1", {}},
    {"pinctrl-2", {}},
    {"pinctrl-3", {}},
    {"pinctrl-4", {}},
    {"pinctrl-5", {}},
    {"pinctrl-6", {}},
    {"pinctrl-7", {}},
    {"pinctrl-8", {}},
    {"pwms", {"#pwm-cells", 0}},
    {"resets", {"#reset-cells", 0}},
    {"leds", {}},
    {"backlight", {}},
    {"panel", {}},
    {"msi-parent", {"#msi-cells", 0}},
    {"post-init-providers", {}},
    {"access-controllers", {"#access-controller-cells", 0}},
    {"pses", {"#pse-cells", 0}},
    {"power-supplies", {}},
    // parse_interrupts(), parse_remote_endpoint()
    {"interrupts-extended", {"#interrupt-cells", -1}},
    {"remote-endpoint", {}},
    // parse_gpio_compat() (not in a gpio-hog)
    {"gpio", {"#gpio-cells", -1}},
    {"gpios", {"#gpio-cells", -1}},
};

bool ends_with(std::string_view s, std::string_view suffix) {
  // strcmp_suffix(): the name must be longer than the suffix.
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The list shape of `prop` on `node`, or nullopt if it is not a phandle
// list lifeline knows (interrupt-map and iommu-map are handled apart).
std::optional<ListShape> shape_of(const core::FwNode& node, std::string_view prop) {
  for (const NamedList& l : kLists) {
    if (l.name != prop) continue;
    if ((prop == "gpio" || prop == "gpios") && node.has_property("gpio-hog")) return std::nullopt;
    return l.shape;
  }
  if (ends_with(prop, "-supply")) return ListShape{};                 // parse_regulators()
  if (ends_with(prop, "-gpio")) return ListShape{"#gpio-cells", -1};  // parse_gpio()
  if (ends_with(prop, "-gpios") && !ends_with(prop, ",nr-gpios"))     // parse_gpios()
    return ListShape{"#gpio-cells", -1};
  return std::nullopt;
}

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%x", v);
  return buf;
}

[[noreturn]] void dangling(const std::string& file, const core::FwNode& node, std::string_view prop,
                           uint32_t phandle) {
  throw sim::UserError(file, 0, 0,
                       "dangling phandle: " + node.full_path + " property '" + std::string(prop) +
                           "' names phandle " + hex32(phandle) + " (" + std::to_string(phandle) +
                           "), but no node has that phandle");
}

// parse_interrupt_map()'s walk: every entry's parent phandle must resolve
// (the walk cannot go on past one that does not).
void check_interrupt_map(const std::string& file, const core::FwNode& node) {
  std::optional<uint32_t> intcells = node.read_u32("#interrupt-cells");
  if (!intcells) return;
  int addrcells = of_bus_n_addr_cells(&node);
  std::vector<uint32_t> imap = property_cells(&node, "interrupt-map");
  size_t pos = 0;
  while (pos + static_cast<size_t>(addrcells) + *intcells + 1 < imap.size()) {
    pos += static_cast<size_t>(addrcells) + *intcells;
    uint32_t ph = imap[pos++];
    const core::FwNode* parent = node.tree->find_by_phandle(ph);
    if (!parent) dangling(file, node, "interrupt-map", ph);
    std::optional<uint32_t> pint = parent->read_u32("#interrupt-cells");
    if (!pint) return;
    pos += parent->read_u32("#address-cells").value_or(0) + *pint;
  }
}

}  // namespace

void check_dangling_phandles(const core::FwTree& tree, const std::string& file) {
  for (const auto& n : tree.nodes()) {
    const core::FwNode& node = *n;
    for (const core::FwProperty& p : node.properties) {
      if (p.name == "interrupt-map") {
        check_interrupt_map(file, node);
        continue;
      }
      if (p.name == "iommu-map") {  // <rid-base iommu iommu-base length>
        std::vector<uint32_t> cells = property_cells(&node, p.name);
        for (size_t i = 1; i < cells.size(); i += 4)
          if (cells[i] && !tree.find_by_phandle(cells[i])) dangling(file, node, p.name, cells[i]);
        continue;
      }
      std::optional<ListShape> shape = shape_of(node, p.name);
      if (!shape) continue;
      PhandleList list = of_phandle_list(&node, p.name, shape->cells_name, shape->cell_count);
      if (list.why == PhandleList::Why::kDangling) dangling(file, node, p.name, list.bad_phandle);
      for (const PhandleEntry& e : list.entries)
        if (e.phandle && !e.node) dangling(file, node, p.name, e.phandle);
    }
  }
}

}  // namespace lifeline::dt
