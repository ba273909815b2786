// SPDX-License-Identifier: GPL-2.0-only
// Binding devices and drivers (drivers/base/dd.c): probe, the deferred
// probe machinery, and unbinding in the kernel's order.
#ifndef LIFELINE_CORE_DD_H_
#define LIFELINE_CORE_DD_H_

#include <string>

namespace lifeline::core {

class Device;
class Driver;
class FwNode;
class Kernel;

// Sets up the deferred probe work items of a new kernel.
void deferred_probe_init(Kernel* k);

// bus_probe_device(): try the bus's drivers on a newly added device.
void bus_probe_device(Device* dev);
// device_attach(): 1 bound, 0 no driver matched, negative errno on error.
int device_attach(Device* dev);
// device_driver_attach(): binds `drv` to `dev` (sysfs bind). A deferral is
// reported as -EAGAIN; probe errors come back as negative errnos.
int device_driver_attach(Driver* drv, Device* dev);
// device_release_driver(): unbinds whatever driver is bound, consumers
// first. Safe on an unbound device.
void device_release_driver(Device* dev);
// Unbinds only if `drv` (when not null) is the bound driver.
void device_release_driver_internal(Device* dev, Driver* drv, Device* parent);
// device_bind_driver(): binds the driver already in dev->driver without a
// probe and without the supplier check (phy_attach_direct()'s genphy path);
// managed supplier links that are not available are dropped. The kernel
// says "must be called with the device lock held"; phy_attach_direct() calls
// it under RTNL only, so a sysfs bind (device lock, no RTNL) can race it.
int device_bind_driver(Device* dev);
// driver_detach(): unbinds every device bound to `drv`.
void driver_detach(Driver* drv);

// Deferred probe.
void driver_deferred_probe_add(Device* dev);
void driver_deferred_probe_del(Device* dev);
void driver_deferred_probe_trigger();
// driver_deferred_probe_check_state(): for optional resources: -ENODEV
// without modules once initcalls are done, -ETIMEDOUT once the timeout
// expired, else -EPROBE_DEFER.
int driver_deferred_probe_check_state(Device* dev);
// deferred_probe_initcall(): the late_initcall that enables deferred probing,
// retries everything twice and arms the timeout.
void deferred_probe_initcall();
// deferred_probe_extend_timeout(): re-arms the timeout when a driver registers.
void deferred_probe_extend_timeout();
// wait_for_device_probe(): flush the deferred probe work.
void wait_for_device_probe();
// True while the device waits on the deferred probe lists (the 2021 genphy
// RFC's device_pending_probe()).
bool device_is_deferred(const Device* dev);

// dev_err_probe(): returns err; for -EPROBE_DEFER records the reason (what
// /sys/kernel/debug/devices_deferred shows).
int dev_err_probe(Device* dev, int err, std::string reason);
// The same, naming what the device waits for, so that probe=event can retry
// it exactly when that binds. Pass the supplier device if it exists,
// otherwise its firmware node.
int dev_err_probe_wait(Device* dev, Device* supplier, std::string reason);
int dev_err_probe_wait_fwnode(Device* dev, FwNode* supplier, std::string reason);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_DD_H_
