// SPDX-License-Identifier: GPL-2.0-only
// struct device: a refcounted object whose memory lifetime (get_device /
// put_device / release) is independent of whether a driver is bound to it.
#ifndef LIFELINE_CORE_DEVICE_H_
#define LIFELINE_CORE_DEVICE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/core/intrusive_list.h"
#include "lifeline/sim/kref.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {

class Bus;
class Driver;
class FwNode;
struct DeviceLink;
struct Devres;

class Device;

// dev->p->deferred_probe: membership of the pending or active list.
struct DeferredNode : ListNode {
  Device* dev = nullptr;
  enum class Where : uint8_t { kNone, kPending, kActive } where = Where::kNone;
};

// dev->links.status
enum class DlDevState : uint8_t {
  DL_DEV_NO_DRIVER,
  DL_DEV_PROBING,
  DL_DEV_DRIVER_BOUND,
  DL_DEV_UNBINDING
};
const char* dl_dev_state_name(DlDevState s);

class Device : public sim::Object {
 public:
  // `kind` names the containing structure for reports ("device",
  // "phy_device", "mii_bus", ...).
  explicit Device(const char* kind = "device") : sim::Object(kind, "") {}

  // Which layer's subclass this is (the address of a tag the subclass
  // owns), so that a layer can get its structure back without RTTI, as the
  // kernel's container_of() does after checking dev->type or dev->bus.
  const void* subclass = nullptr;

  const std::string& dev_name() const { return name(); }

  sim::Kref kref;                        // kobject refcount
  std::function<void(Device*)> release;  // dev->release: frees the containing object
  Device* parent = nullptr;
  Bus* bus = nullptr;
  // dev->driver: NULL while unbound, and set and cleared by whoever binds
  // (really_probe() under the device lock, phy_attach_direct() without it);
  // every access is checked, so a NULL read is an oops finding.
  sim::Ptr<Driver> driver;
  FwNode* fwnode = nullptr;
  void* driver_data = nullptr;
  sim::Mutex mutex;  // device_lock(); lockdep class "&dev->mutex", not validated as in the kernel

  bool initialized = false;  // device_initialize() ran
  bool registered = false;   // device_is_registered(): between device_add and device_del
  bool dead = false;         // device_del() ran (dev->p->dead)
  bool can_match = false;    // some driver matched it at least once
  bool ready_to_probe = false;
  std::vector<Device*> children;

  // dev->links
  std::vector<DeviceLink*> link_suppliers;  // links where this device is the consumer
  std::vector<DeviceLink*> link_consumers;  // links where this device is the supplier
  DlDevState link_status = DlDevState::DL_DEV_NO_DRIVER;

  std::vector<Devres*> devres;  // managed resources, released in reverse order at unbind

  // Deferred probe bookkeeping (dev->p->deferred_probe and friends).
  DeferredNode deferred;
  std::string deferred_probe_reason;
  std::vector<Device*> probe_waiters;         // probe=event: devices waiting for this one to bind
  Device* waiting_for_device = nullptr;       // probe=event: the supplier awaited
  FwNode* waiting_for_fwnode = nullptr;       // probe=event: awaited node with no device yet
  int probe_attempts = 0;                     // really_probe() calls
  int probe_calls = 0;                        // calls into the driver's probe()
  int deferrals = 0;                          // times it returned or was given -EPROBE_DEFER
  std::vector<std::string> deferral_reasons;  // every reason, in order (deduplicated runs)
  uint64_t add_order = 0;                     // device_add() order, for stable listings
  bool on_driver_list = false;                // dev->p->knode_driver is linked
};

// device_initialize(): refcount 1; the device is not visible yet.
void device_initialize(Device* dev);
void dev_set_name(Device* dev, std::string name);
// device_add(): registers the device, links it to its firmware node's
// suppliers and consumers (fw_devlink), and probes it. Returns 0 or -errno.
int device_add(Device* dev);
int device_register(Device* dev);
// device_del(): unbinds the driver and unregisters; memory lives until the
// last put_device().
void device_del(Device* dev);
void device_unregister(Device* dev);
Device* get_device(Device* dev);
void put_device(Device* dev);

inline bool device_is_registered(const Device* dev) { return dev->registered; }
inline bool device_is_bound(const Device* dev) {
  return dev->driver && dev->link_status == DlDevState::DL_DEV_DRIVER_BOUND;
}
void device_lock(Device* dev);
void device_unlock(Device* dev);

template <class T>
T* dev_get_drvdata(const Device* dev) {
  return static_cast<T*>(dev->driver_data);
}
inline void dev_set_drvdata(Device* dev, void* data) { dev->driver_data = data; }

// "platform", "mdio_bus", ... or "" when the device has no bus.
std::string_view dev_bus_name(const Device* dev);
// "bcmgenet" or "" when unbound.
std::string_view dev_driver_string(const Device* dev);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_DEVICE_H_
