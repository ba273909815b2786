// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/pci.h"

#include <cstdio>
#include <vector>

#include "lifeline/core/dd.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/kernel.h"
#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/buses.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::FwNode;

std::optional<int> domain_property(const FwNode* node) {
  if (!node) return std::nullopt;
  std::optional<uint32_t> d = node->read_u32("linux,pci-domain");
  if (!d || *d > 0xffff) return std::nullopt;  // of_get_pci_domain_nr(): -EOVERFLOW
  return static_cast<int>(*d);
}

// "pciclass,CCSS" or "pciclass,CCSSPP": the class a node declares.
uint32_t class_of_node(const FwNode& node) {
  if (is_pci_bridge_node(node)) return PCI_CLASS_BRIDGE_PCI_NORMAL;
  for (const std::string& c : node.compatible()) {
    if (c.rfind("pciclass,", 0) != 0) continue;
    std::string hex = c.substr(9);
    char* end = nullptr;
    unsigned long v = std::strtoul(hex.c_str(), &end, 16);
    if (!end || *end) continue;
    return hex.size() <= 4 ? static_cast<uint32_t>(v << 8) : static_cast<uint32_t>(v);
  }
  return 0;
}

// One bus as pci_scan_child_bus() leaves it: its functions in devfn order,
// and for each bridge among them the bus behind it.
struct ScannedBus {
  std::vector<PciDev*> devices;
  std::vector<ScannedBus> children;  // one per bridge, in devfn order
  std::vector<PciDev*> bridges;
};

// pci_scan_child_bus_extend(): functions first, then bridges depth first.
// Returns the highest bus number used.
int scan_bus(DtBuses& b, const FwNode& bus_node, int domain, int busnr, Device* parent, int max,
             ScannedBus& out) {
  for (FwNode* fn : pci_function_nodes(bus_node)) {
    PciDev* pdev = alloc_dt_device<PciDev>();
    pdev->domain = domain;
    pdev->bus_number = static_cast<uint8_t>(busnr);
    pdev->devfn = *pci_devfn(*fn);
    if (auto ids = pci_ids_of_node(*fn, b.extra_pci_ids)) {
      pdev->vendor = ids->first;
      pdev->device = ids->second;
    }
    pdev->class_code = class_of_node(*fn);
    pdev->match_driver = false;  // pci_device_add(): drivers wait for pci_bus_add_device()
    pdev->parent = parent;
    pdev->bus = b.pci;
    pdev->fwnode = fn;
    core::dev_set_name(pdev, pci_dev_name(domain, busnr, pdev->devfn));
    if (core::device_add(pdev)) {
      core::put_device(pdev);
      continue;
    }
    b.populate.populated.insert(fn);
    out.devices.push_back(pdev);
  }
  for (PciDev* pdev : out.devices) {
    if (!is_pci_bridge_node(*pdev->fwnode)) continue;
    if (max >= 0xff) break;
    int secondary = ++max;
    pdev->subordinate = static_cast<uint8_t>(secondary);
    out.bridges.push_back(pdev);
    out.children.emplace_back();
    max = scan_bus(b, *pdev->fwnode, domain, secondary, pdev, max, out.children.back());
  }
  return max;
}

// pci_bus_add_devices(): this bus's functions, then the buses behind them.
void add_devices(const ScannedBus& bus) {
  for (PciDev* pdev : bus.devices) {
    pdev->match_driver = pdev->fwnode->is_available();  // pci_bus_add_device()
    core::device_attach(pdev);
  }
  for (const ScannedBus& child : bus.children) add_devices(child);
}

PciHostBridge* host_bridge_of(Device* host_dev) {
  for (Device* c : host_dev->children)
    if (DtDevice* d = to_dt_device(c); d && d->type == DtDeviceType::kPciHostBridge)
      return static_cast<PciHostBridge*>(d);
  return nullptr;
}

std::vector<PciDev*> pci_children(Device* dev) {
  std::vector<PciDev*> out;
  for (Device* c : dev->children)
    if (PciDev* p = to_pci_dev(c)) out.push_back(p);
  return out;
}

