// SPDX-License-Identifier: GPL-2.0-only
// Device links: managed links order unbind consumers-first and re-probe with
// AUTOPROBE_CONSUMER; stateless links do nothing on unbind.
#include "lifeline/core/device_link.h"

#include <gtest/gtest.h>

#include "lifeline/core/sysfs.h"
#include "lifeline/core/test_rig.h"

namespace lifeline::core {
namespace {

using testing::Rig;

struct TwoDevices {
  Rig rig;
  FwNode* sup_node = rig.node("pcs@1000", "acme,pcs");
  FwNode* con_node = rig.node("ethernet@2000", "acme,mac");
  Driver* sup_drv = rig.driver("pcs", "acme,pcs");
  Driver* con_drv = rig.driver("mac", "acme,mac");
  Device* supplier = nullptr;
  Device* consumer = nullptr;
  void add_both() {
    driver_register(sup_drv);
    driver_register(con_drv);
    supplier = rig.device(sup_node);
    consumer = rig.device(con_node);
    device_add(supplier);
    device_add(consumer);
  }
};

TEST(DeviceLink, SupplierUnbindUnbindsConsumerFirstAndLinkEndsDormant) {
  TwoDevices t;
  DeviceLink* link = nullptr;
  DlState after_unbind = DlState::DL_STATE_NONE;
  t.rig.run([&] {
    t.add_both();
    link = device_link_add(t.consumer, t.supplier, 0);
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->status, DlState::DL_STATE_ACTIVE);
    t.rig.log.clear();
    EXPECT_EQ(sysfs_unbind(t.sup_drv, t.supplier), 0);
    after_unbind = link->status;
  });
  EXPECT_EQ(t.rig.log, (std::vector<std::string>{"remove mac ethernet@2000", "remove pcs pcs@1000"}));
  EXPECT_EQ(after_unbind, DlState::DL_STATE_DORMANT);
  EXPECT_EQ(t.consumer->driver, nullptr);
  EXPECT_TRUE(t.rig.engine.findings().empty()) << t.rig.findings();
}

TEST(DeviceLink, WithoutAutoprobeConsumerStaysUnboundAfterSupplierReturns) {
  TwoDevices t;
  t.rig.run([&] {
    t.add_both();
    device_link_add(t.consumer, t.supplier, 0);
    sysfs_unbind(t.sup_drv, t.supplier);
    EXPECT_EQ(sysfs_bind(t.sup_drv, t.supplier), 0);
    sim::msleep(100);
  });
  EXPECT_NE(t.supplier->driver, nullptr);
  EXPECT_EQ(t.consumer->driver, nullptr);
}

TEST(DeviceLink, AutoprobeConsumerBindsAgainWhenSupplierDoes) {
  TwoDevices t;
  DeviceLink* link = nullptr;
  t.rig.run([&] {
    deferred_probe_initcall();  // deferred probing enabled, as after boot
    t.add_both();
    link = device_link_add(t.consumer, t.supplier, DL_FLAG_AUTOPROBE_CONSUMER);
    ASSERT_NE(link, nullptr);
    sysfs_unbind(t.sup_drv, t.supplier);
    EXPECT_EQ(t.consumer->driver, nullptr);
    t.rig.log.clear();
    sysfs_bind(t.sup_drv, t.supplier);
    sim::msleep(100);  // the deferred probe work runs
  });
  EXPECT_EQ(t.rig.log, (std::vector<std::string>{"probe pcs pcs@1000", "probe mac ethernet@2000"}));
  EXPECT_EQ(t.consumer->driver, t.con_drv);
  EXPECT_EQ(link->status, DlState::DL_STATE_ACTIVE);
}

TEST(DeviceLink, StatelessLinkDoesNothingOnUnbind) {
  TwoDevices t;
  DeviceLink* link = nullptr;
  t.rig.run([&] {
    t.add_both();
    link = device_link_add(t.consumer, t.supplier, DL_FLAG_STATELESS | DL_FLAG_PM_RUNTIME);
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->status, DlState::DL_STATE_NONE);
    t.rig.log.clear();
    sysfs_unbind(t.sup_drv, t.supplier);
  });
  EXPECT_EQ(t.rig.log, (std::vector<std::string>{"remove pcs pcs@1000"}));
  EXPECT_EQ(t.consumer->driver, t.con_drv);
}

TEST(DeviceLink, AutoremoveConsumerDeletesLinkWhenConsumerUnbinds) {
  // drivers/net/pcs/pcs-rzn1-miic.c: miic_create() links the MAC to the MIIC.
  TwoDevices t;
  size_t links_after = 99;
  t.rig.run([&] {
    t.add_both();
    ASSERT_NE(device_link_add(t.consumer, t.supplier, DL_FLAG_AUTOREMOVE_CONSUMER), nullptr);
    sysfs_unbind(t.sup_drv, t.supplier);  // unbinds the consumer, which drops the link
    links_after = t.supplier->link_consumers.size();
  });
  EXPECT_EQ(links_after, 0u);
  EXPECT_EQ(t.consumer->driver, nullptr);
  EXPECT_TRUE(t.rig.engine.findings().empty()) << t.rig.findings();
}

