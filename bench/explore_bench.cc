// SPDX-License-Identifier: GPL-2.0-only
// Executions per second of `explore`: on the ClearFog Pro's rmmod/bind/ifup
// race within one deviation (its first finding needs two, so every
// execution is search), under dfs and under dpor (which records every
// step's accesses and analyses the races of each execution); and on a
// 4-task toy program at the engine alone, with and without the recording, and
// by subtrees on one and two threads.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <memory>
#include <string>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/explore.h"
#include "lifeline/sim/explore_parallel.h"
#include "lifeline/sim/mutex.h"

namespace lifeline {
namespace {

const char* const kStrategies[] = {"dfs", "dpor"};

void BM_ExploreRaceClearfog(benchmark::State& state) {
  scenario::Board board = scenario::load_board("armada-388-clearfog-pro");
  scenario::Scenario s = scenario::load_scenario(std::string(LIFELINE_SOURCE_DIR) +
                                                 "/scenarios/race-rmmod-bind-ifup-clearfog.scn");
  scenario::ExploreOptions o;
  o.strategy = kStrategies[state.range(0)];
  o.budget = 500;
  o.bound = 1;  // the race needs 2: nothing is found, every execution is a search
  o.run.trace = false;
  uint64_t executions = 0;
  for (auto _ : state) {
    scenario::ExploreResult r = scenario::explore_scenario(board, s, o);
    executions += r.executions;
    if (r.found) state.SkipWithError("found within the budget: the rate would count shrinking");
  }
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExploreRaceClearfog)->ArgName("dpor")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Four tasks, each taking one lock twice around a shared counter.
void BM_ExploreToy4(benchmark::State& state) {
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
  o.budget = 2000;
  o.preemption_bound = 2;
  o.engine.record_accesses = state.range(1) != 0;
  uint64_t executions = 0;
  for (auto _ : state) {
    sim::ExploreResult r = sim::explore(e, kStrategies[state.range(0)], program, o,
                                        [](const sim::Engine&) { return false; });
    executions += r.executions;
  }
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExploreToy4)
    ->ArgNames({"dpor", "record"})
    ->Args({0, 0})
    ->Args({0, 1})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond);

// The booted-board snapshot (scenario/explore_host.h): executions per
// second on the ClearFog's ifup/unbind race, every schedule within the
// bound run to its end (--all: a finding does not stop it), booting every
// execution (snapshot 0) or restoring the snapshot taken at the
// concurrently block (snapshot 1), side by side in one run.
void BM_ExploreSnapshotIfupUnbind(benchmark::State& state) {
  scenario::Board board = scenario::load_board("armada-388-clearfog-pro");
  scenario::Scenario s = scenario::load_scenario(std::string(LIFELINE_SOURCE_DIR) +
                                                 "/scenarios/race-ifup-unbind-clearfog.scn");
  scenario::ExploreOptions o;
  o.strategy = kStrategies[state.range(0)];
  o.snapshot = state.range(1) != 0;
  o.all_outcomes = true;
  o.budget = 2000;
  o.bound = 2;
  o.run.trace = false;
  uint64_t executions = 0;
  std::string note;
  for (auto _ : state) {
    scenario::ExploreResult r = scenario::explore_scenario(board, s, o);
    executions += r.executions;
    note = r.snapshot;
  }
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
  state.SetLabel(note);
}
BENCHMARK(BM_ExploreSnapshotIfupUnbind)
    ->ArgNames({"dpor", "snapshot"})
    ->Args({0, 0})
    ->Args({0, 1})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond);

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Memory stays flat over a long exploration from the snapshot: the peak
// RSS after 1,000,000 executions of the rmmod/bind/ifup race (dfs, no
// bound: the budget ends it), against the peak after the first 10,000.
void BM_ExploreSnapshotMemory(benchmark::State& state) {
  scenario::Board board = scenario::load_board("armada-388-clearfog-pro");
  scenario::Scenario s = scenario::load_scenario(std::string(LIFELINE_SOURCE_DIR) +
                                                 "/scenarios/race-rmmod-bind-ifup-clearfog.scn");
  scenario::ExploreOptions o;
  o.strategy = "dfs";
  o.all_outcomes = true;
  o.bound = -1;
  o.run.trace = false;
  for (auto _ : state) {
    o.budget = 10000;
    scenario::explore_scenario(board, s, o);
    long early = peak_rss_kib();
    o.budget = static_cast<uint64_t>(state.range(0));
    scenario::ExploreResult r = scenario::explore_scenario(board, s, o);
    state.counters["executions"] = static_cast<double>(r.executions);
    state.counters["peak_rss_kib_after_10k"] = static_cast<double>(early);
    state.counters["peak_rss_kib_at_end"] = static_cast<double>(peak_rss_kib());
    state.SetLabel(r.snapshot);
  }
}
BENCHMARK(BM_ExploreSnapshotMemory)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kSecond);

// The same toy program explored by subtrees (sim/explore_parallel.h) on
// -j 1 and -j 2 threads, each with its own engine and copy of the program,
// to the same verdict: dfs within 3 deviations, exhausted. Wall time, as
// the threads share the work; ran_per_s counts the executions really run
// (the partition's, each subtree's once), executions_per_s the verdict's.
void BM_ExploreToy4Jobs(benchmark::State& state) {
  struct Toy {
    sim::Mutex m;
    int counter = 0;
  };
  sim::WorkerFactory factory = [](unsigned) {
    auto toy = std::make_shared<Toy>();
    sim::WorkerProgram wp;
    wp.program = [toy](sim::Engine& e) {
      toy->counter = 0;
      sim::mutex_init(&toy->m, "toy_lock");
      for (int t = 0; t < 4; ++t)
        e.spawn("t" + std::to_string(t), [toy] {
          for (int k = 0; k < 2; ++k) {
            sim::mutex_lock(&toy->m);
            ++toy->counter;
            sim::mutex_unlock(&toy->m);
          }
        });
    };
    wp.failed = [](const sim::Engine&) { return false; };
    wp.state = toy;
    return wp;
  };
  sim::ExploreOptions o;
  o.budget = 10'000'000;
  o.preemption_bound = 3;
  uint64_t executions = 0, ran = 0;
  for (auto _ : state) {
    sim::AssembledResult r =
        sim::explore_parallel("dfs", o, static_cast<unsigned>(state.range(0)), factory);
    if (!r.result.exhausted) state.SkipWithError("not exhausted: raise the budget");
    executions += r.result.executions;
    ran += r.ran;
  }
  state.counters["executions_per_s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
  state.counters["ran_per_s"] =
      benchmark::Counter(static_cast<double>(ran), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExploreToy4Jobs)
    ->ArgName("j")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline

BENCHMARK_MAIN();
