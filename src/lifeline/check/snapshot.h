// SPDX-License-Identifier: GPL-2.0-only
// A snapshot of the model's state at one instant, as plain data: what the
// reports print (devices, links, netdevs, PHYs, modules). Taking it does not
// change the model; it outlives the execution.
#ifndef LIFELINE_CHECK_SNAPSHOT_H_
#define LIFELINE_CHECK_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lifeline/sim/time.h"

namespace lifeline::check {

struct DeviceRow {
  std::string name;             // kernel device name
  std::string bus;              // "platform", "mdio_bus", "" for class devices
  std::string driver;           // bound driver, "" when none
  std::string state;            // "bound", "deferred", "unbound", "probing", "unbinding"
  std::string deferred_reason;  // as /sys/kernel/debug/devices_deferred shows it
  std::string fwnode;           // DT path, "" when none
  std::string parent;           // parent device name
  int probe_attempts = 0;
  int deferrals = 0;
  bool registered = true;
};

struct LinkRow {
  std::string supplier;  // "bus:name"
  std::string consumer;
  std::string flags;  // "AUTOPROBE_CONSUMER|MANAGED|INFERRED"
  std::string state;  // "active", "dormant", ... "none" for stateless
};

struct NetdevRow {
  std::string name;     // "eth0"
  std::string device;   // the device owning it (netdev->dev.parent)
  std::string of_node;  // the MAC or port node path
  bool registered = true;
  bool admin_up = false;
  bool carrier = false;
  std::string operstate;  // "up", "down", "lowerlayerdown"
  std::string link;       // "1000/full", "down"
  std::string phy;        // attached PHY device name, "" when none
  std::string an_mode;    // phylink: "phy", "fixed", "inband"; "" for plain phylib
  std::string pcs;        // "" when none
  std::string sfp;        // SFP cage, "" when none
};

struct PhyRow {
  std::string name;         // "stmmac-0:01"
  std::string node;         // DT path
  std::string id;           // "0x001cc916", or "unknown"
  std::string driver;       // bound driver, "" when none
  std::string state;        // phylib state: "DOWN", "READY", "RUNNING", ...
  std::string attached_to;  // netdev name, "" when none
  std::string link;         // "1000/full", "down"
  bool registered = true;
};

// A port of a DSA switch (net/dsa/dsa.h): ports are not devices.
struct DsaPortRow {
  std::string switch_device;   // ds->dev
  int index = 0;               // the port node's reg
  std::string type;            // "user", "cpu", "dsa", "unused"
  std::string label;           // "label", "" when none
  std::string netdev;          // a user port's netdev, "" when none
  std::string conduit;         // a CPU port's conduit netdev
  std::string phy;             // the PHY its phylink holds, "" when none
  bool lost = false;           // its setup failed: set up as unused
  bool default_model = false;  // the switch has no catalog entry (default model)
};

// An SFP cage (net/sfp/sfp.h): its driver's state machines, its bus and
// the upstream registered on it, and the module in it.
struct SfpCageRow {
  std::string cage;       // the cage's node path
  std::string device;     // its platform device, "" when none
  bool bound = false;     // the cage driver is bound
  bool disabled = false;  // status = "disabled": no device, no bus
  std::string bus;        // "registered", "unregistered", "" when no bus exists
  std::string upstream;   // the netdev (or PHY) upstream of the bus, "" when none
  std::string module;     // the profile in the cage, "" when empty
  std::string mod_state;  // "present", "waitdev", ... "" when unbound
  std::string dev_state;  // "detached", "down", "up"
  std::string sm_state;   // "down", "link_up", ...
  std::string phy;        // the module's PHY, "" when none
};

// An MDIO bus whose registration failed with -EPROBE_DEFER for a PSE
// controller (fwnode_mdio's coupling, pse=mainline; S8): the counts the
// model's driver core and fwnode_mdio kept (net/pse/probe_storm.cc).
struct ProbeStormRow {
  std::string bus;         // bus->id: "gpio-0"
  std::string device;      // the MDIO bus driver's device (bus->parent): "mdio"
  std::string node;        // the bus's DT path
  int probe_attempts = 0;  // really_probe() of that device
  uint64_t phys_created = 0;
  uint64_t phys_removed = 0;
  uint64_t pse_deferrals = 0;
};

// The counts when the first PSE controller module loaded, or (none has)
// as they are at the snapshot.
struct ProbeStorm {
  bool module_loaded = false;
  std::string module;  // the PSE module
  sim::Time at = 0;    // when it loaded
  // While none has loaded: the PSE module the boot loads late, and when.
  std::string pending_module;
  sim::Time pending_at = 0;
  std::vector<ProbeStormRow> buses;  // only those with a PSE deferral
};

struct ModuleRow {
  std::string name;
  std::string state;  // "live", "not loaded", ...
  bool builtin = false;
  int refcnt = 0;
};

struct Snapshot {
  sim::Time time = 0;
  std::vector<DeviceRow> devices;  // device_add() order
  std::vector<LinkRow> links;
  std::vector<NetdevRow> netdevs;  // allocation order; registered ones only
  std::vector<PhyRow> phys;
  std::vector<ModuleRow> modules;
  std::vector<DsaPortRow> dsa_ports;  // registered switches, port order
  // The nodes lifeline drives with a default model because no catalog
  // entry has their compatible (MDIO controllers, switchdev MACs), one line
  // each, as net::System records them.
  std::vector<std::string> default_models;
  std::vector<SfpCageRow> sfp_cages;  // cages in tree order
  ProbeStorm probe_storm;

  const NetdevRow* netdev(std::string_view name) const;
  const DeviceRow* device(std::string_view name) const;
};

// The running execution's model, now.
Snapshot take_snapshot();
// Its ProbeStorm (snapshot_pse.cc); every bus, or only those with a PSE
// deferral (the snapshot's).
ProbeStorm take_probe_storm(bool all_buses = false);

}  // namespace lifeline::check

#endif  // LIFELINE_CHECK_SNAPSHOT_H_
