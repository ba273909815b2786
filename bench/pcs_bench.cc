// SPDX-License-Identifier: GPL-2.0-only
// S7 end to end on the LX2160A ClearFog CX (boot, eth0 up through its lynx
// PCS, the PCS MDIO bus's controller unbound and bound again), under each
// pcs design's scenario file, and booting that board (18 DPMACs, 5 DPNIs),
// as exploring them pays: the tree loaded once, no timeline recorded.
#include <benchmark/benchmark.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

constexpr const char* kBoard = "fsl-lx2160a-clearfog-cx";

// 0 mainline, 1 module-ref, 2 release, 3 devlink.
void BM_S7_Lx2160a(benchmark::State& state) {
  static const char* const kFiles[] = {"mainline", "module-ref", "release", "devlink"};
  Board board = load_board(kBoard);
  Scenario s7 = load_scenario(std::string(LIFELINE_SOURCE_DIR) + "/scenarios/s7-lx2160a/" +
                              kFiles[state.range(0)] + ".scn");
  RunOptions o;
  o.trace = false;
  for (auto _ : state) {
    RunResult r = run_scenario(board, s7, o);
    if (r.expects_failed()) state.SkipWithError("an expect failed");
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_S7_Lx2160a)
    ->ArgName("design")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Unit(benchmark::kMicrosecond);

void BM_BootLx2160a(benchmark::State& state) {
  Board board = load_board(kBoard);
  RunOptions o;
  o.trace = false;
  for (auto _ : state) benchmark::DoNotOptimize(boot_board(board, o));
  state.counters["boots_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BootLx2160a)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lifeline::scenario

BENCHMARK_MAIN();
