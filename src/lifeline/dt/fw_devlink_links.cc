// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/fw_devlink_links.h"

#include <string_view>

#include "lifeline/dt/of_base.h"
#include "lifeline/dt/of_irq.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

// strcmp_suffix(): matches only when the name is longer than the suffix.
bool has_suffix(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What a binding's parse_prop() gives at index 0, 1, 2, ... up to the
// first NULL, which ends of_link_property()'s loop. Each property is parsed
// once: the kernel re-parses the list from its start for every index, which
// is quadratic in the length of the list.
using Suppliers = std::vector<FwNode*>;

// The nodes of a phandle list up to the first empty, dangling or bad entry
// (__of_parse_phandle_with_args() fails there, or gives a NULL node).
Suppliers list_nodes(const PhandleList& list) {
  Suppliers out;
  for (const PhandleEntry& e : list.entries) {
    if (!e.phandle || !e.node) break;
    out.push_back(e.node);
  }
  return out;
}

// parse_prop_cells(): a fixed-name list; a target without `cells_name` has
// no arguments (cell_count 0).
Suppliers parse_prop_cells(const FwNode* np, std::string_view prop, std::string_view list_name,
                           std::string_view cells_name) {
  if (prop != list_name) return {};
  return list_nodes(of_phandle_list(np, list_name, cells_name, 0));
}

// parse_suffix_prop_cells(): of_parse_phandle_with_args(), so with a
// cells_name the target must have it.
Suppliers parse_suffix_prop_cells(const FwNode* np, std::string_view prop, std::string_view suffix,
                                  std::string_view cells_name) {
  if (!has_suffix(prop, suffix)) return {};
  return list_nodes(of_phandle_list(np, prop, cells_name, cells_name.empty() ? 0 : -1));
}

#define LIFELINE_SIMPLE_PROP(fname, name, cells)                     \
  Suppliers parse_##fname(const FwNode* np, std::string_view prop) { \
    return parse_prop_cells(np, prop, name, cells);                  \
  }

// DEFINE_SIMPLE_PROP() entries.
LIFELINE_SIMPLE_PROP(clocks, "clocks", "#clock-cells")
LIFELINE_SIMPLE_PROP(interconnects, "interconnects", "#interconnect-cells")
LIFELINE_SIMPLE_PROP(iommus, "iommus", "#iommu-cells")
LIFELINE_SIMPLE_PROP(mboxes, "mboxes", "#mbox-cells")
LIFELINE_SIMPLE_PROP(io_channels, "io-channels", "#io-channel-cells")
LIFELINE_SIMPLE_PROP(io_backends, "io-backends", "#io-backend-cells")
LIFELINE_SIMPLE_PROP(dmas, "dmas", "#dma-cells")
LIFELINE_SIMPLE_PROP(power_domains, "power-domains", "#power-domain-cells")
LIFELINE_SIMPLE_PROP(hwlocks, "hwlocks", "#hwlock-cells")
LIFELINE_SIMPLE_PROP(extcon, "extcon", "")
LIFELINE_SIMPLE_PROP(nvmem_cells, "nvmem-cells", "#nvmem-cell-cells")
LIFELINE_SIMPLE_PROP(phys, "phys", "#phy-cells")
LIFELINE_SIMPLE_PROP(wakeup_parent, "wakeup-parent", "")
LIFELINE_SIMPLE_PROP(pinctrl0, "pinctrl-0", "")
LIFELINE_SIMPLE_PROP(pinctrl1, "pinctrl-1", "")
LIFELINE_SIMPLE_PROP(pinctrl2, "pinctrl-2", "")
LIFELINE_SIMPLE_PROP(pinctrl3, "pinctrl-3", "")
LIFELINE_SIMPLE_PROP(pinctrl4, "pinctrl-4", "")
LIFELINE_SIMPLE_PROP(pinctrl5, "pinctrl-5", "")
LIFELINE_SIMPLE_PROP(pinctrl6, "pinctrl-6", "")
LIFELINE_SIMPLE_PROP(pinctrl7, "pinctrl-7", "")
LIFELINE_SIMPLE_PROP(pinctrl8, "pinctrl-8", "")
LIFELINE_SIMPLE_PROP(pwms, "pwms", "#pwm-cells")
LIFELINE_SIMPLE_PROP(resets, "resets", "#reset-cells")
LIFELINE_SIMPLE_PROP(leds, "leds", "")
LIFELINE_SIMPLE_PROP(backlight, "backlight", "")
LIFELINE_SIMPLE_PROP(panel, "panel", "")
LIFELINE_SIMPLE_PROP(msi_parent, "msi-parent", "#msi-cells")
LIFELINE_SIMPLE_PROP(post_init_providers, "post-init-providers", "")
LIFELINE_SIMPLE_PROP(access_controllers, "access-controllers", "#access-controller-cells")
LIFELINE_SIMPLE_PROP(pses, "pses", "#pse-cells")
LIFELINE_SIMPLE_PROP(power_supplies, "power-supplies", "")

