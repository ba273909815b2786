// SPDX-License-Identifier: GPL-2.0-only
// Modules: references block rmmod, not unbind.
#include "lifeline/core/module.h"

#include <gtest/gtest.h>

#include "lifeline/core/sysfs.h"
#include "lifeline/core/test_rig.h"

namespace lifeline::core {
namespace {

using testing::Rig;

TEST(Module, RmmodRefusedWhileAReferenceIsHeldButSysfsUnbindIsNot) {
  Rig rig;
  FwNode* n = rig.node("ethernet-phy@1", "acme,phy");
  Driver* drv = rig.driver("acme-phy", "acme,phy");
  Module* mod = rig.module("acme_phy", drv);
  Device* dev = nullptr;
  int rmmod_held = 0, unbind = 1, rmmod_free = 1;
  rig.run([&] {
    dev = rig.device(n);
    device_add(dev);
    ASSERT_EQ(load_module(mod), 0);
    ASSERT_EQ(dev->driver, drv);
    ASSERT_TRUE(try_module_get(mod));  // phy_attach_direct()'s reference
    rmmod_held = delete_module(mod);
    unbind = sysfs_unbind(drv, dev);
    module_put(mod);
    rmmod_free = delete_module(mod);
  });
  EXPECT_EQ(rmmod_held, -EWOULDBLOCK);
  EXPECT_EQ(unbind, 0);
  EXPECT_EQ(dev->driver, nullptr);
  EXPECT_EQ(rmmod_free, 0);
  EXPECT_EQ(mod->state, ModuleState::MODULE_STATE_UNFORMED);
}

TEST(Module, RmmodUnbindsEveryDeviceOfItsDrivers) {
  Rig rig;
  Driver* drv = rig.driver("acme-phy", "acme,phy");
  Module* mod = rig.module("acme_phy", drv);
  std::vector<Device*> devs;
  rig.run([&] {
    for (int i = 0; i < 3; ++i) {
      Device* d = rig.device(rig.node("ethernet-phy@" + std::to_string(i), "acme,phy"));
      device_add(d);
      devs.push_back(d);
    }
    load_module(mod);
    rig.log.clear();
    EXPECT_EQ(delete_module(mod), 0);
    EXPECT_FALSE(try_module_get(mod));  // gone
  });
  for (Device* d : devs) EXPECT_EQ(d->driver, nullptr);
  // driver_detach() starts with the most recently bound device.
  EXPECT_EQ(rig.log, (std::vector<std::string>{"remove acme-phy ethernet-phy@2",
                                               "remove acme-phy ethernet-phy@1",
                                               "remove acme-phy ethernet-phy@0"}));
}

TEST(Module, BuiltinCannotBeRemovedAndDependenciesLoadFirst) {
  Rig rig;
  Module* libphy = module_create("libphy", [](Module*) { return 0; });
  Module* marvell = module_create("marvell", [](Module*) { return 0; });
  marvell->depends_on.push_back(libphy);
  Module* core = module_create("core", [](Module*) { return 0; });
  core->builtin = true;
  rig.run([&] {
    EXPECT_EQ(load_module(marvell), 0);
    EXPECT_EQ(libphy->state, ModuleState::MODULE_STATE_LIVE);
    EXPECT_EQ(delete_module(libphy), -EWOULDBLOCK);  // marvell uses it
    EXPECT_EQ(delete_module(marvell), 0);
    EXPECT_EQ(delete_module(libphy), 0);
    load_module(core);
    EXPECT_EQ(delete_module(core), -EPERM);
    EXPECT_EQ(delete_module(marvell), -ENOENT);
  });
}

TEST(Module, SuppressBindAttrsHidesTheSysfsFiles) {
  Rig rig;
  FwNode* n = rig.node("switch@0", "acme,switch");
  Driver* drv = rig.driver("switch", "acme,switch");
  drv->suppress_bind_attrs = true;
  Device* dev = nullptr;
  rig.run([&] {
    driver_register(drv);
    dev = rig.device(n);
    device_add(dev);
    EXPECT_EQ(sysfs_unbind(drv, dev), -ENOENT);
  });
  EXPECT_EQ(dev->driver, drv);
}

TEST(Sysfs, BindErrors) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "acme,widget");
  Driver* drv = rig.driver("widget", "acme,widget");
  Driver* other = rig.driver("other", "acme,other");
  rig.run([&] {
    driver_register(other);
    Device* dev = rig.device(n);
    device_add(dev);
    EXPECT_EQ(sysfs_bind(other, dev), -ENODEV);  // does not match
    EXPECT_EQ(sysfs_unbind(drv, dev), -ENODEV);  // not bound to it
    driver_register(drv);
    EXPECT_EQ(sysfs_bind(drv, dev), -EBUSY);     // bound already
  });
}

}  // namespace
}  // namespace lifeline::core
