// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "lifeline/sim/arena.h"
#include "lifeline/sim/snapshot.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::sim {

namespace {

thread_local Engine* tl_engine = nullptr;
const ThreadRoot kEngineRoot([]() -> void* { return &tl_engine; }, sizeof(tl_engine));

// Thrown into a task to end it: an oops, or the end of the execution.
struct OopsUnwind {};
struct TaskKilled {};

#if defined(LIFELINE_ASAN)
constexpr size_t kStackSize = 1024 * 1024;
#else
constexpr size_t kStackSize = 256 * 1024;
#endif

const char* wait_kind_name(WaitKind k) {
  switch (k) {
    case WaitKind::kNone:
      return "none";
    case WaitKind::kMutex:
      return "mutex";
    case WaitKind::kRwsemRead:
      return "rwsem read";
    case WaitKind::kRwsemWrite:
      return "rwsem write";
    case WaitKind::kCompletion:
      return "completion";
    case WaitKind::kFlush:
      return "flush";
    case WaitKind::kSleep:
      return "sleep";
    case WaitKind::kIdle:
      return "idle";
  }
  return "?";
}

}  // namespace

Engine::Engine() : stacks_(kStackSize) { tl_engine = this; }

Engine::~Engine() {
  Engine* saved = tl_engine;
  tl_engine = this;
  kill_all();
  while (!arena_.empty()) arena_.pop_back();
  reap();
  for (auto& t : tasks_)
    if (t->stack.mapping) stacks_.release(t->stack);
  for (auto& t : task_pool_)
    if (t->stack.mapping) stacks_.release(t->stack);
  tl_engine = saved == this ? nullptr : saved;
}

Engine& Engine::current() {
  if (!tl_engine) {
    std::fprintf(stderr, "lifeline: model code ran outside an engine\n");
    std::abort();
  }
  return *tl_engine;
}

Engine* Engine::current_or_null() { return tl_engine; }

// ---------------------------------------------------------------- executions

void Engine::reset(const EngineOptions& options) {
  tl_engine = this;
  kill_all();
  options_ = options;
  strategy_ = options.strategy ? options.strategy : &fifo_;
  for (auto& t : tasks_) {
    t->fn = nullptr;
    task_pool_.push_back(std::move(t));
  }
  tasks_.clear();
  live_.clear();
  live_done_ = 0;
  runnable_.clear();
  idle_waiters_.clear();
  current_ = nullptr;
  zombie_ = nullptr;
  runnable_seq_ = 0;
  essential_alive_ = 0;
  had_essential_ = false;
  step_limit_hit_ = false;
  essential_stuck_ = false;
  choice_window_ = true;
  snapshot_armed_ = snapshot_pending_ = at_snapshot_point_ = false;
  resume_task_ = nullptr;
  now_ = 0;
  steps_ = 0;
  progress_ = 0;
  timer_order_ = 0;
  nonpoll_timers_ = 0;
  timers_ = {};
  findings_.clear();
  choices_.clear();
  recording_ = false;
  stop_requested_ = false;
  accesses_.clear();
  access_begin_.clear();
  options_log_.clear();
  options_begin_.clear();
  key_ids_.clear();
  trace_.reset(options.record_trace);
  lockdep_.reset();
  // Objects die in reverse order of creation, after every task is gone.
  while (!arena_.empty()) arena_.pop_back();
  system_wq_ = system_power_efficient_wq_ = system_long_wq_ = nullptr;
  strings_.clear();
  string_ids_.clear();
  intern("");
  ArenaPause heap;  // the strategy's state is the explorer's, not the execution's
  strategy_->begin_execution();
}

Task* Engine::new_task(std::string name, std::function<void()> fn, bool essential) {
  std::unique_ptr<Task> t;
  if (!task_pool_.empty()) {
    t = std::move(task_pool_.back());
    task_pool_.pop_back();
    *t = Task{};
  } else {
    t = std::make_unique<Task>();
  }
  t->id = static_cast<uint32_t>(tasks_.size());
  t->name = std::move(name);
  t->fn = std::move(fn);
  t->essential = essential;
  if (!t->stack.mapping) t->stack = stacks_.acquire();
  fiber_prepare(t->ctx, t->stack, &Engine::task_entry, t.get());
  if (essential) {
    ++essential_alive_;
    had_essential_ = true;
  }
  Task* raw = t.get();
  tasks_.push_back(std::move(t));
  live_.push_back(raw);
  {
    ArenaPause heap;
    strategy_->on_spawn(*raw);
  }
  return raw;
}

