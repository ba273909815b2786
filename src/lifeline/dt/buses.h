// SPDX-License-Identifier: GPL-2.0-only
// The buses a device tree's devices sit on, with the kernel's match
// functions, and the per-execution state of their cores: OF_POPULATED,
// the I2C adapter and SPI controller number spaces, PCI domain numbers.
//
// Match functions (bus->match), each after the kernel's:
//   platform  platform_match(): driver_override, then OF compatible
//             (of_driver_match_device()), then the driver's id_names, then
//             the device's name (platform_device->name) against the driver's.
//   amba      driver_override, then OF compatible. The kernel's amba_match()
//             compares the peripheral ID read from the hardware; a device tree
//             does not carry it, and the node's compatible names the same
//             part ("arm,pl011"), so the model matches that.
//   i2c       i2c_device_match(): only i2c_clients match (adapters sit on the
//             bus too); OF compatible, then id_names against client->name.
//   spi       spi_match_device(): driver_override, OF compatible, id_names,
//             then modalias against the driver's name.
//   pci       pci_bus_match(): only pci_devs whose match_driver is set;
//             driver_override, then the driver's pci_ids (vendor, device,
//             class under mask). IDs come from the node's "pciVVVV,DDDD"
//             compatible or, for a function the tree gives no compatible
//             (LS1028A's Felix switch), from the caller's table.
//   fsl-mc    fsl_mc_bus_match(): driver_override, then the driver's object
//             types. Also, lifeline's own addition: a dpmac's node
//             (FslMcDevice::dt_node) against the driver's of_match_table, so
//             the network layer may claim dpmacs by compatible.
// Every match first applies DtDriver::accept when the driver has one.
#ifndef LIFELINE_DT_BUSES_H_
#define LIFELINE_DT_BUSES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "lifeline/core/bus.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/platform_names.h"
#include "lifeline/sim/object.h"

namespace lifeline::dt {

class DtDriver;
class I2cAdapter;
class SpiController;

// Vendor and device ID of a PCI function node that has no "pciVVVV,DDDD"
// compatible (the network layer passes net::board_pci_ids()).
using PciIdLookup =
    std::function<std::optional<std::pair<uint16_t, uint16_t>>(const core::FwNode&)>;

class DtBuses : public sim::Object {
 public:
  DtBuses();
  ~DtBuses() override;

  // The buses of the running execution (set by register_dt_buses()).
  static DtBuses& current();
  static DtBuses* current_or_null();

  core::Bus* platform = nullptr;
  core::Bus* amba = nullptr;
  core::Bus* i2c = nullptr;
  core::Bus* spi = nullptr;
  core::Bus* pci = nullptr;
  core::Bus* fsl_mc = nullptr;

  PciIdLookup extra_pci_ids;

  // Built into the bus cores: the PCIe port service driver (binds bridges by
  // class, drivers/pci/pcie/portdrv.c) and the fsl-mc DPRC driver
  // (drivers/bus/fsl-mc/dprc-driver.c), registered with the buses.
  // pcie_portdrv_init() is a device_initcall, but no PCI function exists
  // before a host bridge probes, so registering it earlier changes nothing.
  DtDriver* pcieport = nullptr;
  DtDriver* fsl_mc_dprc = nullptr;

  // OF_POPULATED / OF_POPULATED_BUS.
  PopulateState populate;

  // i2c_adapter_idr and __i2c_first_dynamic_bus_num (-1 until the first
  // adapter registers and i2c_init() has read the aliases).
  std::map<int, I2cAdapter*> i2c_adapters;
  int i2c_first_dynamic_bus_num = -1;
  // spi_master_idr.
  std::map<int, SpiController*> spi_controllers;
  // pci_domain_nr_static_ida / pci_domain_nr_dynamic_ida.
  std::set<int> pci_domains_static;
  std::set<int> pci_domains_dynamic;
  bool pci_static_domains_reserved = false;
};

// Creates and registers (bus_register()) the buses of the running
// execution, and the bus cores' built-in drivers. Call from a task, once
// per execution, before anything is populated.
DtBuses* register_dt_buses(PciIdLookup extra_pci_ids = nullptr);

// The vendor/device IDs of a PCI function node: a "pciVVVV,DDDD"
// compatible (any entry), else `extra`.
std::optional<std::pair<uint16_t, uint16_t>> pci_ids_of_node(const core::FwNode& node,
                                                             const PciIdLookup& extra);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_BUSES_H_
