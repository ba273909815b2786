// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/generic_drivers.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/early_init.h"
#include "lifeline/dt/fsl_mc.h"
#include "lifeline/dt/i2c.h"
#include "lifeline/dt/link_order.h"
#include "lifeline/dt/module_names.h"
#include "lifeline/dt/pci.h"
#include "lifeline/dt/populate.h"
#include "lifeline/dt/spi.h"
#include "lifeline/dt/tree_memo.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::FwNode;

bool is_pci_id_compatible(std::string_view c) {
  return c.size() > 4 && c.substr(0, 3) == "pci" && c.substr(0, 8) != "pciclass" &&
         c.find(',') != std::string_view::npos;
}

core::Bus* bus_for(const DtBuses& b, NodeBus bus) {
  switch (bus) {
    case NodeBus::kPlatform:
      return b.platform;
    case NodeBus::kAmba:
      return b.amba;
    case NodeBus::kI2c:
      return b.i2c;
    case NodeBus::kSpi:
      return b.spi;
    case NodeBus::kPci:
      return b.pci;
  }
  return nullptr;
}

// A node a generic driver stands for.
bool wants_generic_driver(const DeviceNode& dn, const ClaimedFn& claimed) {
  const FwNode& n = *dn.node;
  if (!n.has_property("compatible")) return false;
  if (claimed && claimed(n)) return false;
  // Their kernel drivers are not platform drivers: timer_probe() and
  // of_irq_init() set them up, or nothing does.
  if (in_timer_table(n) || in_irqchip_table(n)) return false;
  if (dn.bus == NodeBus::kPci && (!n.is_available() || is_pci_bridge_node(n))) return false;
  return true;
}

std::string first_compatible(const FwNode& n) { return n.read_string("compatible").value_or(""); }

template <class T>
T* child_of(Device* dev, T* (*cast)(Device*)) {
  for (Device* c : dev->children)
    if (T* t = cast(c)) return t;
  return nullptr;
}

}  // namespace

std::string generic_driver_name(std::string_view compatible) {
  size_t comma = compatible.find(',');
  if (comma == std::string_view::npos) return std::string(compatible);
  if (is_pci_id_compatible(compatible)) {
    std::string s(compatible);
    s[comma] = '-';
    return s;
  }
  return std::string(compatible.substr(comma + 1));
}

const GenericDriver* GenericDrivers::find(std::string_view name) const {
  for (const GenericDriver& g : drivers)
    if (module_names_equal(g.name, name)) return &g;
  return nullptr;
}

core::Module* GenericDrivers::module(std::string_view name) const {
  const GenericDriver* g = find(name);
  return g ? g->module : nullptr;
}

const GenericDriver* GenericDrivers::for_node(const FwNode* node) const {
  if (!node || node->index >= by_node.size() || by_node[node->index] < 0) return nullptr;
  return &drivers[static_cast<size_t>(by_node[node->index])];
}

int generic_probe(Device* dev) {
  LL_FUNC();
  FwNode* node = dev->fwnode;
  if (!node) return 0;
  switch (bus_role(*node)) {
    case BusRole::kI2cAdapter:
      return i2c_add_adapter(dev, node) ? 0 : -EBUSY;
    case BusRole::kI2cMux:
      return i2c_mux_probe(dev);
    case BusRole::kSpiController:
      return spi_register_controller(dev, node) ? 0 : -EBUSY;
    case BusRole::kPciHost: {
      if (to_pci_dev(dev)) return 0;
      int err = 0;
      pci_host_probe(dev, &err);
      return err;
    }
    case BusRole::kFslMc:
      return fsl_mc_bus_probe(dev) ? 0 : -ENOMEM;
    case BusRole::kPopulates:
      of_platform_populate(node, dev, populates_default_buses(*node));
      return 0;
    case BusRole::kNone:
      return 0;
  }
  return 0;
}

void generic_remove(Device* dev) {
  LL_FUNC();
  FwNode* node = dev->fwnode;
  if (!node) return;
  switch (bus_role(*node)) {
    case BusRole::kI2cAdapter:
      if (I2cAdapter* adap = child_of<I2cAdapter>(dev, to_i2c_adapter)) i2c_del_adapter(adap);
      break;
    case BusRole::kI2cMux:
      i2c_mux_del_adapters(dev);
      break;
    case BusRole::kSpiController:
      if (SpiController* c = child_of<SpiController>(dev, to_spi_controller))
        spi_unregister_controller(c);
      break;
    case BusRole::kPciHost:
      if (!to_pci_dev(dev)) pci_host_remove(dev);
      break;
    case BusRole::kFslMc:
      fsl_mc_bus_remove(dev);
      break;
    case BusRole::kPopulates:
      of_platform_depopulate(dev);
      break;
    case BusRole::kNone:
      break;
  }
}