Task* Engine::spawn(std::string name, std::function<void()> fn, bool essential) {
  Task* t = new_task(std::move(name), std::move(fn), essential);
  t->state = TaskState::kRunnable;
  t->runnable_seq = ++runnable_seq_;
  runnable_.push_back(t);
  trace_event(EventKind::kSpawn, t->id);
  touch(AccessKind::kTask, t, true, t->id);
  return t;
}

namespace {
// The timer behind spawn_at(); owned by the execution like any model object.
struct SpawnTimer : Object {
  explicit SpawnTimer(std::string task_name) : Object("timer", std::move(task_name)) {}
  TimerList timer;
};
}  // namespace

void Engine::spawn_at(Time when, std::string name, std::function<void()> fn, bool essential,
                      bool background) {
  if (essential) {
    // Counted now, so the execution does not end before the task exists.
    ++essential_alive_;
    had_essential_ = true;
  }
  auto owned = std::make_unique<SpawnTimer>(name);
  SpawnTimer* st = owned.get();
  adopt(std::move(owned));
  st->timer.name_id = intern("spawn " + name);
  st->timer.poll = background;
  st->timer.function = [this, name = std::move(name), fn = std::move(fn), essential]() mutable {
    Task* t = spawn(std::move(name), std::move(fn), false);
    t->essential = essential;  // already counted by spawn_at()
  };
  timer_arm(&st->timer, when);
}

std::span<const Access> Engine::accesses(size_t i) const {
  if (i >= access_begin_.size()) return {};
  size_t end = i + 1 < access_begin_.size() ? access_begin_[i + 1] : accesses_.size();
  return std::span<const Access>(accesses_.data() + access_begin_[i], end - access_begin_[i]);
}

std::span<const uint32_t> Engine::choice_options(size_t i) const {
  if (i >= options_begin_.size()) return {};
  size_t end = i + 1 < options_begin_.size() ? options_begin_[i + 1] : options_log_.size();
  return std::span<const uint32_t>(options_log_.data() + options_begin_[i],
                                   end - options_begin_[i]);
}

void Engine::record_access(AccessKind kind, const void* key, bool write, uint32_t detail,
                           uint32_t task) {
  if (task == kNoTask && current_) task = current_->id;
  // A step touches the same thing many times in a row (every dereference
  // of one object): keep one entry.
  if (accesses_.size() > access_begin_.back()) {
    const Access& last = accesses_.back();
    if (last.key == key && last.kind == kind && last.write == write && last.task == task) return;
  }
  uint32_t id = 0;
  if (kind != AccessKind::kUnknown)
    id = key_ids_.try_emplace(key, static_cast<uint32_t>(key_ids_.size())).first->second;
  accesses_.push_back(Access{key, id, detail, task, kind, write});
}

std::vector<uint32_t> Engine::choice_tasks() const {
  std::vector<uint32_t> ids;
  ids.reserve(choices_.size());
  for (const Choice& c : choices_) ids.push_back(c.task);
  return ids;
}

const char* Engine::task_name(uint32_t id) const {
  if (id == kNoTask || id >= tasks_.size()) return "scheduler";
  return tasks_[id]->name.c_str();
}

