// SPDX-License-Identifier: GPL-2.0-only
// What writing to the driver core's sysfs files does:
//   echo DEV > /sys/bus/BUS/drivers/DRV/unbind   (unbind_store())
//   echo DEV > /sys/bus/BUS/drivers/DRV/bind     (bind_store())
//   echo DEV > /sys/bus/BUS/drivers_probe        (drivers_probe_store())
// Each returns 0 or the negative errno the write(2) would fail with.
#ifndef LIFELINE_CORE_SYSFS_H_
#define LIFELINE_CORE_SYSFS_H_

namespace lifeline::core {

class Device;
class Driver;

// -ENOENT when the driver hides its bind files (suppress_bind_attrs),
// -ENODEV when DEV is not bound to DRV.
int sysfs_unbind(Driver* drv, Device* dev);
// -ENOENT when hidden, -ENODEV when DRV does not match DEV, -EBUSY when bound,
// -EAGAIN when the probe deferred, else the probe's error.
int sysfs_bind(Driver* drv, Device* dev);
// -EINVAL when no driver could bind it.
int sysfs_drivers_probe(Device* dev);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_SYSFS_H_
