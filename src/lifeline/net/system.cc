// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/system.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/dt/bus_devices.h"
#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/device_nodes.h"
#include "lifeline/dt/fsl_mc.h"
#include "lifeline/dt/generic_drivers.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/dt/node_set.h"
#include "lifeline/dt/tree_memo.h"
#include "lifeline/net/catalog/dsa_catalog.h"
#include "lifeline/net/catalog/mdio_catalog.h"
#include "lifeline/net/catalog/phy_catalog.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/dpaa2/dpaa2_eth.h"
#include "lifeline/net/dsa/switch_driver.h"
#include "lifeline/net/mac_driver.h"
#include "lifeline/net/mdio_controller.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pcs/miic.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phy_drivers.h"
#include "lifeline/net/pse/pse_catalog.h"
#include "lifeline/net/pse/pse_drivers.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::net {

namespace {

thread_local System* tl_system = nullptr;
// Part of every snapshot of an execution (sim/snapshot.h).
const sim::ThreadRoot kSystemRoot([]() -> void* { return &tl_system; }, sizeof(tl_system));

std::string normalize(std::string_view name) {
  std::string s(name);
  for (char& c : s)
    if (c == '-') c = '_';
  return s;
}

// "pci1957,e100" -> {0x1957, 0xe100}
std::optional<std::pair<uint16_t, uint16_t>> parse_pci_compat(std::string_view compat) {
  unsigned v = 0, d = 0;
  if (std::sscanf(std::string(compat).c_str(), "pci%x,%x", &v, &d) == 2)
    return std::make_pair(static_cast<uint16_t>(v), static_cast<uint16_t>(d));
  return std::nullopt;
}

core::Bus* bus_named(std::string_view bus, dt::DtBuses& buses) {
  if (bus == "pci") return buses.pci;
  if (bus == "fsl-mc") return buses.fsl_mc;
  if (bus == "amba") return buses.amba;
  return buses.platform;
}

const MacInfo* mac_info_for(const core::FwNode& n) {
  for (const std::string& c : n.compatible())
    if (const MacInfo* m = find_mac(c)) return m;
  return nullptr;
}

// A switch whose driver lifeline models (net/dsa/switch_driver.h).
// A PCI switch's node may have no compatible: the board's PCI ID fact
// names it (felix on the LS1028A).
const DsaSwitchInfo* dsa_info_for(const core::FwNode& n) {
  if (!dt::is_dsa_switch(n)) return nullptr;
  const DsaSwitchInfo* d = nullptr;
  for (const std::string& c : n.compatible())
    if (!d) d = find_dsa_switch(c);
  if (!d && n.tree && n.tree->root())
    if (const BoardPciId* id = find_board_pci_id(n.tree->root()->compatible(), n.full_path))
      d = find_dsa_switch(id->pci_id);
  return d && dsa_switch_driver_modelled(*d) ? d : nullptr;
}

// The bus a switch the catalog does not know sits on, from where its node
// is: a child of an MDIO bus node or of an SPI controller; a child of
// anything else is taken as a platform device; nullptr for a PCI function
// (its ID would be needed).
const char* default_switch_bus(const core::FwNode& n) {
  if (!n.parent) return nullptr;
  if (dt::is_mdio_bus(*n.parent)) return "mdio";
  if (dt::bus_role(*n.parent) == dt::BusRole::kSpiController) return "spi";
  if (dt::bus_role(*n.parent) == dt::BusRole::kPciHost || n.parent->has_property("bus-range"))
    return nullptr;
  return "platform";
}

// The default for a switch the catalog does not know: a driver named after
// its compatible on the bus its node sits on; its "mdio" child, if any,
// registered from ds->ops->setup and used as ds->user_mii_bus (as
// mv88e6xxx and mt7530 do); no internal PHYs otherwise, no PCS.
const DsaSwitchInfo* default_switch(System* sys, const core::FwNode& n) {
  sys->strings.push_back(n.compatible().front());
  std::string_view c = sys->strings.back();
  sys->strings.push_back(dt::generic_driver_name(c));
  std::string_view name = sys->strings.back();
  bool mdio = n.child_by_name("mdio") != nullptr;
  DsaSwitchInfo info{};
  info.compatible = c;
  info.driver = name;
  info.module = name;
  info.bus = default_switch_bus(n);
  info.internal_phys_via_user_mii_bus = mdio;
  info.registers_child_mdio = mdio;
  info.pcs = "none";
  info.pci_id = "";
  info.mdio_child = mdio ? "mdio" : "";
  info.child_mdio_bus_id = mdio ? "{path}" : "";
  info.user_mii_bus_id = "";
  info.user_mii_bus_number = BusIdNumber::kNone;
  info.internal_phy_id = 0;
  info.source = "lifeline's default DSA switch model: no catalog entry for this compatible";
  info.is_default = true;
  sys->default_dsa_infos.push_back(info);
  sys->default_switches.push_back(n.full_path + " (" + std::string(c) + ")");
  sim::note(
      fmt::format("{}: DSA switch \"{}\" is not in the catalog: lifeline's default switch "
                  "model (driver \"{}\" on the {} bus; its \"mdio\" child, if any, as "
                  "ds->user_mii_bus)",
                  n.full_path, c, name, info.bus));
  return &sys->default_dsa_infos.back();
}

const MdioControllerInfo* mdio_info_for(const core::FwNode& n) {
  for (const std::string& c : n.compatible())
    if (const MdioControllerInfo* m = find_mdio_controller(c)) return m;
  return nullptr;
}

// An MDIO controller the catalog does not know: a node that is an MDIO bus
// (dt::is_mdio_bus()), has a compatible and gets a device of its own
// (dt::device_nodes()), and is no MAC and no switch. What the kernel's MDIO
// controller drivers share (drivers/net/mdio/*.c: mdio-mux-gpio,
// mdio-bcm-unimac, mdio-mscc-miim, mdio-ipq4019, ...) is their probe:
// mdiobus_alloc(), then of_mdiobus_register() on their node, which creates a
// PHY device for every PHY child (fwnode_mdiobus_register_phy()) and an MDIO
// device for every other child; and their remove: mdiobus_unregister().
bool default_mdio_candidate(const core::FwNode& n) {
  return n.is_enabled() && n.has_property("compatible") && dt::is_mdio_bus(n) && !dt::is_mac(n) &&
         !dt::is_dsa_switch(n) && !dt::is_dsa_port(n);
}

const char* node_bus_string(dt::NodeBus bus) {
  switch (bus) {
    case dt::NodeBus::kPlatform:
      return "platform";
    case dt::NodeBus::kAmba:
      return "amba";
    case dt::NodeBus::kPci:
      return "pci";
    case dt::NodeBus::kI2c:
    case dt::NodeBus::kSpi:
      break;
  }
  return nullptr;  // an MDIO controller on I2C or SPI: not modelled
}

// An MDIO mux: every available child with a reg is itself an MDIO bus node
// ("mdio@N"), as mdio_mux_init() expects of its children.
bool looks_like_mux(const core::FwNode& n) {
  bool any = false;
  for (const core::FwNode* c : n.available_children()) {
    if (!c->has_property("reg")) continue;
    if (!dt::is_mdio_bus(*c)) return false;
    any = true;
  }
  return any;
}

// lifeline's default for such a controller: a driver named after its
// compatible on the bus of its device, registering one bus (or one per
// child of a mux) through of_mdiobus_register(), with the device's name as
// the bus id ("%s" of dev_name(), as davinci_mdio, enetc_pci_mdio and most
// OF MDIO drivers name it), C45 when a child PHY says
// "ethernet-phy-ieee802.3-c45".
const MdioControllerInfo* default_mdio(System* sys, const core::FwNode& n, const char* bus) {
  sys->strings.push_back(n.compatible().front());
  std::string_view c = sys->strings.back();
  sys->strings.push_back(dt::generic_driver_name(c));
  std::string_view name = sys->strings.back();
  bool mux = looks_like_mux(n);
  bool c45 = false;
  for (const core::FwNode* child : n.available_children())
    c45 |= child->is_compatible("ethernet-phy-ieee802.3-c45");
  MdioControllerInfo info{};
  info.compatible = c;
  info.driver = name;
  info.module = name;
  info.bus = bus;
  info.bus_id = mux ? "mdio_mux-{:x}.{reg:x}" : "{dev}";
  info.c45 = c45;
  info.mux = mux;
  info.bus_id_number = mux ? BusIdNumber::kDriverCounter : BusIdNumber::kNone;
  info.source =
      "lifeline's default MDIO controller model: no catalog entry for this compatible; "
      "of_mdiobus_register() on its node (drivers/net/mdio/of_mdio.c)";
  info.is_default = true;
  sys->default_mdio_infos.push_back(info);
  sys->default_mdios.push_back(fmt::format(
      "{} ({}): no catalog entry: lifeline's default MDIO controller model (driver \"{}\" on the "
      "{} bus, {} through of_mdiobus_register(), bus id {})",
      n.full_path, c, name, bus, mux ? "a child bus per \"mdio@N\" node" : "its PHY children",
      mux ? "\"mdio_mux-N.R\"" : "its device name"));
  sim::note(sys->default_mdios.back());
  return &sys->default_mdio_infos.back();
}

// A MAC the catalog does not know: a node with ethernet-ports/ports children
// is one device with a netdev per enabled port, any other one netdev.
void set_default_shape(MacInfo& info, const core::FwNode& n) {
  const char* container = n.child_by_name("ethernet-ports")
                              ? "ethernet-ports"
                              : (n.child_by_name("ports") ? "ports" : "");
  info.shape = *container ? NetdevShape::kPerPort : NetdevShape::kOne;
  info.ports_container = container;
  info.port_match = "*";
}

// The default for a MAC the catalog does not know: the shape of its node
// decides (a node with ethernet-ports/ports children is one device with a
// netdev per enabled port); phylink, PHY attached at ndo_open, an "mdio"
// child registered from probe.
const MacInfo* default_mac(System* sys, const core::FwNode& n) {
  std::string compat = n.compatible().empty() ? std::string(n.base_name()) : n.compatible().front();
  sys->strings.push_back(compat);
  std::string_view c = sys->strings.back();
  sys->strings.push_back(dt::generic_driver_name(c));
  std::string_view name = sys->strings.back();
  MacInfo info{};
  info.compatible = c;
  info.driver = name;
  info.module = name;
  info.bus = "platform";
  info.phy_api = PhyApi::kPhylink;
  info.connect = PhyConnect::kAtOpen;
  info.mdio = n.child_by_name("mdio") ? MdioRegister::kAtProbe : MdioRegister::kNone;
  info.mdio_child = "mdio";
  info.mdio_bus_id = "{dev}-mii";
  info.mdio_bus_number = BusIdNumber::kNone;
  set_default_shape(info, n);
  info.pcs = "none";
  info.source = "lifeline's default MAC model: no catalog entry for this compatible";
  // A phylink MAC: its ethtool ops go through phylink_ethtool_*().
  info.lifecycle.get_link_ksettings = PhydevUse::kPhylink;
  info.lifecycle.get_eee = PhydevUse::kPhylink;
  info.lifecycle.get_pauseparam = PhydevUse::kPhylink;
  info.lifecycle.stop_checks_phydev = true;
  info.lifecycle.source = info.source;
  sys->default_infos.push_back(info);
  sys->default_macs.push_back(n.full_path + " (" + compat + ")");
  // A switchdev-shaped MAC (am65-cpsw-nuss, mvpp2, prueth, ... in the
  // catalog): one struct device, a netdev per enabled port node, no CPU
  // port (so not DSA). Its ports are named as alloc_etherdev() names them
  // ("eth%d": am65_cpsw_nuss_init_port_ndev() keeps "label" for devlink,
  // not for the netdev), each netdev's dev.of_node is its port node.
  if (info.shape == NetdevShape::kPerPort) {
    sys->default_switchdevs.push_back(fmt::format(
        "{} ({}): no catalog entry: lifeline's default multi-port MAC model (one device, a "
        "netdev per enabled \"{}\" child named eth%d, phylink, PHY connected at ndo_open)",
        n.full_path, compat, info.ports_container));
    sim::note(sys->default_switchdevs.back());
  }
  return &sys->default_infos.back();
}

// A multi-port MAC that is not DSA (switchdev: am65-cpsw-nuss, mvpp2,
// prueth): no link description of its own, but a "ports"/"ethernet-ports"
// child whose enabled children describe links (phy-mode, phy-handle,
// fixed-link), and no CPU port (dt::is_dsa_switch()).
bool is_switchdev_shaped(const core::FwNode& n) {
  if (dt::is_dsa_switch(n)) return false;
  const core::FwNode* ports = dt::ports_container(n);
  if (!ports) return false;
  for (const core::FwNode* p : ports->available_children())
    if (dt::is_mac(*p)) return true;
  return false;
}

// Which nodes the network layer drives, from the tree and the catalogs
// alone (so worked out once per loaded board: dt/tree_memo.h).
struct NodeScan {
  std::vector<const MacInfo*> macs;                   // known MACs, tree order
  std::vector<const MdioControllerInfo*> mdios;       // MDIO controllers, tree order
  std::vector<const core::FwNode*> default_macs;      // MACs the catalog does not know
  std::vector<const DsaSwitchInfo*> switches;         // modelled DSA switches, tree order
  std::vector<const core::FwNode*> default_switches;  // DSA-shaped, compatible unknown
  // MDIO controllers the catalog does not know, and the bus of their device.
  std::vector<std::pair<const core::FwNode*, const char*>> default_mdios;
  // PCS provider nodes with a driver of their own (the RZ/N1 MIIC).
  std::vector<const core::FwNode*> miics;
  std::vector<const core::FwNode*> cages;  // SFP cages (net/sfp/sfp.h)
  // PSE controllers (a node with "#pse-cells" and a compatible), tree order;
  // the entry is null for a compatible the catalog does not know.
  std::vector<std::pair<const core::FwNode*, const PseControllerInfo*>> pses;
  dt::NodeSet claimed;
  // Every node a MAC driver may make a netdev for (mac_port_nodes() of each
  // MAC, known or default): whatever a run does, no other node ever has one.
  dt::NodeSet netdev_nodes;
};

NodeScan scan_nodes(const core::FwTree& tree) {
  NodeScan s;
  for (const auto& up : tree.nodes()) {
    const core::FwNode* n = up.get();
    if (!n->is_enabled()) continue;
    if (dt::is_pse_controller(*n) && !n->compatible().empty()) {
      // pse-pd drivers (net/pse/): the catalog's, or the default model.
      const PseControllerInfo* info = nullptr;
      for (const std::string& c : n->compatible())
        if (!info) info = find_pse_controller(c);
      s.pses.emplace_back(n, info);
      s.claimed.insert(n);
    } else if (const MdioControllerInfo* m = mdio_info_for(*n)) {
      s.mdios.push_back(m);
      s.claimed.insert(n);
    } else if (dt::is_sfp_cage(*n)) {
      s.cages.push_back(n);
      s.claimed.insert(n);
    } else if (const MacInfo* m = mac_info_for(*n)) {
      s.macs.push_back(m);
      s.claimed.insert(n);
    } else if (n->is_compatible("renesas,rzn1-miic")) {
      s.miics.push_back(n);
      s.claimed.insert(n);
    } else if (const DsaSwitchInfo* d = dsa_info_for(*n)) {
      // Its user ports are its netdevs (dsa_user_create()).
      s.switches.push_back(d);
      s.claimed.insert(n);
      for (const core::FwNode* p : dt::dsa_ports(*n))
        if (!p->has_property("ethernet") && !p->has_property("link")) s.netdev_nodes.insert(p);
    } else if (dt::is_dsa_switch(*n) && n->has_property("compatible") &&
               default_switch_bus(*n) != nullptr) {
      // A DSA-shaped node (ports, a CPU port with an "ethernet" phandle)
      // whose compatible no catalog entry has: the default switch model.
      s.default_switches.push_back(n);
      s.claimed.insert(n);
      for (const core::FwNode* p : dt::dsa_ports(*n))
        if (!p->has_property("ethernet") && !p->has_property("link")) s.netdev_nodes.insert(p);
    }
  }
  // MACs the catalog does not know: a default, unless a known MAC or a DSA
  // switch already drives the node.
  for (const auto& up : tree.nodes()) {
    const core::FwNode* n = up.get();
    if (!n->is_enabled() || !(dt::is_mac(*n) || is_switchdev_shaped(*n)) || s.claimed.count(n) ||
        dt::is_dsa_port(*n))
      continue;
    bool under_known = false;
    for (const core::FwNode* p = n->parent; p; p = p->parent)
      if (s.claimed.count(p) || dt::is_dsa_switch(*p)) under_known = true;
    if (under_known || !n->has_property("compatible")) continue;
    s.default_macs.push_back(n);
    s.claimed.insert(n);
  }
  // MDIO controllers the catalog does not know: the nodes that get a device
  // and that nothing above claims.
  {
    dt::NodeSet known = s.claimed;
    for (const dt::DeviceNode& dn :
         dt::device_nodes(tree, [&known](const core::FwNode& n) { return known.count(&n) != 0; })) {
      const core::FwNode* n = dn.node;
      if (s.claimed.count(n) || !default_mdio_candidate(*n)) continue;
      const char* bus = node_bus_string(dn.bus);
      if (!bus) continue;
      s.default_mdios.emplace_back(n, bus);
      s.claimed.insert(n);
    }
  }
  for (const auto& up : tree.nodes()) {
    core::FwNode* n = up.get();
    if (!s.claimed.count(n)) continue;
    const MacInfo* info = mac_info_for(*n);
    MacInfo fallback{};
    if (!info && !mdio_info_for(*n)) {
      set_default_shape(fallback, *n);
      info = &fallback;
    }
    // fsl-mc objects have no fwnode (dt/fsl_mc.h): the netdevs of DPAA2
    // belong to the DPNIs the model's DPL connects to DPMACs, and are named
    // by their DPMAC's node.
    if (info && info->bus == "fsl-mc") {
      for (const core::FwNode* p = n->parent; p; p = p->parent)
        if (p->is_compatible("fsl,qoriq-mc")) {
          for (const core::FwNode* m : dt::fsl_mc_connected_dpmacs(*p))
            if (m == n) s.netdev_nodes.insert(n);
          break;
        }
    } else if (info) {
      for (const core::FwNode* port : mac_port_nodes(*info, n)) s.netdev_nodes.insert(port);
    }
  }
  return s;
}

// Catalog entries grouped into drivers: one driver per (bus, driver name),
// as the kernel has one struct platform_driver for every compatible it
// serves; a second driver of the same name would be refused by
// driver_register(). Groups and entries keep first-seen order.
template <class Info>
std::vector<std::vector<const Info*>> group_by_driver(const std::vector<const Info*>& found) {
  std::vector<std::vector<const Info*>> groups;
  for (const Info* info : found) {
    std::vector<const Info*>* group = nullptr;
    for (auto& g : groups)
      if (g.front()->driver == info->driver && g.front()->bus == info->bus) group = &g;
    if (!group) group = &groups.emplace_back();
    if (std::find(group->begin(), group->end(), info) == group->end()) group->push_back(info);
  }
  return groups;
}

}  // namespace

