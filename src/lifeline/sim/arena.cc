// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/arena.h"

#include <dlfcn.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>

#if defined(LIFELINE_ASAN) || defined(__SANITIZE_ADDRESS__)
#define LIFELINE_NO_ARENA 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIFELINE_NO_ARENA 1
#endif
#endif

namespace lifeline::sim {

namespace {

thread_local Arena* tl_arena = nullptr;

#if !defined(LIFELINE_NO_ARENA)

constexpr size_t kSlotSize = size_t{1} << 30;  // the largest state one execution may have
constexpr size_t kSlots = 64;                  // engines with an arena at once
constexpr size_t kCommitStep = size_t{1} << 20;
constexpr size_t kHeader = 16;  // before every block: its size class and offset

// Size classes: 16-byte steps up to 1 KiB, then powers of two.
constexpr uint32_t kSmallClasses = 64;
constexpr uint32_t kClasses = kSmallClasses + 21;

struct BlockHeader {
  uint32_t cls;
  uint32_t offset;  // from the block's start to the pointer handed out
  uint64_t unused;
};
static_assert(sizeof(BlockHeader) == kHeader);

// At the start of every slot: part of the bytes a snapshot copies.
struct ArenaState {
  char* top;
  char* committed;
  void* free_list[kClasses];
};
constexpr size_t kStateSize = (sizeof(ArenaState) + 63) / 64 * 64;

std::atomic<char*> g_base{nullptr};
std::atomic<bool> g_reserve_failed{false};
std::atomic<bool> g_slot_taken[kSlots];
std::atomic<bool> g_slot_live[kSlots];

char* reserve() {
  char* b = g_base.load(std::memory_order_acquire);
  if (b || g_reserve_failed.load()) return b;
  void* p = mmap(nullptr, kSlotSize * kSlots, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    g_reserve_failed = true;
    return nullptr;
  }
  char* expected = nullptr;
  if (!g_base.compare_exchange_strong(expected, static_cast<char*>(p))) {
    munmap(p, kSlotSize * kSlots);  // another thread won
    return expected;
  }
  return static_cast<char*>(p);
}

ArenaState* state_of(const Arena* a) {
  return reinterpret_cast<ArenaState*>(const_cast<Arena*>(a));
}

size_t slot_of(const void* p) {
  return static_cast<size_t>(static_cast<const char*>(p) - g_base.load(std::memory_order_relaxed)) /
         kSlotSize;
}

uint32_t class_of(size_t total, size_t& block) {
  if (total <= kSmallClasses * 16) {
    uint32_t c = static_cast<uint32_t>((total + 15) / 16) - 1;
    block = (c + 1) * size_t{16};
    return c;
  }
  uint32_t k = 11;
  while ((size_t{1} << k) < total) ++k;
  block = size_t{1} << k;
  return kSmallClasses + (k - 11);
}

[[noreturn]] void arena_full() {
  std::fprintf(stderr, "lifeline: an execution's arena is full (%zu bytes)\n", kSlotSize);
  std::abort();
}

#endif  // !LIFELINE_NO_ARENA

}  // namespace

Arena* Arena::current() { return tl_arena; }
void Arena::set_current(Arena* a) { tl_arena = a; }

#if defined(LIFELINE_NO_ARENA)

bool Arena::supported() { return false; }
Arena* Arena::create() { return nullptr; }
void Arena::destroy() {}
void* Arena::allocate(size_t, size_t) { std::abort(); }
void Arena::deallocate(void*) {}
bool Arena::contains_any(const void*) { return false; }
char* Arena::base() const { return nullptr; }
char* Arena::top() const { return nullptr; }

#else

bool Arena::supported() { return reserve() != nullptr; }

Arena* Arena::create() {
  char* b = reserve();
  if (!b) return nullptr;
  for (size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_slot_taken[i].compare_exchange_strong(expected, true)) continue;
    char* slot = b + i * kSlotSize;
    if (mprotect(slot, kCommitStep, PROT_READ | PROT_WRITE) != 0) {
      g_slot_taken[i] = false;
      return nullptr;
    }
    auto* s = reinterpret_cast<ArenaState*>(slot);
    *s = ArenaState{};
    s->top = slot + kStateSize;
    s->committed = slot + kCommitStep;
    g_slot_live[i] = true;
    return reinterpret_cast<Arena*>(slot);
  }
  return nullptr;
}

void Arena::destroy() {
  if (tl_arena == this) tl_arena = nullptr;
  char* slot = base();
  size_t i = slot_of(slot);
  ArenaState* s = state_of(this);
  size_t committed = static_cast<size_t>(s->committed - slot);
  g_slot_live[i] = false;
  madvise(slot, committed, MADV_DONTNEED);
  mprotect(slot, committed, PROT_NONE);  // a stale pointer faults instead of reading garbage
  g_slot_taken[i] = false;
}

char* Arena::base() const { return reinterpret_cast<char*>(const_cast<Arena*>(this)); }
char* Arena::top() const { return state_of(this)->top; }

