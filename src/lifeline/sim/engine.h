// SPDX-License-Identifier: GPL-2.0-only
// The engine: runs one execution of model code at a time. Every kernel
// context is a task on its own fiber; exactly one task runs at a time; at each
// scheduling point the strategy picks the next one; time is virtual.
//
// An execution is determined by its inputs and its list of choices
// (choices()); ReplayStrategy re-runs it exactly.
#ifndef LIFELINE_SIM_ENGINE_H_
#define LIFELINE_SIM_ENGINE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lifeline/sim/fiber.h"
#include "lifeline/sim/finding.h"
#include "lifeline/sim/lockdep.h"
#include "lifeline/sim/object.h"
#include "lifeline/sim/strategy.h"
#include "lifeline/sim/task.h"
#include "lifeline/sim/time.h"
#include "lifeline/sim/timer.h"
#include "lifeline/sim/trace.h"

namespace lifeline::sim {

class Workqueue;
class Arena;

struct EngineOptions {
  Strategy* strategy = nullptr;  // nullptr: fifo
  bool record_trace = false;     // keep every event, not only the recent ones
  Time hung_task_timeout = 120 * kSec;
  uint64_t max_steps = 20'000'000;  // scheduling points before a livelock is reported
  size_t history_events = 12;       // events attached to each finding
  // Record what each step between two choices touched (accesses()), for
  // partial-order reduction (sim/dpor.h) and for showing a schedule.
  bool record_accesses = false;
};

// What a step touched, as the engine's machinery sees it: a lock taken or
// released, a tracked object dereferenced or freed, a work item queued, run,
// flushed or cancelled, a timer armed or cancelled, a completion, a task
// spawned, woken or run. kUnknown is an access the engine cannot name (an
// explicit yield() where model code touches shared state, virtual time
// passing, a timer firing): it conflicts with every other access.
// kMemory is a READ_ONCE()/WRITE_ONCE() of a variable (sim/once.h).
enum class AccessKind : uint8_t {
  kUnknown,
  kLock,
  kObject,
  kWork,
  kTimer,
  kCompletion,
  kTask,
  kMemory
};

struct Access {
  const void* key;  // the lock, object, work item, ...; nullptr for kUnknown
  // The key's number in this execution, in the order keys were first
  // touched: the same in two executions as far as they share a prefix.
  uint32_t id;
  uint32_t detail;  // kLock: the lock class; kTask: the task id
  uint32_t task;    // the task that ran (kNoTask: the scheduler)
  AccessKind kind;
  bool write;  // false: a read (a shared acquisition of a rwsem, READ_ONCE())
  bool conflicts(const Access& o) const {
    if (kind == AccessKind::kUnknown || o.kind == AccessKind::kUnknown) return true;
    return id == o.id && (write || o.write);
  }
};

// A choice made at a scheduling point with more than one runnable task.
struct Choice {
  uint32_t task;     // id of the task chosen
  uint16_t options;  // number of runnable tasks
  uint16_t index;    // index chosen among them (run-queue order)
  int16_t current;   // index of the task that was running, -1 if none
  // The model function the chosen task was in (its innermost LL_FUNC()
  // frame), nullptr when it had none: for showing the schedule.
  const char* function = nullptr;
};

// kEssentialStuck: an essential task can never run again (it is in a
// deadlock, waits for a lock a dead or deadlocked task holds, or was blocked
// past the hung-task timeout); the execution stops there, so that what is
// observed afterwards is the state at that moment.
enum class StopReason { kIdle, kEssentialDone, kTimeLimit, kStepLimit, kEssentialStuck, kAborted };

class Engine {
 public:
  Engine();
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The engine whose execution this thread is running or preparing.
  static Engine& current();
  static Engine* current_or_null();

  // Starts a fresh execution: kills what is left of the previous one, frees its
  // objects, and resets clock, findings, trace and lock graph.
  void reset(const EngineOptions& options = {});

