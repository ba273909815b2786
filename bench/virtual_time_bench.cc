// SPDX-License-Identifier: GPL-2.0-only
// Cost against virtual time: a day (`wait 24h`) on every bundled board, each
// of its interfaces up with a cable in, so that every PHY state machine polls
// once a second all day, run as `lifeline run` does it (timeline recorded).
// The cost must grow linearly with the virtual time waited: the `1h` runs
// beside the `24h` ones show the ratio.
#include <benchmark/benchmark.h>

#include <string>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

// boot; cable IF plug and ip link set IF up for every netdev; settle; wait.
std::string day_scenario(const Board& board, const std::string& duration) {
  RunResult booted = boot_board(board, RunOptions{});
  std::string text = "boot\n";
  for (const check::NetdevRow& n : booted.final_state.netdevs)
    text += "cable " + n.name + " plug\nip link set " + n.name + " up\n";
  return text + "settle\nwait " + duration + "\n";
}

void BM_Wait(benchmark::State& state, const std::string& board_name, const std::string& duration) {
  Board board = load_board(board_name);
  Scenario s = parse_scenario(day_scenario(board, duration), board_name + "-wait.scn");
  RunOptions o;  // as `lifeline run`: the timeline is recorded
  size_t timeline = 0;
  for (auto _ : state) {
    RunResult r = run_scenario(board, s, o);
    timeline = r.timeline.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["timeline"] = static_cast<double>(timeline);
}

int register_all() {
  for (const std::string& b : bundled_boards())
    for (const char* d : {"1h", "24h"})
      benchmark::RegisterBenchmark(("BM_Wait/" + b + "/" + d).c_str(), BM_Wait, b, std::string(d))
          ->Unit(benchmark::kMillisecond)
          ->Iterations(1);
  return 0;
}
const int registered = register_all();

}  // namespace
}  // namespace lifeline::scenario

BENCHMARK_MAIN();
