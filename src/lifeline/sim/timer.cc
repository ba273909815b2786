// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/timer.h"

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

void timer_setup(TimerList* timer, std::string_view name, std::function<void()> fn, bool poll) {
  Engine& e = Engine::current();
  e.timer_cancel(timer);
  timer->function = std::move(fn);
  timer->poll = poll;
  timer->name_id = e.intern(name);
}

bool mod_timer(TimerList* timer, Time expires) {
  bool was = timer->pending;
  Engine::current().timer_arm(timer, expires);
  return was;
}

void add_timer(TimerList* timer) { Engine::current().timer_arm(timer, timer->expires); }

bool del_timer(TimerList* timer) {
  bool was = timer->pending;
  Engine::current().timer_cancel(timer);
  return was;
}

}  // namespace lifeline::sim