void* Arena::allocate(size_t size, size_t align) {
  ArenaState* s = state_of(this);
  size_t pad = align > kHeader ? align : 0;
  size_t block = 0;
  uint32_t cls = class_of(size + kHeader + pad, block);
  char* b = static_cast<char*>(s->free_list[cls]);
  if (b) {
    s->free_list[cls] = *reinterpret_cast<void**>(b);
  } else {
    b = s->top;
    char* end = b + block;
    if (end > base() + kSlotSize) arena_full();
    if (end > s->committed) {
      size_t grow = static_cast<size_t>(end - s->committed);
      grow = (grow + kCommitStep - 1) / kCommitStep * kCommitStep;
      if (s->committed + grow > base() + kSlotSize) grow = base() + kSlotSize - s->committed;
      if (mprotect(s->committed, grow, PROT_READ | PROT_WRITE) != 0) arena_full();
      s->committed += grow;
    }
    s->top = end;
  }
  char* p = b + kHeader;
  if (pad) p = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(p) + align - 1) & ~(align - 1));
  auto* h = reinterpret_cast<BlockHeader*>(p - kHeader);
  h->cls = cls;
  h->offset = static_cast<uint32_t>(p - b);
  return p;
}

void Arena::deallocate(void* p) {
  size_t i = slot_of(p);
  if (!g_slot_live[i].load(std::memory_order_relaxed)) return;  // its arena is gone
  auto* s = reinterpret_cast<ArenaState*>(g_base.load(std::memory_order_relaxed) + i * kSlotSize);
  const auto* h = reinterpret_cast<const BlockHeader*>(static_cast<char*>(p) - kHeader);
  uint32_t cls = h->cls;
  char* b = static_cast<char*>(p) - h->offset;
  *reinterpret_cast<void**>(b) = s->free_list[cls];
  s->free_list[cls] = b;
}

bool Arena::contains_any(const void* p) {
  const char* b = g_base.load(std::memory_order_relaxed);
  return b && p >= b && static_cast<const char*>(p) < b + kSlotSize * kSlots;
}

#endif  // LIFELINE_NO_ARENA

}  // namespace lifeline::sim

#if !defined(LIFELINE_NO_ARENA)

// ---- the replaced global allocation functions

namespace {

using lifeline::sim::Arena;

inline void* heap_new(size_t n, size_t align) {
  if (Arena* a = lifeline::sim::tl_arena) return a->allocate(n, align);
  if (n == 0) n = 1;
  if (align <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) return std::malloc(n);
  return std::aligned_alloc(align, (n + align - 1) / align * align);
}

inline void* heap_new_or_throw(size_t n, size_t align) {
  void* p = heap_new(n, align);
  if (!p) throw std::bad_alloc();
  return p;
}

inline void heap_delete(void* p) {
  if (!p) return;
  if (Arena::contains_any(p))
    Arena::deallocate(p);
  else
    std::free(p);
}

}  // namespace

void* operator new(size_t n) { return heap_new_or_throw(n, 16); }
void* operator new[](size_t n) { return heap_new_or_throw(n, 16); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return heap_new(n, 16); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return heap_new(n, 16); }
void* operator new(size_t n, std::align_val_t a) {
  return heap_new_or_throw(n, static_cast<size_t>(a));
}
void* operator new[](size_t n, std::align_val_t a) {
  return heap_new_or_throw(n, static_cast<size_t>(a));
}
void* operator new(size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return heap_new(n, static_cast<size_t>(a));
}
void* operator new[](size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return heap_new(n, static_cast<size_t>(a));
}
void operator delete(void* p) noexcept { heap_delete(p); }
void operator delete[](void* p) noexcept { heap_delete(p); }
void operator delete(void* p, size_t) noexcept { heap_delete(p); }
void operator delete[](void* p, size_t) noexcept { heap_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { heap_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { heap_delete(p); }
void operator delete(void* p, std::align_val_t) noexcept { heap_delete(p); }
void operator delete[](void* p, std::align_val_t) noexcept { heap_delete(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { heap_delete(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { heap_delete(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { heap_delete(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  heap_delete(p);
}

// ---- function-local statics are made with the arena paused
//
// A static first reached inside an execution would otherwise keep arena
// storage that the next restore rewinds. The C++ runtime calls these around
// each such initialisation; the real ones (libstdc++'s) do the locking.

namespace {

using GuardFn = int (*)(void*);
using GuardVoidFn = void (*)(void*);
std::atomic<GuardFn> g_real_acquire{nullptr};
std::atomic<GuardVoidFn> g_real_release{nullptr};
std::atomic<GuardVoidFn> g_real_abort{nullptr};

constexpr int kGuardDepth = 32;
thread_local Arena* tl_guard_saved[kGuardDepth];
thread_local int tl_guard_depth = 0;

template <class Fn>
Fn real(std::atomic<Fn>& slot, const char* name) {
  Fn f = slot.load(std::memory_order_acquire);
  if (!f) {
    f = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
    if (!f) {
      std::fprintf(stderr, "lifeline: %s not found\n", name);
      std::abort();
    }
    slot.store(f, std::memory_order_release);
  }
  return f;
}

void guard_pop() {
  if (tl_guard_depth > 0) lifeline::sim::tl_arena = tl_guard_saved[--tl_guard_depth];
}

}  // namespace

extern "C" int __cxa_guard_acquire(void* g) {
  int r = real(g_real_acquire, "__cxa_guard_acquire")(g);
  if (r) {
    if (tl_guard_depth >= kGuardDepth) std::abort();
    tl_guard_saved[tl_guard_depth++] = lifeline::sim::tl_arena;
    lifeline::sim::tl_arena = nullptr;
  }
  return r;
}

extern "C" void __cxa_guard_release(void* g) {
  real(g_real_release, "__cxa_guard_release")(g);
  guard_pop();
}

extern "C" void __cxa_guard_abort(void* g) {
  real(g_real_abort, "__cxa_guard_abort")(g);
  guard_pop();
}

#endif  // !LIFELINE_NO_ARENA