StopReason Engine::run(Time until) {
  tl_engine = this;
  at_snapshot_point_ = false;
  for (;;) {
    if (snapshot_pending_) {
      snapshot_pending_ = false;
      at_snapshot_point_ = true;
      return StopReason::kAborted;
    }
    if (Task* t = resume_task_) {  // straight back to it: the snapshot made no choice
      resume_task_ = nullptr;
      switch_task(nullptr, t);
      continue;
    }
    if (step_limit_hit_) return StopReason::kStepLimit;
    if (stop_requested_) return StopReason::kAborted;
    if (had_essential_ && essential_alive_ == 0) return StopReason::kEssentialDone;
    if (essential_stuck_) {
      // As at idle: every task that waits forever is said, with what it
      // waits for (a reader sees the whole jam, not only its first cycle).
      for (Task* t : live_tasks())
        if (t->state == TaskState::kBlocked && !t->deadlock_reported && waits_forever(t))
          report_stall(t);
      return StopReason::kEssentialStuck;
    }
    if (!runnable_.empty()) {
      Task* t = choose(-1);
      if (!t) return StopReason::kAborted;
      switch_task(nullptr, t);
      continue;
    }
    if (!advance(until))
      return now_ >= until && until != kForever ? StopReason::kTimeLimit : StopReason::kIdle;
  }
}

// ---------------------------------------------------------------- scheduling

int Engine::run_queue_index(const Task* t) const {
  for (size_t i = 0; i < runnable_.size(); ++i)
    if (runnable_[i] == t) return static_cast<int>(i);
  return -1;
}

void Engine::remove_runnable(Task* t) {
  auto it = std::find(runnable_.begin(), runnable_.end(), t);
  if (it != runnable_.end()) runnable_.erase(it);
}

Task* Engine::choose(int current) {
  if (runnable_.size() == 1) return runnable_[0];
  if (!choice_window_) return runnable_[current >= 0 ? current : 0];
  ChoicePoint p{std::span<Task* const>(runnable_.data(), runnable_.size()), current, steps_};
  size_t idx;
  {
    ArenaPause heap;
    idx = strategy_->choose(p);
  }
  if (stop_requested_) return nullptr;
  if (idx >= runnable_.size()) idx = 0;
  Task* chosen = runnable_[idx];
  choices_.push_back(Choice{chosen->id, static_cast<uint16_t>(runnable_.size()),
                            static_cast<uint16_t>(idx), static_cast<int16_t>(current),
                            chosen->frames.empty() ? nullptr : chosen->frames.back()});
  if (options_.record_accesses) {
    recording_ = true;
    access_begin_.push_back(static_cast<uint32_t>(accesses_.size()));
    options_begin_.push_back(static_cast<uint32_t>(options_log_.size()));
    for (Task* t : runnable_) options_log_.push_back(t->id);
    // The chosen task's step starts here (the one running is still current_).
    record_access(AccessKind::kTask, chosen, true, chosen->id, chosen->id);
  }
  return chosen;
}

void Engine::switch_task(Task* from, Task* to) {
  current_ = to;
  if (to) touch(AccessKind::kTask, to, true, to->id);
  FiberContext& from_ctx = from ? from->ctx : scheduler_ctx_;
  FiberContext& to_ctx = to ? to->ctx : scheduler_ctx_;
  fiber_switch(from_ctx, to_ctx);
  // Resumed: `from` runs again (current_ was set by whoever switched here).
  reap();
}

void Engine::reap() {
  if (!zombie_) return;
  // Safe now: we run on another stack than the finished task's.
  stacks_.release(zombie_->stack);
  zombie_->stack = FiberStack{};
  zombie_ = nullptr;
}

void Engine::snapshot_yield() {
  Task* cur = current_;
  snapshot_armed_ = false;
  if (!cur || killing_) return;
  snapshot_pending_ = true;
  resume_task_ = cur;
  switch_task(cur, nullptr);
  if (cur->killed && killing_) throw TaskKilled{};
}

bool Engine::in_arena(const Arena* arena) const {
  const char* self = reinterpret_cast<const char*>(this);
  return arena && self >= arena->base() && self + sizeof(*this) <= arena->top();
}

void Engine::for_each_suspended_stack(const std::function<void(char*, char*)>& f) const {
  for (const auto& t : tasks_) {
    if (!t->stack.mapping || t->state == TaskState::kDone || t.get() == current_) continue;
    // fcontext keeps a suspended context's registers at its stack pointer:
    // the live part of the stack is from there to the top.
    char* sp = static_cast<char*>(t->ctx.fctx);
    if (sp < t->stack.bottom() || sp >= t->stack.top()) continue;
    f(sp, t->stack.top());
  }
}

