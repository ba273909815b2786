// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/boot.h"

#include "lifeline/core/dd.h"
#include "lifeline/core/module.h"
#include "lifeline/sim/engine.h"

namespace lifeline::core {

void kernel_boot(const BootPlan& plan) {
  LL_FUNC();
  sim::Engine& e = sim::Engine::current();
  // arch_initcall_sync: of_platform_default_populate_init().
  if (plan.populate) plan.populate();
  // device_initcall: builtin drivers, in link order.
  for (Module* mod : plan.builtin) {
    mod->builtin = true;
    load_module(mod);
  }
  // late_initcall: deferred_probe_initcall().
  deferred_probe_initcall();
  // After the root file system is mounted, udev loads modules.
  for (const ModuleLoad& load : plan.late) {
    Module* mod = load.module;
    e.spawn_at(load.at, "modprobe " + mod->name(), [mod] { load_module(mod); }, false,
               /*background=*/true);
  }
}

}  // namespace lifeline::core