#undef LIFELINE_SIMPLE_PROP

// DEFINE_SUFFIX_PROP(regulators, "-supply", NULL)
Suppliers parse_regulators(const FwNode* np, std::string_view prop) {
  return parse_suffix_prop_cells(np, prop, "-supply", "");
}

// DEFINE_SUFFIX_PROP(gpio, "-gpio", "#gpio-cells")
Suppliers parse_gpio(const FwNode* np, std::string_view prop) {
  return parse_suffix_prop_cells(np, prop, "-gpio", "#gpio-cells");
}

// parse_gpios(): "*-gpios", but not "<vendor>,nr-gpios" (a count).
Suppliers parse_gpios(const FwNode* np, std::string_view prop) {
  if (has_suffix(prop, ",nr-gpios")) return {};
  return parse_suffix_prop_cells(np, prop, "-gpios", "#gpio-cells");
}

// parse_iommu_maps(): <rid-base iommu iommu-base length> entries; index i
// is the bare phandle at cell i * 4 + 1.
Suppliers parse_iommu_maps(const FwNode* np, std::string_view prop) {
  if (prop != "iommu-map") return {};
  PhandleList cells = of_phandle_list(np, prop, {}, 0);
  Suppliers out;
  for (size_t i = 1; i < cells.entries.size(); i += 4) {
    const PhandleEntry& e = cells.entries[i];
    if (!e.phandle || !e.node) break;
    out.push_back(e.node);
  }
  return out;
}

// parse_gpio_compat(): legacy "gpio"/"gpios"; a gpio-hog's gpios are its
// own controller's lines, not a dependency.
Suppliers parse_gpio_compat(const FwNode* np, std::string_view prop) {
  if (prop != "gpio" && prop != "gpios") return {};
  if (np->has_property("gpio-hog")) return {};
  return list_nodes(of_phandle_list(np, prop, "#gpio-cells", -1));
}

// parse_interrupts(): the controller that of_irq_parse_one() resolves,
// through interrupt-parent and interrupt-map nexus nodes.
Suppliers parse_interrupts(const FwNode* np, std::string_view prop) {
  if (prop != "interrupts" && prop != "interrupts-extended") return {};
  Suppliers out;
  for (const IrqSpec& irq : of_irq_parse_all(np)) out.push_back(irq.np);
  return out;
}

// parse_interrupt_map(): a nexus node depends on every parent its map names.
Suppliers parse_interrupt_map(const FwNode* np, std::string_view prop) {
  if (prop != "interrupt-map") return {};
  std::optional<uint32_t> intcells = np->read_u32("#interrupt-cells");
  if (!intcells) return {};
  size_t addrcells = static_cast<size_t>(of_bus_n_addr_cells(np));
  std::vector<uint32_t> imap = property_cells(np, "interrupt-map");
  Suppliers out;
  size_t pos = 0;
  while (pos + addrcells + *intcells + 1 < imap.size()) {
    pos += addrcells + *intcells;
    IrqSpec sup;
    std::optional<size_t> next = of_irq_parse_imap_parent(*np->tree, imap, pos, sup);
    if (!next) break;
    out.push_back(sup.np);
    pos = *next;
  }
  return out;
}

// of_graph_get_port_parent(): the device node around an endpoint, skipping
// a "ports" (or in-ports/out-ports) container.
FwNode* of_graph_get_port_parent(const FwNode* node) {
  if (!node) return nullptr;
  const FwNode* n = node;
  for (int depth = 3; depth && n; --depth) {
    n = n->parent;
    if (depth == 2 && !of_node_name_eq(n, "ports") && !of_node_name_eq(n, "in-ports") &&
        !of_node_name_eq(n, "out-ports"))
      break;
  }
  return const_cast<FwNode*>(n);
}

