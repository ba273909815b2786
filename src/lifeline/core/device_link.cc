// SPDX-License-Identifier: GPL-2.0-only
// Device links, after drivers/base/core.c. Function names are the kernel's.
#include "lifeline/core/device_link.h"

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fw_devlink.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::core {

namespace {

Kernel& K() { return Kernel::current(); }
void links_write_lock() { sim::mutex_lock(&K().device_links_lock); }
void links_write_unlock() { sim::mutex_unlock(&K().device_links_lock); }

bool test(const DeviceLink* l, uint32_t f) { return (l->flags & f) != 0; }

bool device_link_flag_is_sync_state_only(uint32_t flags) {
  return (flags & ~(DL_FLAG_INFERRED | DL_FLAG_CYCLE)) ==
         (DL_FLAG_SYNC_STATE_ONLY | DL_FLAG_MANAGED);
}

void erase(std::vector<DeviceLink*>& v, DeviceLink* l) {
  v.erase(std::remove(v.begin(), v.end(), l), v.end());
}

bool device_is_ancestor(const Device* dev, const Device* target) {
  for (const Device* p = target->parent; p; p = p->parent)
    if (p == dev) return true;
  return false;
}

void device_link_init_status(DeviceLink* link, Device* consumer, Device* supplier) {
  using S = DlState;
  switch (supplier->link_status) {
    case DlDevState::DL_DEV_PROBING:
      link->status = consumer->link_status == DlDevState::DL_DEV_PROBING
                         ? S::DL_STATE_CONSUMER_PROBE
                         : S::DL_STATE_DORMANT;
      break;
    case DlDevState::DL_DEV_DRIVER_BOUND:
      switch (consumer->link_status) {
        case DlDevState::DL_DEV_PROBING:
          link->status = S::DL_STATE_CONSUMER_PROBE;
          break;
        case DlDevState::DL_DEV_DRIVER_BOUND:
          link->status = S::DL_STATE_ACTIVE;
          break;
        default:
          link->status = S::DL_STATE_AVAILABLE;
          break;
      }
      break;
    case DlDevState::DL_DEV_UNBINDING:
      link->status = S::DL_STATE_SUPPLIER_UNBIND;
      break;
    default:
      link->status = S::DL_STATE_DORMANT;
      break;
  }
}

using sim::note;
using sim::note_lazy;

void __device_link_del(DeviceLink* link) {
  note("device link dropped: " + link->name());
  erase(link->supplier->link_consumers, link);
  erase(link->consumer->link_suppliers, link);
  Device* supplier = link->supplier;
  Device* consumer = link->consumer;
  sim::kfree(link);
  put_device(consumer);
  put_device(supplier);
}

void device_link_drop_managed(DeviceLink* link) {
  link->flags &= ~DL_FLAG_MANAGED;
  link->status = DlState::DL_STATE_NONE;
  if (--link->kref == 0) __device_link_del(link);
}

void device_link_put_kref(DeviceLink* link) {
  if (test(link, DL_FLAG_STATELESS)) {
    if (--link->kref == 0) __device_link_del(link);
  } else if (!device_is_registered(link->consumer)) {
    __device_link_del(link);
  } else {
    sim::warn("WARNING: Unable to drop a managed device link reference");
  }
}

void device_links_missing_supplier(Device* dev) {
  for (DeviceLink* link : dev->link_suppliers) {
    if (link->status != DlState::DL_STATE_CONSUMER_PROBE) continue;
    if (link->supplier->link_status == DlDevState::DL_DEV_DRIVER_BOUND) {
      link->status = DlState::DL_STATE_AVAILABLE;
    } else {
      sim::warn_on(!test(link, DL_FLAG_SYNC_STATE_ONLY),
                   "WARNING: device_links_missing_supplier: link to unbound supplier in probe");
      link->status = DlState::DL_STATE_DORMANT;
    }
  }
}

void __device_links_no_driver(Device* dev) {
  std::vector<DeviceLink*> links(dev->link_suppliers.rbegin(), dev->link_suppliers.rend());
  for (DeviceLink* link : links) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (test(link, DL_FLAG_AUTOREMOVE_CONSUMER)) {
      device_link_drop_managed(link);
      continue;
    }
    if (link->status != DlState::DL_STATE_CONSUMER_PROBE &&
        link->status != DlState::DL_STATE_ACTIVE)
      continue;
    if (link->supplier->link_status == DlDevState::DL_DEV_DRIVER_BOUND) {
      link->status = DlState::DL_STATE_AVAILABLE;
    } else {
      sim::warn_on(link->supplier->link_status != DlDevState::DL_DEV_UNBINDING &&
                       !test(link, DL_FLAG_SYNC_STATE_ONLY),
                   "WARNING: __device_links_no_driver: supplier neither bound nor unbinding");
      link->status = DlState::DL_STATE_DORMANT;
    }
  }
  dev->link_status = DlDevState::DL_DEV_NO_DRIVER;
}

}  // namespace

