// SPDX-License-Identifier: GPL-2.0-only
// phy_sfp_probe() and the PHY drivers' sfp_upstream_ops: attach/detach
// (phy_sfp_attach()/phy_sfp_detach()), connect/disconnect_phy (which in
// v6.12 only maintain the link topology) and the driver's module_insert,
// which checks the module against what the PHY's serdes can drive
// (mv3310_sfp_insert(), m88e1510_sfp_insert(), at8031_sfp_insert()).
#include "lifeline/net/phy_sfp.h"

#include <fmt/format.h>

#include "lifeline/core/errno.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

PhyDevice* to_phy(sim::Object* upstream) { return static_cast<PhyDevice*>(upstream); }

// The module interfaces each hosting driver's module_insert accepts.
struct PhySfpHost {
  uint32_t phy_id, mask;
  PhyInterfaceMask accepts;
  const char* function;
};
const PhySfpHost* host_of(const PhyDevice* phydev) {
  static const PhySfpHost kHosts[] = {
      {0x002b09a0, 0xfffffff0, PhyInterfaceMask().set(PHY_INTERFACE_MODE_10GBASER),
       "mv3310_sfp_insert"},
      {0x01410dd0, 0xfffffff0,
       PhyInterfaceMask()
           .set(PHY_INTERFACE_MODE_1000BASEX)
           .set(PHY_INTERFACE_MODE_100BASEX)
           .set(PHY_INTERFACE_MODE_SGMII),
       "m88e1510_sfp_insert"},
      {0x004dd074, 0xffffffff, PhyInterfaceMask().set(PHY_INTERFACE_MODE_1000BASEX),
       "at8031_sfp_insert"},
  };
  for (const PhySfpHost& h : kHosts)
    if ((phydev->phy_id & h.mask) == (h.phy_id & h.mask)) return &h;
  return nullptr;
}

void phy_sfp_attach(sim::Object* upstream, SfpBus*) {
  PhyDevice* phydev = to_phy(upstream);
  sim::check_access(phydev, "phydev->sfp_bus_attached");
  phydev->sfp_bus_attached = true;
}

void phy_sfp_detach(sim::Object* upstream, SfpBus*) {
  PhyDevice* phydev = to_phy(upstream);
  sim::check_access(phydev, "phydev->sfp_bus_attached");
  phydev->sfp_bus_attached = false;
}

int phy_sfp_connect_phy(sim::Object*, PhyDevice*) { return 0; }
void phy_sfp_disconnect_phy(sim::Object*, PhyDevice*) {}

int phy_sfp_module_insert(sim::Object* upstream, const SfpEepromId* id) {
  PhyDevice* phydev = to_phy(upstream);
  LinkModes support;
  PhyInterfaceMask interfaces;
  SfpBus* bus = phydev->sfp_bus;
  sfp_parse_support(bus, id, &support, &interfaces);
  phy_interface_t iface = sfp_select_interface(bus, support);
  const PhySfpHost* host = host_of(phydev);
  if (!host || !host->accepts.test(iface)) {
    note(phydev->name() + ": incompatible SFP module inserted");
    return -EINVAL;
  }
  note(fmt::format("{}: {} SFP module inserted", phydev->name(), phy_modes(iface)));
  return 0;
}

constexpr SfpUpstreamOps kPhySfpOps = {
    .attach = phy_sfp_attach,
    .detach = phy_sfp_detach,
    .module_insert = phy_sfp_module_insert,
    .connect_phy = phy_sfp_connect_phy,
    .disconnect_phy = phy_sfp_disconnect_phy,
};

}  // namespace

int phy_sfp_probe(PhyDevice* phydev) {
  LL_FUNC();
  if (!phydev->fwnode) return 0;
  SfpBus* bus = sfp_bus_find_fwnode(phydev->fwnode);
  if (!bus) return 0;
  phydev->sfp_bus = bus;
  int ret = sfp_bus_add_upstream(bus, phydev, &kPhySfpOps);
  sfp_bus_put(bus);
  if (ret) phydev->sfp_bus = nullptr;
  return ret;
}

void phy_sfp_remove(PhyDevice* phydev) {
  if (!phydev->sfp_bus) return;
  sfp_bus_del_upstream(phydev->sfp_bus);
  phydev->sfp_bus = nullptr;
}

}  // namespace lifeline::net
