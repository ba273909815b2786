// SPDX-License-Identifier: GPL-2.0-only
// Switch drivers from the DSA catalog. What each real driver does that
// matters to lifecycle comes from its entry (net/catalog/dsa_catalog.cc
// names the kernel code): mv88e6xxx_probe() -> dsa_register_switch();
// mv88e6xxx_setup() -> mv88e6xxx_mdios_register() (the internal bus,
// "mv88e6xxx-%d" without an "mdio" child, ds->user_mii_bus) and its
// teardown -> mv88e6xxx_mdios_unregister(); mv88e6xxx_remove() ->
// dsa_unregister_switch().
#include "lifeline/net/dsa/switch_driver.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fw_devlink.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/bus_id_format.h"
#include "lifeline/net/catalog/dsa_catalog.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/match_data.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pcs/felix_pcs.h"
#include "lifeline/net/pcs/miic.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

struct SwitchPriv : sim::Object {
  SwitchPriv() : sim::Object("switch_priv", "") {}
  const DsaSwitchInfo* info = nullptr;
  DsaSwitch* ds = nullptr;
  MiiBus* mdio = nullptr;   // the bus setup() registered
  bool irq_domain = false;  // the switch's interrupt domain is registered
};

// irq_domain_add_simple()/irq_domain_add_linear() on the switch's node, and
// irq_domain_remove() (kernel/irq/irqdomain.c): what the rest of the model
// sees of a domain is what the kernel's other code sees, that of_irq_get()
// now resolves interrupts whose parent is this node, and that
// __irq_domain_publish() marked the node fwnode_dev_initialized() (which
// fw_devlink reads). The interrupts themselves are not modelled.
void switch_irq_domain_add(SwitchPriv* priv) {
  core::FwNode* np = priv->ds->dev->fwnode;
  if (!np || priv->irq_domain) return;
  core::fwnode_dev_initialized(np, true);
  priv->irq_domain = true;
}

void switch_irq_domain_remove(SwitchPriv* priv) {
  if (!priv->irq_domain) return;
  core::fwnode_dev_initialized(priv->ds->dev->fwnode, false);
  priv->irq_domain = false;
}

// Whether ds->ops->setup registers the domain on this switch.
bool irq_domain_at_setup(const DsaSwitchInfo& info, const core::FwNode* np) {
  if (!np) return false;
  switch (info.irq_domain) {
    case DsaIrqDomain::kAtSetupIfController:
      return np->has_property("interrupt-controller");
    case DsaIrqDomain::kAtSetupIfIrq:
      return np->has_property("interrupts") || np->has_property("interrupts-extended");
    case DsaIrqDomain::kNone:
    case DsaIrqDomain::kAtProbe:
      break;
  }
  return false;
}

core::FwNode* find_child(core::FwNode* dn, std::string_view name) {
  if (!dn || name.empty()) return nullptr;
  for (core::FwNode* c : dn->children)
    if (c->base_name() == name && c->is_available()) return c;
  return nullptr;
}

core::FwNode* port_node_with_reg(core::FwNode* dn, int reg) {
  core::FwNode* ports = dn->child_by_name("ports");
  if (!ports) ports = dn->child_by_name("ethernet-ports");
  if (!ports) return nullptr;
  for (core::FwNode* p : ports->children)
    if (p->read_u32("reg") == std::optional<uint32_t>(static_cast<uint32_t>(reg))) return p;
  return nullptr;
}

// Without a bus node the PHYs are found by scanning (mdiobus_scan_bus_c22():
// get_phy_device() at every address the mask leaves). The chip's internal
// PHY n serves port n: the cable of that port is its medium.
int scan_internal_phys(SwitchPriv* priv, MiiBus* bus) {
  const DsaSwitchInfo& info = *priv->info;
  for (int addr = 0; addr < info.internal_phys && addr < PHY_MAX_ADDR; ++addr) {
    PhyDevice* phy = phy_device_create(bus, addr, info.internal_phy_id, false);
    phy->phy_id_known = true;
    int err = phy_device_register(phy);
    if (err) {
      phy_device_free(phy);
      return err;
    }
    if (core::FwNode* port = port_node_with_reg(priv->ds->dev->fwnode, addr)) {
      phy->hw.medium = Net::current().medium_for(port);
      phy->hw.medium->watch(phy, [phy] { phy_hw_changed(phy); });
    }
  }
  return 0;
}

