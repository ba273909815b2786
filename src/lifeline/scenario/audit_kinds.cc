// SPDX-License-Identifier: GPL-2.0-only
// The audit's provider kinds (audit.h): how each is found in the booted
// model, its templates and the knob of its designs. One row per kind; a new
// provider model (SFP, PCS, PSE) adds its row here.
#include <string_view>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/scenario/audit.h"

namespace lifeline::scenario {

namespace {

bool is_kind(const core::Device& d, std::string_view kind) { return d.kind() == kind; }

// A PHY device (struct phy_device) on an MDIO bus: phylib's provider.
bool is_phy(const core::Device& d, const net::Net& n) {
  return d.bus == n.mdio_bus_type && is_kind(d, "phy_device");
}

// An MDIO controller: the bus device whose driver registers a mii_bus (the
// mii_bus itself is a class device of the same node, not a driver's).
bool is_mdio_controller(const core::Device& d, const net::Net&) {
  return d.fwnode && dt::is_mdio_bus(*d.fwnode) && d.bus && !is_kind(d, "mii_bus");
}

// A MAC driver's device: it owns netdevs (netdev->dev.parent, as
// SET_NETDEV_DEV() sets it), whether its node is the MAC (mvneta, stmmac)
// or the parent of one node per port (mvpp2, FMan); a DSA switch owns its
// user ports' netdevs too, and is a kind of its own.
bool is_mac(const core::Device& d, const net::Net& n) {
  if (!d.fwnode || dt::is_dsa_switch(*d.fwnode)) return false;
  for (const net::NetDevice* nd : n.netdevs)
    if (nd->parent == &d && !nd->freed()) return true;
  return false;
}

// A DSA switch (struct dsa_switch's ds->dev), on whatever bus it sits.
bool is_dsa_switch(const core::Device& d, const net::Net&) {
  return d.fwnode && dt::is_dsa_switch(*d.fwnode);
}

bool live(const net::NetDevice* nd) {
  return !nd->freed() && nd->reg_state == net::NetregState::NETREG_REGISTERED;
}

// An SFP cage bound to its driver (sfp.c: "sff,sfp", "sff,sff").
bool is_sfp_cage(const core::Device& d, const net::Net&) {
  return d.fwnode && dt::is_sfp_cage(*d.fwnode) && !is_kind(d, "sfp_bus");
}

// The netdevs whose port is the cage's upstream: their phylink's
// pl->sfp_bus is the cage's bus (phylink_register_sfp()), or their PHY hosts
// the cage (phy_sfp_probe(): the 88X3310's "sfp").
std::vector<const net::NetDevice*> sfp_consumers(const core::Device& d, const net::Net& n) {
  std::vector<const net::NetDevice*> out;
  for (const net::NetDevice* nd : n.netdevs) {
    if (!live(nd)) continue;
    const net::Phylink* pl = nd->phylink;
    if (const net::DsaPort* dp = net::dsa_user_to_port(nd); !pl && dp) pl = dp->pl;
    bool uses = pl && pl->sfp_bus && pl->sfp_bus->fwnode == d.fwnode;
    // The PHY attached, or the one its port names (mvpp2 attaches at
    // ndo_open): the cage it hosts.
    const core::FwNode* phy = nullptr;
    if (net::PhyDevice* p = nd->phydev.get(); p && !p->freed()) phy = p->fwnode;
    if (!phy && nd->of_node) phy = net::fwnode_get_phy_node(nd->of_node);
    if (phy) uses |= core::parse_phandle(phy, "sfp") == d.fwnode;
    if (uses) out.push_back(nd);
  }
  return out;
}

// The devices whose driver's unbind takes a netdev's PCS away: for each
// node its port's "pcs-handle" names (the phylink's MAC or port node), the
// nearest device up from it that a driver is bound to (lynx: the MDIO
// device has no driver, its bus's controller does; MIIC: the converter).
// A PCS inside the MAC (mvneta, mvpp2, felix's lynx on the switch's own
// MDIO bus) has no such node: the MAC is its provider.
std::set<const core::Device*> pcs_suppliers(const net::NetDevice* nd) {
  std::set<const core::Device*> out;
  const core::FwNode* port = nd->phylink ? nd->phylink->fwnode : nullptr;
  if (!port) port = nd->of_node;
  if (!port) return out;
  for (size_t i = 0;; ++i) {
    const core::FwNode* t = core::parse_phandle(port, "pcs-handle", i);
    if (!t) break;
    for (; t; t = t->parent)
      if (t->dev && !t->dev->freed() && t->dev->registered && t->dev->driver) break;
    if (!t) continue;
    const core::Device* sup = t->dev;
    bool own = false;
    for (const core::Device* p = nd->parent; p; p = p->parent) own |= p == sup;
    if (!own) out.insert(sup);
  }
  return out;
}

bool is_pcs_provider(const core::Device& d, const net::Net& n) {
  for (const net::NetDevice* nd : n.netdevs)
    if (live(nd) && pcs_suppliers(nd).count(&d)) return true;
  return false;
}

std::vector<const net::NetDevice*> pcs_consumers(const core::Device& d, const net::Net& n) {
  std::vector<const net::NetDevice*> out;
  for (const net::NetDevice* nd : n.netdevs)
    if (live(nd) && pcs_suppliers(nd).count(&d)) out.push_back(nd);
  return out;
}

// A PSE controller (#pse-cells) bound to its driver.
bool is_pse_controller(const core::Device& d, const net::Net&) {
  return d.fwnode && dt::is_pse_controller(*d.fwnode);
}

// The netdevs whose PHY holds a pse_control of the controller
// (phydev->psec->pcdev->dev), or, where the design hands it out later (the
// notifier designs attach it at the PSE's arrival), whose PHY node's "pses"
// names it.
std::vector<const net::NetDevice*> pse_consumers(const core::Device& d, const net::Net& n) {
  std::vector<const net::NetDevice*> out;
  for (const net::NetDevice* nd : n.netdevs) {
    if (!live(nd)) continue;
    net::PhyDevice* phy = nd->phydev.get();
    if (!phy || phy->freed()) continue;
    bool uses = false;
    if (net::PseControl* c = phy->psec.get(); c && !c->freed())
      if (net::PseControllerDev* pc = c->pcdev.get(); pc && !pc->freed()) uses = pc->dev == &d;
    if (phy->fwnode) uses |= core::parse_phandle(phy->fwnode, "pses") == d.fwnode;
    if (uses) out.push_back(nd);
  }
  return out;
}

const ProviderKind kKinds[] = {
    {"phy", "PHYs", "phy-loss", is_phy, nullptr, driver_templates()},
    {"mdio", "MDIO controllers", "phy-loss", is_mdio_controller, nullptr, driver_templates()},
    {"mac", "MAC drivers", "phy-loss", is_mac, nullptr, driver_templates()},
    {"dsa", "DSA switches", "phy-loss", is_dsa_switch, nullptr, driver_templates()},
    {"sfp", "SFP cages", "sfp-lock", is_sfp_cage, sfp_consumers, sfp_templates()},
    {"pcs", "PCS providers", "pcs", is_pcs_provider, pcs_consumers, driver_templates()},
    {"pse", "PSE controllers", "pse", is_pse_controller, pse_consumers, pse_templates()},
};

}  // namespace

std::span<const ProviderKind> provider_kinds() { return kKinds; }

const ProviderKind* find_provider_kind(std::string_view name) {
  for (const ProviderKind& k : kKinds)
    if (name == k.name) return &k;
  return nullptr;
}

}  // namespace lifeline::scenario
