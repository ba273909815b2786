// SPDX-License-Identifier: GPL-2.0-only
// After drivers/regulator/core.c (_regulator_get(), _regulator_get_common(),
// _regulator_put(), _regulator_enable(), _regulator_disable()) and
// drivers/regulator/devres.c (devm_regulator_get_exclusive(),
// devm_regulator_put(), devm_regulator_register()).
#include "lifeline/net/pse/regulator.h"

#include "lifeline/core/device.h"
#include "lifeline/core/devres.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

std::vector<RegulatorDev*>& regulators() { return pse_state().regulators; }

RegulatorDev* lookup_by_node(const core::FwNode* np) {
  for (RegulatorDev* r : regulators())
    if (r->of_node == np) return r;
  return nullptr;
}

// A supply node whose driver lifeline does not model (regulator-fixed binds a
// generic driver, dt/generic_drivers.h): its regulator_dev is the one that
// driver's probe registered (reg_fixed_voltage_probe()), made here when a
// consumer first asks for it, once that driver is bound.
RegulatorDev* fixed_regulator_of(const core::FwNode* np) {
  if (!np->dev || !core::device_is_bound(np->dev)) return nullptr;
  RegulatorDesc desc;
  desc.name = np->read_string("regulator-name").value_or(std::string(np->base_name()));
  desc.owner = np->dev->driver ? np->dev->driver->owner : nullptr;
  RegulatorDev* rdev = regulator_register(np->dev, desc, nullptr, np);
  rdev->hw_enabled =
      np->has_property("regulator-boot-on") || np->has_property("regulator-always-on");
  return rdev;
}

// regulator_dev_lookup(): "<supply>-supply" in the consumer's node first,
// then a regulator of that name.
RegulatorDev* regulator_dev_lookup(core::Device* dev, const std::string& supply, int* err) {
  if (dev && dev->fwnode && dev->fwnode->has_property(supply + "-supply")) {
    const core::FwNode* np = core::parse_phandle(dev->fwnode, supply + "-supply");
    if (!np) {
      *err = -ENODEV;
      return nullptr;
    }
    if (RegulatorDev* r = lookup_by_node(np)) return r;
    if (RegulatorDev* r = fixed_regulator_of(np)) return r;
    *err = -EPROBE_DEFER;  // of_get_regulator() found the node, nobody registered it yet
    return nullptr;
  }
  for (RegulatorDev* r : regulators())
    if (r->desc.name == supply) return r;
  *err = -ENODEV;
  return nullptr;
}

int rdev_is_enabled(RegulatorDev* rdev) {
  if (rdev->desc.ops && rdev->desc.ops->is_enabled) return rdev->desc.ops->is_enabled(rdev);
  return rdev->hw_enabled ? 1 : 0;
}

}  // namespace

RegulatorDev* regulator_register(core::Device* dev, const RegulatorDesc& desc, void* driver_data,
                                 const core::FwNode* of_node) {
  auto* rdev = sim::kzalloc<RegulatorDev>(desc.name);
  rdev->desc = desc;
  rdev->dev = dev;
  rdev->reg_data = driver_data;
  rdev->of_node = of_node;
  regulators().push_back(rdev);
  return rdev;
}

RegulatorDev* devm_regulator_register(core::Device* dev, const RegulatorDesc& desc,
                                      void* driver_data) {
  RegulatorDev* rdev = regulator_register(dev, desc, driver_data);
  core::devm_add_action_key(dev, "devm_rdev_release " + desc.name, rdev,
                            [rdev] { regulator_unregister(rdev); });
  return rdev;
}

void regulator_unregister(RegulatorDev* rdev) {
  sim::check_access(rdev, "regulator_unregister");
  sim::warn_on(rdev->open_count != 0, "WARNING: regulator_unregister: " + rdev->desc.name +
                                          " still has " + std::to_string(rdev->open_count) +
                                          " consumer(s) (WARN_ON(rdev->open_count))");
  std::erase(regulators(), rdev);
  sim::kfree(rdev);
}

