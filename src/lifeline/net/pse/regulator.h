// SPDX-License-Identifier: GPL-2.0-only
// The pieces of the regulator framework (drivers/regulator/core.c,
// devres.c) that the PSE drivers use: a regulator_dev per PSE PI and per
// supply, consumer handles (struct regulator) from an exclusive get,
// enable/disable with use counts, and the devres forms. A consumer handle is
// a model object: a handle put (kfree'd) by devres at unbind and used again
// is a use-after-free, and devm_regulator_put() of a handle devres no longer
// holds is the kernel's WARN_ON(rc) in drivers/regulator/devres.c.
#ifndef LIFELINE_NET_PSE_REGULATOR_H_
#define LIFELINE_NET_PSE_REGULATOR_H_

#include <string>
#include <vector>

#include "lifeline/sim/object.h"

namespace lifeline::core {
class Device;
class FwNode;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

struct RegulatorDev;

// struct regulator_ops, the part the PSE PIs and a fixed supply need.
struct RegulatorOps {
  int (*is_enabled)(RegulatorDev* rdev) = nullptr;
  int (*enable)(RegulatorDev* rdev) = nullptr;
  int (*disable)(RegulatorDev* rdev) = nullptr;
};

// struct regulator_desc, reduced.
struct RegulatorDesc {
  std::string name;
  int id = 0;
  const RegulatorOps* ops = nullptr;
  core::Module* owner = nullptr;
  std::string supply_name;  // init_data->supply_regulator ("vpwr" for a PSE PI)
};

// struct regulator_dev.
struct RegulatorDev : sim::Object {
  explicit RegulatorDev(std::string name) : sim::Object("regulator_dev", std::move(name)) {}
  RegulatorDesc desc;
  core::Device* dev = nullptr;            // rdev->dev.parent: the device that registered it
  const core::FwNode* of_node = nullptr;  // what "<id>-supply" phandles name
  void* reg_data = nullptr;               // rdev_get_drvdata()
  int use_count = 0;
  int open_count = 0;
  bool exclusive = false;
  bool hw_enabled =
      false;  // a supply without ops: what the hardware does (a fixed regulator's GPIO)
};

// struct regulator: one consumer's handle.
struct Regulator : sim::Object {
  explicit Regulator(std::string name) : sim::Object("regulator", std::move(name)) {}
  sim::Ptr<RegulatorDev> rdev;
  core::Device* dev = nullptr;  // the consumer device (devres is looked up on it)
  std::string supply_name;
  int enable_count = 0;
};

inline void* rdev_get_drvdata(RegulatorDev* rdev) { return rdev->reg_data; }
inline int rdev_get_id(const RegulatorDev* rdev) { return rdev->desc.id; }
inline const std::string& rdev_get_name(const RegulatorDev* rdev) { return rdev->desc.name; }

// regulator_register() / devm_regulator_register() (on `dev`) /
// regulator_unregister() (WARNs while a consumer still has it open).
RegulatorDev* regulator_register(core::Device* dev, const RegulatorDesc& desc, void* driver_data,
                                 const core::FwNode* of_node = nullptr);
RegulatorDev* devm_regulator_register(core::Device* dev, const RegulatorDesc& desc,
                                      void* driver_data);
void regulator_unregister(RegulatorDev* rdev);

// regulator_get_exclusive(): by "<id>-supply" of the consumer's node, else by
// regulator name. -EPROBE_DEFER (as *err) while the supply is not
// registered, -ENODEV without one (no dummy for exclusive gets), -EBUSY when
// another consumer has it open. nullptr on error.
Regulator* regulator_get_exclusive(core::Device* dev, const std::string& id, int* err);
// devm_regulator_get_exclusive(): the handle is a devres of `dev`.
Regulator* devm_regulator_get_exclusive(core::Device* dev, const std::string& id, int* err);
void regulator_put(Regulator* regulator);
// devm_regulator_put(): devres_release() on regulator->dev; WARN_ON when the
// resource is not there any more.
void devm_regulator_put(Regulator* regulator);

int regulator_enable(Regulator* regulator);
int regulator_disable(Regulator* regulator);
int regulator_is_enabled(Regulator* regulator);

// For snapshots and tests: the registered regulators, in registration order.
std::vector<RegulatorDev*> regulator_list();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_REGULATOR_H_