void Engine::resume_from_snapshot(const EngineOptions& options, size_t stack_mark,
                                  bool replay_spawns) {
  tl_engine = this;
  options_ = options;
  strategy_ = options.strategy ? options.strategy : &fifo_;
  stacks_.reclaim_since(stack_mark);
  if (!replay_spawns) return;
  ArenaPause heap;
  strategy_->begin_execution();
  for (const auto& t : tasks_) strategy_->on_spawn(*t);
}

void Engine::sched_point_slow() {
  Task* cur = current_;
  if (!cur || killing_) return;
  if (steps_ > options_.max_steps) {
    if (!step_limit_hit_) {
      step_limit_hit_ = true;
      report(
          FindingKind::kHungTask,
          fmt::format("livelock: the execution passed {} scheduling points", options_.max_steps));
    }
    switch_task(cur, nullptr);
    if (cur->killed && killing_) throw TaskKilled{};
    return;
  }
  if (runnable_.size() <= 1) return;
  Task* next = choose(run_queue_index(cur));
  if (!next) {  // request_stop(): back to the scheduler, which ends the run
    switch_task(cur, nullptr);
    if (cur->killed && killing_) throw TaskKilled{};
    return;
  }
  if (next == cur) return;
  trace_event(EventKind::kPreempt, next->id);
  switch_task(cur, next);
  if (cur->killed && killing_) throw TaskKilled{};
}

bool Engine::block(WaitKind kind, const WaitTarget* target, Time timeout) {
  Task* cur = current_;
  if (!cur) {
    report(FindingKind::kWarn,
           fmt::format("BUG: sleeping function called from invalid context (timer callback "
                       "waits for {})",
                       target ? target->describe() : wait_kind_name(kind)));
    return true;
  }
  if (killing_) throw TaskKilled{};
  ++steps_;
  cur->state = kind == WaitKind::kSleep ? TaskState::kSleeping : TaskState::kBlocked;
  cur->wait_kind = kind;
  cur->waiting_on = target;
  cur->blocked_since = now_;
  cur->timed_out = false;
  remove_runnable(cur);
  trace_event(EventKind::kBlock, static_cast<uint32_t>(kind));
  if (timeout != kForever) {
    cur->wait_timer.wake_task = cur;
    cur->wait_timer.wake_seq = cur->wait_seq;
    timer_arm(&cur->wait_timer, now_ + timeout);
  }
  if (kind != WaitKind::kSleep && target) {
    check_wait_cycle(cur);
    if (cur->essential && timeout == kForever && waits_forever(cur)) essential_stuck_ = true;
  }
  Task* next = runnable_.empty() ? nullptr : choose(-1);
  switch_task(cur, next);
  timer_cancel(&cur->wait_timer);
  if (cur->killed && killing_) throw TaskKilled{};
  return cur->timed_out;
}

void Engine::wake(Task* t) {
  if (t->state != TaskState::kBlocked && t->state != TaskState::kSleeping &&
      t->state != TaskState::kIdleWait)
    return;
  t->state = TaskState::kRunnable;
  t->wait_kind = WaitKind::kNone;
  t->waiting_on = nullptr;
  ++t->wait_seq;
  t->runnable_seq = ++runnable_seq_;
  runnable_.push_back(t);
  trace_event(EventKind::kWake, t->id);
  touch(AccessKind::kTask, t, true, t->id);
}

void Engine::wait_idle() {
  Task* cur = current_;
  if (!cur) return;
  cur->state = TaskState::kIdleWait;
  remove_runnable(cur);
  idle_waiters_.push_back(cur);
  ++steps_;
  Task* next = runnable_.empty() ? nullptr : choose(-1);
  switch_task(cur, next);
  if (cur->killed && killing_) throw TaskKilled{};
}

