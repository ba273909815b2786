// SPDX-License-Identifier: GPL-2.0-only
// A small driver-core rig for tests: an engine, a kernel, a platform-like bus
// and helpers that build firmware nodes, devices and drivers in code.
#ifndef LIFELINE_CORE_TEST_RIG_H_
#define LIFELINE_CORE_TEST_RIG_H_

#include <functional>
#include <string>
#include <vector>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::core::testing {

class Rig {
 public:
  explicit Rig(CoreConfig config = {}, bool trace = false) {
    sim::EngineOptions o;
    o.record_trace = trace;
    engine.reset(o);
    kernel = kernel_create(config);
    platform = sim::kzalloc<Bus>("platform");
    bus_register(platform);
    tree.add_node(nullptr, "");
  }

  FwNode* node(const std::string& name, const std::string& compatible, FwNode* parent = nullptr) {
    FwNode* n = tree.add_node(parent ? parent : tree.root(), name);
    if (!compatible.empty()) FwTree::set_string(n, "compatible", compatible);
    return n;
  }
  // `consumer` names `supplier` in a supplier property, as dt/ would record.
  void fw_supplier(FwNode* consumer, FwNode* supplier, const std::string& prop = "clocks") {
    tree.link_add(consumer, supplier, prop);
  }

  // A platform-style device for `n` (not added yet); freed on release.
  Device* device(FwNode* n, Device* parent = nullptr) {
    Device* dev = sim::kzalloc<Device>();
    device_initialize(dev);
    dev_set_name(dev, n ? n->name : "dev");
    dev->fwnode = n;
    dev->bus = platform;
    dev->parent = parent;
    dev->release = [](Device* d) { sim::kfree(d); };
    return dev;
  }

  Driver* driver(const std::string& name, const std::string& compatible,
                 std::function<int(Device*)> probe = nullptr,
                 std::function<void(Device*)> remove = nullptr) {
    Driver* drv = sim::kzalloc<Driver>(name);
    drv->bus = platform;
    drv->of_match_table = {compatible};
    drv->probe = probe ? std::move(probe) : [this, name](Device* d) {
      log.push_back("probe " + name + " " + d->name());
      return 0;
    };
    drv->remove = remove ? std::move(remove) : [this, name](Device* d) {
      log.push_back("remove " + name + " " + d->name());
    };
    return drv;
  }

  // A module holding one driver.
  Module* module(const std::string& name, Driver* drv) {
    Module* m = module_create(
        name,
        [drv](Module* mod) {
          drv->owner = mod;
          return driver_register(drv);
        },
        [drv](Module*) { driver_unregister(drv); });
    return m;
  }

  // Runs `fn` as the essential task of the execution.
  sim::StopReason run(std::function<void()> fn, sim::Time until = sim::kForever) {
    engine.spawn("test", std::move(fn), true);
    return engine.run(until);
  }

  std::string findings() const { return sim::testing::all_findings(engine); }

  sim::Engine engine;
  FwTree tree;
  Kernel* kernel = nullptr;
  Bus* platform = nullptr;
  std::vector<std::string> log;
};

}  // namespace lifeline::core::testing

#endif  // LIFELINE_CORE_TEST_RIG_H_
