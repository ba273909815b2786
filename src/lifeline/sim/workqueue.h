// SPDX-License-Identifier: GPL-2.0-only
// Workqueues with the kernel's semantics:
// - queue_work() is a no-op returning false while the work is pending;
// - a work item never runs concurrently with itself (non-reentrant);
// - flush_work() waits for the last queueing of the work to finish;
// - cancel_work_sync() removes a pending instance, waits for a running one,
//   and keeps the work from being queued meanwhile;
// - ordered workqueues run one item at a time in queueing order.
// Each execution of a work item runs in a worker task, so work interleaves
// with everything else. lockdep sees works and workqueues as pseudo-locks, as
// the kernel does, so "flush_work() under a lock the work takes" is reported.
#ifndef LIFELINE_SIM_WORKQUEUE_H_
#define LIFELINE_SIM_WORKQUEUE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/object.h"
#include "lifeline/sim/task.h"
#include "lifeline/sim/timer.h"

namespace lifeline::sim {

class Workqueue;

class WorkStruct : public WaitTarget {
 public:
  std::string describe() const override;
  void owners(std::vector<const Task*>& out) const override;

  std::function<void()> func;
  uint32_t name_id = 0;     // trace label: "func [instance]"
  uint32_t func_id = 0;     // the function's name, for model stacks
  uint32_t lock_class = 0;  // "(work_completion)(func)"
  bool pending = false;     // WORK_STRUCT_PENDING: queued, or its delay timer armed
  bool queued = false;      // on a queue, waiting for a worker
  bool canceling = false;
  Workqueue* wq = nullptr;
  Task* worker = nullptr;   // the worker task that will run or is running it
  bool running = false;
  uint64_t queued_seq = 0;   // bumps with each queueing
  uint64_t running_seq = 0;  // queueing being run now
  uint64_t done_seq = 0;     // last queueing that finished
  std::vector<Task*> flushers;
  bool initialized = false;
};

struct DelayedWork {
  WorkStruct work;
  TimerList timer;
};

class Workqueue : public Object {
 public:
  explicit Workqueue(std::string name) : Object("workqueue", std::move(name)) {}
  bool ordered = false;
  uint32_t lock_class = 0;           // "(wq_completion)name"
  std::deque<WorkStruct*> queue;     // ordered: items waiting for the worker
  Task* worker = nullptr;            // ordered: the single worker
  uint32_t name_id = 0;
  std::vector<WorkStruct*> active;   // items pending or running on this queue
  bool destroyed = false;
};

enum WqFlags : unsigned { WQ_UNBOUND = 1u << 1, WQ_FREEZABLE = 1u << 2, WQ_MEM_RECLAIM = 1u << 3 };

// The work's lockdep class and trace label come from `func_name` (the
// function the kernel would name); `instance` is added to the label.
void INIT_WORK(WorkStruct* work, std::string_view func_name, std::function<void()> fn,
               std::string_view instance = {});
void INIT_DELAYED_WORK(DelayedWork* dwork, std::string_view func_name, std::function<void()> fn,
                       std::string_view instance = {});

Workqueue* alloc_workqueue(std::string_view name, unsigned flags);
Workqueue* alloc_ordered_workqueue(std::string_view name, unsigned flags = 0);
void destroy_workqueue(Workqueue* wq);

bool queue_work(Workqueue* wq, WorkStruct* work);
bool schedule_work(WorkStruct* work);
bool queue_delayed_work(Workqueue* wq, DelayedWork* dwork, Time delay);
bool mod_delayed_work(Workqueue* wq, DelayedWork* dwork, Time delay);
bool schedule_delayed_work(DelayedWork* dwork, Time delay);

bool flush_work(WorkStruct* work);
bool flush_delayed_work(DelayedWork* dwork);
void flush_workqueue(Workqueue* wq);
bool cancel_work(WorkStruct* work);
bool cancel_work_sync(WorkStruct* work);
bool cancel_delayed_work(DelayedWork* dwork);
bool cancel_delayed_work_sync(DelayedWork* dwork);

inline bool work_pending(const WorkStruct* work) { return work->pending; }
inline bool delayed_work_pending(const DelayedWork* dwork) { return dwork->work.pending; }
// The running task is the worker executing `work` (current_work() == work).
bool current_is_worker_of(const WorkStruct* work);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_WORKQUEUE_H_