void Engine::task_entry(void* arg) {
  Task* t = static_cast<Task*>(arg);
  Engine& e = *tl_engine;
  e.reap();
  if (!t->killed) {
    try {
      t->fn();
    } catch (const OopsUnwind&) {
      t->oopsed = true;
      // Its locks stay held: whoever waits for them waits forever.
      e.check_essential_waits();
    } catch (const TaskKilled&) {
    } catch (const std::exception& ex) {
      // A model bug, not a kernel one; still reported as a dead task.
      e.findings_.push_back(Finding{FindingKind::kOops,
                                    fmt::format("internal error in {}: {}", t->name, ex.what()),
                                    e.now_,
                                    t->name,
                                    {},
                                    e.history(),
                                    1});
      e.findings_.back().history_kinds = e.history_kinds();
      t->oopsed = true;
    }
  }
  t->fn = nullptr;
  if (!t->killed && t->on_exit) {
    std::function<void()> on_exit = std::move(t->on_exit);
    t->on_exit = nullptr;
    try {
      on_exit();
    } catch (const OopsUnwind&) {
    } catch (const TaskKilled&) {
    }
  }
  e.exit_task(t);
}

void Engine::exit_task(Task* t) {
  if (!t->oopsed && !t->killed && !t->held.empty()) {
    std::vector<std::string> held;
    for (const HeldLock& h : t->held) held.push_back("held: " + lock_class_name(h.class_id));
    report(FindingKind::kLockdep,
           fmt::format("lock held when returning to user space: {} exited holding {}", t->name,
                       lock_class_name(t->held.back().class_id)),
           std::move(held));
  }
  trace_event(t->oopsed ? EventKind::kKilled : EventKind::kExit);
  t->state = TaskState::kDone;
  ++live_done_;
  remove_runnable(t);
  if (t->essential) --essential_alive_;
  zombie_ = t;
  Task* next = nullptr;
  if (!killing_ && !(had_essential_ && essential_alive_ == 0) && !runnable_.empty())
    next = choose(-1);
  current_ = next;
  fiber_exit_to(next ? next->ctx : scheduler_ctx_);
}

void Engine::kill_all() {
  if (tasks_.empty()) return;
  killing_ = true;
  // By index: unwinding may create tasks, which are killed in turn.
  for (size_t i = 0; i < tasks_.size(); ++i) {
    Task* t = tasks_[i].get();
    if (t->state == TaskState::kDone) continue;
    t->killed = true;
    // A task that never ran is entered too: its entry sees `killed` and exits
    // at once, which keeps every fiber's end the same.
    switch_task(nullptr, t);
  }
  killing_ = false;
}

// ---------------------------------------------------------------- time

void Engine::timer_arm(TimerList* t, Time expires) {
  touch(AccessKind::kTimer, t);
  if (t->pending && !t->poll) --nonpoll_timers_;
  t->expires = expires < now_ ? now_ : expires;
  t->pending = true;
  ++t->gen;
  if (!t->poll) ++nonpoll_timers_;
  timers_.push(TimerEntry{t->expires, ++timer_order_, t, t->gen});
}

void Engine::timer_cancel(TimerList* t) {
  touch(AccessKind::kTimer, t);
  if (!t->pending) return;
  t->pending = false;
  ++t->gen;
  if (!t->poll) --nonpoll_timers_;
}

bool Engine::advance(Time until) {
  auto drop_stale = [&] {
    while (!timers_.empty()) {
      const TimerEntry& e = timers_.top();
      if (e.timer->pending && e.timer->gen == e.gen) break;
      timers_.pop();
    }
  };
  drop_stale();
  if (!idle_waiters_.empty() && nonpoll_timers_ == 0) {
    // Settling, time passing, a timer firing: every task can see them.
    touch_unknown();
    for (Task* t : idle_waiters_) wake(t);
    idle_waiters_.clear();
    return true;
  }
  if (timers_.empty()) {
    report_stalled_tasks();
    return false;
  }
  Time next = timers_.top().expires;
  if (next > until) {
    now_ = until;
    return false;
  }
  touch_unknown();
  if (next > now_) {
    check_hung_tasks(next);
    now_ = next;
  }
  while (!timers_.empty()) {
    drop_stale();
    if (timers_.empty() || timers_.top().expires != now_) break;
    TimerEntry e = timers_.top();
    timers_.pop();
    fire_timer(e.timer);
    if (!runnable_.empty()) break;  // let woken tasks run before later timers of this instant
  }
  return true;
}

