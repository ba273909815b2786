// SPDX-License-Identifier: GPL-2.0-only
// A per-engine memory arena, so that the state of an execution can be
// copied out and put back (sim/snapshot.h). While an arena is current on a
// thread (ArenaScope), every operator new of that thread is served from it;
// operator delete of a pointer into an arena returns the block to that
// arena's free lists; everything else goes to malloc and free as before.
//
// The arena's allocator state (its top and free lists) lives at the start of
// the arena itself, so copying the arena's used bytes back restores the
// allocator with the objects: pointers stay valid because the arena never
// moves. All arenas are slots of one address range reserved once.
//
// Function-local statics are initialised with the arena paused (the
// __cxa_guard hooks in arena.cc): their storage outlives every execution.
// In a sanitizer build there are no arenas (Arena::supported() is false):
// AddressSanitizer has to see every allocation.
#ifndef LIFELINE_SIM_ARENA_H_
#define LIFELINE_SIM_ARENA_H_

#include <cstddef>

namespace lifeline::sim {

class Arena {
 public:
  // False in a sanitizer build, or when the address range could not be
  // reserved: callers fall back to running without snapshots.
  static bool supported();
  // A free slot, or nullptr when every slot is taken.
  static Arena* create();
  // Returns the slot; its memory is given back to the system. Blocks still
  // in it must not be used again (delete of one is ignored).
  void destroy();

  // The thread's current arena (nullptr: the heap).
  static Arena* current();
  static void set_current(Arena* a);

  void* allocate(size_t size, size_t align);
  static void deallocate(void* p);  // p is in some arena
  static bool contains_any(const void* p);

  char* base() const;
  // The end of the bytes handed out so far: [base(), top()) is the state.
  char* top() const;
  size_t used() const { return static_cast<size_t>(top() - base()); }

 private:
  Arena() = default;
};

// Makes `a` the current arena for a scope (nullptr: pauses the arena, for
// storage that must outlive the execution: the explorer's own state, a
// process-wide table).
class ArenaScope {
 public:
  explicit ArenaScope(Arena* a) : saved_(Arena::current()) { Arena::set_current(a); }
  ~ArenaScope() { Arena::set_current(saved_); }
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  Arena* saved_;
};

class ArenaPause : public ArenaScope {
 public:
  ArenaPause() : ArenaScope(nullptr) {}
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_ARENA_H_
