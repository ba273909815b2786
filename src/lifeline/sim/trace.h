// SPDX-License-Identifier: GPL-2.0-only
// The event trace of an execution. Events are small fixed records; names are
// looked up only when an event is formatted, so recording stays cheap.
#ifndef LIFELINE_SIM_TRACE_H_
#define LIFELINE_SIM_TRACE_H_

#include <array>
#include <cstdint>
#include <vector>

#include "lifeline/sim/time.h"

namespace lifeline::sim {

enum class EventKind : uint8_t {
  kSpawn,      // a: new task id
  kExit,       // task ended
  kKilled,     // task died of an oops
  kBlock,      // a: WaitKind
  kWake,       // a: woken task id
  kAcquire,    // a: lock class id, b: 1 for a read acquisition
  kRelease,    // a: lock class id
  kSleep,      // a: milliseconds
  kTimer,      // timer fired, a: string id of its name
  kQueueWork,  // a: string id of the work's name
  kWorkStart,  // a: string id of the work's name
  kWorkEnd,    // a: string id of the work's name
  kPreempt,    // a: task id switched to while the current one could still run
  kYield,      // a: string id of the yield point's label
  kNote,       // a: string id of a model-level message, b: its NoteKind
  kFinding,    // a: index into the findings
};

// What a kNote says, kept typed beside its text so that nobody reads the
// kind back out of the text.
enum class NoteKind : uint8_t {
  kModel,    // a model event: "eth0: Link is Up - 1000/full"
  kCommand,  // a scenario command starting, shown as "$ COMMAND"
  kFree,     // memory bookkeeping: "kfree phy_device ..." (verbose timelines only)
};

// The scheduler's own traffic (locks, wakeups, sleeps, timers, task starts
// and ends), which a finding's short history leaves out; the model's notes,
// work items starting, preemptions and findings are kept.
constexpr bool is_scheduling_event(EventKind kind) {
  switch (kind) {
    case EventKind::kSpawn:
    case EventKind::kExit:
    case EventKind::kBlock:
    case EventKind::kWake:
    case EventKind::kAcquire:
    case EventKind::kRelease:
    case EventKind::kSleep:
    case EventKind::kTimer:
    case EventKind::kYield:
    case EventKind::kWorkEnd:
      return true;
    case EventKind::kKilled:
    case EventKind::kQueueWork:
    case EventKind::kWorkStart:
    case EventKind::kPreempt:
    case EventKind::kNote:
    case EventKind::kFinding:
      return false;
  }
  return false;
}

struct Event {
  Time time;
  uint32_t task;  // kNoTask for the scheduler (timer context)
  EventKind kind;
  uint32_t a;
  uint32_t b;
};

inline constexpr uint32_t kNoTask = UINT32_MAX;

// Always keeps the last kRing events (for a finding's history); keeps every
// event when full recording is on.
class Trace {
 public:
  static constexpr size_t kRing = 32;  // a power of two: the index wraps with a mask

  void reset(bool record_all) {
    record_all_ = record_all;
    all_.clear();
    ring_next_ = 0;
    ring_size_ = 0;
  }
  void add(const Event& e) {
    ring_[ring_next_] = e;
    ring_next_ = (ring_next_ + 1) & (kRing - 1);
    if (ring_size_ < kRing) ++ring_size_;
    if (record_all_) all_.push_back(e);
  }
  bool recording_all() const { return record_all_; }
  const std::vector<Event>& all() const { return all_; }
  // The last `n` events, oldest first.
  std::vector<Event> last(size_t n) const {
    if (n > ring_size_) n = ring_size_;
    std::vector<Event> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) out.push_back(ring_[(ring_next_ + kRing - n + i) & (kRing - 1)]);
    return out;
  }

 private:
  bool record_all_ = false;
  std::vector<Event> all_;
  std::array<Event, kRing> ring_{};
  size_t ring_next_ = 0;
  size_t ring_size_ = 0;
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_TRACE_H_
