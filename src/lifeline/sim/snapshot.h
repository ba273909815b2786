// SPDX-License-Identifier: GPL-2.0-only
// Starting executions from a snapshot of the booted, settled board instead
// of booting again. Every execution of a scenario runs the same steps up to
// the moment its first `concurrently` block opens the choice window: no
// strategy is asked anything before it. A SnapshotSession copies the state
// at that moment once (the engine's arena, sim/arena.h, which holds the
// engine, the execution and every model object; the used part of each
// suspended task's stack; the thread's model pointers, ThreadRoot; and the
// regions a caller adds, such as the board's fwnode links) and starts each
// later execution by copying it back: no boot, and addresses stay the same,
// so every pointer in the copy is valid again.
//
// What a restore cannot reach has to be left alone by an execution: state
// outside the arena, the stacks and the regions, other than append-only
// process-wide tables that are allocated with the arena paused (lockdep's
// classes, the board's memos, function-local statics).
#ifndef LIFELINE_SIM_SNAPSHOT_H_
#define LIFELINE_SIM_SNAPSHOT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lifeline/sim/arena.h"
#include "lifeline/sim/engine.h"

namespace lifeline::sim {

// A thread_local of model code that an execution sets (the current kernel,
// net, ...): its bytes are part of every snapshot. `rehome`, when given, is
// called when a session starts (with its arena current) and ends (with the
// heap current), so that a container's storage is the session's and never
// points into a gone arena afterwards.
class ThreadRoot {
 public:
  ThreadRoot(void* (*address)(), size_t size, void (*rehome)() = nullptr);
};

class SnapshotSession {
 public:
  SnapshotSession();
  ~SnapshotSession();
  SnapshotSession(const SnapshotSession&) = delete;
  SnapshotSession& operator=(const SnapshotSession&) = delete;

  // False when there is no arena (a sanitizer build): run() then runs
  // every execution from the start.
  bool supported() const { return arena_ != nullptr; }
  Arena* arena() const { return arena_; }
  // Makes the engine, the execution and what they own in the arena: the
  // caller constructs them (and destroys them) inside a scope of this.
  ArenaScope scope() const { return ArenaScope(arena_); }

  // State outside the arena that executions change, copied with it.
  void add_region(void* p, size_t size);
  // Called after every restore (the caller puts back what it keeps its
  // own way).
  void on_restore(std::function<void()> f) { on_restore_ = std::move(f); }

  // One execution of `program` on `engine` (which must live in the arena)
  // under `options`: from the snapshot when there is one that fits, else
  // from the start, taking the snapshot when the choice window first opens.
  StopReason run(Engine& engine, const std::function<void(Engine&)>& program,
                 const EngineOptions& options);

  bool taken() const { return taken_; }
  uint64_t restores() const { return restores_; }
  size_t bytes() const;  // the size of the snapshot
  // Why no snapshot was used ("" when one was): for verbose output.
  std::string why_not() const;

  // Test-only: leave one part out of every restore, to show the soundness
  // tests notice ("arena", "stacks", "roots", "regions", "strategy").
  void set_skip_for_test(std::string part) { skip_ = std::move(part); }

 private:
  struct Saved {
    char* at;
    std::vector<char> bytes;
  };
  void capture(Engine& engine, const EngineOptions& options);
  void restore(Engine& engine, const EngineOptions& options);
  bool fits(const EngineOptions& options) const;

  Arena* arena_ = nullptr;
  bool taken_ = false;
  bool engine_outside_ = false;
  bool no_window_ = false;
  uint64_t restores_ = 0;
  EngineOptions taken_with_;
  size_t stack_mark_ = 0;
  std::vector<char> arena_image_;
  std::vector<Saved> stacks_;
  std::vector<Saved> roots_;
  std::vector<std::pair<char*, size_t>> regions_;
  std::vector<Saved> region_images_;
  std::function<void()> on_restore_;
  std::string skip_;
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_SNAPSHOT_H_
