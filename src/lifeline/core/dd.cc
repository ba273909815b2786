// SPDX-License-Identifier: GPL-2.0-only
// Binding devices to drivers and the deferred probe machinery, after
// drivers/base/dd.c. Function names are the kernel's.
#include "lifeline/core/dd.h"

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/devres.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fw_devlink.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::core {

namespace {

Kernel& K() { return Kernel::current(); }

using sim::note;
using sim::note_lazy;

Device* deferred_dev(ListNode* n) { return static_cast<DeferredNode*>(n)->dev; }

bool event_mode() { return K().config.probe == ProbeAlgorithm::kEvent; }

void set_deferred_probe_reason(Device* dev, std::string reason) {
  if (!reason.empty() && (dev->deferral_reasons.empty() || dev->deferral_reasons.back() != reason))
    dev->deferral_reasons.push_back(reason);
  dev->deferred_probe_reason = std::move(reason);
}

// Moves a pending device to the active list (under deferred_probe_mutex).
void activate(Device* dev) {
  Kernel& k = K();
  if (dev->deferred.where != DeferredNode::Where::kPending) return;
  k.deferred_probe_pending_list.remove(&dev->deferred);
  k.deferred_probe_active_list.push_back(&dev->deferred);
  dev->deferred.where = DeferredNode::Where::kActive;
}

void forget_wait(Device* dev) {
  dev->waiting_for_device = nullptr;
  dev->waiting_for_fwnode = nullptr;
}

// probe=event: is what `dev` waits for already there?
bool awaited_is_bound(const Device* dev) {
  if (dev->waiting_for_device) return device_is_bound(dev->waiting_for_device);
  if (dev->waiting_for_fwnode)
    return dev->waiting_for_fwnode->dev && device_is_bound(dev->waiting_for_fwnode->dev);
  return false;
}

// probe=event: the retry of the devices waiting for `dev` (or its node).
void driver_deferred_probe_trigger_waiters(Device* bound) {
  Kernel& k = K();
  if (!k.driver_deferred_probe_enable) return;
  sim::mutex_lock(&k.deferred_probe_mutex);
  ++k.deferred_trigger_count;
  std::vector<Device*> waiters;
  waiters.swap(bound->probe_waiters);
  if (bound->fwnode) {
    auto it = k.fwnode_waiters.find(bound->fwnode);
    if (it != k.fwnode_waiters.end()) {
      waiters.insert(waiters.end(), it->second.begin(), it->second.end());
      k.fwnode_waiters.erase(it);
    }
  }
  bool any = false;
  for (Device* w : waiters) {
    if (w->deferred.where == DeferredNode::Where::kPending) {
      activate(w);
      any = true;
    }
  }
  // A deferral that named nothing is retried on every bind, as the kernel does.
  std::vector<Device*> unnamed;
  unnamed.swap(k.deferred_unnamed);
  for (Device* d : unnamed) {
    if (d->deferred.where != DeferredNode::Where::kPending || d->waiting_for_device ||
        d->waiting_for_fwnode)
      continue;
    activate(d);
    any = true;
  }
  sim::mutex_unlock(&k.deferred_probe_mutex);
  if (any) sim::queue_work(k.system_unbound_wq, &k.deferred_probe_work);
}

void driver_deferred_probe_trigger_all();

void deferred_probe_work_func() {
  Kernel& k = K();
  sim::mutex_lock(&k.deferred_probe_mutex);
  while (!k.deferred_probe_active_list.empty()) {
    Device* dev = deferred_dev(k.deferred_probe_active_list.front());
    k.deferred_probe_active_list.remove(&dev->deferred);
    dev->deferred.where = DeferredNode::Where::kNone;
    get_device(dev);
    dev->deferred_probe_reason.clear();
    forget_wait(dev);
    // Probing may change the lists: drop the mutex meanwhile.
    sim::mutex_unlock(&k.deferred_probe_mutex);
    note("deferred probe: retrying " + dev->name());
    device_attach(dev);  // bus_probe_device_deferred()
    sim::mutex_lock(&k.deferred_probe_mutex);
    put_device(dev);
  }
  sim::mutex_unlock(&k.deferred_probe_mutex);
}

void deferred_probe_timeout_work_func() {
  Kernel& k = K();
  fw_devlink_drivers_done();
  k.driver_deferred_probe_timeout = 0;
  k.deferred_probe_timed_out = true;
  driver_deferred_probe_trigger_all();
  sim::flush_work(&k.deferred_probe_work);
  sim::mutex_lock(&k.deferred_probe_mutex);
  k.deferred_probe_pending_list.for_each([](ListNode* n) {
    Device* d = deferred_dev(n);
    note("deferred probe pending: " + d->name() + ": " +
         (d->deferred_probe_reason.empty() ? std::string("(reason unknown)")
                                           : d->deferred_probe_reason));
  });
  sim::mutex_unlock(&k.deferred_probe_mutex);
}

int call_driver_probe(Device* dev, Driver* drv) {
  ++dev->probe_calls;
  int ret = 0;
  if (dev->bus && dev->bus->probe)
    ret = dev->bus->probe(dev);
  else if (drv->probe)
    ret = drv->probe(dev);
  if (ret == -EPROBE_DEFER) {
    ++dev->deferrals;
    if (dev->deferred_probe_reason.empty())
      set_deferred_probe_reason(dev, std::string(drv->name()) + ": (reason unknown)");
  } else if (ret && ret != -ENODEV && ret != -ENXIO) {
    note(drv->name() + " " + dev->name() + ": probe with driver " + drv->name() +
         " failed with error " + std::to_string(ret));
  }
  return ret;
}

// device_unbind_cleanup()
void device_unbind_cleanup(Device* dev) {
  devres_release_all(dev);
  dev->driver = nullptr;
  dev_set_drvdata(dev, nullptr);
}

// driver_sysfs_add(): the BIND_DRIVER notification, then the sysfs links
// between device and driver, which read dev->driver->p first. Whoever calls
// it set dev->driver; a binder that does not hold the device lock
// (phy_attach_direct()) can find it cleared by another one here.
int driver_sysfs_add(Device* dev) {
  bus_notify(dev, BUS_NOTIFY_BIND_DRIVER);
  dev->driver.at("dev->driver->p");  // sysfs_create_link(&dev->driver->p->kobj, ...)
  return 0;
}

void driver_bound(Device* dev) {
  Kernel& k = K();
  if (dev->on_driver_list) {
    sim::warn(dev->name() + ": driver_bound: device already bound");
    return;
  }
  // klist_add_tail(&dev->p->knode_driver, &dev->driver->p->klist_devices)
  dev->driver.at("dev->driver->p->klist_devices")->devices.push_back(dev);
  dev->on_driver_list = true;
  sim::Engine::current().mark_progress();
  device_links_driver_bound(dev);
  ++k.total_binds;
  note_lazy([&] {
    return "bound " + std::string(dev_bus_name(dev)) + ":" + dev->name() + " to " +
           std::string(dev_driver_string(dev));
  });
  // No longer deferred; kick off retrying the pending devices.
  driver_deferred_probe_del(dev);
  if (event_mode())
    driver_deferred_probe_trigger_waiters(dev);
  else
    driver_deferred_probe_trigger();
  bus_notify(dev, BUS_NOTIFY_BOUND_DRIVER);
}

// really_probe(): a negative return stops the search for a driver
// (-EPROBE_DEFER from the supplier check); a probe's own error comes back
// positive so that the next driver gets its chance, as in the kernel.
int really_probe(Device* dev, Driver* drv) {
  LL_FUNC();
  Kernel& k = K();
  ++dev->probe_attempts;
  ++k.total_probe_attempts;
  int link_ret = device_links_check_suppliers(dev);
  if (link_ret == -EPROBE_DEFER) {
    ++dev->deferrals;
    return link_ret;
  }
  if (!dev->devres.empty()) {
    note(dev->name() + ": Resources present before probing");
    return EBUSY;
  }
  dev->driver = drv;
  driver_sysfs_add(dev);
  int ret = call_driver_probe(dev, drv);
  if (ret) {
    bus_notify(dev, BUS_NOTIFY_DRIVER_NOT_BOUND);
    device_links_no_driver(dev);
    device_unbind_cleanup(dev);
    return -ret;
  }
  driver_bound(dev);
  return 0;
}

int __driver_probe_device(Driver* drv, Device* dev) {
  if (dev->dead || !device_is_registered(dev)) return -ENODEV;
  if (dev->driver) return -EBUSY;
  if (!dev->ready_to_probe) return dev_err_probe(dev, -EPROBE_DEFER, "Device not ready to probe");
  dev->can_match = true;
  return really_probe(dev, drv);
}

int driver_probe_device(Driver* drv, Device* dev) {
  Kernel& k = K();
  uint64_t trigger_count = k.deferred_trigger_count;
  ++k.probe_count;
  int ret = __driver_probe_device(drv, dev);
  if (ret == -EPROBE_DEFER || ret == EPROBE_DEFER) {
    driver_deferred_probe_add(dev);
    // A trigger while we probed could have been for us: trigger again.
    if (trigger_count != k.deferred_trigger_count && !event_mode()) driver_deferred_probe_trigger();
  }
  --k.probe_count;
  return ret;
}

// __device_attach_driver(): 1 stops the search (bound), 0 continues, < 0
// stops with an error.
int __device_attach_driver(Driver* drv, Device* dev) {
  int match = dev->bus->match ? dev->bus->match(dev, drv) : of_driver_match_device(dev, drv);
  if (match == 0) return 0;
  if (match == -EPROBE_DEFER) {
    dev->can_match = true;
    driver_deferred_probe_add(dev);
    return match;
  }
  if (match < 0) return match;
  int ret = driver_probe_device(drv, dev);
  if (ret < 0) return ret;
  return ret == 0;
}

int __device_attach(Device* dev) {
  device_lock(dev);
  int ret = 0;
  if (dev->dead) {
    ret = 0;
  } else if (dev->driver) {
    ret = 1;
  } else if (dev->bus) {
    std::vector<Driver*> drivers = dev->bus->drivers;
    for (Driver* drv : drivers) {
      ret = __device_attach_driver(drv, dev);
      if (ret != 0) break;
    }
    if (ret < 0) ret = 0;
  }
  device_unlock(dev);
  return ret;
}

int __driver_attach(Device* dev, Driver* drv) {
  int match = dev->bus->match ? dev->bus->match(dev, drv) : of_driver_match_device(dev, drv);
  if (match == 0) return 0;
  if (match == -EPROBE_DEFER) {
    dev->can_match = true;
    driver_deferred_probe_add(dev);
    return 0;
  }
  if (match < 0) return match;
  device_lock(dev);
  if (!dev->driver) driver_probe_device(drv, dev);
  device_unlock(dev);
  return 0;
}

void device_remove(Device* dev) {
  if (dev->bus && dev->bus->remove)
    dev->bus->remove(dev);
  else if (dev->driver && dev->driver->remove)
    dev->driver->remove(dev);
}

void __device_release_driver(Device* dev, Device* parent) {
  LL_FUNC();
  Driver* drv = dev->driver.get();
  if (!drv) return;
  while (device_links_busy(dev)) {
    device_unlock(dev);
    device_links_unbind_consumers(dev);
    device_lock(dev);
    // A concurrent release may have finished while we waited.
    if (dev->driver != drv) return;
  }
  note("unbinding " + std::string(dev_bus_name(dev)) + ":" + dev->name() + " from " + drv->name());
  bus_notify(dev, BUS_NOTIFY_UNBIND_DRIVER);
  sim::Engine::current().mark_progress();
  device_remove(dev);
  device_unbind_cleanup(dev);
  device_links_driver_cleanup(dev);
  auto& bound = drv->devices;
  bound.erase(std::remove(bound.begin(), bound.end(), dev), bound.end());
  dev->on_driver_list = false;
  bus_notify(dev, BUS_NOTIFY_UNBOUND_DRIVER);
}

}  // namespace

void deferred_probe_init(Kernel* k) {
  sim::INIT_WORK(&k->deferred_probe_work, "deferred_probe_work_func", deferred_probe_work_func);
  sim::INIT_DELAYED_WORK(&k->deferred_probe_timeout_work, "deferred_probe_timeout_work_func",
                         deferred_probe_timeout_work_func);
  // The timeout is background: a board is settled before it expires.
  k->deferred_probe_timeout_work.timer.poll = true;
}

void bus_probe_device(Device* dev) {
  if (dev->bus && dev->bus->drivers_autoprobe) __device_attach(dev);
}

int device_attach(Device* dev) { return __device_attach(dev); }

int driver_attach(Driver* drv) {
  LL_FUNC();
  std::vector<Device*> devices = drv->bus->devices;
  for (Device* dev : devices) {
    if (dev->driver || !dev->registered) continue;
    __driver_attach(dev, drv);
  }
  return 0;
}

int device_driver_attach(Driver* drv, Device* dev) {
  device_lock(dev);
  int ret = __driver_probe_device(drv, dev);
  device_unlock(dev);
  if (ret > 0) ret = -ret;
  if (ret == -EPROBE_DEFER) return -EAGAIN;
  return ret;
}

void device_release_driver_internal(Device* dev, Driver* drv, Device* parent) {
  device_lock(dev);
  if (!drv || drv == dev->driver) __device_release_driver(dev, parent);
  device_unlock(dev);
}

void device_release_driver(Device* dev) {
  device_release_driver_internal(dev, nullptr, dev->parent);
}

int device_bind_driver(Device* dev) {
  LL_FUNC();
  driver_sysfs_add(dev);
  device_links_force_bind(dev);
  driver_bound(dev);
  return 0;
}

void driver_detach(Driver* drv) {
  // From the most recently bound device, as the kernel does.
  while (!drv->devices.empty()) {
    Device* dev = drv->devices.back();
    get_device(dev);
    device_release_driver_internal(dev, drv, dev->parent);
    if (!drv->devices.empty() && drv->devices.back() == dev) {
      // The release did not happen (someone else holds it); do not spin.
      drv->devices.pop_back();
      dev->on_driver_list = false;
    }
    put_device(dev);
  }
}

void driver_deferred_probe_add(Device* dev) {
  if (!dev->can_match) return;
  Kernel& k = K();
  sim::mutex_lock(&k.deferred_probe_mutex);
  if (dev->deferred.where == DeferredNode::Where::kNone) {
    if (event_mode() && awaited_is_bound(dev)) {
      // What we wait for bound while we probed: retry at once.
      k.deferred_probe_active_list.push_back(&dev->deferred);
      dev->deferred.where = DeferredNode::Where::kActive;
      sim::mutex_unlock(&k.deferred_probe_mutex);
      if (k.driver_deferred_probe_enable)
        sim::queue_work(k.system_unbound_wq, &k.deferred_probe_work);
      return;
    }
    k.deferred_probe_pending_list.push_back(&dev->deferred);
    dev->deferred.where = DeferredNode::Where::kPending;
    if (event_mode()) {
      if (dev->waiting_for_device)
        dev->waiting_for_device->probe_waiters.push_back(dev);
      else if (dev->waiting_for_fwnode)
        k.fwnode_waiters[dev->waiting_for_fwnode].push_back(dev);
      else
        k.deferred_unnamed.push_back(dev);
    }
  }
  sim::mutex_unlock(&k.deferred_probe_mutex);
}

void driver_deferred_probe_del(Device* dev) {
  Kernel& k = K();
  sim::mutex_lock(&k.deferred_probe_mutex);
  if (dev->deferred.where == DeferredNode::Where::kPending)
    k.deferred_probe_pending_list.remove(&dev->deferred);
  else if (dev->deferred.where == DeferredNode::Where::kActive)
    k.deferred_probe_active_list.remove(&dev->deferred);
  if (dev->deferred.where != DeferredNode::Where::kNone) {
    dev->deferred.where = DeferredNode::Where::kNone;
    dev->deferred_probe_reason.clear();
  }
  sim::mutex_unlock(&k.deferred_probe_mutex);
}

namespace {
// Every pending device is retried (the kernel's "retry storm").
void driver_deferred_probe_trigger_all() {
  Kernel& k = K();
  if (!k.driver_deferred_probe_enable) return;
  sim::mutex_lock(&k.deferred_probe_mutex);
  ++k.deferred_trigger_count;
  k.deferred_probe_pending_list.for_each(
      [](ListNode* n) { static_cast<DeferredNode*>(n)->where = DeferredNode::Where::kActive; });
  k.deferred_probe_active_list.splice_tail(k.deferred_probe_pending_list);
  for (auto& [node, waiters] : k.fwnode_waiters) waiters.clear();
  sim::mutex_unlock(&k.deferred_probe_mutex);
  sim::queue_work(k.system_unbound_wq, &k.deferred_probe_work);
}
}  // namespace

void driver_deferred_probe_trigger() {
  if (!event_mode()) return driver_deferred_probe_trigger_all();
  // probe=event: a retry that no bind caused helps only the devices that did
  // not say what they wait for, or whose supplier is there by now.
  Kernel& k = K();
  if (!k.driver_deferred_probe_enable) return;
  sim::mutex_lock(&k.deferred_probe_mutex);
  ++k.deferred_trigger_count;
  std::vector<Device*> ready;
  k.deferred_probe_pending_list.for_each([&](ListNode* n) {
    Device* d = deferred_dev(n);
    if ((!d->waiting_for_device && !d->waiting_for_fwnode) || awaited_is_bound(d))
      ready.push_back(d);
  });
  for (Device* d : ready) activate(d);
  sim::mutex_unlock(&k.deferred_probe_mutex);
  if (!ready.empty()) sim::queue_work(k.system_unbound_wq, &k.deferred_probe_work);
}

int driver_deferred_probe_check_state(Device* dev) {
  Kernel& k = K();
  if (!k.config.modules && k.initcalls_done) {
    note(dev->name() + ": ignoring dependency for device, assuming no driver");
    return -ENODEV;
  }
  if (!k.driver_deferred_probe_timeout && k.initcalls_done) {
    note(dev->name() + ": deferred probe timeout, ignoring dependency");
    return -ETIMEDOUT;
  }
  return -EPROBE_DEFER;
}

void deferred_probe_initcall() {
  LL_FUNC();
  Kernel& k = K();
  k.driver_deferred_probe_enable = true;
  driver_deferred_probe_trigger();
  // Sort out as many dependencies as possible before initcalls end.
  sim::flush_work(&k.deferred_probe_work);
  k.initcalls_done = true;
  if (!k.config.modules) fw_devlink_drivers_done();
  // Again: this time nothing optional is deferred.
  driver_deferred_probe_trigger();
  sim::flush_work(&k.deferred_probe_work);
  if (k.driver_deferred_probe_timeout > 0)
    sim::schedule_delayed_work(&k.deferred_probe_timeout_work,
                               sim::secs(k.driver_deferred_probe_timeout));
}

void deferred_probe_extend_timeout() {
  Kernel& k = K();
  if (sim::delayed_work_pending(&k.deferred_probe_timeout_work) &&
      sim::mod_delayed_work(sim::Engine::current().system_wq(), &k.deferred_probe_timeout_work,
                            sim::secs(k.driver_deferred_probe_timeout)))
    note("Extended deferred probe timeout by " + std::to_string(k.driver_deferred_probe_timeout) +
         " secs");
}

void wait_for_device_probe() { sim::flush_work(&K().deferred_probe_work); }

bool device_is_deferred(const Device* dev) {
  return dev->deferred.where != DeferredNode::Where::kNone;
}

int dev_err_probe(Device* dev, int err, std::string reason) {
  if (err == -EPROBE_DEFER)
    set_deferred_probe_reason(dev, std::string(dev_driver_string(dev)) + ": " + reason);
  else if (err)
    note(dev->name() + ": error " + errno_name(err) + ": " + reason);
  return err;
}

int dev_err_probe_wait(Device* dev, Device* supplier, std::string reason) {
  dev->waiting_for_device = supplier;
  dev->waiting_for_fwnode = nullptr;
  return dev_err_probe(dev, -EPROBE_DEFER, std::move(reason));
}

int dev_err_probe_wait_fwnode(Device* dev, FwNode* supplier, std::string reason) {
  if (supplier && supplier->dev) return dev_err_probe_wait(dev, supplier->dev, std::move(reason));
  dev->waiting_for_device = nullptr;
  dev->waiting_for_fwnode = supplier;
  return dev_err_probe(dev, -EPROBE_DEFER, std::move(reason));
}

}  // namespace lifeline::core
