// SPDX-License-Identifier: GPL-2.0-only
// Deferred probe, probe=kernel versus probe=event, on a board built in code.
#include <gtest/gtest.h>

#include "lifeline/core/boot.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fw_devlink.h"
#include "lifeline/core/test_rig.h"

namespace lifeline::core {
namespace {

using testing::Rig;

// A consumer whose supplier's driver is a module loaded at 5 s, among
// `unrelated` devices whose drivers are modules loaded one after the other
// between 1 s and 4 s (udev working through the modules on the rootfs).
struct LateSupplierBoard {
  explicit LateSupplierBoard(ProbeAlgorithm algo, int unrelated) : rig(CoreConfig{algo}) {
    FwNode* sup = rig.node("clock-controller@1000", "acme,clk");
    FwNode* con = rig.node("ethernet@2000", "acme,mac");
    rig.fw_supplier(con, sup, "clocks");
    nodes.push_back(sup);
    nodes.push_back(con);
    plan.builtin.push_back(rig.module("mac", rig.driver("mac", "acme,mac")));
    plan.late.push_back({rig.module("clk", rig.driver("clk", "acme,clk")), sim::secs(5)});
    for (int i = 0; i < unrelated; ++i) {
      std::string compat = "acme,thing" + std::to_string(i);
      nodes.push_back(rig.node("thing@" + std::to_string(0x10000 + i), compat));
      sim::Time at = sim::secs(1) + sim::Time(i) * (sim::secs(3) / std::max(unrelated, 1));
      plan.late.push_back({rig.module("thing" + std::to_string(i), rig.driver("thing", compat)), at});
    }
    plan.populate = [this] {
      for (FwNode* n : nodes) {
        Device* d = rig.device(n);
        device_add(d);
        if (n->name == "ethernet@2000") consumer = d;
      }
    };
  }

