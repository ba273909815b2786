// SPDX-License-Identifier: GPL-2.0-only
// The driver core's global state for one execution: buses, modules, the
// deferred probe lists and their work items, the device-link lock. Model
// code reaches it through Kernel::current(), the way kernel code reaches its
// globals.
#ifndef LIFELINE_CORE_KERNEL_H_
#define LIFELINE_CORE_KERNEL_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lifeline/core/intrusive_list.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::core {

class Bus;
class Device;
class Driver;
class FwNode;
class Module;

enum class ProbeAlgorithm : uint8_t {
  kKernel,  // drivers/base/dd.c: every successful bind retries every deferred device
  kEvent,   // a deferred device is retried when the supplier it names binds
};

struct CoreConfig {
  ProbeAlgorithm probe = ProbeAlgorithm::kKernel;
  bool modules = true;  // CONFIG_MODULES
  // deferred_probe_timeout= in seconds; -1 picks the kernel default
  // (10 s with modules, 0 without).
  int deferred_probe_timeout = -1;
  bool fw_devlink = true;  // fw_devlink=on (the default is rpm; PM is not modelled)
};

class Kernel : public sim::Object {
 public:
  explicit Kernel(CoreConfig config);
  ~Kernel() override;

  // The kernel of the running execution.
  static Kernel& current();
  static Kernel* current_or_null();

  CoreConfig config;
  std::vector<Bus*> buses;
  std::vector<Module*> modules;
  std::vector<Device*> devices;  // every device ever added, in device_add() order
  uint64_t next_add_order = 0;

  // drivers/base/dd.c
  sim::Mutex deferred_probe_mutex;
  List deferred_probe_pending_list;
  List deferred_probe_active_list;
  uint64_t deferred_trigger_count = 0;
  bool driver_deferred_probe_enable = false;
  bool initcalls_done = false;
  int driver_deferred_probe_timeout = 10;
  sim::Workqueue* system_unbound_wq = nullptr;
  sim::WorkStruct deferred_probe_work;
  sim::DelayedWork deferred_probe_timeout_work;
  int probe_count = 0;
  bool deferred_probe_timed_out = false;
  // probe=event: devices waiting for a node that has no device yet.
  std::map<const FwNode*, std::vector<Device*>> fwnode_waiters;
  // probe=event: pending devices that named nothing; retried on every bind.
  std::vector<Device*> deferred_unnamed;

  // drivers/base/core.c
  sim::Mutex device_links_lock;
  sim::Mutex fwnode_link_lock;
  bool fw_devlink_drv_reg_done = false;

  // Counters for reports and benchmarks.
  uint64_t total_probe_attempts = 0;
  uint64_t total_binds = 0;
};

// Creates the execution's kernel (an object of the running engine) and makes
// it current. Call from a task or before Engine::run(), after Engine::reset().
Kernel* kernel_create(CoreConfig config);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_KERNEL_H_
