// SPDX-License-Identifier: GPL-2.0-only
// S8 on stm32mp151a-prtt1c (boot to settled with pse_regulator a module
// loaded 5 s late, under probe=kernel, its expects included): the mdio-gpio
// bus's deferred probe attempts and the PHYs created and destroyed with
// them (the probe storm the run counts: 3 and 3), under pse=mainline (0) and
// notifier-rtnl (1: 1 and 0). The board's tree is loaded once, no timeline.
// The issue asks for at least 1,000 runs/s under mainline.
#include <benchmark/benchmark.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

void BM_S8_Prtt1c(benchmark::State& state) {
  static const char* const kFiles[] = {"mainline-probe-kernel", "notifier-rtnl-probe-kernel"};
  Board board = load_board("stm32mp151a-prtt1c");
  Scenario s8 = load_scenario(std::string(LIFELINE_SOURCE_DIR) + "/scenarios/s8-prtt1c/" +
                              kFiles[state.range(0)] + ".scn");
  RunOptions o;
  o.trace = false;
  for (auto _ : state) {
    RunResult r = run_scenario(board, s8, o);
    if (r.expects_failed()) state.SkipWithError("an expect failed");
    uint64_t cycles = 0;
    for (const auto& b : r.metrics.probe_storm.buses) cycles += b.phys_removed;
    if (cycles != (state.range(0) ? 0u : 3u)) state.SkipWithError("the storm was not counted");
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_S8_Prtt1c)->ArgName("notifier")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lifeline::scenario

BENCHMARK_MAIN();
