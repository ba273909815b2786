// SPDX-License-Identifier: GPL-2.0-only
// Fibers: stacks and context switches on Boost.Context's fcontext, with the
// AddressSanitizer annotations that keep the sanitizer build clean when the
// engine hops between stacks.
#ifndef LIFELINE_SIM_FIBER_H_
#define LIFELINE_SIM_FIBER_H_

#include <cstddef>
#include <vector>

namespace lifeline::sim {

// A fiber stack: an mmap'd region with a guard page below it.
struct FiberStack {
  char* mapping = nullptr;  // start of the mapping (the guard page)
  size_t mapping_size = 0;
  char* bottom() const;  // lowest usable address
  size_t usable_size() const;
  char* top() const { return mapping + mapping_size; }
};

// Keeps released stacks for reuse: an execution re-run from scratch takes its
// stacks from here, so re-running costs no mmap.
class StackPool {
 public:
  explicit StackPool(size_t stack_size);
  ~StackPool();
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;

  FiberStack acquire();
  void release(FiberStack stack);
  size_t stack_size() const { return stack_size_; }

  // Snapshots (sim/snapshot.h): how many stacks were mapped so far, and,
  // after a restore rewound the free list to a snapshot's, the stacks
  // mapped since mark() back into it (no task of the snapshot holds them).
  size_t mapped() const { return mapped_->size(); }
  void reclaim_since(size_t mark);

 private:
  size_t stack_size_;
  std::vector<FiberStack> free_;
  // Every mapping, on the heap (outside any arena: a restore does not
  // rewind it), so that none is lost or unmapped twice.
  std::vector<FiberStack>* mapped_;
};

// The saved state of a suspended execution context: a fiber, or the host
// thread's own stack (the scheduler).
using FiberEntry = void (*)(void* arg);

struct FiberContext {
  void* fctx = nullptr;                // boost fcontext_t of the suspended context
  const void* stack_bottom = nullptr;  // for AddressSanitizer
  size_t stack_size = 0;
  void* fake_stack = nullptr;  // AddressSanitizer's fake stack save slot
  FiberEntry entry = nullptr;  // set until the first switch into a prepared fiber
  void* arg = nullptr;
};

// Prepares `ctx` to start running `entry(arg)` on `stack` when first switched
// to. The entry function must never return: it ends by switching away with
// fiber_exit_to().
void fiber_prepare(FiberContext& ctx, const FiberStack& stack, FiberEntry entry, void* arg);

// Suspends the running context into `from` and resumes `to`. Returns when some
// context switches back to `from`.
void fiber_switch(FiberContext& from, FiberContext& to);

// Leaves a finished fiber for good and resumes `to`. The finished fiber's
// stack may be reused once `to` runs.
[[noreturn]] void fiber_exit_to(FiberContext& to);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_FIBER_H_
