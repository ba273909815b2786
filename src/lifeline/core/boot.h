// SPDX-License-Identifier: GPL-2.0-only
// Boot as the kernel does it: builtin drivers register during the initcalls
// (after the firmware's devices are created), the late_initcall enables
// deferred probing, and modules load later, once the root file system is
// mounted, at the virtual times a board's boot profile gives.
#ifndef LIFELINE_CORE_BOOT_H_
#define LIFELINE_CORE_BOOT_H_

#include <functional>
#include <vector>

#include "lifeline/sim/time.h"

namespace lifeline::core {

class Module;

struct ModuleLoad {
  Module* module;
  sim::Time at;  // virtual time of the modprobe
};

struct BootPlan {
  // arch_initcall_sync: create the firmware's devices (of_platform_populate).
  std::function<void()> populate;
  // Builtin modules in initcall order: their drivers register and probe now.
  std::vector<Module*> builtin;
  // Modules loaded from the root file system, each by its own modprobe task.
  std::vector<ModuleLoad> late;
};

// Runs the initcalls in the current task and schedules the late modprobes.
// Returns when the late_initcall has run (the modprobes run later).
void kernel_boot(const BootPlan& plan);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_BOOT_H_
