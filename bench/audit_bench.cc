// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit` of a board, without the reports: discovery, the plan and
// every cell, on two threads (the target: the STM32MP151A PRTT1C, the
// largest bundled board, in under 5 s on two cores) and on one.
#include <benchmark/benchmark.h>

#include "lifeline/scenario/audit.h"

namespace lifeline::scenario {
namespace {

void audit_board(benchmark::State& state, const char* name, bool explore = false) {
  Board board = load_board(name);
  AuditOptions o;
  o.jobs = static_cast<unsigned>(state.range(0));
  o.explore = explore;
  size_t cells = 0;
  for (auto _ : state) {
    AuditResult r = run_audit(board, o);
    cells = r.cells.size();
  }
  state.counters["cells"] = static_cast<double>(cells);
}

void BM_Audit_Stm32mp151aPrtt1c(benchmark::State& state) {
  audit_board(state, "stm32mp151a-prtt1c");
}
BENCHMARK(BM_Audit_Stm32mp151aPrtt1c)
    ->ArgName("jobs")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_Audit_ClearfogPro(benchmark::State& state) {
  audit_board(state, "armada-388-clearfog-pro");
}
BENCHMARK(BM_Audit_ClearfogPro)
    ->ArgName("jobs")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// --explore: dpor on every racing variant, 48 executions at most each.
void BM_AuditExplore_Stm32mp151aPrtt1c(benchmark::State& state) {
  audit_board(state, "stm32mp151a-prtt1c", true);
}
BENCHMARK(BM_AuditExplore_Stm32mp151aPrtt1c)
    ->ArgName("jobs")
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace lifeline::scenario
BENCHMARK_MAIN();
