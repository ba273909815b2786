// SPDX-License-Identifier: GPL-2.0-only
// struct device lifetime: memory outlives the driver binding; refcounting
// errors are findings.
#include "lifeline/core/device.h"

#include <gtest/gtest.h>

#include "lifeline/core/devres.h"
#include "lifeline/core/test_rig.h"

namespace lifeline::core {
namespace {

using testing::Rig;

TEST(Device, ReferenceHeldAfterUnbindKeepsMemoryUntilLastPut) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "acme,widget");
  Driver* drv = rig.driver("widget", "acme,widget");
  Device* dev = nullptr;
  bool freed_after_del = true, freed_after_last_put = false;
  rig.run([&] {
    driver_register(drv);
    dev = rig.device(n);
    device_add(dev);
    ASSERT_EQ(dev->driver, drv);
    get_device(dev);      // e.g. phy_attach_direct()'s reference
    device_unregister(dev);  // unbinds and drops the registration reference
    EXPECT_EQ(dev->driver, nullptr);
    freed_after_del = dev->freed();
    put_device(dev);
    freed_after_last_put = dev->freed();
  });
  EXPECT_FALSE(freed_after_del);
  EXPECT_TRUE(freed_after_last_put);
  EXPECT_EQ(rig.log, (std::vector<std::string>{"probe widget widget@0", "remove widget widget@0"}));
  EXPECT_TRUE(rig.engine.findings().empty()) << rig.findings();
}

TEST(Device, PutTooManyIsARefcountFinding) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "acme,widget");
  rig.run([&] {
    Device* dev = rig.device(n);
    device_add(dev);
    device_unregister(dev);
    put_device(dev);  // one too many
  });
  bool refcount = false;
  for (const sim::Finding& f : rig.engine.findings())
    if (f.kind == sim::FindingKind::kRefcount) refcount = true;
  EXPECT_TRUE(refcount) << rig.findings();
}

TEST(Device, AccessAfterReleaseIsAUseAfterFree) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "acme,widget");
  rig.run([&] {
    Device* dev = rig.device(n);
    device_add(dev);
    sim::Ptr<Device> stale = dev;
    device_unregister(dev);
    (void)stale.at("dev->driver")->driver;
  });
  ASSERT_EQ(rig.engine.findings().size(), 1u) << rig.findings();
  EXPECT_EQ(rig.engine.findings()[0].message,
            "BUG: KASAN: slab-use-after-free: dev->driver of freed device widget@0");
}

TEST(Device, MissingReleaseFunctionWarns) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "");
  rig.run([&] {
    Device* dev = rig.device(n);
    dev->release = nullptr;
    device_add(dev);
    device_unregister(dev);
  });
  ASSERT_EQ(rig.engine.findings().size(), 1u) << rig.findings();
  EXPECT_NE(rig.engine.findings()[0].message.find("does not have a release() function"),
            std::string::npos);
}

TEST(Devres, ReleasedInReverseOrderAfterRemove) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "acme,widget");
  std::vector<std::string> order;
  Driver* drv = rig.driver(
      "widget", "acme,widget",
      [&](Device* d) {
        devm_add_action(d, "first", [&] { order.push_back("release first"); });
        devm_add_action(d, "second", [&] { order.push_back("release second"); });
        return 0;
      },
      [&](Device*) { order.push_back("remove"); });
  rig.run([&] {
    driver_register(drv);
    Device* dev = rig.device(n);
    device_add(dev);
    device_release_driver(dev);
  });
  EXPECT_EQ(order, (std::vector<std::string>{"remove", "release second", "release first"}));
}

TEST(Devres, ReleasedWhenProbeFails) {
  Rig rig;
  FwNode* n = rig.node("widget@0", "acme,widget");
  bool released = false;
  Driver* drv = rig.driver("widget", "acme,widget", [&](Device* d) {
    devm_add_action(d, "res", [&] { released = true; });
    return -EIO;
  });
  Device* dev = nullptr;
  rig.run([&] {
    driver_register(drv);
    dev = rig.device(n);
    device_add(dev);
  });
  EXPECT_TRUE(released);
  EXPECT_EQ(dev->driver, nullptr);
  EXPECT_FALSE(device_is_deferred(dev));  // a hard error is not retried
}

}  // namespace
}  // namespace lifeline::core
