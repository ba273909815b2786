// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/fiber.h"

#include <sys/mman.h>
#include <unistd.h>

#include <boost/context/detail/fcontext.hpp>
#include <cstdio>
#include <cstdlib>

#include "lifeline/sim/arena.h"

#if defined(LIFELINE_ASAN)
extern "C" {
void __sanitizer_start_switch_fiber(void** fake_stack_save, const void* bottom, size_t size);
void __sanitizer_finish_switch_fiber(void* fake_stack_save, const void** bottom_old,
                                     size_t* size_old);
void __asan_unpoison_memory_region(void const volatile* addr, size_t size);
}
#endif

namespace lifeline::sim {

namespace bctx = boost::context::detail;

namespace {

size_t page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

// What a switching context hands to the one it resumes: where to save its own
// fcontext, and (for a first switch) what to run.
struct Handoff {
  FiberContext* from;
  FiberEntry entry;
  void* arg;
};

inline void asan_start_switch(FiberContext* from, const FiberContext& to) {
#if defined(LIFELINE_ASAN)
  __sanitizer_start_switch_fiber(from ? &from->fake_stack : nullptr, to.stack_bottom,
                                 to.stack_size);
#else
  (void)from;
  (void)to;
#endif
}

// Called on arrival in `self`; records the bounds of the context we came
// from the first time they become known (the host thread's stack).
inline void asan_finish_switch(FiberContext& self, FiberContext* from) {
#if defined(LIFELINE_ASAN)
  const void* bottom = nullptr;
  size_t size = 0;
  __sanitizer_finish_switch_fiber(self.fake_stack, &bottom, &size);
  if (from && !from->stack_bottom) {
    from->stack_bottom = bottom;
    from->stack_size = size;
  }
#else
  (void)self;
  (void)from;
#endif
}

thread_local FiberContext exited_fiber;  // where a finished fiber "saves" itself

void fiber_trampoline(bctx::transfer_t t) {
  auto* h = static_cast<Handoff*>(t.data);
  h->from->fctx = t.fctx;
  FiberEntry entry = h->entry;
  void* arg = h->arg;
  FiberContext fresh{};  // a new fiber has no fake stack to restore
  asan_finish_switch(fresh, h->from);
  entry(arg);
  std::fprintf(stderr, "lifeline: fiber entry returned\n");
  std::abort();
}

}  // namespace

char* FiberStack::bottom() const { return mapping + page_size(); }
size_t FiberStack::usable_size() const { return mapping_size - page_size(); }

StackPool::StackPool(size_t stack_size) {
  size_t page = page_size();
  stack_size_ = (stack_size + page - 1) / page * page;
  ArenaPause heap;
  mapped_ = new std::vector<FiberStack>();
}

StackPool::~StackPool() {
  ArenaPause heap;
  for (FiberStack& s : *mapped_) munmap(s.mapping, s.mapping_size);
  delete mapped_;
}

void StackPool::reclaim_since(size_t mark) {
  for (size_t i = mark; i < mapped_->size(); ++i) free_.push_back((*mapped_)[i]);
}

FiberStack StackPool::acquire() {
  if (!free_.empty()) {
    FiberStack s = free_.back();
    free_.pop_back();
    return s;
  }
  FiberStack s;
  s.mapping_size = stack_size_ + page_size();
  void* p = mmap(nullptr, s.mapping_size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::perror("lifeline: mmap fiber stack");
    std::abort();
  }
  s.mapping = static_cast<char*>(p);
  mprotect(s.mapping, page_size(), PROT_NONE);  // guard page: overflow faults
  ArenaPause heap;
  mapped_->push_back(s);
  return s;
}

void StackPool::release(FiberStack stack) {
#if defined(LIFELINE_ASAN)
  // A finished fiber never returned through its outermost frames; their
  // redzones would still poison the stack for its next user.
  __asan_unpoison_memory_region(stack.bottom(), stack.usable_size());
#endif
  free_.push_back(stack);
}

void fiber_prepare(FiberContext& ctx, const FiberStack& stack, FiberEntry entry, void* arg) {
  ctx.fctx = bctx::make_fcontext(stack.top(), stack.usable_size(), fiber_trampoline);
  ctx.stack_bottom = stack.bottom();
  ctx.stack_size = stack.usable_size();
  ctx.fake_stack = nullptr;
  ctx.entry = entry;
  ctx.arg = arg;
}

void fiber_switch(FiberContext& from, FiberContext& to) {
  asan_start_switch(&from, to);
  Handoff h{&from, to.entry, to.arg};
  to.entry = nullptr;
  bctx::transfer_t t = bctx::jump_fcontext(to.fctx, &h);
  // Resumed: whoever switched to us says where to save its context.
  auto* back = static_cast<Handoff*>(t.data);
  back->from->fctx = t.fctx;
  asan_finish_switch(from, back->from);
}

void fiber_exit_to(FiberContext& to) {
  asan_start_switch(nullptr, to);  // nullptr: this fiber's fake stack dies with it
  Handoff h{&exited_fiber, to.entry, to.arg};
  to.entry = nullptr;
  bctx::jump_fcontext(to.fctx, &h);
  std::abort();  // never resumed
}

}  // namespace lifeline::sim
