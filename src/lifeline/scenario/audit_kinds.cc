// SPDX-License-Identifier: GPL-2.0-only
// The audit's provider kinds (audit.h): how each is found in the booted
// model, its templates and the knob of its designs. One row per kind; a new
// provider model (SFP, PCS, PSE) adds its row here.
#include <string_view>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
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

const ProviderKind kKinds[] = {
    {"phy", "PHYs", "phy-loss", is_phy, nullptr, driver_templates()},
    {"mdio", "MDIO controllers", "phy-loss", is_mdio_controller, nullptr, driver_templates()},
    {"mac", "MAC drivers", "phy-loss", is_mac, nullptr, driver_templates()},
    {"dsa", "DSA switches", "phy-loss", is_dsa_switch, nullptr, driver_templates()},
};

}  // namespace

std::span<const ProviderKind> provider_kinds() { return kKinds; }

const ProviderKind* find_provider_kind(std::string_view name) {
  for (const ProviderKind& k : kKinds)
    if (name == k.name) return &k;
  return nullptr;
}

}  // namespace lifeline::scenario
