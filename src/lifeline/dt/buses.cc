// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/buses.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/kernel.h"
#include "lifeline/dt/bus_devices.h"
#include "lifeline/dt/fsl_mc.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::Driver;

thread_local DtBuses* tl_buses = nullptr;
// Part of every snapshot of an execution (sim/snapshot.h).
const sim::ThreadRoot kBusesRoot([]() -> void* { return &tl_buses; }, sizeof(tl_buses));

DtDriver* to_dt_driver(Driver* drv) {
  return drv && drv->subclass == &DtDriver::kTag ? static_cast<DtDriver*>(drv) : nullptr;
}

bool rejected(const DtDriver* dd, const Device* dev) {
  return dd && dd->accept && !dd->accept(dev);
}

// device_match_driver_override(): -1 when no override is set.
int match_driver_override(const DtDevice* d, const Driver* drv) {
  if (!d || d->driver_override.empty()) return -1;
  return d->driver_override == drv->name() ? 1 : 0;
}

bool id_name_match(const DtDriver* dd, const DtDevice* d) {
  if (!dd || !d) return false;
  return std::find(dd->id_names.begin(), dd->id_names.end(), d->modalias) != dd->id_names.end();
}

// platform_match()
int platform_match(Device* dev, Driver* drv) {
  DtDevice* d = to_dt_device(dev);
  DtDriver* dd = to_dt_driver(drv);
  if (rejected(dd, dev)) return 0;
  if (int ret = match_driver_override(d, drv); ret >= 0) return ret;
  if (core::of_driver_match_device(dev, drv)) return 1;
  if (id_name_match(dd, d)) return 1;
  const std::string& pdev_name = d ? d->modalias : dev->name();
  return pdev_name == drv->name() ? 1 : 0;
}

int amba_match(Device* dev, Driver* drv) {
  DtDevice* d = to_dt_device(dev);
  DtDriver* dd = to_dt_driver(drv);
  if (rejected(dd, dev)) return 0;
  if (int ret = match_driver_override(d, drv); ret >= 0) return ret;
  return core::of_driver_match_device(dev, drv);
}

// i2c_device_match(): no driver_override on this bus.
int i2c_match(Device* dev, Driver* drv) {
  I2cClient* client = to_i2c_client(dev);
  if (!client) return 0;  // i2c_verify_client(): adapters never match
  DtDriver* dd = to_dt_driver(drv);
  if (rejected(dd, dev)) return 0;
  if (core::of_driver_match_device(dev, drv)) return 1;
  return id_name_match(dd, client) ? 1 : 0;
}

int spi_match(Device* dev, Driver* drv) {
  SpiDevice* spi = to_spi_device(dev);
  if (!spi) return 0;
  DtDriver* dd = to_dt_driver(drv);
  if (rejected(dd, dev)) return 0;
  if (int ret = match_driver_override(spi, drv); ret >= 0) return ret;
  if (core::of_driver_match_device(dev, drv)) return 1;
  if (dd && !dd->id_names.empty()) return id_name_match(dd, spi) ? 1 : 0;
  return spi->modalias == drv->name() ? 1 : 0;
}

bool pci_id_match(const PciDeviceId& id, const PciDev* pdev) {
  return (id.vendor == PCI_ANY_ID || id.vendor == pdev->vendor) &&
         (id.device == PCI_ANY_ID || id.device == pdev->device) &&
         ((id.class_code ^ pdev->class_code) & id.class_mask) == 0;
}

// pci_bus_match() -> pci_match_device()
int pci_match(Device* dev, Driver* drv) {
  PciDev* pdev = to_pci_dev(dev);
  if (!pdev || !pdev->match_driver) return 0;
  DtDriver* dd = to_dt_driver(drv);
  if (rejected(dd, dev)) return 0;
  // With driver_override set, only that driver binds, even without an ID.
  if (int ret = match_driver_override(pdev, drv); ret >= 0) return ret;
  if (!dd) return 0;
  for (const PciDeviceId& id : dd->pci_ids)
    if (pci_id_match(id, pdev)) return 1;
  return 0;
}