System* System::current_or_null() { return tl_system; }

std::string no_netdev_reason(const core::FwTree& tree, const core::FwNode& node) {
  std::shared_ptr<const NodeScan> scan =
      dt::tree_memo<NodeScan>(tree, "net.node_scan", [&] { return scan_nodes(tree); });
  if (scan->netdev_nodes.count(&node)) return "";
  for (const core::FwNode* p = &node; p; p = p->parent)
    if (!p->is_enabled())
      return p == &node ? "the node is disabled" : "its parent " + p->full_path + " is disabled";
  if (dt::is_dsa_port(node) && scan->claimed.count(node.parent->parent))
    return node.has_property("ethernet") ? "it is a CPU port of a DSA switch (no netdev: its "
                                           "conduit is the MAC its \"ethernet\" phandle names)"
                                         : "it is a DSA (cross-chip) port of a switch (no netdev)";
  if (dt::is_dsa_port(node))
    return "the driver of this DSA switch is not modelled yet (the switch binds a generic driver, "
           "which makes no netdev for its ports)";
  std::string compat =
      node.compatible().empty() ? "" : " (compatible \"" + node.compatible().front() + "\")";
  if (const MacInfo* info = scan->claimed.count(&node) ? mac_info_for(node) : nullptr) {
    std::string drv = " (" + std::string(info->driver) +
                      (node.compatible().empty() ? "" : ", \"" + node.compatible().front() + "\"") +
                      ")";
    if (info->bus == "fsl-mc")
      return "no DPNI is connected to this DPMAC: the model's DPL connects one to each DPMAC "
             "whose node the board configures (phy-handle, sfp, fixed-link, managed or a phy "
             "mode)";
    return "the driver of this node" + drv + " is not modelled as making a netdev for it" +
           (info->shape == NetdevShape::kPerPort ? " (its netdevs are its enabled ports)" : "");
  }
  if (dt::is_mac(node) || scan->claimed.count(&node))
    return "the driver of this node" + compat + " is not modelled as a MAC driver that makes one";
  for (const core::FwNode* p = node.parent; p; p = p->parent)
    if (scan->claimed.count(p) && mac_info_for(*p))
      return "the driver of its MAC " + p->full_path + " makes no netdev for this child";
  return "the driver of this node" + compat +
         " is not modelled as a network device (it is no MAC "
         "or port of one)";
}

