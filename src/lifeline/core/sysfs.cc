// SPDX-License-Identifier: GPL-2.0-only
// The driver core's sysfs store functions (drivers/base/bus.c).
#include "lifeline/core/sysfs.h"

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/sim/engine.h"

namespace lifeline::core {

int sysfs_unbind(Driver* drv, Device* dev) {
  LL_FUNC();
  if (drv->suppress_bind_attrs) return -ENOENT;  // the file does not exist
  // unbind_store()
  if (!dev || dev->driver != drv) return -ENODEV;
  get_device(dev);
  device_release_driver_internal(dev, nullptr, dev->parent);  // device_driver_detach()
  put_device(dev);
  return 0;
}

int sysfs_bind(Driver* drv, Device* dev) {
  LL_FUNC();
  if (drv->suppress_bind_attrs) return -ENOENT;
  // bind_store()
  if (!dev) return -ENODEV;
  int match = dev->bus->match ? dev->bus->match(dev, drv) : of_driver_match_device(dev, drv);
  if (match <= 0) return -ENODEV;
  get_device(dev);
  int err = device_driver_attach(drv, dev);
  put_device(dev);
  return err;
}

int sysfs_drivers_probe(Device* dev) {
  LL_FUNC();
  // drivers_probe_store(): bus_rescan_devices_helper() attaches a device
  // that has no driver; finding no driver that matches is no error (the
  // write succeeds), only a negative device_attach() is.
  if (!dev) return -ENODEV;
  if (dev->driver) return 0;
  int ret = device_attach(dev);
  return ret < 0 ? ret : 0;
}

}  // namespace lifeline::core
