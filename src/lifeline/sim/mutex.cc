// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/mutex.h"

#include <fmt/format.h>

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

namespace {
// Stands for "locked from the scheduler's context" (setup code or a timer).
Task* host_owner() {
  static Task host;
  return &host;
}
}  // namespace

Mutex::Mutex(std::string_view class_name, bool novalidate) {
  mutex_init(this, class_name, novalidate);
}

std::string Mutex::describe() const {
  return lock_class_name(cls);
}

void Mutex::owners(std::vector<const Task*>& out) const {
  if (owner && owner != host_owner()) out.push_back(owner);
}

void mutex_init(Mutex* m, std::string_view class_name, bool novalidate) {
  m->cls = lock_class(class_name, novalidate);
  m->owner = nullptr;
  m->waiters.clear();
  m->initialized = true;
}

void mutex_lock(Mutex* m) {
  Engine& e = Engine::current();
  if (!m->initialized) mutex_init(m, "(uninitialized mutex)");
  e.sched_point();
  Task* cur = e.current_task();
  e.lock_acquire(m->cls, m, false);
  if (!m->owner) {
    m->owner = cur ? cur : host_owner();
    return;
  }
  if (!cur) {
    e.block(WaitKind::kMutex, m);  // reports sleeping in atomic context
    return;
  }
  m->waiters.push_back(cur);
  e.block(WaitKind::kMutex, m);
  // Woken by mutex_unlock(), which handed us the lock.
}

bool mutex_trylock(Mutex* m) {
  Engine& e = Engine::current();
  if (!m->initialized) mutex_init(m, "(uninitialized mutex)");
  e.sched_point();
  if (m->owner) return false;
  Task* cur = e.current_task();
  m->owner = cur ? cur : host_owner();
  // A trylock cannot deadlock, but what is taken under it still orders.
  if (cur) {
    cur->held.push_back(HeldLock{m->cls, m, false});
    e.trace_event(EventKind::kAcquire, m->cls, 0);
  }
  return true;
}

void mutex_unlock(Mutex* m) {
  Engine& e = Engine::current();
  Task* cur = e.current_task();
  Task* me = cur ? cur : host_owner();
  if (m->owner != me) {
    warn(fmt::format("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current): {} unlocks {} owned by {}",
                     cur ? cur->name : "scheduler", lock_class_name(m->cls),
                     m->owner ? m->owner->name : "nobody"));
    if (!m->owner) return;
  }
  e.lock_release(m->cls, m);
  if (!m->waiters.empty()) {
    m->owner = m->waiters.front();
    m->waiters.pop_front();
    e.wake(m->owner);
  } else {
    m->owner = nullptr;
  }
  e.sched_point();
}

void lockdep_assert_held(const Mutex* m) {
  Engine& e = Engine::current();
  Task* cur = e.current_task();
  if (m->owner != (cur ? cur : host_owner()))
    warn(fmt::format("WARNING: lockdep_assert_held({}) failed in {}", lock_class_name(m->cls),
                     cur ? describe_stack(*cur) : "scheduler"));
}

}  // namespace lifeline::sim
