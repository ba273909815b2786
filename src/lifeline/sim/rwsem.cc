// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/rwsem.h"

#include <algorithm>

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

RwSemaphore::RwSemaphore(std::string_view class_name) { init_rwsem(this, class_name); }

std::string RwSemaphore::describe() const { return lock_class_name(cls); }

void RwSemaphore::owners(std::vector<const Task*>& out) const {
  if (writer) out.push_back(writer);
  for (Task* r : readers)
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
}

void init_rwsem(RwSemaphore* sem, std::string_view class_name) {
  sem->cls = lock_class(class_name);
  sem->writer = nullptr;
  sem->readers.clear();
  sem->waiters.clear();
  sem->initialized = true;
}

namespace {

void ensure_init(RwSemaphore* sem) {
  if (!sem->initialized) init_rwsem(sem, "(uninitialized rwsem)");
}

// Hands the semaphore to waiters in order: one writer, or a run of readers.
void grant(Engine& e, RwSemaphore* sem) {
  while (!sem->waiters.empty()) {
    RwSemaphore::Waiter w = sem->waiters.front();
    if (w.write) {
      if (sem->writer || !sem->readers.empty()) return;
      sem->writer = w.task;
      sem->waiters.pop_front();
      e.wake(w.task);
      return;
    }
    if (sem->writer) return;
    sem->readers.push_back(w.task);
    sem->waiters.pop_front();
    e.wake(w.task);
  }
}

}  // namespace

void down_read(RwSemaphore* sem) {
  Engine& e = Engine::current();
  ensure_init(sem);
  e.sched_point();
  Task* cur = e.current_task();
  e.lock_acquire(sem->cls, sem, true);
  if (!sem->writer && sem->waiters.empty()) {
    sem->readers.push_back(cur);
    return;
  }
  sem->waiters.push_back({cur, false});
  e.block(WaitKind::kRwsemRead, sem);
}

bool down_read_trylock(RwSemaphore* sem) {
  Engine& e = Engine::current();
  ensure_init(sem);
  e.sched_point();
  if (sem->writer || !sem->waiters.empty()) return false;
  Task* cur = e.current_task();
  sem->readers.push_back(cur);
  if (cur) cur->held.push_back(HeldLock{sem->cls, sem, true});
  return true;
}

void up_read(RwSemaphore* sem) {
  Engine& e = Engine::current();
  Task* cur = e.current_task();
  auto it = std::find(sem->readers.begin(), sem->readers.end(), cur);
  if (it == sem->readers.end()) {
    warn("DEBUG_RWSEMS_WARN_ON: up_read() of " + lock_class_name(sem->cls) +
         " by a task that does not hold it for read");
    return;
  }
  sem->readers.erase(it);
  e.lock_release(sem->cls, sem);
  grant(e, sem);
  e.sched_point();
}

void down_write(RwSemaphore* sem) {
  Engine& e = Engine::current();
  ensure_init(sem);
  e.sched_point();
  Task* cur = e.current_task();
  e.lock_acquire(sem->cls, sem, false);
  if (!sem->writer && sem->readers.empty() && sem->waiters.empty()) {
    sem->writer = cur;
    return;
  }
  sem->waiters.push_back({cur, true});
  e.block(WaitKind::kRwsemWrite, sem);
}

bool down_write_trylock(RwSemaphore* sem) {
  Engine& e = Engine::current();
  ensure_init(sem);
  e.sched_point();
  if (sem->writer || !sem->readers.empty()) return false;
  Task* cur = e.current_task();
  sem->writer = cur;
  if (cur) cur->held.push_back(HeldLock{sem->cls, sem, false});
  return true;
}

void up_write(RwSemaphore* sem) {
  Engine& e = Engine::current();
  Task* cur = e.current_task();
  if (sem->writer != cur) {
    warn("DEBUG_RWSEMS_WARN_ON: up_write() of " + lock_class_name(sem->cls) +
         " by a task that does not hold it for write");
    return;
  }
  sem->writer = nullptr;
  e.lock_release(sem->cls, sem);
  grant(e, sem);
  e.sched_point();
}

}  // namespace lifeline::sim
