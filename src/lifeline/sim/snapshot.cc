// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/snapshot.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

extern "C" void* __cxa_get_globals() noexcept;

namespace lifeline::sim {

namespace {

struct RootEntry {
  void* (*address)();
  size_t size;
  void (*rehome)();
};

constexpr int kMaxRoots = 32;
RootEntry g_roots[kMaxRoots];
std::atomic<int> g_root_count{0};

// The C++ runtime's per-thread exception state (the exceptions being
// handled): a task suspended inside a catch block of an abandoned
// execution must not stay on it.
constexpr size_t kEhGlobalsSize = 2 * sizeof(void*);
const ThreadRoot kEhGlobals([] { return __cxa_get_globals(); }, kEhGlobalsSize);

void rehome_roots() {
  int n = g_root_count.load();
  for (int i = 0; i < n; ++i)
    if (g_roots[i].rehome) g_roots[i].rehome();
}

}  // namespace

ThreadRoot::ThreadRoot(void* (*address)(), size_t size, void (*rehome)()) {
  int i = g_root_count.fetch_add(1);
  if (i >= kMaxRoots) std::abort();
  g_roots[i] = RootEntry{address, size, rehome};
}

SnapshotSession::SnapshotSession() {
  if (!Arena::supported()) return;
  arena_ = Arena::create();
  if (!arena_) return;
  ArenaScope in(arena_);
  rehome_roots();
}

SnapshotSession::~SnapshotSession() {
  if (!arena_) return;
  {
    ArenaPause heap;
    rehome_roots();
  }
  arena_->destroy();
}

void SnapshotSession::add_region(void* p, size_t size) {
  ArenaPause heap;
  regions_.emplace_back(static_cast<char*>(p), size);
}

bool SnapshotSession::fits(const EngineOptions& o) const {
  const EngineOptions& t = taken_with_;
  return o.record_trace == t.record_trace && o.hung_task_timeout == t.hung_task_timeout &&
         o.max_steps == t.max_steps && o.history_events == t.history_events;
}

size_t SnapshotSession::bytes() const {
  size_t n = arena_image_.size();
  for (const Saved& s : stacks_) n += s.bytes.size();
  for (const Saved& s : roots_) n += s.bytes.size();
  for (const Saved& s : region_images_) n += s.bytes.size();
  return n;
}

std::string SnapshotSession::why_not() const {
  if (!arena_) return "no arena (a sanitizer build, or no address space for one)";
  if (engine_outside_) return "the engine is not in the session's arena";
  if (!taken_ && no_window_)
    return "the scenario never opens a choice window (no concurrently block)";
  return "";
}

StopReason SnapshotSession::run(Engine& engine, const std::function<void(Engine&)>& program,
                                const EngineOptions& options) {
  bool inside = arena_ && engine.in_arena(arena_);
  if (arena_ && !inside) engine_outside_ = true;
  if (!inside) {
    engine.reset(options);
    program(engine);
    return engine.run();
  }
  ArenaScope in(arena_);
  if (taken_ && fits(options)) {
    restore(engine, options);
    return engine.run();
  }
  taken_ = false;
  engine.reset(options);
  engine.arm_snapshot();
  program(engine);
  StopReason r = engine.run();
  if (engine.at_snapshot_point()) {
    capture(engine, options);
    r = engine.run();
  } else {
    no_window_ = true;
  }
  return r;
}

void SnapshotSession::capture(Engine& engine, const EngineOptions& options) {
  ArenaPause heap;  // the images are the session's, not the execution's
  arena_image_.assign(arena_->base(), arena_->top());
  stacks_.clear();
  engine.for_each_suspended_stack([&](char* lo, char* hi) {
    stacks_.push_back(Saved{lo, std::vector<char>(lo, hi)});
  });
  roots_.clear();
  int n = g_root_count.load();
  for (int i = 0; i < n; ++i) {
    char* at = static_cast<char*>(g_roots[i].address());
    roots_.push_back(Saved{at, std::vector<char>(at, at + g_roots[i].size)});
  }
  region_images_.clear();
  for (auto [at, size] : regions_)
    region_images_.push_back(Saved{at, std::vector<char>(at, at + size)});
  stack_mark_ = engine.stack_mark();
  taken_with_ = options;
  taken_with_.strategy = nullptr;
  taken_ = true;
}

void SnapshotSession::restore(Engine& engine, const EngineOptions& options) {
  if (skip_ != "arena") std::memcpy(arena_->base(), arena_image_.data(), arena_image_.size());
  if (skip_ != "stacks")
    for (const Saved& s : stacks_) std::memcpy(s.at, s.bytes.data(), s.bytes.size());
  if (skip_ != "roots")
    for (const Saved& s : roots_) std::memcpy(s.at, s.bytes.data(), s.bytes.size());
  if (skip_ != "regions")
    for (const Saved& s : region_images_) std::memcpy(s.at, s.bytes.data(), s.bytes.size());
  engine.resume_from_snapshot(options, stack_mark_, /*replay_spawns=*/skip_ != "strategy");
  if (on_restore_) on_restore_();
  ++restores_;
}

}  // namespace lifeline::sim
