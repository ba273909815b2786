// SPDX-License-Identifier: GPL-2.0-only
// struct device_driver.
#ifndef LIFELINE_CORE_DRIVER_H_
#define LIFELINE_CORE_DRIVER_H_

#include <functional>
#include <string>
#include <vector>

#include "lifeline/sim/object.h"

namespace lifeline::core {

class Bus;
class Device;
class Module;

class Driver : public sim::Object {
 public:
  explicit Driver(std::string name) : sim::Object("device_driver", std::move(name)) {}

  const void* subclass = nullptr;  // as Device::subclass

  Bus* bus = nullptr;
  Module* owner = nullptr;                  // nullptr: built into the kernel image
  std::vector<std::string> of_match_table;  // compatibles
  // probe(): 0 bound; -EPROBE_DEFER retried later; -ENODEV/-ENXIO quietly
  // not bound; other errors logged and not bound.
  std::function<int(Device*)> probe;
  std::function<void(Device*)> remove;
  // Hides the sysfs bind/unbind files (a band-aid: the device can still go
  // away with its parent).
  bool suppress_bind_attrs = false;

  std::vector<Device*> devices;  // klist_devices: bound devices
  bool registered = false;
};

// driver_register(): adds the driver to its bus and binds every matching
// unbound device (driver_attach()); extends the deferred probe timeout.
int driver_register(Driver* drv);
// driver_unregister(): unbinds every device bound to it first.
void driver_unregister(Driver* drv);
// driver_attach(): try to bind every unbound device on the bus.
int driver_attach(Driver* drv);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_DRIVER_H_
