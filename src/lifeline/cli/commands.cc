// SPDX-License-Identifier: GPL-2.0-only
// boot, run, compare, graph, demo.
#include "lifeline/cli/commands.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/demo.h"
#include "lifeline/cli/options.h"
#include "lifeline/net/knobs.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/report/json.h"
#include "lifeline/report/text.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

bool any_expect_failed(const scenario::RunResult& r) {
  for (const auto& e : r.expects)
    if (!e.passed) return true;
  return false;
}

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

}  // namespace

scenario::RunOptions run_options(const Args& a, uint64_t default_seed) {
  scenario::RunOptions o;
  o.knobs = parse_sets(a.sets);
  o.seed = a.seed ? parse_number("--seed", *a.seed) : default_seed;
  o.verbose = a.verbose;
  return o;
}

std::string shell_quote(std::string_view word) {
  bool bare = !word.empty();
  for (char c : word)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || (c && std::strchr("_./:=,+-@%", c))))
      bare = false;
  if (bare) return std::string(word);
  std::string s = "'";
  for (char c : word) s += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return s + "'";
}

std::string read_file(const std::string& path, std::string_view what) {
  return sim::read_input_file(path, what, sim::kMaxScenarioBytes);
}

int cmd_boot(const Context& c) {
  scenario::RunOptions o = run_options(c.args);
  scenario::Board board = c.backend.load_board(c.args.positionals[0]);
  scenario::RunResult r = c.backend.boot(board, o);
  if (c.args.json)
    c.out << report::dump(report::document("boot", report::to_json(r)));
  else
    c.out << report::format_boot(r);
  return kExitOk;
}

int cmd_run(const Context& c) {
  const Args& a = c.args;
  scenario::RunOptions o = run_options(a);
  std::string board_arg, scenario_arg;
  std::optional<scenario::ReplayFile> replay;
  if (a.replay) {
    replay = scenario::parse_replay_file(read_file(*a.replay, "replay file"), *a.replay);
    // The replay's knobs are what it was recorded under; --set still wins.
    for (const auto& [k, v] : replay->knobs) o.knobs.emplace(k, v);
    o.replay = replay->ranks;
  }
  if (a.positionals.size() == 2) {
    board_arg = a.positionals[0];
    scenario_arg = a.positionals[1];
    if (replay &&
        (stem(board_arg) != stem(replay->board) || stem(scenario_arg) != stem(replay->scenario)))
      c.err << "lifeline: note: " << *a.replay << " was recorded for board " << replay->board
            << " and scenario " << replay->scenario << "\n";
  } else if (a.positionals.empty() && replay) {
    board_arg = replay->board;
    scenario_arg = replay->scenario;
  } else {
    throw sim::UserError(std::string("run: expected ") +
                         (a.positionals.empty() ? "BOARD and SCENARIO" : "SCENARIO") +
                         " (or --replay FILE alone); usage: lifeline run BOARD SCENARIO [OPTIONS]");
  }
  scenario::Board board = c.backend.load_board(board_arg);
  scenario::Scenario s = c.backend.load_scenario(scenario_arg);
  scenario::RunResult r = c.backend.run(board, s, o);
  if (a.json) {
    report::Json d = report::document("run", report::to_json(r));
    d["replay_file"] = a.replay ? report::Json(*a.replay) : report::Json(nullptr);
    c.out << report::dump(d);
  } else {
    if (replay) c.out << "replaying " << *a.replay << ": " << replay->ranks.size() << " choices\n";
    c.out << report::format_run(r, a.verbose);
  }
  return any_expect_failed(r) ? kExitFailed : kExitOk;
}

namespace {

int compare(const Context& c, const std::string& command, const std::string& board_arg,
            const std::string& scenario_arg, const std::string& knob,
            const std::vector<std::string>& values) {
  scenario::RunOptions o = run_options(c.args);
  if (o.knobs.count(knob))
    throw sim::UserError("--set " + knob + "=" + o.knobs[knob] + ": knob '" + knob + "' is what " +
                         command + " varies; set it or vary it, not both");
  scenario::Board board = c.backend.load_board(board_arg);
  scenario::Scenario s = c.backend.load_scenario(scenario_arg);
  scenario::CompareResult r = c.backend.compare(board, s, knob, values, o);
  if (c.args.json) {
    c.out << report::dump(report::document(command, report::to_json(r)));
  } else {
    if (command == "demo")
      c.out << "lifeline demo: what each phy-loss design does on a " << kDemoBoardTitle
            << " when the PHY under a running interface is unbound and bound again.\n"
               "The same as: lifeline compare "
            << kDemoBoard << " " << shell_quote(scenario_arg) << " --vary " << kDemoKnob << "\n\n";
    c.out << report::format_compare(r);
    c.out << "\nlifeline run " << shell_quote(board_arg) << " " << shell_quote(scenario_arg)
          << " --set " << knob << "=VALUE shows one column in full.\n";
  }
  if (command == "demo") return kExitOk;  // the designs are meant to differ
  for (const auto& run : r.runs)
    if (any_expect_failed(run)) return kExitFailed;
  return kExitOk;
}

}  // namespace

int cmd_compare(const Context& c) {
  if (!c.args.vary)
    throw sim::UserError(
        "compare: expected --vary KNOB=V1,V2,... (or --vary KNOB for "
        "every value), for example --vary phy-loss=mainline,replay");
  auto [knob, values] = parse_vary(*c.args.vary);
  return compare(c, "compare", c.args.positionals[0], c.args.positionals[1], knob, values);
}

int cmd_demo(const Context& c) {
  const net::KnobInfo* k = net::find_knob(kDemoKnob);
  std::vector<std::string> values;
  for (const net::KnobValue& v : k->values) values.emplace_back(v.name);
  return compare(c, "demo", kDemoBoard, demo_scenario_path(), kDemoKnob, values);
}

int cmd_graph(const Context& c) {
  const Args& a = c.args;
  std::string format = a.format ? parse_choice("--format", *a.format, {"dot", "svg", "json"})
                                : (a.json ? "json" : "dot");
  if (a.json && format != "json")
    throw sim::UserError("--json and --format " + format + " disagree; give one of them");
  scenario::RunOptions o = run_options(a);
  scenario::Board board = c.backend.load_board(a.positionals[0]);
  check::Graph g = c.backend.graph(board, o, a.all);
  if (format == "json")
    c.out << report::dump(report::document("graph", report::to_json(g)));
  else if (format == "svg")
    c.out << c.backend.render_svg(report::to_dot(g));
  else
    c.out << report::to_dot(g);
  return kExitOk;
}

}  // namespace lifeline::cli
