// SPDX-License-Identifier: GPL-2.0-only
// Timers in virtual time, modelled on the kernel's timer_list. A timer's
// callback runs in the scheduler's context (like a softirq): it may wake
// tasks, queue work or arm timers, but it must not sleep.
#ifndef LIFELINE_SIM_TIMER_H_
#define LIFELINE_SIM_TIMER_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "lifeline/sim/time.h"

namespace lifeline::sim {

class Task;

// A timer must live until it fires, is deleted, or the execution ends (model
// objects do: kfree() only poisons them).
struct TimerList {
  std::function<void()> function;
  Time expires = 0;
  bool pending = false;
  // A poll timer (a state machine's periodic poll) does not keep the system
  // from being "settled": see Engine::wait_idle().
  bool poll = false;
  uint32_t name_id = 0;
  uint64_t gen = 0;  // bumps on every (re)arm and delete; stale heap entries are skipped
  Task* wake_task = nullptr;  // engine-internal: a timed wait's wake-up
  uint64_t wake_seq = 0;
};

// timer_setup(): name appears in the trace when the timer fires.
void timer_setup(TimerList* timer, std::string_view name, std::function<void()> fn,
                 bool poll = false);
// mod_timer(): (re)arms to fire at absolute virtual time `expires`; returns
// whether it was pending.
bool mod_timer(TimerList* timer, Time expires);
void add_timer(TimerList* timer);  // arms at timer->expires
// del_timer() / timer_delete(): returns whether it was pending. Callbacks run
// in the scheduler, never concurrently with a task, so the _sync variant is
// the same.
bool del_timer(TimerList* timer);
inline bool del_timer_sync(TimerList* timer) { return del_timer(timer); }
inline bool timer_pending(const TimerList* timer) { return timer->pending; }

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_TIMER_H_
