// SPDX-License-Identifier: GPL-2.0-only
// struct rw_semaphore. A waiting writer blocks new readers, as in the
// kernel, which is what turns "unregister a notifier from inside its own
// callback" into a deadlock.
#ifndef LIFELINE_SIM_RWSEM_H_
#define LIFELINE_SIM_RWSEM_H_

#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/fifo.h"
#include "lifeline/sim/task.h"

namespace lifeline::sim {

class RwSemaphore : public WaitTarget {
 public:
  RwSemaphore() = default;
  explicit RwSemaphore(std::string_view class_name);
  std::string describe() const override;
  void owners(std::vector<const Task*>& out) const override;

  struct Waiter {
    Task* task;
    bool write;
  };
  uint32_t cls = 0;
  Task* writer = nullptr;
  std::vector<Task*> readers;  // tasks holding it for read (a task may repeat)
  Fifo<Waiter> waiters;
  bool initialized = false;
};

void init_rwsem(RwSemaphore* sem, std::string_view class_name);
void down_read(RwSemaphore* sem);
void up_read(RwSemaphore* sem);
void down_write(RwSemaphore* sem);
void up_write(RwSemaphore* sem);
bool down_read_trylock(RwSemaphore* sem);
bool down_write_trylock(RwSemaphore* sem);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_RWSEM_H_