int fsl_mc_match(Device* dev, Driver* drv) {
  FslMcDevice* mc = to_fsl_mc_device(dev);
  if (!mc) return 0;
  DtDriver* dd = to_dt_driver(drv);
  if (rejected(dd, dev)) return 0;
  if (int ret = match_driver_override(mc, drv); ret >= 0) return ret;
  if (dd && std::find(dd->fsl_mc_types.begin(), dd->fsl_mc_types.end(), mc->obj_type) !=
                dd->fsl_mc_types.end())
    return 1;
  if (mc->dt_node)
    for (const std::string& compat : drv->of_match_table)
      if (mc->dt_node->is_compatible(compat)) return 1;
  return 0;
}

core::Bus* make_bus(const char* name, std::function<int(Device*, Driver*)> match) {
  core::Bus* bus = sim::kzalloc<core::Bus>(name);
  bus->match = std::move(match);
  core::bus_register(bus);
  return bus;
}

bool parse_hex16(std::string_view s, uint16_t& out) {
  if (s.empty() || s.size() > 4) return false;
  unsigned v = 0;
  for (char c : s) {
    int d = (c >= '0' && c <= '9')   ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : -1;
    if (d < 0) return false;
    v = v * 16 + static_cast<unsigned>(d);
  }
  out = static_cast<uint16_t>(v);
  return true;
}

}  // namespace

DtBuses::DtBuses() : sim::Object("dt_buses", "dt") {}

DtBuses::~DtBuses() {
  if (tl_buses == this) tl_buses = nullptr;
}

DtBuses& DtBuses::current() {
  if (!tl_buses) {
    std::fprintf(stderr,
                 "lifeline: device-tree bus code ran with no buses (register_dt_buses())\n");
    std::abort();
  }
  return *tl_buses;
}

DtBuses* DtBuses::current_or_null() { return tl_buses; }

DtBuses* register_dt_buses(PciIdLookup extra_pci_ids) {
  DtBuses* b = sim::kzalloc<DtBuses>();
  tl_buses = b;
  b->extra_pci_ids = std::move(extra_pci_ids);
  b->platform = make_bus("platform", platform_match);
  b->amba = make_bus("amba", amba_match);
  b->i2c = make_bus("i2c", i2c_match);
  b->spi = make_bus("spi", spi_match);
  b->pci = make_bus("pci", pci_match);
  b->fsl_mc = make_bus("fsl-mc", fsl_mc_match);

  // pcie_portdrv_init(): binds PCI-to-PCI bridges (root and switch ports).
  b->pcieport = sim::kzalloc<DtDriver>("pcieport");
  b->pcieport->bus = b->pci;
  b->pcieport->pci_ids = {
      PciDeviceId{PCI_ANY_ID, PCI_ANY_ID, PCI_CLASS_BRIDGE_PCI_NORMAL, 0xffffff}};
  b->pcieport->probe = [](Device*) { return 0; };
  core::driver_register(b->pcieport);

  // fsl_mc_bus_driver_init() -> dprc_driver_init().
  b->fsl_mc_dprc = sim::kzalloc<DtDriver>("fsl_mc_dprc");
  b->fsl_mc_dprc->bus = b->fsl_mc;
  b->fsl_mc_dprc->fsl_mc_types = {"dprc"};
  b->fsl_mc_dprc->probe = dprc_probe;
  b->fsl_mc_dprc->remove = dprc_remove;
  core::driver_register(b->fsl_mc_dprc);
  return b;
}

std::optional<std::pair<uint16_t, uint16_t>> pci_ids_of_node(const core::FwNode& node,
                                                             const PciIdLookup& extra) {
  for (const std::string& c : node.compatible()) {
    std::string_view s = c;
    if (s.substr(0, 3) != "pci" || s.substr(0, 8) == "pciclass") continue;
    size_t comma = s.find(',');
    if (comma == std::string_view::npos) continue;
    std::string_view dev = s.substr(comma + 1);
    dev = dev.substr(0, dev.find('.'));
    uint16_t vendor = 0, device = 0;
    if (parse_hex16(s.substr(3, comma - 3), vendor) && parse_hex16(dev, device))
      return std::make_pair(vendor, device);
  }
  if (extra) return extra(node);
  return std::nullopt;
}

}  // namespace lifeline::dt
