// SPDX-License-Identifier: GPL-2.0-only
// struct bus_type: matches devices with drivers and carries the bus
// notifier (BUS_NOTIFY_*), a generic "device going away" hook.
#ifndef LIFELINE_CORE_BUS_H_
#define LIFELINE_CORE_BUS_H_

#include <functional>
#include <string>
#include <vector>

#include "lifeline/core/notifier.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {

class Device;
class Driver;

enum BusNotify : unsigned long {
  BUS_NOTIFY_ADD_DEVICE = 0x00000001,
  BUS_NOTIFY_DEL_DEVICE = 0x00000002,
  BUS_NOTIFY_REMOVED_DEVICE = 0x00000003,
  BUS_NOTIFY_BIND_DRIVER = 0x00000004,
  BUS_NOTIFY_BOUND_DRIVER = 0x00000005,
  BUS_NOTIFY_UNBIND_DRIVER = 0x00000006,
  BUS_NOTIFY_UNBOUND_DRIVER = 0x00000007,
  BUS_NOTIFY_DRIVER_NOT_BOUND = 0x00000008,
};
const char* bus_notify_name(unsigned long action);

class Bus : public sim::Object {
 public:
  explicit Bus(std::string name) : sim::Object("bus_type", std::move(name)) {}

  // bus->match(): > 0 match, 0 no match, -EPROBE_DEFER to retry later.
  // Default: of_driver_match_device() on compatibles.
  std::function<int(Device*, Driver*)> match;
  // bus->probe()/remove(): when set, called instead of the driver's own
  // (mdio_bus calls the phy_driver's probe through its common driver).
  std::function<int(Device*)> probe;
  std::function<void(Device*)> remove;

  std::vector<Device*> devices;  // klist_devices, in registration order
  std::vector<Driver*> drivers;  // klist_drivers
  BlockingNotifierHead notifier;
  bool drivers_autoprobe = true;
};

// bus_register(): adds the bus to the running kernel.
void bus_register(Bus* bus);
int bus_register_notifier(Bus* bus, NotifierBlock* nb);
int bus_unregister_notifier(Bus* bus, NotifierBlock* nb);
void bus_notify(Device* dev, unsigned long action);
Device* bus_find_device_by_name(Bus* bus, std::string_view name);

// of_driver_match_device(): the device's firmware node is compatible with
// one of the driver's of_match_table entries.
int of_driver_match_device(Device* dev, Driver* drv);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_BUS_H_