// ds->ops->setup: the switch's own MDIO bus, from its "mdio" child or
// scanned, made ds->user_mii_bus where the driver does so.
int switch_setup(DsaSwitch* ds) {
  LL_FUNC();
  auto* priv = static_cast<SwitchPriv*>(ds->priv);
  const DsaSwitchInfo& info = *priv->info;
  // mt7530_setup_irq() / ksz_girq_setup(): before the MDIO bus, whose PHYs
  // take their interrupts from it.
  if (irq_domain_at_setup(info, ds->dev->fwnode)) switch_irq_domain_add(priv);
  // felix_setup(): the internal MDIO bus and its lynx PCSs (net/pcs/).
  if (info.pcs == "lynx")
    if (int err = vsc9959_mdio_bus_alloc(ds->dev)) return err;
  if (!info.registers_child_mdio && !info.internal_phys_via_user_mii_bus) return 0;
  core::FwNode* child = find_child(ds->dev->fwnode, info.mdio_child);
  if (!child && !info.internal_phys_via_user_mii_bus) return 0;
  // Without its "mdio" child, ksz registers no bus: DSA makes
  // ds->user_mii_bus itself, because the driver has phy_read.
  if (!child && ds->ops->phy_read) return 0;
  MiiBus* bus = mdiobus_alloc();
  BusIdContext ctx{ds->dev, "", child, ds->dev->fwnode, "dsa:" + std::string(info.driver)};
  bus->id = child ? format_bus_id(info.child_mdio_bus_id, info.user_mii_bus_number, ctx)
                  : format_bus_id(info.user_mii_bus_id, info.user_mii_bus_number, ctx);
  bus->parent_dev = ds->dev;
  bus->owner = ds->dev->driver ? ds->dev->driver->owner : nullptr;
  // A PHY node on the internal bus without an ID in its compatible is
  // read by get_phy_device() through the switch's own MDIO read, so it
  // reports the internal PHYs' ID, as the scanned ones do.
  if (child && info.internal_phy_id)
    for (core::FwNode* c : child->available_children()) {
      std::optional<uint32_t> reg = c->read_u32("reg");
      if (reg && *reg < static_cast<uint32_t>(info.internal_phys))
        Net::current().phy_ids.try_emplace(c, info.internal_phy_id);
    }
  int err = child ? of_mdiobus_register(bus, child) : mdiobus_register(bus);
  if (!err && !child) err = scan_internal_phys(priv, bus);
  if (err) {
    if (bus->state == MdiobusState::MDIOBUS_REGISTERED) mdiobus_unregister(bus);
    mdiobus_free(bus);
    if (irq_domain_at_setup(info, ds->dev->fwnode)) switch_irq_domain_remove(priv);
    return err;
  }
  priv->mdio = bus;
  if (info.internal_phys_via_user_mii_bus) ds->user_mii_bus = bus;
  return 0;
}

void switch_teardown(DsaSwitch* ds) {
  LL_FUNC();
  auto* priv = static_cast<SwitchPriv*>(ds->priv);
  if (priv->info->pcs == "lynx") vsc9959_mdio_bus_free(ds->dev);
  if (priv->mdio) {
    if (ds->user_mii_bus == priv->mdio) ds->user_mii_bus = nullptr;
    mdiobus_unregister(priv->mdio);
    mdiobus_free(priv->mdio);
    priv->mdio = nullptr;
  }
  if (irq_domain_at_setup(*priv->info, ds->dev->fwnode)) switch_irq_domain_remove(priv);
}

// The internal PHYs answering through ds->ops->phy_read on the bus DSA made.
int switch_scan_user_mii_bus(DsaSwitch* ds, MiiBus* bus) {
  return scan_internal_phys(static_cast<SwitchPriv*>(ds->priv), bus);
}

const DsaSwitchOps kOps = {.setup = switch_setup, .teardown = switch_teardown, .phy_read = false};
// ksz9477 has ds->ops->phy_read: DSA makes the user MII bus when the
// driver made none.
const DsaSwitchOps kOpsPhyRead = {.setup = switch_setup,
                                  .teardown = switch_teardown,
                                  .phy_read = true,
                                  .scan_user_mii_bus = switch_scan_user_mii_bus};

int switch_probe(const DsaSwitchInfo& info, core::Bus* port_bus, core::Device* dev) {
  LL_FUNC();
  auto* priv = sim::kzalloc<SwitchPriv>();
  priv->info = &info;
  auto* ds = sim::kzalloc<DsaSwitch>();
  ds->set_name(dev->name());
  ds->dev = dev;
  // DSA makes the bus for drivers with ds->ops->phy_read and no bus of
  // their own; the catalog's user_mii_bus_id in DSA's format says so.
  ds->ops = info.user_mii_bus_id.substr(0, 4) == "dsa-" ? &kOpsPhyRead : &kOps;
  ds->priv = priv;
  ds->port_bus = port_bus;
  ds->default_model = info.is_default;
  priv->ds = ds;
  core::dev_set_drvdata(dev, priv);
  // mv88e6xxx_g2_irq_setup(): the domain exists before the switch
  // registers (and so before its MDIO bus and PHYs do).
  if (info.irq_domain == DsaIrqDomain::kAtProbe) switch_irq_domain_add(priv);
  // a5psw_probe(): a5psw_pcs_get() (miic_create() per "pcs-handle") first.
  int err = info.pcs == "miic" ? a5psw_pcs_get(dev) : 0;
  if (!err) {
    err = dsa_register_switch(ds);
    if (err && info.pcs == "miic") a5psw_pcs_free(dev);
  }
  if (err) {
    switch_irq_domain_remove(priv);
    core::dev_set_drvdata(dev, nullptr);
    sim::kfree(ds);
    sim::kfree(priv);
  }
  return err;
}

void switch_remove(core::Device* dev) {
  LL_FUNC();
  auto* priv = core::dev_get_drvdata<SwitchPriv>(dev);
  if (!priv) return;
  dsa_unregister_switch(priv->ds);
  switch_irq_domain_remove(priv);  // mv88e6xxx_g2_irq_free(), after the switch
  if (priv->info->pcs == "miic") a5psw_pcs_free(dev);
  core::dev_set_drvdata(dev, nullptr);
  sim::kfree(priv->ds);
  sim::kfree(priv);
}

}  // namespace

bool dsa_switch_driver_modelled(const DsaSwitchInfo&) { return true; }

void dsa_switch_driver_setup(core::Driver* drv, const std::vector<const DsaSwitchInfo*>& infos,
                             core::Bus* port_bus) {
  drv->of_match_table = of_match_table_of(infos);
  drv->probe = [infos, port_bus](core::Device* dev) {
    return switch_probe(*of_device_get_match_data(dev, infos), port_bus, dev);
  };
  drv->remove = switch_remove;
}

}  // namespace lifeline::net