core::Module* System::find_module(std::string_view name) const {
  std::string want = normalize(name);
  for (core::Module* m : modules)
    if (normalize(m->name()) == want) return m;
  return nullptr;
}

std::vector<std::string> System::module_names() const {
  std::vector<std::string> names;
  for (core::Module* m : modules) names.push_back(m->name());
  return names;
}

System* system_create(core::FwTree& tree, const SystemOptions& options) {
  LL_FUNC();
  core::kernel_create(options.config.core);
  Net* net = net_create(options.config);
  auto* sys = sim::kzalloc<System>();
  tl_system = sys;
  sys->tree = &tree;
  sys->options = options;

  // Which nodes are the network layer's.
  // Catalog entries in tree order (never pointer order: the drivers are
  // created from these lists, and their order must not depend on where the
  // allocator put the nodes).
  std::shared_ptr<const NodeScan> scan =
      dt::tree_memo<NodeScan>(tree, "net.node_scan", [&] { return scan_nodes(tree); });
  std::vector<const MacInfo*> macs = scan->macs;
  std::vector<const MdioControllerInfo*> mdios = scan->mdios;
  for (const auto& [n, bus] : scan->default_mdios) mdios.push_back(default_mdio(sys, *n, bus));
  for (const core::FwNode* n : scan->default_macs) macs.push_back(default_mac(sys, *n));

  dt::BoardBootOptions bopts;
  bopts.claimed = [scan](const core::FwNode& n) { return scan->claimed.count(&n) != 0; };
  // Board facts are keyed by what travels with the board: its root
  // compatible, not the name of the file it was read from.
  std::vector<std::string> board =
      tree.root() ? tree.root()->compatible() : std::vector<std::string>{};
  bopts.extra_pci_ids =
      [board](const core::FwNode& n) -> std::optional<std::pair<uint16_t, uint16_t>> {
    if (const BoardPciId* id = find_board_pci_id(board, n.full_path))
      return parse_pci_compat(id->pci_id);
    return std::nullopt;
  };
  sys->board = dt::prepare_board_boot(tree, sys->plan, bopts);
  dt::DtBuses& buses = *sys->board->buses;

  // phylib, and the PHY drivers by module.
  core::Module* libphy = phy_init();
  std::map<std::string, core::Module*> phy_modules = phy_driver_modules_create();
  for (const BoardPhyId& id : board_phy_ids())
    if (core::FwNode* n = tree.find_by_path(id.node_path))
      if (find_board_phy_id(board, id.node_path) == &id) net->phy_ids[n] = id.phy_id;
  for (const auto& [path, id] : options.phy_ids)
    if (core::FwNode* n = tree.find_by_path(path)) net->phy_ids[n] = id;
  for (const auto& [path, name] : options.mac_facts)
    if (core::FwNode* n = tree.find_by_path(path))
      if (const MacFactsVariant* v = find_mac_facts(name)) net->mac_facts[n] = v;

  // MAC and MDIO controller drivers, one module per catalog module name.
  MacBuses mac_buses;
  mac_buses.platform = buses.platform;
  // design (port-device): the bus of the MACs' per-port devices.
  if (auto port_bus = phy_loss_ops().mac_port_bus_register) mac_buses.port = port_bus();
  std::map<std::string, std::vector<core::Driver*>> drivers_by_module;
  auto make_dt_driver = [&](const auto& infos) {
    auto* drv = sim::kzalloc<dt::DtDriver>(std::string(infos.front()->driver));
    drv->bus = bus_named(infos.front()->bus, buses);
    for (const auto* info : infos)
      if (auto ids = parse_pci_compat(info->compatible))
        drv->pci_ids.push_back(dt::PciDeviceId{ids->first, ids->second, 0, 0});
    drivers_by_module[std::string(infos.front()->module)].push_back(drv);
    return drv;
  };
  for (const auto& infos : group_by_driver(mdios))
    mdio_controller_driver_setup(make_dt_driver(infos), infos);
  for (const auto& infos : group_by_driver(macs))
    if (infos.front()->bus == "fsl-mc")
      // DPAA2: the netdevs belong to DPNI objects (net/dpaa2/).
      dpaa2_eth_driver_setup(make_dt_driver(infos), infos.front());
    else
      mac_driver_setup(make_dt_driver(infos), infos, mac_buses);
  // DSA switch drivers (net/dsa/); design (port-device): the bus of the
  // user ports' own devices.
  core::Bus* dsa_port_bus = nullptr;
  if (!scan->switches.empty() || !scan->default_switches.empty())
    if (auto port_bus = phy_loss_ops().dsa_port_bus_register) dsa_port_bus = port_bus();
  std::vector<const DsaSwitchInfo*> switches = scan->switches;
  for (const core::FwNode* n : scan->default_switches) switches.push_back(default_switch(sys, *n));
  for (const auto& infos : group_by_driver(switches)) {
    auto* drv = sim::kzalloc<dt::DtDriver>(std::string(infos.front()->driver));
    std::string_view bus = infos.front()->bus;
    drv->bus =
        bus == "mdio" ? net->mdio_bus_type : (bus == "spi" ? buses.spi : bus_named(bus, buses));
    for (const DsaSwitchInfo* info : infos)
      if (auto ids = parse_pci_compat(info->pci_id))
        drv->pci_ids.push_back(dt::PciDeviceId{ids->first, ids->second, 0, 0});
    dsa_switch_driver_setup(drv, infos, dsa_port_bus);
    drivers_by_module[std::string(infos.front()->module)].push_back(drv);
  }
  // PCS providers with a driver of their own: the RZ/N1 MIIC
  // (drivers/net/pcs/pcs-rzn1-miic.c, module pcs_rzn1_miic).
  if (!scan->miics.empty()) {
    auto* drv = sim::kzalloc<dt::DtDriver>("rzn1-miic");
    drv->bus = buses.platform;
    miic_driver_setup(drv);
    drivers_by_module["pcs_rzn1_miic"].push_back(drv);
  }
  // The SFP cage driver (CONFIG_SFP=m: module "sfp").
  if (!scan->cages.empty()) {
    auto* drv = sim::kzalloc<dt::DtDriver>("sfp");
    drv->bus = buses.platform;
    sfp_driver_setup(drv);
    drivers_by_module["sfp"].push_back(drv);
  }
  // PSE controller drivers (net/pse/), one per (bus, driver name). Their
  // modules come before the MDIO, MAC and DSA ones: drivers/net/Makefile
  // links pse-pd/ before mdio/, dsa/ and ethernet/.
  std::map<std::string, std::vector<core::Driver*>> pse_drivers_by_module;
  std::vector<const PseControllerInfo*> pses;
  for (const auto& [n, known] : scan->pses) {
    const PseControllerInfo* info = known;
    if (!info) {
      sys->strings.push_back(n->compatible().front());
      std::string_view c = sys->strings.back();
      sys->strings.push_back(dt::generic_driver_name(c));
      bool on_i2c = n->parent && (dt::bus_role(*n->parent) == dt::BusRole::kI2cAdapter ||
                                  dt::bus_role(*n->parent) == dt::BusRole::kI2cMux);
      sys->default_pse_infos.push_back(default_pse_controller(*n, c, sys->strings.back(), on_i2c));
      info = &sys->default_pse_infos.back();
      sys->default_pse_controllers.push_back(n->full_path + " (" + std::string(c) + ")");
      sim::note(
          fmt::format("{}: PSE controller \"{}\" is not in the catalog: lifeline's default "
                      "PSE controller model (driver \"{}\" on the {} bus)",
                      n->full_path, c, info->driver, info->bus));
    }
    pses.push_back(info);
  }
  for (const auto& infos : group_by_driver(pses)) {
    auto* drv = sim::kzalloc<dt::DtDriver>(std::string(infos.front()->driver));
    drv->bus = infos.front()->bus == "i2c" ? buses.i2c : buses.platform;
    pse_controller_driver_setup(drv, infos);
    pse_drivers_by_module[std::string(infos.front()->module)].push_back(drv);
  }
  // Note the PHYs lifeline cannot identify.
  for (const auto& up : tree.nodes()) {
    const core::FwNode* n = up.get();
    if (!n->is_enabled() || !n->parent || !dt::is_mdio_bus(*n->parent)) continue;
    if (!n->has_property("reg") || net->phy_ids.count(n)) continue;
    bool dt_id = false;
    for (const std::string& c : n->compatible()) dt_id |= c.rfind("ethernet-phy-id", 0) == 0;
    if (dt_id ||
        (n->has_property("compatible") && !n->is_compatible("ethernet-phy-ieee802.3-c22") &&
         !n->is_compatible("ethernet-phy-ieee802.3-c45")))
      continue;
    // A property only one PHY family's binding has names the family.
    const PhyVendorProperty* vendor = nullptr;
    for (const PhyVendorProperty& v : phy_vendor_properties())
      if (!vendor && n->has_property(v.property)) vendor = &v;
    if (vendor) {
      net->phy_ids[n] = vendor->phy_id;
      sim::note(fmt::format("{}: PHY ID 0x{:08x} ({}) assumed from its property {}", n->full_path,
                            vendor->phy_id, vendor->family, vendor->property));
      continue;
    }
    sys->unknown_phys.push_back(n->full_path);
  }

  // Every module, in initcall order: the bus cores' and generic drivers
  // first (they sit at lower initcall levels), then libphy's users.
  std::vector<core::Module*> all = sys->board->generic.modules;
  for (auto& [name, mod] : phy_modules) all.push_back(mod);
  // PSE controller modules first: drivers/net/Makefile links pse-pd/
  // before mdio/, dsa/ and ethernet/.
  for (auto& [name, drivers] : pse_drivers_by_module)
    all.push_back(pse_module_create(name, drivers));
  // MDIO controller drivers link before MAC drivers: drivers/net/Makefile
  // has mdio/ and pcs/ before ethernet/, and ethernet/freescale/Makefile
  // xgmac_mdio.o before dpaa2/ (a built-in MAC that attaches its PHY at
  // probe finds it registered).
  std::set<std::string> mdio_modules;
  for (const MdioControllerInfo* m : mdios) mdio_modules.insert(std::string(m->module));
  for (bool mdio_pass : {true, false})
    for (auto& [name, drivers] : drivers_by_module)
      if (mdio_modules.count(name) == static_cast<size_t>(mdio_pass))
        all.push_back(core::module_create_drivers(name, drivers));
  dt::plan_modules(all, options.profile, sys->plan);
  sys->modules = all;
  sys->modules.push_back(libphy);
  (void)net;
  return sys;
}

void system_boot(System* sys) {
  LL_FUNC();
  core::kernel_boot(sys->plan);
}

}  // namespace lifeline::net
