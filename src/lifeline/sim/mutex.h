// SPDX-License-Identifier: GPL-2.0-only
// struct mutex, with a lockdep class. Model code locks and unlocks
// explicitly, as the kernel does: an oops unwinds the task without releasing
// what it holds, so later waiters hang exactly as they would on a real system.
#ifndef LIFELINE_SIM_MUTEX_H_
#define LIFELINE_SIM_MUTEX_H_

#include <string>
#include <string_view>

#include "lifeline/sim/fifo.h"
#include "lifeline/sim/task.h"

namespace lifeline::sim {

class Mutex : public WaitTarget {
 public:
  Mutex() = default;
  explicit Mutex(std::string_view class_name, bool novalidate = false);
  std::string describe() const override;
  void owners(std::vector<const Task*>& out) const override;

  uint32_t cls = 0;
  Task* owner = nullptr;
  Fifo<Task*> waiters;
  bool initialized = false;
};

// mutex_init(): the class name is lockdep's ("&phydev->lock", "rtnl_mutex").
// All mutexes initialised with one name share a class, like one init site.
void mutex_init(Mutex* m, std::string_view class_name, bool novalidate = false);
void mutex_lock(Mutex* m);
void mutex_unlock(Mutex* m);
bool mutex_trylock(Mutex* m);
inline bool mutex_is_locked(const Mutex* m) { return m->owner != nullptr; }
// lockdep_assert_held(): a WARN when the running task does not own `m`.
void lockdep_assert_held(const Mutex* m);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_MUTEX_H_
