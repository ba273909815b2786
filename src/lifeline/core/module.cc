// SPDX-License-Identifier: GPL-2.0-only
// Loading and unloading modules (kernel/module/main.c: load_module(),
// delete_module(), try_module_get()).
#include "lifeline/core/module.h"

#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/kernel.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::core {

namespace {
using sim::note;
using sim::note_lazy;
}  // namespace

const char* module_state_name(ModuleState s) {
  switch (s) {
    case ModuleState::MODULE_STATE_UNFORMED:
      return "not loaded";
    case ModuleState::MODULE_STATE_COMING:
      return "coming";
    case ModuleState::MODULE_STATE_LIVE:
      return "live";
    case ModuleState::MODULE_STATE_GOING:
      return "going";
  }
  return "?";
}

Module* module_create(std::string name, std::function<int(Module*)> init,
                      std::function<void(Module*)> exit) {
  Module* mod = sim::kzalloc<Module>(std::move(name));
  mod->init = std::move(init);
  mod->exit = std::move(exit);
  Kernel::current().modules.push_back(mod);
  return mod;
}

namespace {

int register_module_drivers(Module* mod) {
  for (Driver* d : mod->drivers) {
    d->owner = mod;
    if (int err = driver_register(d)) return err;
  }
  return 0;
}

void unregister_module_drivers(Module* mod) {
  for (auto it = mod->drivers.rbegin(); it != mod->drivers.rend(); ++it)
    if ((*it)->registered) driver_unregister(*it);
}

}  // namespace

Module* module_create_drivers(std::string name, std::vector<Driver*> drivers) {
  // Plain function pointers: no closure to allocate per module.
  Module* mod = module_create(std::move(name), register_module_drivers, unregister_module_drivers);
  mod->drivers = std::move(drivers);
  return mod;
}

Module* find_module(std::string_view name) {
  for (Module* m : Kernel::current().modules)
    if (m->name() == name) return m;
  return nullptr;
}

int load_module(Module* mod) {
  LL_FUNC();
  if (mod->state == ModuleState::MODULE_STATE_LIVE ||
      mod->state == ModuleState::MODULE_STATE_COMING)
    return 0;
  if (mod->state == ModuleState::MODULE_STATE_GOING) return -EBUSY;
  if (!mod->available) return -ENOENT;  // "modprobe: FATAL: Module not found"
  for (Module* dep : mod->depends_on) {
    int ret = load_module(dep);
    if (ret) return ret;
  }
  mod->state = ModuleState::MODULE_STATE_COMING;
  ++mod->loads;
  note_lazy([&] { return std::string(mod->builtin ? "initcall " : "modprobe ") + mod->name(); });
  int ret = mod->init ? mod->init(mod) : 0;
  if (ret) {
    note("module " + mod->name() + ": init failed: " + errno_name(ret));
    mod->state = ModuleState::MODULE_STATE_UNFORMED;
    return ret;
  }
  mod->state = ModuleState::MODULE_STATE_LIVE;
  sim::Engine::current().mark_progress();
  return 0;
}

int delete_module(Module* mod) {
  LL_FUNC();
  if (mod->builtin) return -EPERM;
  if (mod->state != ModuleState::MODULE_STATE_LIVE) return -ENOENT;
  // Another loaded module uses its symbols (mod->source_list).
  for (Module* other : Kernel::current().modules) {
    if (other->state == ModuleState::MODULE_STATE_UNFORMED) continue;
    for (Module* dep : other->depends_on)
      if (dep == mod) return -EWOULDBLOCK;
  }
  // try_stop_module(): references from try_module_get() keep it in.
  if (mod->refcnt > 0) return -EWOULDBLOCK;
  note("rmmod " + mod->name());
  mod->state = ModuleState::MODULE_STATE_GOING;
  if (mod->exit) mod->exit(mod);
  mod->state = ModuleState::MODULE_STATE_UNFORMED;
  return 0;
}

bool try_module_get(Module* mod) {
  if (!mod) return true;
  if (mod->state != ModuleState::MODULE_STATE_LIVE &&
      mod->state != ModuleState::MODULE_STATE_COMING)
    return false;
  ++mod->refcnt;
  return true;
}

void __module_get(Module* mod) {
  if (mod) ++mod->refcnt;
}

void module_put(Module* mod) {
  if (!mod) return;
  if (mod->refcnt <= 0) {
    sim::Engine::current().report(sim::FindingKind::kRefcount,
                                  "module_put: refcount underflow on module " + mod->name());
    return;
  }
  --mod->refcnt;
}

}  // namespace lifeline::core
