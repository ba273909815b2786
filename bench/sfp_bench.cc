// SPDX-License-Identifier: GPL-2.0-only
// S6 end to end on the ClearFog Pro (boot, a copper module up, removed and
// re-inserted while eth2 is up, ifdown), as exploring it pays: the tree
// loaded once, no timeline. Target: 3,000 runs per second on one core.
#include <benchmark/benchmark.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

void BM_S6_ClearfogSfp(benchmark::State& state) {
  Board board = load_board("armada-388-clearfog-pro");
  Scenario s6 =
      load_scenario(std::string(LIFELINE_SOURCE_DIR) + "/scenarios/s6-clearfog/hotplug.scn");
  RunOptions o;
  o.trace = false;
  for (auto _ : state) {
    RunResult r = run_scenario(board, s6, o);
    if (r.expects_failed()) state.SkipWithError("an expect failed");
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_S6_ClearfogSfp)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lifeline::scenario

BENCHMARK_MAIN();