Regulator* regulator_get_exclusive(core::Device* dev, const std::string& id, int* err) {
  int e = 0;
  RegulatorDev* rdev = regulator_dev_lookup(dev, id, &e);
  if (!rdev) {
    *err = e;  // no dummy supplies for exclusive requests
    return nullptr;
  }
  if (rdev->exclusive || rdev->open_count) {
    *err = -EBUSY;
    return nullptr;
  }
  if (!core::try_module_get(rdev->desc.owner)) {
    *err = -EPROBE_DEFER;
    return nullptr;
  }
  auto* regulator =
      sim::kzalloc<Regulator>(rdev->desc.name + " (" + (dev ? dev->name() : "") + ")");
  regulator->rdev = rdev;
  regulator->dev = dev;
  regulator->supply_name = id;
  ++rdev->open_count;
  rdev->exclusive = true;
  // An exclusive consumer starts with the use count the hardware shows.
  int on = rdev_is_enabled(rdev);
  rdev->use_count = on > 0 ? 1 : 0;
  regulator->enable_count = rdev->use_count;
  *err = 0;
  return regulator;
}

Regulator* devm_regulator_get_exclusive(core::Device* dev, const std::string& id, int* err) {
  Regulator* regulator = regulator_get_exclusive(dev, id, err);
  if (!regulator) return nullptr;
  core::devm_add_action_key(dev, "devm_regulator_release " + id, regulator,
                            [regulator] { regulator_put(regulator); });
  return regulator;
}

void regulator_put(Regulator* regulator) {
  if (!regulator) return;
  // _regulator_put() -> destroy_regulator(), module_put(rdev->owner).
  RegulatorDev* rdev = sim::Ptr<Regulator>(regulator).at("regulator->rdev")->rdev.get();
  sim::check_access(rdev, "rdev->open_count");
  --rdev->open_count;
  rdev->exclusive = false;
  core::module_put(rdev->desc.owner);
  sim::kfree(regulator);
}

void devm_regulator_put(Regulator* regulator) {
  core::Device* dev = sim::Ptr<Regulator>(regulator).at("regulator->dev")->dev;
  int rc = core::devres_release(dev, regulator);
  sim::warn_on(rc != 0, "WARNING: drivers/regulator/devres.c: devm_regulator_put: WARN_ON(rc): " +
                            std::string(core::errno_name(rc)) + ": " + (dev ? dev->name() : "") +
                            " no longer holds the regulator handle " + regulator->name());
}

int regulator_enable(Regulator* regulator) {
  RegulatorDev* rdev = sim::Ptr<Regulator>(regulator).at("regulator->rdev")->rdev.get();
  sim::check_access(rdev, "rdev->use_count");
  if (rdev->use_count == 0) {
    int ret = rdev->desc.ops && rdev->desc.ops->enable ? rdev->desc.ops->enable(rdev) : 0;
    if (ret) return ret;
    if (!rdev->desc.ops) rdev->hw_enabled = true;
  }
  ++rdev->use_count;
  ++regulator->enable_count;
  return 0;
}

int regulator_disable(Regulator* regulator) {
  RegulatorDev* rdev = sim::Ptr<Regulator>(regulator).at("regulator->rdev")->rdev.get();
  sim::check_access(rdev, "rdev->use_count");
  if (rdev->use_count <= 0) {
    sim::warn("WARNING: _regulator_disable: unbalanced disables for " + rdev->desc.name);
    return -EIO;
  }
  if (rdev->use_count == 1) {
    int ret = rdev->desc.ops && rdev->desc.ops->disable ? rdev->desc.ops->disable(rdev) : 0;
    if (ret) return ret;
    if (!rdev->desc.ops) rdev->hw_enabled = false;
  }
  --rdev->use_count;
  --regulator->enable_count;
  return 0;
}

int regulator_is_enabled(Regulator* regulator) {
  RegulatorDev* rdev = sim::Ptr<Regulator>(regulator).at("regulator->rdev")->rdev.get();
  sim::check_access(rdev, "rdev->desc->ops->is_enabled");
  return rdev_is_enabled(rdev);
}

std::vector<RegulatorDev*> regulator_list() { return regulators(); }

}  // namespace lifeline::net
