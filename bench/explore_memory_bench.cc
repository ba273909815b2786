// SPDX-License-Identifier: GPL-2.0-only
// Memory over a long exploration: 1,000,000 executions of the 4-task toy
// program (explore_bench.cc's), with the peak resident set size
// (getrusage's ru_maxrss) read after 10,000 executions and at the end. An
// explorer that kept something per execution would grow between the two;
// lifeline's keeps one path (dfs: the prefix; dpor: the nodes of the
// current execution), so the two figures should be the same.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdint>
#include <string>

#include "lifeline/sim/explore.h"
#include "lifeline/sim/mutex.h"

namespace lifeline {
namespace {

double peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss);  // KiB on Linux
}

const char* const kStrategies[] = {"dfs", "random", "dpor"};

// range(0): the strategy. dfs without a bound and random do not run out
// of schedules before 1,000,000; dpor exhausts the toy program (a few
// thousand executions), so it runs its search again until the million.
void BM_ExploreMemory(benchmark::State& state) {
  const char* strategy = kStrategies[state.range(0)];
  const uint64_t total = 1'000'000;
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
  double rss_10k = 0, rss_end = 0;
  uint64_t executions = 0;
  for (auto _ : state) {
    executions = 0;
    rss_10k = 0;
    sim::ExploreOptions o;
    o.preemption_bound = -1;
    o.progress_every = 10'000;
    while (executions < total) {
      uint64_t base = executions;
      o.budget = total - executions;
      o.progress = [&](const sim::ExploreProgress& p) {
        if (rss_10k == 0 && base + p.executions >= 10'000) rss_10k = peak_rss_kib();
      };
      sim::ExploreResult r =
          sim::explore(e, strategy, program, o, [](const sim::Engine&) { return false; });
      executions += r.executions;
      if (r.executions == 0) break;
    }
    rss_end = peak_rss_kib();
  }
  state.counters["executions"] = static_cast<double>(executions);
  state.counters["peak_rss_kib_at_10k"] = rss_10k;
  state.counters["peak_rss_kib_at_end"] = rss_end;
}
BENCHMARK(BM_ExploreMemory)
    ->ArgName("strategy")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace lifeline

BENCHMARK_MAIN();
