// SPDX-License-Identifier: GPL-2.0-only
// The PSE side's state for one execution, kept with the network state
// (Net::pse): pse_core.c's pse_controller_list and pse_list_mutex, the
// regulator framework's regulator_list, and the counters the reports show.
#ifndef LIFELINE_NET_PSE_PSE_STATE_H_
#define LIFELINE_NET_PSE_PSE_STATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lifeline/core/notifier.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Device;
class Module;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

class MiiBus;
struct PseControllerDev;
struct RegulatorDev;

// What one MDIO bus went through (S8, the probe storm of fwnode_mdio's PSE
// coupling): how often phy_device_create() and phy_device_remove() ran for
// a PHY on it, and how many of its registrations failed with -EPROBE_DEFER
// for a PSE controller. A bus that fails is unregistered and freed, and its
// driver's probe makes a new one: the row is the bus's node's, kept across
// them. `dev` is the MDIO bus driver's device (bus->parent), whose
// really_probe() count the report reads.
struct MdioBusCounts {
  const core::FwNode* np = nullptr;
  const core::Device* dev = nullptr;
  std::string bus_id;  // "gpio-0"
  std::string dev_name;
  uint64_t phys_created = 0;
  uint64_t phys_removed = 0;
  uint64_t pse_deferrals = 0;
  int probe_attempts = 0;  // filled in when the counts are frozen
};

// The counts when the first PSE controller module was loaded (its
// module_init, before any of its drivers registered): what the coupling
// cost while the controller could not be there.
struct PseModuleLoad {
  std::string module;
  uint64_t at = 0;  // virtual time (sim::Time)
  std::vector<MdioBusCounts> buses;
};

struct PseState : sim::Object {
  PseState();
  sim::Mutex pse_list_mutex;
  std::vector<PseControllerDev*> pse_controller_list;  // list_add() puts new ones first
  std::vector<RegulatorDev*> regulators;
  // The notifier designs' lock when it is not rtnl (notifier-mutex,
  // notifier-narrow): the RFC's phy core serialises PSE attachment with it.
  sim::Mutex pse_phy_mutex;
  // Which lock the notifier design serialises with (net/designs/pse.h
  // PseLock), set by its phy_init hook.
  uint8_t notifier_lock = 0;
  core::NotifierBlock phy_nb;  // the phy core's block on the PSE chain
  // What fwnode_mdio's coupling costs (S8), per MDIO bus, in the order their buses were first
  // registered.
  std::vector<MdioBusCounts> mdio_buses;
  // The modules of PSE controller drivers (pse_module_create()).
  std::vector<const core::Module*> modules;
  // Set by the first PSE module's load (pse_module_loading()).
  std::optional<PseModuleLoad> first_module_load;
};

// The MDIO bus's counts (a new row the first time the bus's node registers
// a bus); phy_device_create()/remove() and fwnode_mdio count through it.
MdioBusCounts& mdio_bus_counts(const MiiBus* bus);
// module_init of a module with PSE controller drivers: freezes the counts
// (and each bus driver's probe attempts so far) the first time.
void pse_module_loading(const core::Module* mod);
// The counts as a report shows them: frozen at the first PSE module load,
// or, while none has loaded, as they are now (probe attempts read now).
// `loaded` says which.
std::vector<MdioBusCounts> probe_storm_counts(bool* loaded, std::string* module, uint64_t* at);

// Net::current()'s; created by net_create().
PseState& pse_state();
void pse_state_init();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_PSE_STATE_H_