void Engine::fire_timer(TimerList* t) {
  t->pending = false;
  ++t->gen;
  if (!t->poll) --nonpoll_timers_;
  if (t->wake_task) {
    Task* task = t->wake_task;
    if (task->wait_seq == t->wake_seq &&
        (task->state == TaskState::kBlocked || task->state == TaskState::kSleeping)) {
      task->timed_out = task->state == TaskState::kBlocked;
      wake(task);
    }
    return;
  }
  if (t->name_id) trace_event(EventKind::kTimer, t->name_id);
  try {
    if (t->function) t->function();
  } catch (const OopsUnwind&) {
    // The oops is already filed; a timer has no task to kill.
  }
}

const std::vector<Task*>& Engine::live_tasks() {
  // Compacted once half of it has ended: the cost stays linear in the tasks
  // spawned, however many short-lived workers a long run starts (a polled
  // PHY's state machine spawns one a second).
  if (live_done_ * 2 > live_.size()) {
    std::erase_if(live_, [](const Task* t) { return t->state == TaskState::kDone; });
    live_done_ = 0;
  }
  return live_;
}

void Engine::check_hung_tasks(Time horizon) {
  // Reported at the instant the limit passed, as if khungtaskd ran then.
  for (Task* t : live_tasks()) {
    if (t->state != TaskState::kBlocked || t->hung_reported || t->deadlock_reported) continue;
    Time deadline = t->blocked_since + options_.hung_task_timeout;
    if (deadline > horizon) continue;
    t->hung_reported = true;
    if (t->essential) essential_stuck_ = true;
    findings_.push_back(
        Finding{FindingKind::kHungTask,
                fmt::format("INFO: task {} blocked for more than {} seconds", t->name,
                            options_.hung_task_timeout / kSec),
                deadline,
                t->name,
                {fmt::format("waiting for {} ({})", t->waiting_on ? t->waiting_on->describe() : "?",
                             wait_kind_name(t->wait_kind)),
                 "stack: " + describe_stack(*t)},
                history(),
                1,
                frames_of(*t),
                t->name,
                history_kinds()});
  }
}

void Engine::check_wait_cycle(Task* start) {
  // Follow who-waits-for-whom from `start`; a path back to it is a deadlock.
  std::vector<const Task*> path{start};
  std::vector<const Task*> owners;
  std::function<bool(const Task*)> visit = [&](const Task* t) -> bool {
    if (!t->waiting_on || t->state != TaskState::kBlocked) return false;
    owners.clear();
    t->waiting_on->owners(owners);
    std::vector<const Task*> mine = owners;
    for (const Task* o : mine) {
      if (o == start) return true;
      if (std::find(path.begin(), path.end(), o) != path.end()) continue;
      path.push_back(o);
      if (visit(o)) return true;
      path.pop_back();
    }
    return false;
  };
  if (!visit(start)) return;
  std::vector<std::string> details;
  std::string cycle;
  for (size_t i = 0; i < path.size(); ++i) {
    const Task* t = path[i];
    const Task* next = path[(i + 1) % path.size()];
    details.push_back(fmt::format("{} waits for {} held by {}", describe_stack(*t),
                                  t->waiting_on->describe(), next->name));
    cycle += (i ? " -> " : "") + t->name;
    const_cast<Task*>(t)->deadlock_reported = true;
  }
  Finding& f = report(FindingKind::kDeadlock, fmt::format("deadlock: {} -> {}", cycle, start->name),
                      std::move(details));
  f.waiter = start->name;
  check_essential_waits();
}

bool Engine::waits_forever(const Task* t) const {
  // Follows who-waits-for-whom: a wait with no timeout on a task that is
  // deadlocked, or dead after an oops with the lock still held, never ends.
  std::vector<const Task*> seen;
  std::vector<const Task*> owners;
  std::function<bool(const Task*)> visit = [&](const Task* w) -> bool {
    if (w->state != TaskState::kBlocked || !w->waiting_on || w->wait_timer.pending) return false;
    if (std::find(seen.begin(), seen.end(), w) != seen.end()) return false;
    seen.push_back(w);
    owners.clear();
    w->waiting_on->owners(owners);
    std::vector<const Task*> mine = owners;
    for (const Task* o : mine) {
      if (o->oopsed || o->deadlock_reported) return true;
      if (visit(o)) return true;
    }
    return false;
  };
  return t->deadlock_reported || visit(t);
}

