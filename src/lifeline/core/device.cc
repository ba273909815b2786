// SPDX-License-Identifier: GPL-2.0-only
// struct device lifetime and registration (drivers/base/core.c).
#include "lifeline/core/device.h"

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/devres.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fw_devlink.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/sim/engine.h"

namespace lifeline::core {

const char* dl_dev_state_name(DlDevState s) {
  switch (s) {
    case DlDevState::DL_DEV_NO_DRIVER: return "no driver";
    case DlDevState::DL_DEV_PROBING: return "probing";
    case DlDevState::DL_DEV_DRIVER_BOUND: return "bound";
    case DlDevState::DL_DEV_UNBINDING: return "unbinding";
  }
  return "?";
}

void device_initialize(Device* dev) {
  sim::kref_init(&dev->kref, dev);
  sim::mutex_init(&dev->mutex, "&dev->mutex", /*novalidate=*/true);
  dev->link_status = DlDevState::DL_DEV_NO_DRIVER;
  dev->deferred.dev = dev;
  dev->initialized = true;
}

void dev_set_name(Device* dev, std::string name) { dev->set_name(std::move(name)); }

void device_lock(Device* dev) { sim::mutex_lock(&dev->mutex); }
void device_unlock(Device* dev) { sim::mutex_unlock(&dev->mutex); }

std::string_view dev_bus_name(const Device* dev) {
  return dev->bus ? std::string_view(dev->bus->name()) : std::string_view();
}

std::string_view dev_driver_string(const Device* dev) {
  return dev->driver ? std::string_view(dev->driver->name()) : std::string_view();
}

int device_add(Device* dev) {
  LL_FUNC();
  sim::check_access(dev, "device_add");
  if (!dev->initialized) {
    sim::warn("WARNING: device_add() of an uninitialized device " + dev->name());
    return -EINVAL;
  }
  if (dev->name().empty()) return -EINVAL;
  Kernel& k = Kernel::current();
  get_device(dev->parent);
  dev->registered = true;
  dev->dead = false;
  dev->add_order = ++k.next_add_order;
  k.devices.push_back(dev);
  if (dev->bus) dev->bus->devices.push_back(dev);  // bus_add_device()
  if (dev->parent) dev->parent->children.push_back(dev);
  if (sim::Engine::current().tracing())
    sim::Engine::current().note("device_add " + std::string(dev_bus_name(dev)) + ":" + dev->name());
  bus_notify(dev, BUS_NOTIFY_ADD_DEVICE);
  // Consumers waiting for this supplier can link to it now, before it probes.
  if (dev->fwnode && !dev->fwnode->dev) {
    dev->fwnode->dev = dev;
    if (k.config.fw_devlink) fw_devlink_link_device(dev);
  }
  dev->ready_to_probe = true;
  bus_probe_device(dev);
  if (dev->fwnode && k.fw_devlink_drv_reg_done && !dev->can_match)
    fw_devlink_unblock_consumers(dev);
  return 0;
}

int device_register(Device* dev) {
  device_initialize(dev);
  return device_add(dev);
}

void device_del(Device* dev) {
  LL_FUNC();
  sim::check_access(dev, "device_del");
  Device* parent = dev->parent;
  device_lock(dev);
  dev->dead = true;  // kill_device()
  device_unlock(dev);
  if (dev->fwnode && dev->fwnode->dev == dev) dev->fwnode->dev = nullptr;
  bus_notify(dev, BUS_NOTIFY_DEL_DEVICE);
  if (parent) {
    auto& c = parent->children;
    c.erase(std::remove(c.begin(), c.end(), dev), c.end());
  }
  // bus_remove_device(): off the bus, then the driver goes.
  if (dev->bus) {
    auto& d = dev->bus->devices;
    d.erase(std::remove(d.begin(), d.end(), dev), d.end());
  }
  device_release_driver(dev);
  driver_deferred_probe_del(dev);
  device_links_purge(dev);
  devres_release_all(dev);
  bus_notify(dev, BUS_NOTIFY_REMOVED_DEVICE);
  dev->registered = false;
  if (sim::Engine::current().tracing())
    sim::Engine::current().note("device_del " + std::string(dev_bus_name(dev)) + ":" + dev->name());
  put_device(parent);
}

void device_unregister(Device* dev) {
  device_del(dev);
  put_device(dev);
}

Device* get_device(Device* dev) {
  if (dev) sim::kref_get(&dev->kref);
  return dev;
}

namespace {
void device_release(sim::Kref* kref) {
  // kobject_cleanup() -> device_release(): the containing object goes.
  auto* dev = static_cast<Device*>(const_cast<sim::Object*>(kref->owner));
  if (dev->release) {
    dev->release(dev);
  } else {
    sim::warn("WARNING: Device '" + dev->name() +
              "' does not have a release() function, it is broken and must be fixed.");
  }
}
}  // namespace

void put_device(Device* dev) {
  if (dev) sim::kref_put(&dev->kref, device_release);
}

}  // namespace lifeline::core
