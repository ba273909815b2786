// SPDX-License-Identifier: GPL-2.0-only
// The cost of fwnode_mdio's PSE coupling (v6.12, S8), counted where it is
// paid: the MDIO bus driver's probe attempts (really_probe(), the driver
// core's own count), the PHYs phy_device_create() made and
// phy_device_remove() removed on the bus, and the registrations
// fwnode_mdiobus_register_phy() failed with -EPROBE_DEFER for a PSE. They
// are frozen when the first PSE controller module loads, so a report says
// what the boot cost while the controller could not be there.
#include <algorithm>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

// The node a bus is known by: of_mdiobus_register()'s np, or (a bus
// registered without one) its controller's.
const core::FwNode* bus_node(const MiiBus* bus) {
  if (bus->fwnode) return bus->fwnode;
  return bus->parent_dev ? bus->parent_dev->fwnode : nullptr;
}

int probe_attempts_now(const MdioBusCounts& c) {
  // A platform device of the tree lives as long as the tree; a device the
  // scenario made go away keeps the count it had.
  if (!c.dev || c.dev->freed()) return c.probe_attempts;
  return c.dev->probe_attempts;
}

}  // namespace

MdioBusCounts& mdio_bus_counts(const MiiBus* bus) {
  PseState& s = pse_state();
  const core::FwNode* np = bus_node(bus);
  for (MdioBusCounts& c : s.mdio_buses)
    if (np ? c.np == np : c.bus_id == bus->id) {
      if (bus->parent_dev) c.dev = bus->parent_dev;
      return c;
    }
  MdioBusCounts& c = s.mdio_buses.emplace_back();
  c.np = np;
  c.dev = bus->parent_dev;
  c.bus_id = bus->id;
  c.dev_name = bus->parent_dev ? bus->parent_dev->name() : "";
  return c;
}

void pse_module_loading(const core::Module* mod) {
  PseState& s = pse_state();
  if (s.first_module_load) return;
  PseModuleLoad& load = s.first_module_load.emplace();
  load.module = mod->name();
  load.at = sim::now();
  load.buses = s.mdio_buses;
  for (MdioBusCounts& c : load.buses) c.probe_attempts = probe_attempts_now(c);
}

std::vector<MdioBusCounts> probe_storm_counts(bool* loaded, std::string* module, uint64_t* at) {
  PseState& s = pse_state();
  *loaded = s.first_module_load.has_value();
  if (*loaded) {
    *module = s.first_module_load->module;
    *at = s.first_module_load->at;
    return s.first_module_load->buses;
  }
  std::vector<MdioBusCounts> now = s.mdio_buses;
  for (MdioBusCounts& c : now) c.probe_attempts = probe_attempts_now(c);
  return now;
}

}  // namespace lifeline::net
