// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/bus.h"

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"

namespace lifeline::core {

const char* bus_notify_name(unsigned long action) {
  switch (action) {
    case BUS_NOTIFY_ADD_DEVICE: return "ADD_DEVICE";
    case BUS_NOTIFY_DEL_DEVICE: return "DEL_DEVICE";
    case BUS_NOTIFY_REMOVED_DEVICE: return "REMOVED_DEVICE";
    case BUS_NOTIFY_BIND_DRIVER: return "BIND_DRIVER";
    case BUS_NOTIFY_BOUND_DRIVER: return "BOUND_DRIVER";
    case BUS_NOTIFY_UNBIND_DRIVER: return "UNBIND_DRIVER";
    case BUS_NOTIFY_UNBOUND_DRIVER: return "UNBOUND_DRIVER";
    case BUS_NOTIFY_DRIVER_NOT_BOUND: return "DRIVER_NOT_BOUND";
  }
  return "?";
}

void bus_register(Bus* bus) {
  // One lockdep class for every bus notifier, as in bus_register().
  blocking_init_notifier_head(&bus->notifier, "bus_notifier");
  Kernel::current().buses.push_back(bus);
}

int bus_register_notifier(Bus* bus, NotifierBlock* nb) {
  return blocking_notifier_chain_register(&bus->notifier, nb);
}

int bus_unregister_notifier(Bus* bus, NotifierBlock* nb) {
  return blocking_notifier_chain_unregister(&bus->notifier, nb);
}

void bus_notify(Device* dev, unsigned long action) {
  if (dev->bus) blocking_notifier_call_chain(&dev->bus->notifier, action, dev);
}

Device* bus_find_device_by_name(Bus* bus, std::string_view name) {
  for (Device* d : bus->devices)
    if (d->name() == name) return d;
  return nullptr;
}

int of_driver_match_device(Device* dev, Driver* drv) {
  if (!dev->fwnode) return 0;
  for (const std::string& compat : drv->of_match_table)
    if (dev->fwnode->is_compatible(compat)) return 1;
  return 0;
}

}  // namespace lifeline::core
