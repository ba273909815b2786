// SPDX-License-Identifier: GPL-2.0-only
// The snapshot of an execution at its choice window (sim/snapshot.h) on a
// toy program: a "boot" that takes a lock many times and allocates, then
// three tasks racing on a lock-protected log and a plain counter. Started
// from the snapshot, the executions see what they see when they run from
// the start; the arena comes back to the snapshot's size every time.
#include "lifeline/sim/snapshot.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lifeline/sim/explore.h"
#include "lifeline/sim/mutex.h"

namespace lifeline::sim {
namespace {

struct Toy {
  Mutex lock;
  std::vector<std::string> log;
  std::vector<std::unique_ptr<int>> booted;
  int counter = 0;

  void program(Engine& e) {
    log.clear();
    booted.clear();
    counter = 0;
    mutex_init(&lock, "toy_lock");
    e.set_choice_window(false);
    e.spawn("boot", [this, &e] {
      for (int i = 0; i < 40; ++i) {
        mutex_lock(&lock);
        booted.push_back(std::make_unique<int>(i));
        mutex_unlock(&lock);
        sleep_for(kMsec);
      }
      e.set_choice_window(true);
      for (const char* name : {"a", "b", "c"})
        e.spawn(name, [this, name] {
          int read = counter;
          yield("counter");
          counter = read + 1;
          mutex_lock(&lock);
          log.push_back(std::string(name) + std::to_string(booted.size()));
          booted.pop_back();
          mutex_unlock(&lock);
        });
    });
  }
};

struct Census {
  std::set<std::string> outcomes;
  uint64_t executions = 0;
  uint64_t restores = 0;
};

Census census(bool snapshot) {
  SnapshotSession session;
  Census c;
  Engine* engine;
  Toy* toy;
  {
    ArenaScope in(snapshot ? session.arena() : nullptr);
    engine = new Engine;
    toy = new Toy;
  }
  ExploreOptions o;
  o.preemption_bound = 2;
  o.bound_all_deviations = true;
  o.budget = 5000;
  o.snapshot = snapshot ? &session : nullptr;
  size_t used = 0;
  auto record = [&](const Engine&) {
    std::string line = std::to_string(toy->counter) + ":";
    for (const std::string& s : toy->log) line += " " + s;
    c.outcomes.insert(line);
    if (session.taken()) {
      if (!used) used = session.arena()->used();
      EXPECT_LE(session.arena()->used(), used + 64 * 1024);
    }
    return false;
  };
  ExploreResult r = explore(
      *engine, "dfs", [&](Engine& e) { toy->program(e); }, o, record);
  c.executions = r.executions;
  c.restores = session.restores();
  {
    ArenaScope in(snapshot ? session.arena() : nullptr);
    delete toy;
    delete engine;
  }
  return c;
}

TEST(Snapshot, SameOutcomesAsRunningFromTheStart) {
  Census off = census(false);
  Census on = census(true);
  EXPECT_EQ(on.outcomes, off.outcomes);
  EXPECT_EQ(on.executions, off.executions);
  EXPECT_GT(off.outcomes.size(), 3u);  // the lost update and the orders of the log
  EXPECT_EQ(off.restores, 0u);
  if (Arena::supported()) {
    EXPECT_EQ(on.restores, on.executions - 1);
  }
}

// An engine outside the session's arena cannot be restored: every
// execution runs from the start.
TEST(Snapshot, AnEngineOutsideTheArenaRunsFromTheStart) {
  SnapshotSession session;
  Engine engine;
  Toy toy;
  ExploreOptions o;
  o.preemption_bound = 1;
  o.snapshot = &session;
  explore(
      engine, "dfs", [&](Engine& e) { toy.program(e); }, o, [](const Engine&) { return false; });
  EXPECT_EQ(session.restores(), 0u);
  EXPECT_FALSE(session.why_not().empty());
}

// State outside the arena that executions change after the snapshot: a
// global the caller adds as a region, and a thread_local registered as a
// ThreadRoot (as the model's current-kernel pointers are).
int g_outside = 0;
thread_local int tl_outside = 0;
const ThreadRoot kOutsideRoot([]() -> void* { return &tl_outside; }, sizeof(tl_outside));

std::vector<std::string> outside_seen(bool snapshot, const std::string& skip) {
  SnapshotSession session;
  session.set_skip_for_test(skip);
  session.add_region(&g_outside, sizeof(g_outside));
  Engine* engine;
  {
    ArenaScope in(snapshot ? session.arena() : nullptr);
    engine = new Engine;
  }
  auto program = [](Engine& e) {
    e.set_choice_window(false);
    e.spawn("boot", [&e] {
      g_outside = 10;
      tl_outside = 20;
      sleep_for(kMsec);
      e.set_choice_window(true);
      e.spawn("a", [] {
        int read = g_outside;
        yield("g");
        g_outside = read + 1;
      });
      e.spawn("b", [] {
        int read = tl_outside;
        yield("tl");
        tl_outside = read + 2;
      });
    });
  };
  std::vector<std::string> seen;
  ExploreOptions o;
  o.preemption_bound = 2;
  o.snapshot = snapshot ? &session : nullptr;
  explore(*engine, "dfs", program, o, [&](const Engine&) {
    seen.push_back(std::to_string(g_outside) + "/" + std::to_string(tl_outside));
    return false;
  });
  {
    ArenaScope in(snapshot ? session.arena() : nullptr);
    delete engine;
  }
  return seen;
}

TEST(Snapshot, RegionsAndThreadRootsComeBackWithTheRestore) {
  std::vector<std::string> booting = outside_seen(false, "");
  ASSERT_GT(booting.size(), 2u);
  EXPECT_EQ(outside_seen(true, ""), booting);
  if (!Arena::supported()) return;
  EXPECT_NE(outside_seen(true, "regions"), booting);
  EXPECT_NE(outside_seen(true, "roots"), booting);
}

}  // namespace
}  // namespace lifeline::sim
