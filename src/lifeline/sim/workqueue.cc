// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/workqueue.h"

#include <algorithm>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/lockdep.h"

namespace lifeline::sim {

std::string WorkStruct::describe() const {
  Engine* e = Engine::current_or_null();
  return "flush of work " + (e ? e->string_at(name_id) : std::string("?"));
}

void WorkStruct::owners(std::vector<const Task*>& out) const {
  if (running && worker) {
    out.push_back(worker);
  } else if (queued && wq && wq->ordered && wq->worker) {
    out.push_back(wq->worker);
  } else if (queued && worker) {
    out.push_back(worker);
  }
}

namespace {

std::string label_of(std::string_view func_name, std::string_view instance) {
  std::string label(func_name);
  if (!instance.empty()) {
    label += " [";
    label += instance;
    label += "]";
  }
  return label;
}

void forget_if_idle(WorkStruct* w) {
  if (w->pending || w->running || !w->wq) return;
  auto& active = w->wq->active;
  active.erase(std::remove(active.begin(), active.end(), w), active.end());
}

// Runs one queueing of `w` in the current worker task (process_one_work()).
void process_one_work(Engine& e, Workqueue* wq, WorkStruct* w) {
  w->queued = false;
  w->pending = false;
  w->running = true;
  w->running_seq = w->queued_seq;
  w->worker = e.current_task();
  e.lock_acquire(wq->lock_class, wq, false);
  e.lock_acquire(w->lock_class, w, false);
  e.trace_event(EventKind::kWorkStart, w->name_id);
  {
    Frame frame(e.string_at(w->func_id).c_str());
    w->func();
  }
  e.trace_event(EventKind::kWorkEnd, w->name_id);
  e.lock_release(w->lock_class, w);
  e.lock_release(wq->lock_class, wq);
  e.touch(AccessKind::kWork, w);
  w->running = false;
  w->done_seq = w->running_seq;
  for (Task* t : w->flushers) e.wake(t);
  w->flushers.clear();
  forget_if_idle(w);
}

void spawn_worker(Engine& e, Workqueue* wq, WorkStruct* w) {
  if (wq->ordered) {
    if (wq->worker) return;
    wq->worker = e.spawn("kworker/" + wq->name(), [wq] {
      Engine& e = Engine::current();
      while (!wq->queue.empty()) {
        WorkStruct* next = wq->queue.front();
        wq->queue.pop_front();
        process_one_work(e, wq, next);
      }
      wq->worker = nullptr;
    });
    return;
  }
  if (w->worker) return;  // the running worker loops while the work is requeued
  w->worker = e.spawn("kworker/" + wq->name() + ":" + e.string_at(w->func_id), [wq, w] {
    Engine& e = Engine::current();
    while (w->queued) process_one_work(e, wq, w);
    w->worker = nullptr;
  });
}

// __queue_work(): the work is pending already; put it on the queue.
void insert_work(Workqueue* wq, WorkStruct* w) {
  Engine& e = Engine::current();
  e.touch(AccessKind::kWork, w);
  e.touch(AccessKind::kWork, wq);
  if (wq->destroyed) {
    warn("WARNING: queue_work on destroyed workqueue " + wq->name());
    w->pending = false;
    return;
  }
  w->queued = true;
  w->wq = wq;
  ++w->queued_seq;
  if (std::find(wq->active.begin(), wq->active.end(), w) == wq->active.end())
    wq->active.push_back(w);
  if (wq->ordered) wq->queue.push_back(w);
  e.trace_event(EventKind::kQueueWork, w->name_id);
  spawn_worker(e, wq, w);
}

// try_to_grab_pending(): takes the pending instance back, wherever it is.
bool grab_pending(WorkStruct* w, TimerList* timer) {
  Engine::current().touch(AccessKind::kWork, w);
  bool was = w->pending;
  if (timer) del_timer(timer);
  if (w->queued) {
    w->queued = false;
    if (w->wq && w->wq->ordered) {
      auto& q = w->wq->queue;
      q.erase(std::remove(q.begin(), q.end(), w), q.end());
    }
  }
  w->pending = false;
  forget_if_idle(w);
  return was;
}

// Waits until the queueing numbered `target` has run, or will not run
// (cancelled) and nothing older is still running.
void wait_for_seq(Engine& e, WorkStruct* w, uint64_t target) {
  e.touch(AccessKind::kWork, w);
  while (w->done_seq < target && (w->running || (w->queued && w->queued_seq >= target))) {
    w->flushers.push_back(e.current_task());
    e.block(WaitKind::kFlush, w);
  }
}

void lockdep_touch_work(Engine& e, WorkStruct* w) {
  e.lock_acquire(w->lock_class, w, false);
  e.lock_release(w->lock_class, w);
  if (w->wq && w->wq->ordered) {
    e.lock_acquire(w->wq->lock_class, w->wq, false);
    e.lock_release(w->wq->lock_class, w->wq);
  }
}

}  // namespace

void INIT_WORK(WorkStruct* work, std::string_view func_name, std::function<void()> fn,
               std::string_view instance) {
  Engine& e = Engine::current();
  work->func = std::move(fn);
  work->func_id = e.intern(func_name);
  work->name_id = e.intern(label_of(func_name, instance));
  work->lock_class = lock_class("(work_completion)(" + std::string(func_name) + ")");
  work->pending = work->queued = work->running = work->canceling = false;
  work->wq = nullptr;
  work->worker = nullptr;
  work->queued_seq = work->running_seq = work->done_seq = 0;
  work->flushers.clear();
  work->initialized = true;
}

void INIT_DELAYED_WORK(DelayedWork* dwork, std::string_view func_name, std::function<void()> fn,
                       std::string_view instance) {
  INIT_WORK(&dwork->work, func_name, std::move(fn), instance);
  dwork->timer = TimerList{};
  dwork->timer.name_id = dwork->work.name_id;
}

Workqueue* alloc_workqueue(std::string_view name, unsigned flags) {
  Workqueue* wq = kzalloc<Workqueue>(std::string(name));
  wq->lock_class = lock_class("(wq_completion)" + std::string(name));
  wq->name_id = Engine::current().intern(name);
  return wq;
}

Workqueue* alloc_ordered_workqueue(std::string_view name, unsigned flags) {
  Workqueue* wq = alloc_workqueue(name, flags);
  wq->ordered = true;
  return wq;
}

void destroy_workqueue(Workqueue* wq) {
  flush_workqueue(wq);
  wq->destroyed = true;
}

bool queue_work(Workqueue* wq, WorkStruct* work) {
  Engine& e = Engine::current();
  e.touch(AccessKind::kWork, work);
  if (work->pending || work->canceling) return false;
  work->pending = true;
  insert_work(wq, work);
  e.sched_point();
  return true;
}

bool schedule_work(WorkStruct* work) { return queue_work(Engine::current().system_wq(), work); }

bool queue_delayed_work(Workqueue* wq, DelayedWork* dwork, Time delay) {
  Engine& e = Engine::current();
  WorkStruct* w = &dwork->work;
  e.touch(AccessKind::kWork, w);
  if (w->pending || w->canceling) return false;
  w->pending = true;
  w->wq = wq;
  if (delay <= 0) {
    insert_work(wq, w);
  } else {
    // delayed_work_timer_fn(): queue when the delay expires.
    dwork->timer.function = [wq, w] { insert_work(wq, w); };
    e.timer_arm(&dwork->timer, e.now() + delay);
  }
  e.sched_point();
  return true;
}

bool mod_delayed_work(Workqueue* wq, DelayedWork* dwork, Time delay) {
  WorkStruct* w = &dwork->work;
  if (w->canceling) return false;
  bool was = grab_pending(w, &dwork->timer);
  queue_delayed_work(wq, dwork, delay);
  return was;
}

bool schedule_delayed_work(DelayedWork* dwork, Time delay) {
  return queue_delayed_work(Engine::current().system_wq(), dwork, delay);
}

bool flush_work(WorkStruct* work) {
  Engine& e = Engine::current();
  e.sched_point();
  lockdep_touch_work(e, work);
  if (!work->queued && !work->running) return false;
  uint64_t target = work->queued ? work->queued_seq : work->running_seq;
  wait_for_seq(e, work, target);
  return true;
}

bool flush_delayed_work(DelayedWork* dwork) {
  WorkStruct* w = &dwork->work;
  if (del_timer(&dwork->timer) && w->wq) insert_work(w->wq, w);
  return flush_work(w);
}

void flush_workqueue(Workqueue* wq) {
  Engine& e = Engine::current();
  e.sched_point();
  e.lock_acquire(wq->lock_class, wq, false);
  e.lock_release(wq->lock_class, wq);
  std::vector<std::pair<WorkStruct*, uint64_t>> targets;
  for (WorkStruct* w : wq->active) {
    if (w->queued)
      targets.emplace_back(w, w->queued_seq);
    else if (w->running)
      targets.emplace_back(w, w->running_seq);
  }
  for (auto& [w, seq] : targets) wait_for_seq(e, w, seq);
}

bool cancel_work(WorkStruct* work) { return grab_pending(work, nullptr); }

bool cancel_work_sync(WorkStruct* work) {
  Engine& e = Engine::current();
  e.sched_point();
  lockdep_touch_work(e, work);
  work->canceling = true;
  bool was = grab_pending(work, nullptr);
  if (work->running) wait_for_seq(e, work, work->running_seq);
  work->canceling = false;
  return was;
}

bool cancel_delayed_work(DelayedWork* dwork) { return grab_pending(&dwork->work, &dwork->timer); }

bool cancel_delayed_work_sync(DelayedWork* dwork) {
  Engine& e = Engine::current();
  WorkStruct* w = &dwork->work;
  e.sched_point();
  lockdep_touch_work(e, w);
  w->canceling = true;
  bool was = grab_pending(w, &dwork->timer);
  if (w->running) wait_for_seq(e, w, w->running_seq);
  w->canceling = false;
  return was;
}

bool current_is_worker_of(const WorkStruct* work) {
  Engine* e = Engine::current_or_null();
  return e && work->running && work->worker == e->current_task();
}

}  // namespace lifeline::sim