  // Creates a task, runnable now. The execution stops when every essential
  // task has ended.
  Task* spawn(std::string name, std::function<void()> fn, bool essential = false);
  // Creates the task at virtual time `when` (a timer spawns it). A
  // background spawn (a module udev loads later) does not keep the system
  // from being settled (wait_idle()).
  void spawn_at(Time when, std::string name, std::function<void()> fn, bool essential = false,
                bool background = false);

  // Runs until every essential task ended, or nothing can run and no timer is
  // pending, or the clock would pass `until`.
  StopReason run(Time until = kForever);

  Time now() const { return now_; }
  uint64_t steps() const { return steps_; }
  const std::vector<Finding>& findings() const { return findings_; }
  const std::vector<Choice>& choices() const { return choices_; }
  // With EngineOptions::record_accesses: what the step that followed choice
  // `i` touched, up to the next choice (or the end of the execution).
  std::span<const Access> accesses(size_t i) const;
  // The task ids runnable at choice `i`, in run-queue order (recorded with
  // the accesses).
  std::span<const uint32_t> choice_options(size_t i) const;
  // Ends the execution at the next scheduling point (an explorer that knows
  // the rest would repeat an execution it ran): run() returns kAborted.
  void request_stop() { stop_requested_ = true; }
  std::vector<uint32_t> choice_tasks() const;
  const Trace& trace() const { return trace_; }
  bool tracing() const { return trace_.recording_all(); }
  const std::vector<std::unique_ptr<Task>>& tasks() const { return tasks_; }
  // "[time] task: TEXT", TEXT as event_text() gives it.
  std::string format_event(const Event& e) const;
  // What the event says, without the time and the task ("$ boot" for a
  // command note).
  std::string event_text(const Event& e) const;
  // The message a kNote event recorded, without a command's "$ ".
  const std::string& note_text(const Event& e) const { return strings_.at(e.a); }
  const std::string& string_at(uint32_t id) const { return strings_.at(id); }
  Task* current_task() const { return current_; }
  const char* task_name(uint32_t id) const;

  // ---- services for the primitives (mutex.cc, workqueue.cc, ...) and model code

  // A scheduling point: the strategy may switch to another runnable task.
  // Inline fast path: with one runnable task there is nothing to choose.
  void sched_point() {
    ++steps_;
    if (runnable_.size() > 1 || steps_ > options_.max_steps) sched_point_slow();
  }
  // Blocks the current task until wake() (or the timeout). Returns true if the
  // timeout ended the wait.
  bool block(WaitKind kind, const WaitTarget* target, Time timeout = kForever);
  void wake(Task* task);
  // Blocks until no task can run and no timer other than poll timers is
  // pending: "settled". Poll timers keep firing while time passes.
  void wait_idle();

  // Files a finding (identical ones fold into a count). Returns it.
  Finding& report(FindingKind kind, std::string message, std::vector<std::string> details = {});
  // Files an oops and ends the current task, leaving its locks held.
  [[noreturn]] void oops(std::string message, std::vector<std::string> details = {});
  // An event for the timeline; `kind` says what sort (a command's message
  // is the command alone: the timeline adds its "$ ").
  void note(std::string message, NoteKind kind = NoteKind::kModel);
  // Choices are made (and recorded) only while the window is open; outside
  // it the engine runs fifo. A scenario opens it around its concurrently
  // blocks, so that exploring interleaves those and not the boot.
  void set_choice_window(bool open) {
    choice_window_ = open;
    if (open && snapshot_armed_) snapshot_yield();
  }

  // ---- snapshots (sim/snapshot.h)

