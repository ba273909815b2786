// SPDX-License-Identifier: GPL-2.0-only
// The switch and its ports: net/dsa/dsa.c (dsa_register_switch(),
// dsa_switch_parse_ports_of(), dsa_port_parse_of(), dsa_tree_setup() and
// its teardown), net/dsa/port.c (shared ports on phylink) and
// net/dsa/conduit.c (dsa_conduit_setup()'s device link) of Linux v6.12.
#include "lifeline/net/dsa/dsa.h"

#include <fmt/format.h>

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::net {

namespace {

using sim::note;

// The switches registered in the running execution; dsa_init() (from
// net_create()) empties it for each new one.
thread_local std::vector<DsaSwitch*> tl_switches;
// Part of every snapshot of an execution (sim/snapshot.h).
const sim::ThreadRoot kSwitchesRoot([]() -> void* { return &tl_switches; }, sizeof(tl_switches),
                                    [] { std::vector<DsaSwitch*>().swap(tl_switches); });

core::FwNode* ports_node(const core::FwNode* dn) {
  if (core::FwNode* p = dn->child_by_name("ports")) return p;
  return dn->child_by_name("ethernet-ports");
}

// dsa_port_parse_of() leaves the mode NA when of_get_phy_mode() fails.
phy_interface_t port_interface(const core::FwNode* dn) {
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;
  of_get_phy_mode(dn, &interface);
  return interface;
}

// of_find_net_device_by_node(): a registered netdev whose dev.of_node is `np`.
NetDevice* of_find_net_device_by_node(const core::FwNode* np) {
  for (NetDevice* d : Net::current().netdevs)
    if (d->reg_state == NetregState::NETREG_REGISTERED && d->of_node == np) return d;
  return nullptr;
}

// dsa_port_parse_of()
int dsa_port_parse_of(DsaPort* dp, core::FwNode* dn) {
  dp->dn = dn;
  dp->interface = port_interface(dn);
  if (auto ph = dn->read_u32("ethernet")) {
    core::FwNode* ethernet = dn->tree ? dn->tree->find_by_phandle(*ph) : nullptr;
    rtnl_lock();
    NetDevice* conduit = ethernet ? of_find_net_device_by_node(ethernet) : nullptr;
    rtnl_unlock();
    if (!conduit) {
      note(fmt::format("{}: port {}: conduit {} has no netdev yet, deferring", dp->ds->dev->name(),
                       dp->index, ethernet ? ethernet->full_path : std::string("?")));
      return -EPROBE_DEFER;
    }
    // dsa_port_parse_cpu(): the tagging driver is builtin in lifeline's
    // kernel, so -ENOPROTOOPT (mapped to -EPROBE_DEFER) never happens.
    dp->conduit = conduit;
    dp->type = DsaPortType::DSA_PORT_TYPE_CPU;
    return 0;
  }
  if (dn->has_property("link")) {
    dp->type = DsaPortType::DSA_PORT_TYPE_DSA;  // dsa_port_parse_dsa()
    return 0;
  }
  // dsa_port_parse_user()
  dp->type = DsaPortType::DSA_PORT_TYPE_USER;
  dp->label = dn->read_string("label").value_or("");
  return 0;
}

void dsa_switch_free_ports(DsaSwitch* ds) {
  for (DsaPort* dp : ds->ports) sim::kfree(dp);
  ds->ports.clear();
}

// dsa_switch_parse_ports_of(), then dsa_switch_parse_member_of().
int dsa_switch_parse_of(DsaSwitch* ds) {
  core::FwNode* dn = ds->dev->fwnode;
  core::FwNode* ports = dn ? ports_node(dn) : nullptr;
  if (!ports) {
    note(ds->dev->name() + ": no ports child node found");
    return -EINVAL;
  }
  std::vector<uint32_t> member = dn->read_u32_array("dsa,member");
  ds->index = member.size() > 1 ? static_cast<int>(member[1]) : 0;
  for (core::FwNode* port : ports->available_children()) {
    std::optional<uint32_t> reg = port->read_u32("reg");
    if (!reg) {
      dsa_switch_free_ports(ds);
      return -EINVAL;
    }
    auto* dp = sim::kzalloc<DsaPort>();
    dp->ds = ds;
    dp->index = static_cast<int>(*reg);
    dp->set_name(fmt::format("{} port {}", ds->dev->name(), dp->index));
    ds->ports.push_back(dp);
    int err = dsa_port_parse_of(dp, port);
    if (err) {
      dsa_switch_free_ports(ds);
      return err;
    }
  }
  return 0;
}

// dsa_tree_setup_cpu_ports(): each user port goes through the first CPU
// port of its switch (no bundled switch driver has
// preferred_default_local_cpu_port).
void dsa_tree_setup_cpu_ports(DsaSwitch* ds) {
  DsaPort* cpu = nullptr;
  for (DsaPort* dp : ds->ports)
    if (!cpu && dp->type == DsaPortType::DSA_PORT_TYPE_CPU) cpu = dp;
  for (DsaPort* dp : ds->ports)
    if (dp->type == DsaPortType::DSA_PORT_TYPE_USER) dp->cpu_dp = cpu;
}

// dsa_switch_setup(): ds->ops->setup, then the user MII bus DSA makes for a
// driver with phy_read and no bus of its own ("dsa-%d.%d").
int dsa_switch_setup(DsaSwitch* ds) {
  LL_FUNC();
  if (ds->setup) return 0;
  int err = ds->ops && ds->ops->setup ? ds->ops->setup(ds) : 0;
  if (err < 0) return err;
  if (!ds->user_mii_bus && ds->ops && ds->ops->phy_read) {
    MiiBus* bus = mdiobus_alloc();
    bus->id = fmt::format("dsa-{}.{}", ds->dst->index, ds->index);  // dsa_user_mii_bus_init()
    bus->parent_dev = ds->dev;
    bus->owner = ds->dev->driver ? ds->dev->driver->owner : nullptr;
    err = mdiobus_register(bus);
    if (!err && ds->ops->scan_user_mii_bus) err = ds->ops->scan_user_mii_bus(ds, bus);
    if (err < 0) {
      if (bus->state == MdiobusState::MDIOBUS_REGISTERED) mdiobus_unregister(bus);
      mdiobus_free(bus);
      if (ds->ops->teardown) ds->ops->teardown(ds);
      return err;
    }
    ds->user_mii_bus = bus;
    ds->user_mii_bus_is_dsa = true;
  }
  ds->setup = true;
  return 0;
}

void dsa_switch_teardown(DsaSwitch* ds) {
  LL_FUNC();
  if (!ds->setup) return;
  if (ds->user_mii_bus && ds->user_mii_bus_is_dsa) {
    mdiobus_unregister(ds->user_mii_bus);
    mdiobus_free(ds->user_mii_bus);
    ds->user_mii_bus = nullptr;
    ds->user_mii_bus_is_dsa = false;
  }
  if (ds->ops && ds->ops->teardown) ds->ops->teardown(ds);
  ds->setup = false;
}

// Whether a shared port's node describes its link (of_phy_is_fixed_link(),
// a phy-handle, "managed"): dsa_shared_port_link_register_of() registers
// phylink only then.
bool has_link_description(const core::FwNode* dn) {
  return dn->child_by_name("fixed-link") || dn->has_property("fixed-link") ||
         fwnode_get_phy_node(dn) || dn->has_property("managed");
}

// dsa_shared_port_link_register_of() + dsa_port_enable(): a CPU or DSA
// port's phylink is PHYLINK_DEV (no netdev), its PHY connected (-ENODEV
// tolerated) and started at probe.
int dsa_shared_port_setup(DsaPort* dp) {
  LL_FUNC();
  DsaSwitch* ds = dp->ds;
  if (!has_link_description(dp->dn)) {
    note(fmt::format("{}: skipping link registration for {} port {}", ds->dev->name(),
                     dsa_port_type_name(dp->type), dp->index));
    return 0;
  }
  PhylinkMacOps mac_ops;
  mac_ops.mac_link_up = [dp](int speed, Duplex duplex) {
    note(fmt::format("{}: mac_link_up {}", dp->name(), speed_duplex_string(speed, duplex)));
  };
  auto r = phylink_create(nullptr, ds->dev, dp->dn, dp->interface, mac_ops);
  if (!r.ok()) return r.err;
  dp->pl = r.value;
  int err = phylink_fwnode_phy_connect(dp->pl, dp->dn, 0);
  if (err && err != -ENODEV) {
    phylink_destroy(dp->pl);
    dp->pl = nullptr;
    return err;
  }
  rtnl_lock();
  phylink_start(dp->pl);
  rtnl_unlock();
  return 0;
}

void dsa_shared_port_teardown(DsaPort* dp) {
  if (!dp->pl) return;
  rtnl_lock();
  phylink_stop(dp->pl);  // dsa_port_disable()
  phylink_disconnect_phy(dp->pl);
  rtnl_unlock();
  phylink_destroy(dp->pl);
  dp->pl = nullptr;
}

// A user port's own device (phy-loss=port-device).
struct DsaPortDevice : core::Device {
  DsaPortDevice() : core::Device("dsa_port_device") {}
  DsaPort* dp = nullptr;
};

// dsa_port_setup()
int dsa_port_setup(DsaPort* dp) {
  LL_FUNC();
  if (dp->setup) return 0;
  DsaSwitch* ds = dp->ds;
  int err = 0;
  switch (dp->type) {
    case DsaPortType::DSA_PORT_TYPE_UNUSED:
      break;
    case DsaPortType::DSA_PORT_TYPE_CPU:
    case DsaPortType::DSA_PORT_TYPE_DSA:
      err = dsa_shared_port_setup(dp);
      break;
    case DsaPortType::DSA_PORT_TYPE_USER:
      if (ds->port_bus) {
        // design (port-device): the port's device owns its netdev; the
        // driver core probes it (and retries it after -EPROBE_DEFER), so a
        // port whose PHY is missing waits instead of being lost.
        auto* pd = sim::kzalloc<DsaPortDevice>();
        core::device_initialize(pd);
        core::dev_set_name(pd, fmt::format("{}:port{}", ds->dev->name(), dp->index));
        pd->bus = ds->port_bus;
        pd->parent = ds->dev;
        pd->fwnode = nullptr;
        pd->dp = dp;
        pd->release = [](core::Device* d) { sim::kfree(d); };
        dp->port_dev = pd;
        core::device_add(pd);
      } else {
        err = dsa_user_create(dp, ds->dev);
      }
      break;
  }
  if (err) return err;
  dp->setup = true;
  return 0;
}

void dsa_port_teardown(DsaPort* dp) {
  LL_FUNC();
  if (!dp->setup) return;
  switch (dp->type) {
    case DsaPortType::DSA_PORT_TYPE_UNUSED:
      break;
    case DsaPortType::DSA_PORT_TYPE_CPU:
    case DsaPortType::DSA_PORT_TYPE_DSA:
      dsa_shared_port_teardown(dp);
      break;
    case DsaPortType::DSA_PORT_TYPE_USER:
      if (dp->port_dev) {
        core::device_unregister(dp->port_dev);
        dp->port_dev = nullptr;
      } else if (dp->user) {
        dsa_user_destroy(dp->user);
        dp->user = nullptr;
      }
      break;
  }
  dp->setup = false;
}

// dsa_tree_teardown_ports(): user and unused ports first, then shared ones.
void dsa_tree_teardown_ports(DsaSwitch* ds) {
  for (DsaPort* dp : ds->ports)
    if (dp->type == DsaPortType::DSA_PORT_TYPE_USER ||
        dp->type == DsaPortType::DSA_PORT_TYPE_UNUSED)
      dsa_port_teardown(dp);
  for (DsaPort* dp : ds->ports)
    if (dp->type == DsaPortType::DSA_PORT_TYPE_CPU || dp->type == DsaPortType::DSA_PORT_TYPE_DSA)
      dsa_port_teardown(dp);
}

// dsa_tree_setup_ports(): shared ports first, any error fatal; a user
// port whose setup fails is set up again as unused (dsa_port_setup_as_unused()),
// for any error, -EPROBE_DEFER included: the port is lost until the switch
// probes again.
int dsa_tree_setup_ports(DsaSwitch* ds) {
  int err = 0;
  for (DsaPort* dp : ds->ports) {
    if (dp->type != DsaPortType::DSA_PORT_TYPE_CPU && dp->type != DsaPortType::DSA_PORT_TYPE_DSA)
      continue;
    err = dsa_port_setup(dp);
    if (err) {
      dsa_tree_teardown_ports(ds);
      return err;
    }
  }
  for (DsaPort* dp : ds->ports) {
    if (dp->type != DsaPortType::DSA_PORT_TYPE_USER &&
        dp->type != DsaPortType::DSA_PORT_TYPE_UNUSED)
      continue;
    err = dsa_port_setup(dp);
    if (err) {
      note(fmt::format(
          "{}: {} ({}) set up as unused after {}: the port is lost until the "
          "switch probes again",
          ds->dev->name(), dp->name(), dp->label.empty() ? "-" : dp->label, core::errno_name(err)));
      dp->type = DsaPortType::DSA_PORT_TYPE_UNUSED;
      dp->lost = true;
      err = dsa_port_setup(dp);
      if (err) {
        dsa_tree_teardown_ports(ds);
        return err;
      }
    }
  }
  return 0;
}

// dsa_tree_setup_conduit() -> dsa_conduit_setup(): the switch becomes a
// consumer of the conduit's parent through a managed device link
// (DL_FLAG_AUTOREMOVE_CONSUMER): unbinding the conduit's driver unbinds the
// switch first, and the link goes with the switch's driver, so binding the
// conduit again does not probe the switch again.
void dsa_tree_setup_conduit(DsaSwitch* ds) {
  for (DsaPort* dp : ds->ports) {
    if (dp->type != DsaPortType::DSA_PORT_TYPE_CPU || !dp->conduit) continue;
    core::Device* parent = dp->conduit->parent;
    if (!parent) continue;
    if (!core::device_link_add(ds->dev, parent, core::DL_FLAG_AUTOREMOVE_CONSUMER))
      note(fmt::format("{}: Failed to create a device link to DSA switch {}", dp->conduit->name(),
                       ds->dev->name()));
  }
}

}  // namespace

const char* dsa_port_type_name(DsaPortType t) {
  switch (t) {
    case DsaPortType::DSA_PORT_TYPE_UNUSED:
      return "unused";
    case DsaPortType::DSA_PORT_TYPE_CPU:
      return "cpu";
    case DsaPortType::DSA_PORT_TYPE_DSA:
      return "dsa";
    case DsaPortType::DSA_PORT_TYPE_USER:
      return "user";
  }
  return "?";
}

int dsa_register_switch(DsaSwitch* ds) {
  LL_FUNC();
  int err = dsa_switch_parse_of(ds);
  if (err) return err;
  std::vector<uint32_t> member = ds->dev->fwnode->read_u32_array("dsa,member");
  auto* dst = sim::kzalloc<DsaSwitchTree>();
  dst->index = member.empty() ? 0 : static_cast<int>(member[0]);
  dst->switches.push_back(ds);
  ds->dst = dst;
  // A port with a "link" phandle names another switch of the tree: the
  // kernel would wait for it (dsa_tree_setup() runs in the probe of the
  // tree's last switch); lifeline sets each switch up alone.
  for (DsaPort* dp : ds->ports)
    if (dp->type == DsaPortType::DSA_PORT_TYPE_DSA) {
      note(
          fmt::format("{}: port {} links to another switch: multi-switch trees are not "
                      "modelled, the switch is set up alone (no routing table)",
                      ds->dev->name(), dp->index));
      break;
    }
  // dsa_tree_setup(): the tree is complete (one switch per tree).
  dsa_tree_setup_cpu_ports(ds);
  err = dsa_switch_setup(ds);
  if (!err) err = dsa_tree_setup_ports(ds);
  if (err) {
    dsa_switch_teardown(ds);
    dsa_switch_free_ports(ds);
    sim::kfree(dst);
    ds->dst = nullptr;
    return err;
  }
  dsa_tree_setup_conduit(ds);
  dst->setup = true;
  tl_switches.push_back(ds);
  return 0;
}

void dsa_unregister_switch(DsaSwitch* ds) {
  LL_FUNC();
  if (!ds->dst) return;
  dsa_tree_teardown_ports(ds);
  dsa_switch_teardown(ds);
  dsa_switch_free_ports(ds);
  sim::kfree(ds->dst);
  ds->dst = nullptr;
  tl_switches.erase(std::remove(tl_switches.begin(), tl_switches.end(), ds), tl_switches.end());
}

namespace {

// dsa_user_netdevice_event(), NETDEV_GOING_DOWN: a conduit going down
// closes every user port that goes through it (dev_close_many()), under the
// rtnl its dev_close() holds. Other events are not modelled.
int dsa_user_netdevice_event(unsigned long event, void* ptr) {
  if (event != NETDEV_GOING_DOWN) return core::NOTIFY_DONE;
  auto* dev = static_cast<NetDevice*>(ptr);
  // netdev_uses_dsa(): the conduit of a CPU port (dev->dsa_ptr).
  DsaPort* cpu_dp = nullptr;
  for (DsaSwitch* ds : tl_switches)
    for (DsaPort* dp : ds->ports)
      if (dp->type == DsaPortType::DSA_PORT_TYPE_CPU && dp->conduit == dev) cpu_dp = dp;
  if (!cpu_dp) return core::NOTIFY_DONE;
  std::vector<NetDevice*> close_list;
  for (DsaSwitch* ds : cpu_dp->ds->dst->switches)
    for (DsaPort* dp : ds->ports)
      if (dp->type == DsaPortType::DSA_PORT_TYPE_USER && dp->cpu_dp == cpu_dp && dp->user)
        close_list.push_back(dp->user);
  for (NetDevice* user : close_list) dev_close(user);
  return core::NOTIFY_OK;
}

// dsa_user_nb, registered by dsa_init_module().
thread_local core::NotifierBlock tl_dsa_user_nb;
// Part of every snapshot of an execution (sim/snapshot.h).
const sim::ThreadRoot kUserNbRoot([]() -> void* { return &tl_dsa_user_nb; }, sizeof(tl_dsa_user_nb),
                                  [] { tl_dsa_user_nb = core::NotifierBlock{}; });

}  // namespace

void dsa_init() {
  tl_switches.clear();
  tl_dsa_user_nb = core::NotifierBlock{dsa_user_netdevice_event, 0, "dsa_user_nb"};
  register_netdevice_notifier(&tl_dsa_user_nb);
}

std::vector<DsaSwitch*> dsa_switches() {
  return Net::current_or_null() ? tl_switches : std::vector<DsaSwitch*>{};
}

core::Bus* dsa_port_bus_register() {
  core::Bus* bus = sim::kzalloc<core::Bus>("dsa_port");
  bus->match = [](core::Device*, core::Driver*) { return 1; };
  core::bus_register(bus);
  auto* drv = sim::kzalloc<core::Driver>("dsa-port");
  drv->bus = bus;
  drv->probe = [](core::Device* d) {
    auto* pd = static_cast<DsaPortDevice*>(d);
    return dsa_user_create(pd->dp, pd);
  };
  drv->remove = [](core::Device* d) {
    auto* pd = static_cast<DsaPortDevice*>(d);
    if (pd->dp->user) dsa_user_destroy(pd->dp->user);
    pd->dp->user = nullptr;
  };
  core::driver_register(drv);
  return bus;
}

}  // namespace lifeline::net
