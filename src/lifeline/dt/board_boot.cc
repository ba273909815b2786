// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/board_boot.h"

#include <algorithm>
#include <unordered_map>

#include "lifeline/dt/module_names.h"
#include "lifeline/dt/populate.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {

const char* module_mode_name(ModuleMode::Kind kind) {
  switch (kind) {
    case ModuleMode::Kind::kBuiltin:
      return "builtin";
    case ModuleMode::Kind::kLate:
      return "late";
    case ModuleMode::Kind::kAbsent:
      return "absent";
  }
  return "?";
}

void check_profile(const ModuleProfile& profile, const std::vector<std::string>& module_names) {
  std::unordered_map<std::string, std::string> spelled;  // key -> the profile's spelling
  for (const auto& entry : profile.modes) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const std::string& name = entry.first;
    bool exists = std::any_of(module_names.begin(), module_names.end(),
                              [&](const std::string& m) { return module_names_equal(m, name); });
    if (!exists)
      throw sim::UserError(profile.source, 0, 0,
                           "unknown module '" + name + "' in the boot profile" +
                               sim::did_you_mean(name, module_names));
    if (auto [it, fresh] = spelled.emplace(module_name_key(name), name); !fresh)
      throw sim::UserError(
          profile.source, 0, 0,
          "the boot profile names module '" + name + "' twice (also as '" + it->second + "')");
  }
}

void plan_modules(const std::vector<core::Module*>& modules, const ModuleProfile& profile,
                  core::BootPlan& plan) {
  std::vector<std::string> names;
  names.reserve(modules.size());
  for (const core::Module* m : modules) names.push_back(m->name());
  check_profile(profile, names);
  std::unordered_map<std::string, ModuleMode> modes;  // by module_name_key()
  for (const auto& [name, mode] : profile.modes) modes[module_name_key(name)] = mode;
  std::vector<core::ModuleLoad> late;
  for (core::Module* m : modules) {
    auto it = modes.find(module_name_key(m->name()));
    ModuleMode mode = it == modes.end() ? ModuleMode::builtin() : it->second;
    switch (mode.kind) {
      case ModuleMode::Kind::kBuiltin:
        plan.builtin.push_back(m);
        break;
      case ModuleMode::Kind::kLate:
        late.push_back(core::ModuleLoad{m, mode.at});
        break;
      case ModuleMode::Kind::kAbsent:
        break;
    }
  }
  std::stable_sort(
      late.begin(), late.end(),
      [](const core::ModuleLoad& a, const core::ModuleLoad& b) { return a.at < b.at; });
  plan.late.insert(plan.late.end(), late.begin(), late.end());
}

BoardBoot* prepare_board_boot(core::FwTree& tree, core::BootPlan& plan, BoardBootOptions options) {
  BoardBoot* bb = sim::kzalloc<BoardBoot>();
  bb->tree = &tree;
  bb->buses = register_dt_buses(std::move(options.extra_pci_ids));
  bb->generic = create_generic_drivers(tree, *bb->buses, options.claimed);
  plan.populate = [bb] { bb->populated = of_platform_default_populate(*bb->tree, *bb->buses); };
  return bb;
}

BoardBoot* board_boot_plan(core::FwTree& tree, const ModuleProfile& profile, core::BootPlan& plan,
                           BoardBootOptions options) {
  BoardBoot* bb = prepare_board_boot(tree, plan, std::move(options));
  plan_modules(bb->generic.modules, profile, plan);
  return bb;
}

}  // namespace lifeline::dt
