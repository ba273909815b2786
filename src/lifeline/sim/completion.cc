// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/completion.h"

#include <algorithm>

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

void init_completion(Completion* c, std::string_view name) {
  c->name = std::string(name);
  c->done = 0;
  c->waiters.clear();
}

void Completion::owners(std::vector<const Task*>& out) const {
  for (const Task* t : completers)
    if (t->state != TaskState::kDone) out.push_back(t);
}

void complete(Completion* c) {
  Engine& e = Engine::current();
  e.touch(AccessKind::kCompletion, c);
  if (c->done != kCompleteAll) ++c->done;
  if (!c->waiters.empty()) {
    Task* t = c->waiters.front();
    c->waiters.pop_front();
    e.wake(t);
  }
  e.sched_point();
}

void complete_all(Completion* c) {
  Engine& e = Engine::current();
  e.touch(AccessKind::kCompletion, c);
  c->done = kCompleteAll;
  while (!c->waiters.empty()) {
    e.wake(c->waiters.front());
    c->waiters.pop_front();
  }
  e.sched_point();
}

bool try_wait_for_completion(Completion* c) {
  Engine::current().touch(AccessKind::kCompletion, c);
  if (!c->done) return false;
  if (c->done != kCompleteAll) --c->done;
  return true;
}

bool wait_for_completion_timeout(Completion* c, Time timeout) {
  Engine& e = Engine::current();
  e.sched_point();
  e.touch(AccessKind::kCompletion, c);
  while (!c->done) {
    Task* cur = e.current_task();
    c->waiters.push_back(cur);
    bool timed_out = e.block(WaitKind::kCompletion, c, timeout);
    e.touch(AccessKind::kCompletion, c);
    if (timed_out) {
      auto it = std::find(c->waiters.begin(), c->waiters.end(), cur);
      if (it != c->waiters.end()) c->waiters.erase(it);
      if (!c->done) return false;
    }
  }
  if (c->done != kCompleteAll) --c->done;
  return true;
}

void wait_for_completion(Completion* c) { wait_for_completion_timeout(c, kForever); }

}  // namespace lifeline::sim