// parse_remote_endpoint(): of_graph_get_remote_port_parent(); one link only.
Suppliers parse_remote_endpoint(const FwNode* np, std::string_view prop) {
  if (prop != "remote-endpoint") return {};
  FwNode* sup = of_graph_get_port_parent(of_parse_phandle(np, "remote-endpoint", 0));
  return sup ? Suppliers{sup} : Suppliers{};
}

// struct supplier_bindings.
struct SupplierBinding {
  Suppliers (*parse_prop)(const FwNode* np, std::string_view prop);
  FwNode* (*get_con_dev)(const FwNode* np) = nullptr;
  bool optional = false;
  uint8_t fwlink_flags = 0;
};

// of_supplier_bindings[], in the kernel's order: the first binding that
// yields a phandle for a property claims it.
const SupplierBinding kSupplierBindings[] = {
    {parse_clocks},
    {parse_interconnects},
    {parse_iommus, nullptr, true},
    {parse_iommu_maps, nullptr, true},
    {parse_mboxes},
    {parse_io_channels},
    {parse_io_backends},
    {parse_dmas, nullptr, true},
    {parse_power_domains},
    {parse_hwlocks},
    {parse_extcon},
    {parse_nvmem_cells},
    {parse_phys},
    {parse_wakeup_parent},
    {parse_pinctrl0},
    {parse_pinctrl1},
    {parse_pinctrl2},
    {parse_pinctrl3},
    {parse_pinctrl4},
    {parse_pinctrl5},
    {parse_pinctrl6},
    {parse_pinctrl7},
    {parse_pinctrl8},
    {parse_remote_endpoint, of_graph_get_port_parent},
    {parse_pwms},
    {parse_resets},
    {parse_leds},
    {parse_backlight},
    {parse_panel},
    {parse_msi_parent},
    {parse_pses},
    {parse_power_supplies},
    {parse_gpio_compat},
    {parse_interrupts},
    {parse_interrupt_map},
    {parse_access_controllers},
    {parse_regulators},
    {parse_gpio},
    {parse_gpios},
    {parse_post_init_providers, nullptr, false, core::FWLINK_FLAG_IGNORE},
};

// of_link_to_phandle(): link unless the supplier or an ancestor (up to the
// first one that already has a device) is disabled.
void of_link_to_phandle(FwNode* con, FwNode* sup, std::string_view prop, uint8_t flags) {
  for (const FwNode* tmp = sup; tmp; tmp = tmp->parent) {
    if (tmp->dev) break;
    if (!tmp->is_available()) return;
  }
  // __fwnode_link_add(): a second link between the same pair only adds flags.
  core::FwLink* link = con->tree->link_add(con, sup, std::string(prop));
  link->flags |= flags;
}

// of_link_property().
void of_link_property(FwNode& con, std::string_view prop, const FwDevlinkOptions& options) {
  // The index is shared across bindings, as in the kernel: a binding after
  // the one that matched never runs, and one before it found nothing at 0.
  for (const SupplierBinding& s : kSupplierBindings) {
    if (s.optional && !options.strict) continue;
    Suppliers sups = s.parse_prop(&con, prop);
    if (sups.empty()) continue;
    FwNode* con_dev = s.get_con_dev ? s.get_con_dev(&con) : &con;
    if (con_dev)
      for (FwNode* sup : sups) of_link_to_phandle(con_dev, sup, prop, s.fwlink_flags);
    return;
  }
}

}  // namespace

void of_fwnode_add_links(core::FwNode& node, FwDevlinkOptions options) {
  if (node.flags & core::FWNODE_FLAG_LINKS_ADDED) return;
  for (const core::FwProperty& p : node.properties) of_link_property(node, p.name, options);
  node.flags |= core::FWNODE_FLAG_LINKS_ADDED;
}

void add_fw_devlink_links(core::FwTree& tree, FwDevlinkOptions options) {
  // fw_devlink_parse_fwtree(): a node, then its available children; the
  // whole board amounts to every enabled node. The root has no device.
  for (const auto& n : tree.nodes())
    if (n.get() != tree.root() && n->is_enabled()) of_fwnode_add_links(*n, options);
}

}  // namespace lifeline::dt
