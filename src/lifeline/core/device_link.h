// SPDX-License-Identifier: GPL-2.0-only
// Device links (drivers/base/core.c, Documentation/driver-api/device_link.rst):
// supplier/consumer dependencies between devices. Managed links make the
// driver core probe consumers after their suppliers and unbind consumers
// before their suppliers; stateless links only order PM and shutdown.
#ifndef LIFELINE_CORE_DEVICE_LINK_H_
#define LIFELINE_CORE_DEVICE_LINK_H_

#include <cstdint>
#include <string>

#include "lifeline/sim/object.h"

namespace lifeline::core {

class Device;

enum DlFlags : uint32_t {
  DL_FLAG_STATELESS = 1u << 0,
  DL_FLAG_AUTOREMOVE_CONSUMER = 1u << 1,
  DL_FLAG_PM_RUNTIME = 1u << 2,
  DL_FLAG_RPM_ACTIVE = 1u << 3,
  DL_FLAG_AUTOREMOVE_SUPPLIER = 1u << 4,
  DL_FLAG_AUTOPROBE_CONSUMER = 1u << 5,
  DL_FLAG_MANAGED = 1u << 6,
  DL_FLAG_SYNC_STATE_ONLY = 1u << 7,
  DL_FLAG_INFERRED = 1u << 8,
  DL_FLAG_CYCLE = 1u << 9,
};

// Flags a caller may pass, and those that need a managed link.
inline constexpr uint32_t DL_MANAGED_LINK_FLAGS =
    DL_FLAG_AUTOREMOVE_CONSUMER | DL_FLAG_AUTOREMOVE_SUPPLIER | DL_FLAG_AUTOPROBE_CONSUMER |
    DL_FLAG_SYNC_STATE_ONLY | DL_FLAG_INFERRED | DL_FLAG_CYCLE;
inline constexpr uint32_t DL_ADD_VALID_FLAGS = DL_MANAGED_LINK_FLAGS | DL_FLAG_STATELESS |
                                               DL_FLAG_PM_RUNTIME | DL_FLAG_RPM_ACTIVE;

enum class DlState : int8_t {
  DL_STATE_NONE = -1,  // stateless
  DL_STATE_DORMANT = 0,
  DL_STATE_AVAILABLE,
  DL_STATE_CONSUMER_PROBE,
  DL_STATE_ACTIVE,
  DL_STATE_SUPPLIER_UNBIND,
};
const char* dl_state_name(DlState s);
// "STATELESS|PM_RUNTIME" style.
std::string dl_flags_string(uint32_t flags);

struct DeviceLink : sim::Object {
  DeviceLink() : sim::Object("device_link", "") {}
  Device* supplier = nullptr;
  Device* consumer = nullptr;
  uint32_t flags = 0;
  DlState status = DlState::DL_STATE_NONE;
  int kref = 0;  // stateless callers each hold one reference
};

// device_link_add(): nullptr on invalid flags or when it would create a
// dependency cycle (device_is_dependent()).
DeviceLink* device_link_add(Device* consumer, Device* supplier, uint32_t flags);
void device_link_del(DeviceLink* link);
void device_link_remove(Device* consumer, Device* supplier);

// Driver-core hooks (drivers/base/core.c), called from dd.c and device.cc.
// -EPROBE_DEFER when a managed supplier is not bound (or an fwnode supplier
// has no device yet); sets the links to CONSUMER_PROBE otherwise.
int device_links_check_suppliers(Device* dev);
void device_links_driver_bound(Device* dev);
void device_links_no_driver(Device* dev);
void device_links_driver_cleanup(Device* dev);
bool device_links_busy(Device* dev);
void device_links_unbind_consumers(Device* dev);
void device_links_purge(Device* dev);
void device_links_force_bind(Device* dev);
bool device_is_dependent(Device* dev, Device* target);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_DEVICE_LINK_H_