const char* dl_state_name(DlState s) {
  switch (s) {
    case DlState::DL_STATE_NONE:
      return "none";
    case DlState::DL_STATE_DORMANT:
      return "dormant";
    case DlState::DL_STATE_AVAILABLE:
      return "available";
    case DlState::DL_STATE_CONSUMER_PROBE:
      return "consumer probe";
    case DlState::DL_STATE_ACTIVE:
      return "active";
    case DlState::DL_STATE_SUPPLIER_UNBIND:
      return "supplier unbind";
  }
  return "?";
}

std::string dl_flags_string(uint32_t flags) {
  static constexpr std::pair<uint32_t, const char*> kNames[] = {
      {DL_FLAG_STATELESS, "STATELESS"},
      {DL_FLAG_AUTOREMOVE_CONSUMER, "AUTOREMOVE_CONSUMER"},
      {DL_FLAG_PM_RUNTIME, "PM_RUNTIME"},
      {DL_FLAG_RPM_ACTIVE, "RPM_ACTIVE"},
      {DL_FLAG_AUTOREMOVE_SUPPLIER, "AUTOREMOVE_SUPPLIER"},
      {DL_FLAG_AUTOPROBE_CONSUMER, "AUTOPROBE_CONSUMER"},
      {DL_FLAG_MANAGED, "MANAGED"},
      {DL_FLAG_SYNC_STATE_ONLY, "SYNC_STATE_ONLY"},
      {DL_FLAG_INFERRED, "INFERRED"},
      {DL_FLAG_CYCLE, "CYCLE"},
  };
  std::string s;
  for (const auto& [bit, name] : kNames) {
    if (!(flags & bit)) continue;
    if (!s.empty()) s += "|";
    s += name;
  }
  return s.empty() ? "0" : s;
}

bool device_is_dependent(Device* dev, Device* target) {
  if (dev == target || device_is_ancestor(dev, target)) return true;
  for (Device* child : dev->children)
    if (device_is_dependent(child, target)) return true;
  for (DeviceLink* link : dev->link_consumers) {
    if (device_link_flag_is_sync_state_only(link->flags)) continue;
    if (link->consumer == target) return true;
    if (device_is_dependent(link->consumer, target)) return true;
  }
  return false;
}

DeviceLink* device_link_add(Device* consumer, Device* supplier, uint32_t flags) {
  LL_FUNC();
  if (!consumer || !supplier || consumer == supplier || (flags & ~DL_ADD_VALID_FLAGS) ||
      ((flags & DL_FLAG_STATELESS) && (flags & DL_MANAGED_LINK_FLAGS)) ||
      ((flags & DL_FLAG_AUTOPROBE_CONSUMER) &&
       (flags & (DL_FLAG_AUTOREMOVE_CONSUMER | DL_FLAG_AUTOREMOVE_SUPPLIER))))
    return nullptr;
  if (!(flags & DL_FLAG_STATELESS)) flags |= DL_FLAG_MANAGED;
  if ((flags & DL_FLAG_SYNC_STATE_ONLY) && !device_link_flag_is_sync_state_only(flags))
    return nullptr;

  links_write_lock();
  DeviceLink* result = nullptr;
  // The supplier must be registered, and the link must not close a cycle.
  if (!device_is_registered(supplier) ||
      (!(flags & DL_FLAG_SYNC_STATE_ONLY) && device_is_dependent(consumer, supplier))) {
    links_write_unlock();
    return nullptr;
  }
  if ((flags & DL_FLAG_SYNC_STATE_ONLY) && consumer->link_status != DlDevState::DL_DEV_NO_DRIVER &&
      consumer->link_status != DlDevState::DL_DEV_PROBING) {
    links_write_unlock();
    return nullptr;
  }
  if (flags & DL_FLAG_AUTOREMOVE_SUPPLIER) flags &= ~DL_FLAG_AUTOREMOVE_CONSUMER;

  for (DeviceLink* link : supplier->link_consumers) {
    if (link->consumer != consumer) continue;
    // An existing link between the two: merge the request into it.
    if (test(link, DL_FLAG_INFERRED) && !(flags & DL_FLAG_INFERRED))
      link->flags &= ~DL_FLAG_INFERRED;
    if (flags & DL_FLAG_PM_RUNTIME) link->flags |= DL_FLAG_PM_RUNTIME;
    if (flags & DL_FLAG_STATELESS) {
      ++link->kref;
      link->flags |= DL_FLAG_STATELESS;
      result = link;
      break;
    }
    if (flags & DL_FLAG_AUTOREMOVE_SUPPLIER) {
      if (test(link, DL_FLAG_AUTOREMOVE_CONSUMER)) {
        link->flags &= ~DL_FLAG_AUTOREMOVE_CONSUMER;
        link->flags |= DL_FLAG_AUTOREMOVE_SUPPLIER;
      }
    } else if (!(flags & DL_FLAG_AUTOREMOVE_CONSUMER)) {
      link->flags &= ~(DL_FLAG_AUTOREMOVE_CONSUMER | DL_FLAG_AUTOREMOVE_SUPPLIER);
    }
    if (!test(link, DL_FLAG_MANAGED)) {
      ++link->kref;
      link->flags |= DL_FLAG_MANAGED;
      device_link_init_status(link, consumer, supplier);
    }
    if (test(link, DL_FLAG_SYNC_STATE_ONLY) && !(flags & DL_FLAG_SYNC_STATE_ONLY))
      link->flags &= ~DL_FLAG_SYNC_STATE_ONLY;
    result = link;
    break;
  }
  if (!result) {
    DeviceLink* link = sim::kzalloc<DeviceLink>();
    get_device(supplier);
    get_device(consumer);
    link->supplier = supplier;
    link->consumer = consumer;
    link->flags = flags;
    link->kref = 1;
    link->set_name(std::string(dev_bus_name(supplier)) + ":" + supplier->name() + "--" +
                   std::string(dev_bus_name(consumer)) + ":" + consumer->name());
    if (flags & DL_FLAG_STATELESS)
      link->status = DlState::DL_STATE_NONE;
    else
      device_link_init_status(link, consumer, supplier);
    supplier->link_consumers.push_back(link);
    consumer->link_suppliers.push_back(link);
    note_lazy([&] {
      return "device link added: " + link->name() + " (" + dl_flags_string(link->flags) + ", " +
             dl_state_name(link->status) + ")";
    });
    result = link;
  }
  links_write_unlock();
  return result;
}

