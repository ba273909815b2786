// SPDX-License-Identifier: GPL-2.0-only
// S1 end to end on a Raspberry Pi 4 (boot, scenario, teardown), as exploring
// it pays: the board's tree loaded once, no timeline recorded; S10 on a DSA
// switch the same way.
#include <benchmark/benchmark.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

void BM_S1_Rpi4(benchmark::State& state) {
  Board board = load_board("bcm2711-rpi-4-b");
  Scenario s1 = load_scenario(std::string(LIFELINE_SOURCE_DIR) + "/scenarios/s1-rpi4.scn");
  RunOptions o;
  o.trace = false;
  o.knobs["phy-loss"] = state.range(0) ? "replay" : "mainline";
  size_t expects = 0;
  for (auto _ : state) {
    RunResult r = run_scenario(board, s1, o);
    expects = r.expects.size();
    if (r.expects_failed()) state.SkipWithError("an expect failed");
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["expects"] = static_cast<double>(expects);
}
BENCHMARK(BM_S1_Rpi4)->ArgName("replay")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// S10 on a DSA switch: the ClearFog Pro's 88E6176 boots with six user
// ports, two come up, lan1's PHY is unbound and bound again, under the
// design each scenario file sets (0 devlink, 1 port-device, 2 notify-down).
void BM_S10_ClearfogDsa(benchmark::State& state) {
  static const char* const kFiles[] = {"devlink", "port-device", "notify-down"};
  Board board = load_board("armada-388-clearfog-pro");
  Scenario s10 = load_scenario(std::string(LIFELINE_SOURCE_DIR) + "/scenarios/s10-clearfog-dsa/" +
                               kFiles[state.range(0)] + ".scn");
  RunOptions o;
  o.trace = false;
  for (auto _ : state) {
    RunResult r = run_scenario(board, s10, o);
    if (r.expects_failed()) state.SkipWithError("an expect failed");
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_S10_ClearfogDsa)
    ->ArgName("design")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMicrosecond);

void BM_BootRpi4(benchmark::State& state) {
  Board board = load_board("bcm2711-rpi-4-b");
  RunOptions o;
  o.trace = false;
  for (auto _ : state) benchmark::DoNotOptimize(boot_board(board, o));
  state.counters["boots_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BootRpi4)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lifeline::scenario

BENCHMARK_MAIN();
