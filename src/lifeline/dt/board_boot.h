// SPDX-License-Identifier: GPL-2.0-only
// A board's boot, the device-tree part: the buses, the tree's devices for
// core's BootPlan.populate, and the generic drivers' modules placed by a
// boot profile (builtin, loaded late, or absent). Composable: the network
// layer adds its own modules to the same BootPlan, and may pass them through
// plan_modules() with the generic ones so one profile covers both.
//
// Typical use, inside a task of a fresh execution:
//   core::BootPlan plan;
//   BoardBoot* bb = prepare_board_boot(tree, plan, {.claimed = net_claims});
//   std::vector<core::Module*> mods = bb->generic.modules;  // + the network layer's
//   plan_modules(mods, profile, plan);
//   core::kernel_boot(plan);
#ifndef LIFELINE_DT_BOARD_BOOT_H_
#define LIFELINE_DT_BOARD_BOOT_H_

#include <map>
#include <string>
#include <vector>

#include "lifeline/core/boot.h"
#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/device_nodes.h"
#include "lifeline/dt/early_init.h"
#include "lifeline/dt/generic_drivers.h"
#include "lifeline/sim/object.h"
#include "lifeline/sim/time.h"

namespace lifeline::dt {

// How a module comes into the kernel.
struct ModuleMode {
  enum class Kind : uint8_t {
    kBuiltin,  // linked in: its drivers register at their initcall
    kLate,     // a module modprobe'd from the root file system at `at`
    kAbsent,   // never loaded: its devices wait, then fw_devlink gives up on them
  };
  Kind kind = Kind::kBuiltin;
  sim::Time at = 0;  // for kLate: virtual time of the modprobe

  static ModuleMode builtin() { return {}; }
  static ModuleMode late(sim::Time at) { return {Kind::kLate, at}; }
  static ModuleMode absent() { return {Kind::kAbsent, 0}; }
  bool operator==(const ModuleMode&) const = default;
};
const char* module_mode_name(ModuleMode::Kind kind);

// Module name -> mode; modules it does not name are builtin. Names compare
// as modprobe compares them ('-' and '_' equal).
struct ModuleProfile {
  std::map<std::string, ModuleMode> modes;
  std::string source;  // where the profile came from, for messages ("" if built in code)
};

// Throws sim::UserError for a profile name that matches none of
// `module_names` (with did-you-mean suggestions), or for two profile names
// that are the same module. For checking a profile before an execution
// (generic_driver_specs() gives the generic modules' names).
void check_profile(const ModuleProfile& profile, const std::vector<std::string>& module_names);

// Puts `modules` into plan.builtin (in the given order, which is initcall
// order) or plan.late (ordered by time, then by the given order) as
// `profile` says; absent modules go nowhere. Checks the profile first
// (check_profile() against the modules' names).
void plan_modules(const std::vector<core::Module*>& modules, const ModuleProfile& profile,
                  core::BootPlan& plan);

struct BoardBootOptions {
  ClaimedFn claimed;          // nodes the network layer drives; empty: none
  PciIdLookup extra_pci_ids;  // PCI functions without a "pciVVVV,DDDD" compatible
};

// What prepare_board_boot() made; an object of the execution.
struct BoardBoot : sim::Object {
  BoardBoot() : sim::Object("board_boot", "dt") {}
  core::FwTree* tree = nullptr;
  DtBuses* buses = nullptr;
  GenericDrivers generic;
  std::vector<core::Device*> populated;  // filled when plan.populate runs
};

// Registers the buses, creates the generic drivers (not loaded) and sets
// plan.populate to the tree's population (of_platform_default_populate()).
// Leaves plan.builtin and plan.late alone. Call from a task of a fresh
// execution (after kernel_create()); the tree boots once.
BoardBoot* prepare_board_boot(core::FwTree& tree, core::BootPlan& plan,
                              BoardBootOptions options = {});

// prepare_board_boot() and plan_modules() with the generic modules only.
BoardBoot* board_boot_plan(core::FwTree& tree, const ModuleProfile& profile, core::BootPlan& plan,
                           BoardBootOptions options = {});

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_BOARD_BOOT_H_
