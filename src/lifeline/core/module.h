// SPDX-License-Identifier: GPL-2.0-only
// Modules: own drivers; load = module_init (register drivers), unload =
// module_exit (unregister = unbind all). try_module_get()/module_put() only
// block rmmod; they do not keep a driver bound or a device alive.
#ifndef LIFELINE_CORE_MODULE_H_
#define LIFELINE_CORE_MODULE_H_

#include <functional>
#include <string>
#include <vector>

#include "lifeline/sim/object.h"

namespace lifeline::core {

class Driver;

enum class ModuleState : uint8_t {
  MODULE_STATE_UNFORMED,  // not loaded
  MODULE_STATE_COMING,    // module_init running
  MODULE_STATE_LIVE,
  MODULE_STATE_GOING,  // module_exit running
};
const char* module_state_name(ModuleState s);

class Module : public sim::Object {
 public:
  explicit Module(std::string name) : sim::Object("module", std::move(name)) {}

  bool builtin = false;   // linked into the kernel image: never unloaded
  bool available = true;  // present on the root file system (modprobe can find it)
  ModuleState state = ModuleState::MODULE_STATE_UNFORMED;
  int refcnt = 0;                     // references from try_module_get()
  std::vector<Module*> depends_on;    // modules whose symbols it uses
  std::function<int(Module*)> init;   // module_init(): registers drivers
  std::function<void(Module*)> exit;  // module_exit(): unregisters them
  int loads = 0;
  // For module_create_drivers(): what module_driver() registers.
  std::vector<Driver*> drivers;
};

// Creates a module known to the running kernel (not loaded yet).
Module* module_create(std::string name, std::function<int(Module*)> init,
                      std::function<void(Module*)> exit = nullptr);
// The common case (module_driver()): init registers `drivers` in order
// (stopping at the first error), exit unregisters the registered ones in
// reverse. Each driver's owner becomes the module.
Module* module_create_drivers(std::string name, std::vector<Driver*> drivers);
Module* find_module(std::string_view name);

// modprobe: loads dependencies first, then runs module_init. Loading a
// loaded module is a no-op returning 0.
int load_module(Module* mod);
// rmmod (delete_module()): -EPERM for builtin, -EWOULDBLOCK while another
// loaded module depends on it or while references are held ("in use"),
// -ENOENT when not loaded; otherwise module_exit runs and it is gone.
int delete_module(Module* mod);

bool try_module_get(Module* mod);  // nullptr (builtin code) always succeeds
void __module_get(Module* mod);
void module_put(Module* mod);
inline bool module_is_live(const Module* mod) {
  return !mod || mod->state == ModuleState::MODULE_STATE_LIVE;
}

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_MODULE_H_
