// SPDX-License-Identifier: GPL-2.0-only
// Engine speed: fiber switch, uncontended lock+unlock, and re-running a small
// execution from scratch (what exploring schedules costs).
#include <benchmark/benchmark.h>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/explore.h"
#include "lifeline/sim/fiber.h"
#include "lifeline/sim/mutex.h"

namespace lifeline::sim {
namespace {

// Two contexts switching back and forth; one iteration is one switch.
struct PingPong {
  FiberContext main_ctx, fiber_ctx;
  bool stop = false;
  static void entry(void* arg) {
    auto* p = static_cast<PingPong*>(arg);
    for (;;) fiber_switch(p->fiber_ctx, p->main_ctx);
  }
};

void BM_FiberSwitch(benchmark::State& state) {
  StackPool pool(64 * 1024);
  FiberStack stack = pool.acquire();
  PingPong p;
  fiber_prepare(p.fiber_ctx, stack, &PingPong::entry, &p);
  for (auto _ : state) {
    fiber_switch(p.main_ctx, p.fiber_ctx);  // there and back: two switches
  }
  state.SetItemsProcessed(state.iterations() * 2);
  state.counters["ns_per_switch"] = benchmark::Counter(
      static_cast<double>(state.iterations() * 2), benchmark::Counter::kIsRate |
                                                       benchmark::Counter::kInvert);
  // The fiber is abandoned suspended; its stack goes back unused.
}
BENCHMARK(BM_FiberSwitch);

// Scheduling points that switch tasks: two tasks yielding under a strategy
// that always picks the other one.
class Alternate : public Strategy {
 public:
  const char* name() const override { return "alternate"; }
  size_t choose(const ChoicePoint& p) override {
    return p.current >= 0 ? (static_cast<size_t>(p.current) + 1) % p.options.size() : 0;
  }
};

void BM_TaskSwitchAtSchedulingPoint(benchmark::State& state) {
  Engine e;
  Alternate alt;
  EngineOptions o;
  o.strategy = &alt;
  o.max_steps = UINT64_MAX;
  e.reset(o);
  bool done = false;
  int64_t switches = 0;
  e.spawn("a", [&] {
    for (auto _ : state) {
      yield();
      ++switches;
    }
    done = true;
  });
  e.spawn("b", [&] {
    while (!done) yield();
  });
  e.run();
  state.counters["ns_per_point"] = benchmark::Counter(
      static_cast<double>(switches), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_TaskSwitchAtSchedulingPoint);

void BM_MutexLockUnlockUncontended(benchmark::State& state) {
  Engine e;
  EngineOptions o;
  o.max_steps = UINT64_MAX;
  e.reset(o);
  Mutex m("bench_lock");
  e.spawn("locker", [&] {
    for (auto _ : state) {
      mutex_lock(&m);
      mutex_unlock(&m);
    }
  });
  e.run();
}
BENCHMARK(BM_MutexLockUnlockUncontended);

// Four tasks, each taking a shared lock 12 times: about 100 scheduling
// points per execution (lock, unlock, task end).
void spawn_toy(Engine& e, Mutex& m, int& counter) {
  counter = 0;
  mutex_init(&m, "toy_lock");
  for (const char* name : {"t0", "t1", "t2", "t3"}) {
    e.spawn(name, [&m, &counter] {
      for (int i = 0; i < 12; ++i) {
        mutex_lock(&m);
        ++counter;
        mutex_unlock(&m);
      }
    });
  }
}

void BM_ToyExecutionFromScratch(benchmark::State& state) {
  Engine e;
  Mutex m;
  int counter = 0;
  uint64_t steps = 0;
  for (auto _ : state) {
    e.reset();
    spawn_toy(e, m, counter);
    e.run();
    steps = e.steps();
    benchmark::DoNotOptimize(counter);
  }
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["sched_points"] = static_cast<double>(steps);
}
BENCHMARK(BM_ToyExecutionFromScratch);

void BM_ToyExecutionRandomSchedule(benchmark::State& state) {
  Engine e;
  Mutex m;
  int counter = 0;
  RandomStrategy random(42);
  EngineOptions o;
  o.strategy = &random;
  for (auto _ : state) {
    e.reset(o);
    spawn_toy(e, m, counter);
    e.run();
  }
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ToyExecutionRandomSchedule);

}  // namespace
}  // namespace lifeline::sim

BENCHMARK_MAIN();
