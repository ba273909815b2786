// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/kernel.h"

#include <cstdio>
#include <cstdlib>

#include "lifeline/core/dd.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::core {

namespace {
thread_local Kernel* tl_kernel = nullptr;
// Part of every snapshot of an execution (sim/snapshot.h).
const sim::ThreadRoot kKernelRoot([]() -> void* { return &tl_kernel; }, sizeof(tl_kernel));
}  // namespace

Kernel::Kernel(CoreConfig cfg) : sim::Object("kernel", "core"), config(cfg) {
  if (config.deferred_probe_timeout < 0)
    driver_deferred_probe_timeout = config.modules ? 10 : 0;
  else
    driver_deferred_probe_timeout = config.deferred_probe_timeout;
  sim::mutex_init(&deferred_probe_mutex, "deferred_probe_mutex");
  sim::mutex_init(&device_links_lock, "device_links_lock");
  sim::mutex_init(&fwnode_link_lock, "fwnode_link_lock");
}

Kernel::~Kernel() {
  if (tl_kernel == this) tl_kernel = nullptr;
}

Kernel& Kernel::current() {
  if (!tl_kernel) {
    std::fprintf(stderr, "lifeline: driver-core code ran with no kernel (kernel_create())\n");
    std::abort();
  }
  return *tl_kernel;
}

Kernel* Kernel::current_or_null() { return tl_kernel; }

Kernel* kernel_create(CoreConfig config) {
  Kernel* k = sim::kzalloc<Kernel>(config);
  tl_kernel = k;
  k->system_unbound_wq = sim::alloc_workqueue("events_unbound", sim::WQ_UNBOUND);
  deferred_probe_init(k);
  return k;
}

}  // namespace lifeline::core
