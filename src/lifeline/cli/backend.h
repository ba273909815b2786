// SPDX-License-Identifier: GPL-2.0-only
// What the commands need from the rest of lifeline: loading boards and
// scenarios, running them, the provider graph, Graphviz. The command line
// calls these through a Backend so that its own behaviour (options, messages,
// exit statuses, which report goes where) can be tested with stand-ins that
// boot nothing; real_backend() is the one `lifeline` uses.
#ifndef LIFELINE_CLI_BACKEND_H_
#define LIFELINE_CLI_BACKEND_H_

#include <functional>
#include <string>
#include <vector>

#include "lifeline/check/graph.h"
#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::cli {

struct Backend {
  std::function<scenario::Board(const std::string& path_or_name)> load_board;
  std::function<std::vector<std::string>()> bundled_boards;
  std::function<scenario::Scenario(const std::string& path)> load_scenario;
  std::function<scenario::RunResult(const scenario::Board&, const scenario::RunOptions&)> boot;
  std::function<scenario::RunResult(const scenario::Board&, const scenario::Scenario&,
                                    const scenario::RunOptions&)>
      run;
  std::function<scenario::CompareResult(
      const scenario::Board&, const scenario::Scenario&, const std::string& knob,
      const std::vector<std::string>& values, const scenario::RunOptions&)>
      compare;
  std::function<scenario::ExploreResult(const scenario::Board&, const scenario::Scenario&,
                                        const scenario::ExploreOptions&)>
      explore;
  // The provider graph once the board has booted and settled.
  std::function<check::Graph(const scenario::Board&, const scenario::RunOptions&, bool all_devices)>
      graph;
  std::function<std::string(const std::string& dot)> render_svg;
};

// The runner, the graph builder and Graphviz.
Backend real_backend();

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_BACKEND_H_
