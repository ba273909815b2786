// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/pcs/felix_pcs.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

core::FwNode* ports_of(core::Device* dev) {
  if (!dev->fwnode) return nullptr;
  core::FwNode* ports = dev->fwnode->child_by_name("ports");
  return ports ? ports : dev->fwnode->child_by_name("ethernet-ports");
}

}  // namespace

int vsc9959_mdio_bus_alloc(core::Device* dev) {
  LL_FUNC();
  core::FwNode* ports = ports_of(dev);
  if (!ports) return 0;
  MiiBus* bus = mdiobus_alloc();
  bus->id = dev->name() + "-imdio";
  bus->parent_dev = dev;
  bus->owner = dev->driver ? dev->driver.get()->owner : nullptr;
  if (int rc = mdiobus_register(bus)) {
    mdiobus_free(bus);
    return rc;
  }
  auto& table = Net::current().port_pcs;
  for (core::FwNode* port : ports->children) {
    // dsa_is_unused_port(), and the internal (CPU-facing) ports.
    if (!port->is_available()) continue;
    phy_interface_t interface = PHY_INTERFACE_MODE_NA;
    of_get_phy_mode(port, &interface);
    if (interface == PHY_INTERFACE_MODE_INTERNAL) continue;
    std::optional<uint32_t> reg = port->read_u32("reg");
    if (!reg) continue;
    core::ErrOr<PhylinkPcs*> pcs = lynx_pcs_create_mdiodev(bus, static_cast<int>(*reg));
    if (!pcs.ok()) continue;
    table[port] = pcs.value;
  }
  return 0;
}

void vsc9959_mdio_bus_free(core::Device* dev) {
  LL_FUNC();
  core::FwNode* ports = ports_of(dev);
  if (!ports) return;
  auto& table = Net::current().port_pcs;
  MiiBus* bus = nullptr;
  for (core::FwNode* port : ports->children) {
    auto it = table.find(port);
    if (it == table.end()) continue;
    if (MdioDevice* mdio = lynx_pcs_mdiodev(it->second)) bus = mdio->bus.get();
    lynx_pcs_destroy(it->second);
    table.erase(it);
  }
  if (!bus) return;
  mdiobus_unregister(bus);
  mdiobus_free(bus);
}

}  // namespace lifeline::net
