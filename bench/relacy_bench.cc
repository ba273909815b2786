// SPDX-License-Identifier: GPL-2.0-only
// lifeline beside a peer, Relacy (Dmitry Vyukov's race detector, Debian
// relacy-dev, headers only), in one run, on the same program: four tasks,
// each taking one mutex twice around a shared counter (the toy program of
// explore_bench.cc). Each benchmark's time is one whole search; its
// `executions` counter is how many executions the search ran:
//   - random: 10,000 executions of seeded random schedules, in both;
//   - bounded: Relacy's context-bound scheduler and lifeline's dfs with the
//     same preemption bound, each run until it has exhausted the bound;
//   - lifeline's dpor within the same bound, and unbounded (every
//     interleaving that orders the lock differently, exhausted).
// In both tools the mutex operations are the scheduling points and the
// counter is a plain int (no instrumented access), so that both schedule
// the same steps. CMake builds this only when relacy/relacy.hpp is found.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "lifeline/sim/explore.h"
#include "lifeline/sim/mutex.h"

// Relacy last: it defines new, delete, malloc, free, assert and errno as
// macros for the code that follows it (undefined again after its test).
#include <relacy/relacy.hpp>

namespace lifeline {
namespace {

constexpr uint64_t kRandomExecutions = 10000;

struct RelacyToy4 : rl::test_suite<RelacyToy4, 4> {
  rl::mutex m;
  int counter = 0;
  void before() { counter = 0; }
  void thread(unsigned) {
    for (int k = 0; k < 2; ++k) {
      m.lock($);
      ++counter;
      m.unlock($);
    }
  }
  void after() { RL_ASSERT(counter == 8); }
};

// Relacy's macros stop here: what follows (the BENCHMARK registrations
// allocate with new) is ordinary code.
#undef new
#undef delete
#undef malloc
#undef calloc
#undef realloc
#undef free
#undef assert
#undef errno

// range(0): 0 random, 1 context bound; range(1): the bound.
void BM_Relacy(benchmark::State& state) {
  uint64_t executions = 0;
  for (auto _ : state) {
    rl::test_params p;
    std::ostringstream sink;
    p.output_stream = &sink;
    p.progress_stream = &sink;
    p.search_type = state.range(0) == 0 ? rl::sched_random : rl::sched_bound;
    p.context_bound = static_cast<unsigned>(state.range(1));
    p.iteration_count = kRandomExecutions;
    if (!rl::simulate<RelacyToy4>(p)) state.SkipWithError("Relacy found a failure");
    executions += p.stop_iteration;
  }
  state.counters["executions"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kAvgIterations);
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Relacy)
    ->ArgNames({"bounded", "bound"})
    ->Args({0, 0})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Args({1, 3})
    ->Unit(benchmark::kMillisecond);

const char* const kLifelineStrategies[] = {"random", "dfs", "dpor"};

// range(0): 0 random, 1 dfs, 2 dpor; range(1): the preemption bound (-1:
// none, dpor only).
void BM_Lifeline(benchmark::State& state) {
  sim::Engine e;
  sim::Mutex m;
  int counter = 0;
  auto program = [&](sim::Engine& e) {
    counter = 0;
    sim::mutex_init(&m, "toy_lock");
    for (int t = 0; t < 4; ++t)
      e.spawn("t" + std::to_string(t), [&] {
        for (int k = 0; k < 2; ++k) {
          sim::mutex_lock(&m);
          ++counter;
          sim::mutex_unlock(&m);
        }
      });
  };
  sim::ExploreOptions o;
  const bool sampling = state.range(0) == 0;
  o.budget = sampling ? kRandomExecutions : 100'000'000;
  o.preemption_bound = static_cast<int>(state.range(1));
  uint64_t executions = 0;
  for (auto _ : state) {
    sim::ExploreResult r = sim::explore(e, kLifelineStrategies[state.range(0)], program, o,
                                        [&](const sim::Engine&) { return counter != 8; });
    if (r.found) state.SkipWithError("lifeline found a failure");
    if (!sampling && !r.exhausted) state.SkipWithError("the search did not exhaust its bound");
    executions += r.executions;
  }
  state.counters["executions"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kAvgIterations);
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Lifeline)
    ->ArgNames({"strategy", "bound"})
    ->Args({0, 0})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Args({1, 3})
    ->Args({2, 1})
    ->Args({2, 2})
    ->Args({2, 3})
    ->Args({2, -1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline

BENCHMARK_MAIN();