// pci_stop_bus_device(): the bus behind a bridge (last first), then it.
void stop_bus_device(PciDev* pdev) {
  std::vector<PciDev*> children = pci_children(pdev);
  for (auto it = children.rbegin(); it != children.rend(); ++it) stop_bus_device(*it);
  core::device_release_driver(pdev);
}

// pci_remove_bus_device(): the bus behind a bridge (first first), then it.
void remove_bus_device(PciDev* pdev) {
  for (PciDev* child : pci_children(pdev)) remove_bus_device(child);
  if (pdev->fwnode) DtBuses::current().populate.populated.erase(pdev->fwnode);
  core::device_unregister(pdev);
}

}  // namespace

std::string pci_dev_name(int domain, int bus, uint8_t devfn) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04x:%02x:%02x.%d", domain, bus, devfn >> 3, devfn & 7);
  return buf;
}

int pci_bus_find_domain_nr(const FwNode* host_node) {
  DtBuses& b = DtBuses::current();
  if (!b.pci_static_domains_reserved && host_node && host_node->tree) {
    // of_pci_reserve_static_domain_nr(): for_each_node_by_type(np, "pci")
    for (const auto& n : host_node->tree->nodes())
      if (is_pci_bridge_node(*n))
        if (std::optional<int> d = domain_property(n.get())) b.pci_domains_dynamic.insert(*d);
    b.pci_static_domains_reserved = true;
  }
  if (std::optional<int> d = domain_property(host_node)) {
    if (!b.pci_domains_static.insert(*d).second) return -EBUSY;  // ida_alloc_range(): -ENOSPC
    return *d;
  }
  int nr = 0;
  while (b.pci_domains_dynamic.count(nr)) ++nr;
  b.pci_domains_dynamic.insert(nr);
  return nr;
}

void pci_bus_release_domain_nr(const FwNode* host_node, int domain) {
  DtBuses& b = DtBuses::current();
  if (domain < 0) return;
  if (domain_property(host_node) == domain)
    b.pci_domains_static.erase(domain);
  else
    b.pci_domains_dynamic.erase(domain);
}

PciHostBridge* pci_host_probe(Device* host_dev, int* err) {
  LL_FUNC();
  DtBuses& b = DtBuses::current();
  const FwNode* node = host_dev->fwnode;
  int domain = pci_bus_find_domain_nr(node);
  if (domain < 0) {
    if (err) *err = domain;
    return nullptr;
  }
  std::vector<uint32_t> range = node ? node->read_u32_array("bus-range") : std::vector<uint32_t>{};
  int busnr = range.empty() ? 0 : static_cast<int>(range[0] & 0xff);
  PciHostBridge* bridge = alloc_dt_device<PciHostBridge>();
  bridge->domain = domain;
  bridge->busnr = static_cast<uint8_t>(busnr);
  bridge->parent = host_dev;
  char name[32];
  std::snprintf(name, sizeof name, "pci%04x:%02x", domain, busnr);  // pci_register_host_bridge()
  core::dev_set_name(bridge, name);
  if (int ret = core::device_add(bridge)) {
    core::put_device(bridge);
    pci_bus_release_domain_nr(node, domain);
    if (err) *err = ret;
    return nullptr;
  }
  ScannedBus root;
  if (node) scan_bus(b, *node, domain, busnr, bridge, busnr, root);
  add_devices(root);
  if (err) *err = 0;
  return bridge;
}

void pci_host_remove(Device* host_dev) {
  LL_FUNC();
  PciHostBridge* bridge = host_bridge_of(host_dev);
  if (!bridge) return;
  // pci_stop_root_bus()
  std::vector<PciDev*> root = pci_children(bridge);
  for (auto it = root.rbegin(); it != root.rend(); ++it) stop_bus_device(*it);
  // pci_remove_root_bus()
  for (PciDev* pdev : root) remove_bus_device(pdev);
  int domain = bridge->domain;
  core::device_unregister(bridge);
  pci_bus_release_domain_nr(host_dev->fwnode, domain);
}

PciDev* pci_find_dev(const std::string& name) {
  return to_pci_dev(core::bus_find_device_by_name(DtBuses::current().pci, name));
}

}  // namespace lifeline::dt
