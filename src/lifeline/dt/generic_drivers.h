// SPDX-License-Identifier: GPL-2.0-only
// Generic drivers: stand-ins for the real drivers of every node that gets a
// device (device_nodes()) and that the network layer does not claim, so that
// a board boots as the real one does: providers bind and release their
// consumers, bus controllers create their devices when they bind and remove
// them when they unbind, and a profile can make any of them a late module
// or leave it out.
//
// The rules:
// - One generic driver per distinct first compatible, owned by a module of
//   the same name. Its name is the compatible without the vendor prefix
//   ("brcm,bcm2711-gpio" -> "bcm2711-gpio", "fixed-clock" stays), the way
//   of_alias_from_compatible() names a device's modalias. A PCI ID
//   compatible keeps its vendor with the comma made a dash ("pci1957,ee02"
//   -> "pci1957-ee02"), since the device half alone names nothing. If two
//   compatibles give the same name, the later one (in tree order) is the
//   whole compatible with the comma made a dash ("acme,foo" -> "acme-foo").
// - The driver registers on the bus of its nodes' devices (platform, amba,
//   i2c, spi, pci); a compatible found on two buses gets a driver on each,
//   in the same module.
// - It binds only devices whose node's first compatible is its own and that
//   the network layer did not claim (DtDriver::accept), even where a node
//   lists its compatible as a fallback: it stands for one real driver per
//   node, not for a family.
// - Its probe does what the node's role needs (bus_roles.h): registers an
//   I2C adapter, adds mux channels, registers an SPI controller, probes a PCI
//   host, adds the root DPRC, or populates its children; otherwise nothing.
//   Its remove undoes that. Suppliers are waited for by fw_devlink alone.
// - No generic driver for: nodes without a compatible; disabled PCI
//   functions (they never match); PCI-to-PCI bridges (pcieport binds them);
//   nodes of the TIMER_OF_DECLARE and IRQCHIP_DECLARE tables (their kernel
//   drivers are not platform drivers: timer_probe() and of_irq_init() set
//   them up, so a timer's device, or an irqchip's that of_irq_init() passed
//   by, stays unbound, as on the real board).
// - Modules come in initcall order: built-in drivers register in link
//   order, which link_order.h approximates from the subsystem of the
//   driver's first node, then tree order.
#ifndef LIFELINE_DT_GENERIC_DRIVERS_H_
#define LIFELINE_DT_GENERIC_DRIVERS_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/dt/bus_devices.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/device_nodes.h"

namespace lifeline::dt {

struct GenericDriverSpec;

// The strings view the spec, which GenericDrivers::specs keeps alive.
struct GenericDriver {
  std::string_view compatible;
  std::string_view name;                    // the driver's and its module's name
  std::string_view subsystem;               // driver_subsystem() of its first node
  const GenericDriverSpec* spec = nullptr;  // spec->nodes: the nodes it stands for
  core::Module* module = nullptr;
  std::vector<DtDriver*> drivers;  // one per bus, in the order first seen
};

struct GenericDrivers {
  std::vector<GenericDriver> drivers;  // in module (initcall) order
  std::vector<core::Module*> modules;  // the same order

  // By module name, '-' and '_' equal (as modprobe treats them); nullptr
  // if none.
  const GenericDriver* find(std::string_view name) const;
  core::Module* module(std::string_view name) const;
  // The generic driver standing for `node`, or nullptr.
  const GenericDriver* for_node(const core::FwNode* node) const;

  std::vector<int32_t> by_node;  // node index -> index in drivers, -1: none

  // What the drivers' accept rules point into, kept alive with them.
  std::shared_ptr<const std::vector<GenericDriverSpec>> specs;
  std::shared_ptr<const ClaimedFn> claimed;
};

// The name rule above for one compatible (without the collision rule).
std::string generic_driver_name(std::string_view compatible);

// What create_generic_drivers() will make, worked out from the tree alone
// (no execution needed: for checking a boot profile up front).
struct GenericDriverSpec {
  std::string compatible;
  std::string name;
  std::string subsystem;
  std::vector<DeviceNode> nodes;  // tree order
};
std::vector<GenericDriverSpec> generic_driver_specs(const core::FwTree& tree,
                                                    const ClaimedFn& claimed);
// The same, shared: computed once for a frozen tree (tree_memo.h).
std::shared_ptr<const std::vector<GenericDriverSpec>> generic_driver_specs_shared(
    const core::FwTree& tree, const ClaimedFn& claimed);

// Creates the drivers and their modules (module_create(); not loaded).
// Call from a task, after register_dt_buses().
GenericDrivers create_generic_drivers(const core::FwTree& tree, DtBuses& buses,
                                      const ClaimedFn& claimed);

// The probe and remove every generic driver runs (exposed for drivers of
// the network layer that stand in the same way).
int generic_probe(core::Device* dev);
void generic_remove(core::Device* dev);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_GENERIC_DRIVERS_H_