void Engine::check_essential_waits() {
  for (Task* t : live_tasks())
    if (t->essential && t->state == TaskState::kBlocked && waits_forever(t))
      essential_stuck_ = true;
}

void Engine::report_stalled_tasks() {
  for (Task* t : live_tasks())
    if (t->state == TaskState::kBlocked && !t->deadlock_reported) report_stall(t);
}

void Engine::report_stall(Task* t) {
  t->deadlock_reported = true;
  if (t->essential) essential_stuck_ = true;
  std::vector<const Task*> owners;
  if (t->waiting_on) t->waiting_on->owners(owners);
  std::string by;
  for (const Task* o : owners)
    by += fmt::format("{}{}{}", by.empty() ? " held by " : ", ", o->name,
                      o->oopsed ? " (dead after an oops)" : "");
  Finding& f = report(
      FindingKind::kDeadlock,
      fmt::format("deadlock: {} waits forever for {}{}", t->name,
                  t->waiting_on ? t->waiting_on->describe() : wait_kind_name(t->wait_kind), by),
      {"stack: " + describe_stack(*t)});
  if (f.waiter.empty()) {
    f.waiter = t->name;
    f.stack = frames_of(*t);
  }
}

// ---------------------------------------------------------------- findings

std::vector<std::string> Engine::history() const {
  std::vector<std::string> out;
  for (const Event& e : trace_.last(options_.history_events)) out.push_back(format_event(e));
  return out;
}

std::vector<EventKind> Engine::history_kinds() const {
  std::vector<EventKind> out;
  for (const Event& e : trace_.last(options_.history_events)) out.push_back(e.kind);
  return out;
}

Finding& Engine::report(FindingKind kind, std::string message, std::vector<std::string> details) {
  for (Finding& f : findings_) {
    if (f.kind == kind && f.message == message) {
      ++f.count;
      return f;
    }
  }
  findings_.push_back(Finding{kind, std::move(message), now_, current_ ? current_->name : "",
                              std::move(details), history(), 1});
  findings_.back().history_kinds = history_kinds();
  trace_event(EventKind::kFinding, static_cast<uint32_t>(findings_.size() - 1));
  return findings_.back();
}

void Engine::oops(std::string message, std::vector<std::string> details) {
  if (current_) details.insert(details.begin(), "stack: " + describe_stack(*current_));
  Finding& f = report(FindingKind::kOops, std::move(message), std::move(details));
  if (current_ && f.count == 1) f.stack = frames_of(*current_);
  throw OopsUnwind{};
}

void Engine::note(std::string message, NoteKind kind) {
  uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.push_back(std::move(message));
  trace_event(EventKind::kNote, id, static_cast<uint32_t>(kind));
}

