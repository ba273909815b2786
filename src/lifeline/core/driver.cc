// SPDX-License-Identifier: GPL-2.0-only
// Driver registration (drivers/base/driver.c, bus.c).
#include "lifeline/core/driver.h"

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/sim/engine.h"

namespace lifeline::core {

int driver_register(Driver* drv) {
  LL_FUNC();
  if (!drv->bus) return -EINVAL;
  if (drv->registered) {
    sim::warn("Error: Driver '" + drv->name() + "' is already registered, aborting...");
    return -EBUSY;
  }
  drv->bus->drivers.push_back(drv);  // bus_add_driver()
  drv->registered = true;
  if (drv->bus->drivers_autoprobe) driver_attach(drv);
  deferred_probe_extend_timeout();
  return 0;
}

void driver_unregister(Driver* drv) {
  LL_FUNC();
  if (!drv->registered) {
    sim::warn("WARNING: Unexpected driver unregister of " + drv->name());
    return;
  }
  // bus_remove_driver(): off the bus first, then every device is unbound.
  auto& d = drv->bus->drivers;
  d.erase(std::remove(d.begin(), d.end(), drv), d.end());
  driver_detach(drv);
  drv->registered = false;
}

}  // namespace lifeline::core