  // The next opening of the choice window ends run() (with kAborted and
  // at_snapshot_point()) with every task suspended, before anything was
  // chosen; run() again goes on from there.
  void arm_snapshot() { snapshot_armed_ = true; }
  bool at_snapshot_point() const { return at_snapshot_point_; }
  // Whether the engine object lies in `arena` (its state is then copied
  // with the arena).
  bool in_arena(const Arena* arena) const;
  // The used part of each suspended task's stack, [lo, hi).
  void for_each_suspended_stack(const std::function<void(char*, char*)>& f) const;
  size_t stack_mark() const { return stacks_.mapped(); }
  // After the arena, the stacks and the roots were copied back: takes the
  // options and strategy of the new execution, tells the strategy of the
  // tasks spawned before the snapshot as reset() and spawn() would have
  // (replay_spawns), and gives the stacks mapped since back to the pool.
  void resume_from_snapshot(const EngineOptions& options, size_t stack_mark, bool replay_spawns);

  // Model code marks a change of observable state (carrier, binding, PHY
  // state); settling waits until a poll period passes without one.
  void mark_progress() { ++progress_; }
  uint64_t progress() const { return progress_; }
  void trace_event(EventKind kind, uint32_t a = 0, uint32_t b = 0) {
    trace_.add(Event{now_, current_ ? current_->id : kNoTask, kind, a, b});
  }
  uint32_t intern(std::string_view s);

  Lockdep& lockdep() { return lockdep_; }
  // lockdep hooks: called by every lock primitive. The common cases (no lock
  // held yet; releasing the last one taken) stay inline.
  void lock_acquire(uint32_t cls, const void* instance, bool read) {
    Task* cur = current_;
    if (!cur) return;
    if (!cur->held.empty()) return lock_acquire_slow(cls, instance, read);
    cur->held.push_back(HeldLock{cls, instance, read});
    trace_event(EventKind::kAcquire, cls, read);
    touch(AccessKind::kLock, instance, !read, cls);
  }
  void lock_release(uint32_t cls, const void* instance) {
    Task* cur = current_;
    if (!cur) return;
    if (!cur->held.empty() && cur->held.back().instance == instance &&
        cur->held.back().class_id == cls) {
      touch(AccessKind::kLock, instance, !cur->held.back().read, cls);
      cur->held.pop_back();
      trace_event(EventKind::kRelease, cls);
      return;
    }
    lock_release_slow(cls, instance);
  }

  // Records an access of the running step (record_accesses only).
  void touch(AccessKind kind, const void* key, bool write = true, uint32_t detail = 0) {
    if (recording_) record_access(kind, key, write, detail);
  }
  void touch_unknown() {
    if (recording_) record_access(AccessKind::kUnknown, nullptr, true, 0);
  }
  // Keys touched so far in this execution (the next key's id).
  uint32_t key_count() const { return static_cast<uint32_t>(key_ids_.size()); }

  void timer_arm(TimerList* timer, Time expires);
  void timer_cancel(TimerList* timer);

  // The system workqueues of this execution.
  Workqueue* system_wq();
  Workqueue* system_power_efficient_wq();
  Workqueue* system_long_wq();
  void adopt(std::unique_ptr<Object> object) { arena_.push_back(std::move(object)); }

  // Engine-internal; public for the fiber trampoline.
  static void task_entry(void* arg);

 private:
  struct TimerEntry {
    Time expires;
    uint64_t order;
    TimerList* timer;
    uint64_t gen;
    bool operator>(const TimerEntry& o) const {
      return expires != o.expires ? expires > o.expires : order > o.order;
    }
  };