  void boot() {
    rig.run([this] {
      kernel_boot(plan);
      sim::msleep(10'000);
    });
  }

  Rig rig;
  std::vector<FwNode*> nodes;
  BootPlan plan;
  Device* consumer = nullptr;
};

TEST(DeferredProbe, KernelRetriesTheConsumerOnEveryBindWhileItWaits) {
  int attempts_10 = 0, attempts_40 = 0;
  for (int unrelated : {10, 40}) {
    LateSupplierBoard b(ProbeAlgorithm::kKernel, unrelated);
    b.boot();
    ASSERT_NE(b.consumer->driver, nullptr) << "consumer never bound";
    (unrelated == 10 ? attempts_10 : attempts_40) = b.consumer->probe_attempts;
    RecordProperty("attempts_" + std::to_string(unrelated), b.consumer->probe_attempts);
    EXPECT_GE(b.consumer->probe_attempts, unrelated + 2) << "one retry per unrelated bind";
  }
  // Growth with the number of binds while it waits.
  EXPECT_GE(attempts_40 - attempts_10, 30);
}

TEST(DeferredProbe, EventProbesTheConsumerAtMostTwice) {
  LateSupplierBoard b(ProbeAlgorithm::kEvent, 50);
  b.boot();
  ASSERT_NE(b.consumer->driver, nullptr) << "consumer never bound";
  EXPECT_LE(b.consumer->probe_attempts, 2);
  EXPECT_EQ(b.consumer->deferral_reasons,
            (std::vector<std::string>{": supplier clock-controller@1000 not ready"}));
}

TEST(DeferredProbe, KernelWithFiftyUnrelatedBinds) {
  LateSupplierBoard b(ProbeAlgorithm::kKernel, 50);
  b.boot();
  ASSERT_NE(b.consumer->driver, nullptr);
  EXPECT_GE(b.consumer->probe_attempts, 52);
}

TEST(DeferredProbe, ConsumerWaitsForSupplierNodeWithoutDevice) {
  // fw_devlink: the supplier node exists, its device does not (yet).
  Rig rig;
  FwNode* sup = rig.node("regulator@0", "acme,reg");
  FwNode* con = rig.node("ethernet@2000", "acme,mac");
  rig.fw_supplier(con, sup, "phy-supply");
  Driver* mac = rig.driver("mac", "acme,mac");
  Driver* reg = rig.driver("reg", "acme,reg");
  Device* consumer = nullptr;
  std::string reason_before;
  rig.run([&] {
    driver_register(mac);
    driver_register(reg);
    deferred_probe_initcall();
    consumer = rig.device(con);
    device_add(consumer);
    reason_before = consumer->deferred_probe_reason;
    Device* s = rig.device(sup);
    device_add(s);  // links, binds, and the consumer is retried
    sim::msleep(10);
  });
  EXPECT_EQ(reason_before, ": wait for supplier /regulator@0");
  EXPECT_EQ(consumer->driver, mac);
  ASSERT_EQ(consumer->link_suppliers.size(), 1u);
  EXPECT_EQ(dl_flags_string(consumer->link_suppliers[0]->flags),
            "PM_RUNTIME|AUTOPROBE_CONSUMER|MANAGED|INFERRED");
  EXPECT_EQ(consumer->link_suppliers[0]->status, DlState::DL_STATE_ACTIVE);
}

TEST(DeferredProbe, FwDevlinkRelaxesCycles) {
  Rig rig;
  FwNode* a = rig.node("a@0", "acme,a");
  FwNode* b = rig.node("b@0", "acme,b");
  rig.fw_supplier(a, b, "clocks");
  rig.fw_supplier(b, a, "resets");
  Device *da = nullptr, *db = nullptr;
  rig.run([&] {
    driver_register(rig.driver("a", "acme,a"));
    driver_register(rig.driver("b", "acme,b"));
    deferred_probe_initcall();
    da = rig.device(a);
    device_add(da);
    db = rig.device(b);
    device_add(db);
    sim::msleep(10);
  });
  EXPECT_NE(da->driver, nullptr);
  EXPECT_NE(db->driver, nullptr);
}

TEST(DeferredProbe, InitializedSupplierWithoutDeviceDoesNotBlock) {
  // An interrupt controller set up early (IRQCHIP_DECLARE) never gets a device.
  Rig rig;
  FwNode* gic = rig.node("interrupt-controller@0", "arm,gic-400");
  FwNode* con = rig.node("ethernet@2000", "acme,mac");
  rig.fw_supplier(con, gic, "interrupts");
  fwnode_dev_initialized(gic, true);
  Device* consumer = nullptr;
  rig.run([&] {
    driver_register(rig.driver("mac", "acme,mac"));
    consumer = rig.device(con);
    device_add(consumer);
  });
  // fw_devlink_create_devlink() gives up on it (-EINVAL) and drops the
  // fwnode link, so the consumer binds with no device link.
  EXPECT_NE(consumer->driver, nullptr);
  EXPECT_TRUE(consumer->link_suppliers.empty());
  EXPECT_TRUE(con->suppliers.empty());
}

TEST(DeferredProbe, CheckStateAfterTimeout) {
  Rig rig;
  FwNode* n = rig.node("phy@0", "acme,phy");
  std::vector<int> seen;
  Driver* drv = rig.driver("phy", "acme,phy", [&](Device* d) {
    int r = driver_deferred_probe_check_state(d);
    seen.push_back(r);
    return r == -EPROBE_DEFER ? r : 0;  // the IRQ is optional: go on without it
  });
  Device* dev = nullptr;
  rig.run([&] {
    driver_register(drv);
    dev = rig.device(n);
    device_add(dev);
    deferred_probe_initcall();
    sim::msleep(11'000);
  });
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front(), -EPROBE_DEFER);
  EXPECT_EQ(seen.back(), -ETIMEDOUT);
  EXPECT_EQ(dev->driver, drv);
  EXPECT_EQ(rig.engine.now(), sim::secs(11));
}

TEST(DeferredProbe, RegisteringADriverExtendsTheTimeout) {
  Rig rig;
  FwNode* n = rig.node("phy@0", "acme,phy");
  sim::Time bound_at = 0;
  std::vector<int> seen;
  Driver* phy = rig.driver("phy", "acme,phy", [&](Device* d) {
    int r = driver_deferred_probe_check_state(d);
    seen.push_back(r);
    if (r == -EPROBE_DEFER) return r;
    bound_at = sim::now();
    return 0;
  });
  rig.run([&] {
    driver_register(phy);
    device_add(rig.device(n));
    deferred_probe_initcall();
    sim::msleep(6'000);
    driver_register(rig.driver("late", "acme,late"));  // re-arms the 10 s timeout
    sim::msleep(20'000);
  });
  EXPECT_EQ(bound_at, sim::secs(16));
}

TEST(DeferredProbe, DevicesDeferredListsReasons) {
  Rig rig(CoreConfig{ProbeAlgorithm::kKernel});
  FwNode* n = rig.node("switch@0", "acme,switch");
  Device* dev = nullptr;
  rig.run([&] {
    driver_register(rig.driver("switch", "acme,switch",
                               [](Device* d) { return dev_err_probe(d, -EPROBE_DEFER, "conduit not found"); }));
    dev = rig.device(n);
    device_add(dev);
  });
  EXPECT_TRUE(device_is_deferred(dev));
  EXPECT_EQ(dev->deferred_probe_reason, "switch: conduit not found");
  EXPECT_EQ(dev->probe_attempts, 1);
}

}  // namespace
}  // namespace lifeline::core
