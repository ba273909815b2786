// SPDX-License-Identifier: GPL-2.0-only
// A task: one kernel context (a sysfs writer, a workqueue worker, a probe, a
// scenario step) running on its own fiber.
#ifndef LIFELINE_SIM_TASK_H_
#define LIFELINE_SIM_TASK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lifeline/sim/fiber.h"
#include "lifeline/sim/time.h"
#include "lifeline/sim/timer.h"

namespace lifeline::sim {

class Task;

// Something a task can wait on. Deadlock reports follow owners() to name the
// wait-for cycle.
class WaitTarget {
 public:
  virtual ~WaitTarget() = default;
  virtual std::string describe() const = 0;
  // The tasks whose progress this wait depends on (lock owners, a worker).
  virtual void owners(std::vector<const Task*>& out) const {}
};

enum class TaskState : uint8_t { kNew, kRunnable, kBlocked, kSleeping, kIdleWait, kDone };

enum class WaitKind : uint8_t { kNone, kMutex, kRwsemRead, kRwsemWrite, kCompletion, kFlush, kSleep, kIdle };

struct HeldLock {
  uint32_t class_id;
  const void* instance;
  bool read;
};

class Task {
 public:
  uint32_t id = 0;
  std::string name;
  TaskState state = TaskState::kNew;
  bool essential = false;  // the execution ends when every essential task has
  bool oopsed = false;     // died of an oops; its locks stay held
  bool killed = false;     // being torn down at the end of the execution
  bool hung_reported = false;
  bool deadlock_reported = false;

  std::function<void()> fn;
  // Runs when the task ends, also by an oops (not when the execution is torn
  // down): lets a parent waiting for it go on, as the shell does when a
  // command dies.
  std::function<void()> on_exit;
  FiberStack stack;
  FiberContext ctx;

  // What the task waits for while blocked.
  WaitKind wait_kind = WaitKind::kNone;
  const WaitTarget* waiting_on = nullptr;
  Time blocked_since = 0;
  bool timed_out = false;  // a timed wait ended by its timer
  uint64_t wait_seq = 0;   // bumps on every wake, so stale timers are ignored
  TimerList wait_timer;    // ends a timed wait or a sleep

  uint64_t runnable_seq = 0;  // run-queue order
  int priority = 0;           // used by the PCT strategy

  std::vector<HeldLock> held;          // lockdep: locks held, in order taken
  std::vector<const char*> frames;     // model call stack (kernel function names)
  std::vector<uint32_t> work_classes;  // work items being run by this worker
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_TASK_H_