  void sched_point_slow();
  void snapshot_yield();
  void record_access(AccessKind kind, const void* key, bool write, uint32_t detail,
                     uint32_t task = kNoTask);
  void lock_acquire_slow(uint32_t cls, const void* instance, bool read);
  void lock_release_slow(uint32_t cls, const void* instance);
  Task* choose(int current);
  int run_queue_index(const Task* t) const;
  void remove_runnable(Task* t);
  void switch_task(Task* from, Task* to);  // to == nullptr: the scheduler
  [[noreturn]] void exit_task(Task* t);
  void reap();
  bool advance(Time until);
  void fire_timer(TimerList* t);
  // The tasks that have not ended, in spawn order (tasks_ keeps every task
  // of the execution, for the names in the trace).
  const std::vector<Task*>& live_tasks();
  void check_hung_tasks(Time horizon);
  void check_wait_cycle(Task* t);
  void report_stalled_tasks();
  void report_stall(Task* t);  // "T waits forever for X held by Y"
  // Marks the execution stuck when an essential task waits forever.
  void check_essential_waits();
  bool waits_forever(const Task* t) const;
  void kill_all();
  std::vector<std::string> history() const;
  std::vector<EventKind> history_kinds() const;  // of the same events
  Task* new_task(std::string name, std::function<void()> fn, bool essential);

  EngineOptions options_;
  FifoStrategy fifo_;
  Strategy* strategy_ = &fifo_;
  StackPool stacks_;
  FiberContext scheduler_ctx_;

  std::vector<std::unique_ptr<Task>> tasks_;
  std::vector<std::unique_ptr<Task>> task_pool_;
  std::vector<Task*> live_;  // see live_tasks()
  size_t live_done_ = 0;     // entries of live_ that have ended since it was compacted
  std::vector<Task*> runnable_;
  std::vector<Task*> idle_waiters_;
  Task* current_ = nullptr;
  Task* zombie_ = nullptr;
  uint64_t runnable_seq_ = 0;
  int essential_alive_ = 0;
  bool had_essential_ = false;
  bool killing_ = false;
  bool step_limit_hit_ = false;
  bool essential_stuck_ = false;
  bool choice_window_ = true;
  bool snapshot_armed_ = false;
  bool snapshot_pending_ = false;
  bool at_snapshot_point_ = false;
  Task* resume_task_ = nullptr;  // the task that reached the snapshot point

  Time now_ = 0;
  uint64_t steps_ = 0;
  uint64_t progress_ = 0;
  uint64_t timer_order_ = 0;
  int nonpoll_timers_ = 0;
  std::priority_queue<TimerEntry, std::vector<TimerEntry>, std::greater<>> timers_;

  std::vector<Finding> findings_;
  std::vector<Choice> choices_;
  bool recording_ = false;  // record_accesses, from the first choice on
  bool stop_requested_ = false;
  std::vector<Access> accesses_;
  std::vector<uint32_t> access_begin_;  // per choice: its first entry in accesses_
  std::vector<uint32_t> options_log_;   // per choice: the runnable task ids
  std::vector<uint32_t> options_begin_;
  std::unordered_map<const void*, uint32_t> key_ids_;
  Trace trace_;
  Lockdep lockdep_;
  std::deque<std::string> strings_;  // deque: references stay valid as it grows
  std::map<std::string, uint32_t, std::less<>> string_ids_;

  std::vector<std::unique_ptr<Object>> arena_;
  Workqueue* system_wq_ = nullptr;
  Workqueue* system_power_efficient_wq_ = nullptr;
  Workqueue* system_long_wq_ = nullptr;
};

// ---- kernel-style helpers for model code

inline Time now() { return Engine::current().now(); }
// msleep(): sleeps in virtual time.
void msleep(int64_t ms);
void sleep_for(Time duration);
// An explicit scheduling point where model code touches shared state.
void yield(const char* label = nullptr);
// WARN_ON(cond): a warn finding when cond holds; returns cond.
bool warn_on(bool condition, std::string_view message);
void warn(std::string message);

// Pushes a model function name on the current task's stack for reports
// (lock acquisition stacks, free and use sites). Kernel-named functions use
// LL_FUNC() at their top.
class Frame {
 public:
  explicit Frame(const char* name);
  ~Frame();
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

 private:
  Task* task_;
};
#define LL_FUNC() ::lifeline::sim::Frame ll_frame_(__func__)

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_ENGINE_H_
