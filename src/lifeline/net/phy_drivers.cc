// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/phy_drivers.h"

#include <vector>

#include "lifeline/core/module.h"
#include "lifeline/net/catalog/phy_catalog.h"
#include "lifeline/net/net.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/object.h"

namespace lifeline::net {

namespace {

using ByModule = std::map<std::string, std::vector<const PhyDriverInfo*>>;

// The catalog's drivers by module, worked out once (the catalog is constant).
const ByModule& drivers_by_module() {
  static const ByModule by_module = [] {
    ByModule m;
    for (const PhyDriverInfo& info : phy_driver_catalog()) {
      if (info.phy_id == 0xffffffff) continue;  // the generic drivers live in libphy
      m[std::string(info.module)].push_back(&info);
    }
    return m;
  }();
  return by_module;
}

}  // namespace

std::map<std::string, core::Module*> phy_driver_modules_create() {
  std::map<std::string, core::Module*> modules;
  for (const auto& [name, infos] : drivers_by_module()) {
    const std::vector<const PhyDriverInfo*>* list = &infos;  // static: no copy per execution
    core::Module* mod = core::module_create(
        name,
        [list](core::Module* m) {
          for (const PhyDriverInfo* info : *list) {
            auto* drv = sim::kzalloc<PhyDriver>(std::string(info->name));
            drv->phy_id = info->phy_id;
            drv->phy_id_mask = info->phy_id_mask;
            drv->c45 = info->c45;
            drv->has_interrupt = info->has_interrupt;
            drv->sfp_upstream = info->sfp_upstream;
            drv->info = info;
            int top = info->speeds.empty() ? 1000 : info->speeds.front();
            drv->features = copper_modes_up_to(top);
            int err = phy_driver_register(drv, m);
            if (err) return err;
          }
          return 0;
        },
        [](core::Module* m) {
          for (PhyDriver* drv : std::vector<PhyDriver*>(Net::current().phy_drivers))
            if (drv->owner == m) phy_driver_unregister(drv);
        });
    mod->depends_on.push_back(Net::current().libphy);
    modules[name] = mod;
  }
  return modules;
}

}  // namespace lifeline::net