uint32_t Engine::intern(std::string_view s) {
  auto it = string_ids_.find(s);
  if (it != string_ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  string_ids_.emplace(std::string(s), id);
  return id;
}

std::string Engine::format_event(const Event& e) const {
  return fmt::format("[{}] {}: ", format_timestamp(e.time), task_name(e.task)) + event_text(e);
}

std::string Engine::event_text(const Event& e) const {
  switch (e.kind) {
    case EventKind::kSpawn:
      return std::string("spawn ") + task_name(e.a);
    case EventKind::kExit:
      return "exit";
    case EventKind::kKilled:
      return "killed by oops";
    case EventKind::kBlock:
      return std::string("block (") + wait_kind_name(static_cast<WaitKind>(e.a)) + ")";
    case EventKind::kWake:
      return std::string("wake ") + task_name(e.a);
    case EventKind::kAcquire:
      return std::string(e.b ? "down_read " : "lock ") + lock_class_name(e.a);
    case EventKind::kRelease:
      return std::string("unlock ") + lock_class_name(e.a);
    case EventKind::kSleep:
      return fmt::format("msleep {}", e.a);
    case EventKind::kTimer:
      return std::string("timer ") + string_at(e.a);
    case EventKind::kQueueWork:
      return std::string("queue_work ") + string_at(e.a);
    case EventKind::kWorkStart:
      return std::string("work start ") + string_at(e.a);
    case EventKind::kWorkEnd:
      return std::string("work end ") + string_at(e.a);
    case EventKind::kPreempt:
      return std::string("preempted by ") + task_name(e.a);
    case EventKind::kYield:
      return std::string("yield ") + string_at(e.a);
    case EventKind::kNote:
      if (static_cast<NoteKind>(e.b) == NoteKind::kCommand) return "$ " + string_at(e.a);
      return string_at(e.a);
    case EventKind::kFinding:
      return e.a < findings_.size() ? std::string(finding_kind_name(findings_[e.a].kind)) + ": " +
                                          findings_[e.a].message
                                    : std::string("finding");
  }
  return "";
}

// ---------------------------------------------------------------- lockdep

void Engine::lock_acquire_slow(uint32_t cls, const void* instance, bool read) {
  Task* cur = current_;
  touch(AccessKind::kLock, instance, !read, cls);
  if (auto r = lockdep_.check_acquire(*cur, cls, read, now_))
    report(FindingKind::kLockdep, std::move(r->message), std::move(r->details));
  cur->held.push_back(HeldLock{cls, instance, read});
  trace_event(EventKind::kAcquire, cls, read);
}

void Engine::lock_release_slow(uint32_t cls, const void* instance) {
  Task* cur = current_;
  for (size_t i = cur->held.size(); i-- > 0;) {
    if (cur->held[i].instance == instance && cur->held[i].class_id == cls) {
      touch(AccessKind::kLock, instance, !cur->held[i].read, cls);
      cur->held.erase(cur->held.begin() + static_cast<std::ptrdiff_t>(i));
      trace_event(EventKind::kRelease, cls);
      return;
    }
  }
  report(FindingKind::kLockdep,
         fmt::format("bad unlock balance detected: {} releases {} it does not hold", cur->name,
                     lock_class_name(cls)));
}

// ---------------------------------------------------------------- workqueues

Workqueue* Engine::system_wq() {
  if (!system_wq_) system_wq_ = alloc_workqueue("events", 0);
  return system_wq_;
}

Workqueue* Engine::system_power_efficient_wq() {
  if (!system_power_efficient_wq_)
    system_power_efficient_wq_ = alloc_workqueue("events_power_efficient", 0);
  return system_power_efficient_wq_;
}

Workqueue* Engine::system_long_wq() {
  if (!system_long_wq_) system_long_wq_ = alloc_workqueue("events_long", 0);
  return system_long_wq_;
}

// ---------------------------------------------------------------- helpers

void msleep(int64_t ms) { sleep_for(ms * kMsec); }

void sleep_for(Time duration) {
  Engine& e = Engine::current();
  e.trace_event(EventKind::kSleep, static_cast<uint32_t>(duration / kMsec));
  e.block(WaitKind::kSleep, nullptr, duration);
}

void yield(const char* label) {
  Engine& e = Engine::current();
  if (label && e.tracing()) e.trace_event(EventKind::kYield, e.intern(label));
  // What model code touches on either side of an explicit point is not
  // known: the step before it and the step after it conflict with all.
  e.touch_unknown();
  e.sched_point();
  e.touch_unknown();
}

bool warn_on(bool condition, std::string_view message) {
  if (condition) warn(std::string(message));
  return condition;
}

void warn(std::string message) {
  Engine& e = Engine::current();
  std::vector<std::string> details;
  Task* t = e.current_task();
  if (t) details.push_back("stack: " + describe_stack(*t));
  Finding& f = e.report(FindingKind::kWarn, std::move(message), std::move(details));
  if (t && f.count == 1) f.stack = frames_of(*t);
}

Frame::Frame(const char* name) : task_(nullptr) {
  Engine* e = Engine::current_or_null();
  if (e && (task_ = e->current_task())) task_->frames.push_back(name);
}

Frame::~Frame() {
  if (task_ && !task_->frames.empty()) task_->frames.pop_back();
}

}  // namespace lifeline::sim
