// SPDX-License-Identifier: GPL-2.0-only
// The backend `lifeline` runs with, and the entry point main() calls. Kept
// apart from cli.cc so that the command line's tests, which use stand-ins,
// do not need the runner.
#include "lifeline/cli/cli.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::cli {

Backend real_backend() {
  Backend b;
  b.load_board = scenario::load_board;
  b.bundled_boards = scenario::bundled_boards;
  b.load_scenario = scenario::load_scenario;
  b.boot = scenario::boot_board;
  b.run = scenario::run_scenario;
  b.compare = scenario::compare_scenario;
  b.explore = scenario::explore_scenario;
  b.graph = scenario::graph_board;
  b.render_svg = report::render_svg;
  return b;
}

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return run_cli(args, out, err, real_backend());
}

}  // namespace lifeline::cli