TEST(DeviceLink, AutoremoveSupplierDeletesLinkWhenSupplierUnbinds) {
  TwoDevices t;
  size_t links_after = 99;
  t.rig.run([&] {
    t.add_both();
    ASSERT_NE(device_link_add(t.consumer, t.supplier, DL_FLAG_AUTOREMOVE_SUPPLIER), nullptr);
    sysfs_unbind(t.sup_drv, t.supplier);
    links_after = t.consumer->link_suppliers.size();
  });
  EXPECT_EQ(links_after, 0u);
}

TEST(DeviceLink, RefusesCyclesAndInvalidFlags) {
  TwoDevices t;
  t.rig.run([&] {
    t.add_both();
    EXPECT_NE(device_link_add(t.consumer, t.supplier, 0), nullptr);
    EXPECT_EQ(device_link_add(t.supplier, t.consumer, 0), nullptr);  // would be a cycle
    EXPECT_EQ(device_link_add(t.consumer, t.consumer, 0), nullptr);
    EXPECT_EQ(device_link_add(t.consumer, t.supplier, DL_FLAG_STATELESS | DL_FLAG_AUTOREMOVE_CONSUMER),
              nullptr);
    EXPECT_EQ(device_link_add(t.consumer, t.supplier,
                              DL_FLAG_AUTOPROBE_CONSUMER | DL_FLAG_AUTOREMOVE_CONSUMER),
              nullptr);
    EXPECT_EQ(device_link_add(t.consumer, t.supplier, DL_FLAG_MANAGED), nullptr);  // internal flag
  });
}

TEST(DeviceLink, ParentCannotBeConsumerOfItsChild) {
  Rig rig;
  FwNode* pn = rig.node("bus@0", "acme,bus");
  FwNode* cn = rig.node("dev@1", "acme,dev", pn);
  rig.run([&] {
    Device* parent = rig.device(pn);
    device_add(parent);
    Device* child = rig.device(cn, parent);
    device_add(child);
    EXPECT_EQ(device_link_add(parent, child, 0), nullptr);
    EXPECT_NE(device_link_add(child, parent, DL_FLAG_STATELESS), nullptr);
  });
}

TEST(DeviceLink, LinkAddedFromConsumerProbeWhileSupplierUnbound) {
  // The documented rule: the consumer must check and defer by itself.
  TwoDevices t;
  DlState state = DlState::DL_STATE_NONE;
  t.con_drv->probe = [&](Device* d) {
    DeviceLink* l = device_link_add(d, t.supplier, DL_FLAG_AUTOREMOVE_SUPPLIER);
    if (!l) return -EINVAL;
    state = l->status;
    if (t.supplier->link_status != DlDevState::DL_DEV_DRIVER_BOUND)
      return dev_err_probe_wait(d, t.supplier, "pcs not bound");
    return 0;
  };
  t.rig.run([&] {
    driver_register(t.con_drv);
    t.supplier = t.rig.device(t.sup_node);
    device_add(t.supplier);  // no driver yet
    t.consumer = t.rig.device(t.con_node);
    device_add(t.consumer);
  });
  EXPECT_EQ(state, DlState::DL_STATE_DORMANT);
  EXPECT_EQ(t.consumer->driver, nullptr);
  EXPECT_TRUE(device_is_deferred(t.consumer));
  EXPECT_EQ(t.consumer->deferred_probe_reason, "mac: pcs not bound");
}

TEST(DeviceLink, BusNotifierSeesUnbindBeforeRemoveAndUnboundAfter) {
  TwoDevices t;
  NotifierBlock nb;
  nb.notifier_call = [&](unsigned long action, void* data) {
    auto* dev = static_cast<Device*>(data);
    t.rig.log.push_back(std::string(bus_notify_name(action)) + " " + dev->name());
    return NOTIFY_DONE;
  };
  t.rig.run([&] {
    driver_register(t.sup_drv);
    t.supplier = t.rig.device(t.sup_node);
    device_add(t.supplier);
    bus_register_notifier(t.rig.platform, &nb);
    t.rig.log.clear();
    device_release_driver(t.supplier);
  });
  EXPECT_EQ(t.rig.log, (std::vector<std::string>{"UNBIND_DRIVER pcs@1000", "remove pcs pcs@1000",
                                                 "UNBOUND_DRIVER pcs@1000"}));
}

}  // namespace
}  // namespace lifeline::core