void device_link_del(DeviceLink* link) {
  links_write_lock();
  device_link_put_kref(link);
  links_write_unlock();
}

void device_link_remove(Device* consumer, Device* supplier) {
  if (sim::warn_on(consumer == supplier, "WARNING: device_link_remove(dev, dev)")) return;
  links_write_lock();
  for (DeviceLink* link : supplier->link_consumers) {
    if (link->consumer == consumer) {
      device_link_put_kref(link);
      break;
    }
  }
  links_write_unlock();
}

int device_links_check_suppliers(Device* dev) {
  Kernel& k = K();
  // A device waiting for a supplier node that has no device yet may not probe.
  sim::mutex_lock(&k.fwnode_link_lock);
  FwNode* sup_fw = k.config.fw_devlink ? fwnode_links_check_suppliers(dev->fwnode) : nullptr;
  sim::mutex_unlock(&k.fwnode_link_lock);
  if (sup_fw)
    return dev_err_probe_wait_fwnode(dev, sup_fw, "wait for supplier " + sup_fw->full_path);

  int ret = 0;
  links_write_lock();
  for (DeviceLink* link : dev->link_suppliers) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (link->status != DlState::DL_STATE_AVAILABLE && !test(link, DL_FLAG_SYNC_STATE_ONLY)) {
      device_links_missing_supplier(dev);
      ret = dev_err_probe_wait(dev, link->supplier,
                               "supplier " + link->supplier->name() + " not ready");
      break;
    }
    link->status = DlState::DL_STATE_CONSUMER_PROBE;
  }
  // As in the kernel, the device is "probing" even when a link deferred it.
  dev->link_status = DlDevState::DL_DEV_PROBING;
  links_write_unlock();
  return ret;
}

void device_links_driver_bound(Device* dev) {
  if (dev->fwnode && dev->fwnode->dev == dev) fw_devlink_device_bound(dev);
  links_write_lock();
  for (DeviceLink* link : dev->link_consumers) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (link->status == DlState::DL_STATE_CONSUMER_PROBE ||
        link->status == DlState::DL_STATE_ACTIVE)
      continue;
    sim::warn_on(link->status != DlState::DL_STATE_DORMANT,
                 "WARNING: device_links_driver_bound: consumer link not dormant");
    link->status = DlState::DL_STATE_AVAILABLE;
    if (test(link, DL_FLAG_AUTOPROBE_CONSUMER)) {
      // For probe=event, a consumer not deferred yet waits for us now.
      if (!device_is_deferred(link->consumer)) {
        link->consumer->waiting_for_device = dev;
        link->consumer->waiting_for_fwnode = nullptr;
      }
      driver_deferred_probe_add(link->consumer);
    }
  }
  std::vector<DeviceLink*> suppliers = dev->link_suppliers;
  for (DeviceLink* link : suppliers) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (test(link, DL_FLAG_SYNC_STATE_ONLY)) {
      device_link_drop_managed(link);
    } else {
      sim::warn_on(link->status != DlState::DL_STATE_CONSUMER_PROBE,
                   "WARNING: device_links_driver_bound: supplier link not in consumer probe");
      link->status = DlState::DL_STATE_ACTIVE;
    }
  }
  dev->link_status = DlDevState::DL_DEV_DRIVER_BOUND;
  links_write_unlock();
}