namespace {

std::vector<GenericDriverSpec> compute_generic_driver_specs(const core::FwTree& tree,
                                                            const ClaimedFn& claimed) {
  std::vector<GenericDriverSpec> out;
  std::unordered_map<std::string, size_t> by_compat;  // -> index in out
  std::set<std::string> names;                        // module name keys in use
  for (const DeviceNode& dn : device_nodes(tree, claimed)) {
    if (!wants_generic_driver(dn, claimed)) continue;
    std::string compat = first_compatible(*dn.node);
    auto [it, fresh] = by_compat.emplace(compat, out.size());
    if (fresh) {
      GenericDriverSpec g;
      g.compatible = compat;
      g.name = generic_driver_name(compat);
      if (!names.insert(module_name_key(g.name)).second) {
        g.name = compat;
        g.name[g.name.find(',')] = '-';
        names.insert(module_name_key(g.name));
      }
      out.push_back(std::move(g));
    }
    out[it->second].nodes.push_back(dn);
  }
  for (GenericDriverSpec& g : out) g.subsystem = driver_subsystem(*g.nodes.front().node);
  std::stable_sort(out.begin(), out.end(),
                   [](const GenericDriverSpec& a, const GenericDriverSpec& b) {
                     return link_rank(a.subsystem) < link_rank(b.subsystem);
                   });
  return out;
}

}  // namespace

std::shared_ptr<const std::vector<GenericDriverSpec>> generic_driver_specs_shared(
    const core::FwTree& tree, const ClaimedFn& claimed) {
  return tree_memo<std::vector<GenericDriverSpec>>(
      tree, selection_key(tree, "dt.generic_driver_specs", claimed),
      [&] { return compute_generic_driver_specs(tree, claimed); });
}

std::vector<GenericDriverSpec> generic_driver_specs(const core::FwTree& tree,
                                                    const ClaimedFn& claimed) {
  return *generic_driver_specs_shared(tree, claimed);
}

GenericDrivers create_generic_drivers(const core::FwTree& tree, DtBuses& buses,
                                      const ClaimedFn& claimed) {
  GenericDrivers out;
  out.specs = generic_driver_specs_shared(tree, claimed);
  out.claimed = std::make_shared<const ClaimedFn>(claimed);
  out.by_node.assign(tree.nodes().size(), -1);
  const ClaimedFn* claimed_fn = out.claimed.get();
  out.drivers.reserve(out.specs->size());
  out.modules.reserve(out.specs->size());
  for (const GenericDriverSpec& spec : *out.specs) {
    GenericDriver g;
    g.compatible = spec.compatible;
    g.name = spec.name;
    g.subsystem = spec.subsystem;
    g.spec = &spec;
    for (const DeviceNode& dn : spec.nodes) {
      core::Bus* bus = bus_for(buses, dn.bus);
      DtDriver* drv = nullptr;
      for (DtDriver* d : g.drivers)
        if (d->bus == bus) drv = d;
      if (!drv) {
        drv = sim::kzalloc<DtDriver>(spec.name);
        drv->bus = bus;
        drv->of_match_table = {spec.compatible};
        drv->probe = generic_probe;
        drv->remove = generic_remove;
        // Two pointers: small enough for std::function to hold without
        // allocating (a board has dozens of these per execution).
        drv->accept = [compat = &spec.compatible, claimed_fn](const Device* dev) {
          const FwNode* n = dev->fwnode;
          if (!n) return false;
          const std::vector<std::string>& c = n->compatible();
          if (c.empty() || c.front() != *compat) return false;
          return !(*claimed_fn && (*claimed_fn)(*n));
        };
        g.drivers.push_back(drv);
      }
      if (dn.bus != NodeBus::kPci) continue;
      if (auto ids = pci_ids_of_node(*dn.node, buses.extra_pci_ids)) {
        bool known = false;
        for (const PciDeviceId& have : drv->pci_ids)
          known |= have.vendor == ids->first && have.device == ids->second;
        if (!known) drv->pci_ids.push_back(PciDeviceId{ids->first, ids->second, 0, 0});
      }
    }
    g.module = core::module_create_drivers(
        spec.name, std::vector<core::Driver*>(g.drivers.begin(), g.drivers.end()));
    out.modules.push_back(g.module);
    for (const DeviceNode& dn : spec.nodes)
      out.by_node[dn.node->index] = static_cast<int32_t>(out.drivers.size());
    out.drivers.push_back(std::move(g));
  }
  return out;
}

}  // namespace lifeline::dt
