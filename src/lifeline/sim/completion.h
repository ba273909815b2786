// SPDX-License-Identifier: GPL-2.0-only
// struct completion.
#ifndef LIFELINE_SIM_COMPLETION_H_
#define LIFELINE_SIM_COMPLETION_H_

#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/fifo.h"
#include "lifeline/sim/task.h"
#include "lifeline/sim/time.h"

namespace lifeline::sim {

class Completion : public WaitTarget {
 public:
  Completion() = default;
  explicit Completion(std::string_view name) : name(name) {}
  std::string describe() const override { return "completion " + name; }
  // The tasks expected to complete it, when the waiter knows them (a shell
  // waiting for its background jobs): a waiter on a completion whose
  // completers are all stuck is stuck too.
  void owners(std::vector<const Task*>& out) const override;

  std::string name;
  std::vector<const Task*> completers;
  unsigned done = 0;
  Fifo<Task*> waiters;
};

inline constexpr unsigned kCompleteAll = 1u << 30;

void init_completion(Completion* c, std::string_view name);
inline void reinit_completion(Completion* c) { c->done = 0; }
void complete(Completion* c);
void complete_all(Completion* c);
void wait_for_completion(Completion* c);
// Returns false when the timeout passed first (the kernel returns 0 then).
bool wait_for_completion_timeout(Completion* c, Time timeout);
bool try_wait_for_completion(Completion* c);
inline bool completion_done(const Completion* c) { return c->done > 0; }

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_COMPLETION_H_