void device_links_no_driver(Device* dev) {
  links_write_lock();
  for (DeviceLink* link : dev->link_consumers) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (link->status == DlState::DL_STATE_CONSUMER_PROBE ||
        link->status == DlState::DL_STATE_ACTIVE)
      link->status = DlState::DL_STATE_DORMANT;
  }
  __device_links_no_driver(dev);
  links_write_unlock();
}

void device_links_driver_cleanup(Device* dev) {
  links_write_lock();
  std::vector<DeviceLink*> consumers = dev->link_consumers;
  for (DeviceLink* link : consumers) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    sim::warn_on(test(link, DL_FLAG_AUTOREMOVE_CONSUMER),
                 "WARNING: device_links_driver_cleanup: AUTOREMOVE_CONSUMER link still present");
    sim::warn_on(link->status != DlState::DL_STATE_SUPPLIER_UNBIND,
                 "WARNING: device_links_driver_cleanup: consumer link not in supplier unbind");
    if (link->status == DlState::DL_STATE_SUPPLIER_UNBIND &&
        test(link, DL_FLAG_AUTOREMOVE_SUPPLIER)) {
      device_link_drop_managed(link);
      continue;
    }
    link->status = DlState::DL_STATE_DORMANT;
  }
  __device_links_no_driver(dev);
  links_write_unlock();
}

bool device_links_busy(Device* dev) {
  bool ret = false;
  links_write_lock();
  for (DeviceLink* link : dev->link_consumers) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (link->status == DlState::DL_STATE_CONSUMER_PROBE ||
        link->status == DlState::DL_STATE_ACTIVE) {
      ret = true;
      break;
    }
    link->status = DlState::DL_STATE_SUPPLIER_UNBIND;
  }
  dev->link_status = DlDevState::DL_DEV_UNBINDING;
  links_write_unlock();
  return ret;
}

void device_links_unbind_consumers(Device* dev) {
  LL_FUNC();
start:
  links_write_lock();
  for (DeviceLink* link : dev->link_consumers) {
    if (!test(link, DL_FLAG_MANAGED) || test(link, DL_FLAG_SYNC_STATE_ONLY)) continue;
    DlState status = link->status;
    if (status == DlState::DL_STATE_CONSUMER_PROBE) {
      links_write_unlock();
      wait_for_device_probe();
      goto start;
    }
    link->status = DlState::DL_STATE_SUPPLIER_UNBIND;
    if (status == DlState::DL_STATE_ACTIVE) {
      Device* consumer = link->consumer;
      get_device(consumer);
      links_write_unlock();
      note("unbinding consumer " + consumer->name() + " of " + dev->name() + " (device link)");
      device_release_driver_internal(consumer, nullptr, consumer->parent);
      put_device(consumer);
      goto start;
    }
  }
  links_write_unlock();
}

void device_links_force_bind(Device* dev) {
  links_write_lock();
  for (DeviceLink* link : std::vector<DeviceLink*>(dev->link_suppliers)) {
    if (!test(link, DL_FLAG_MANAGED)) continue;
    if (link->status != DlState::DL_STATE_AVAILABLE) {
      device_link_drop_managed(link);
      continue;
    }
    link->status = DlState::DL_STATE_CONSUMER_PROBE;
  }
  dev->link_status = DlDevState::DL_DEV_PROBING;
  links_write_unlock();
}

void device_links_purge(Device* dev) {
  links_write_lock();
  std::vector<DeviceLink*> suppliers(dev->link_suppliers.rbegin(), dev->link_suppliers.rend());
  for (DeviceLink* link : suppliers) {
    sim::warn_on(link->status == DlState::DL_STATE_ACTIVE,
                 "WARNING: device_links_purge: active supplier link of a deleted device");
    __device_link_del(link);
  }
  std::vector<DeviceLink*> consumers(dev->link_consumers.rbegin(), dev->link_consumers.rend());
  for (DeviceLink* link : consumers) {
    sim::warn_on(
        link->status != DlState::DL_STATE_DORMANT && link->status != DlState::DL_STATE_NONE,
        "WARNING: device_links_purge: consumer link of a deleted device not dormant");
    __device_link_del(link);
  }
  links_write_unlock();
}

}  // namespace lifeline::core
