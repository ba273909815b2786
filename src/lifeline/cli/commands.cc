// SPDX-License-Identifier: GPL-2.0-only
// boot, run, compare, graph, demo.
#include "lifeline/cli/commands.h"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/demo.h"
#include "lifeline/cli/options.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/dt/resolve.h"
#include "lifeline/net/knobs.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/report/json.h"
#include "lifeline/report/run_graph.h"
#include "lifeline/report/swimlane.h"
#include "lifeline/report/text.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

// Exit 1 for a run that a reviewer must not read as a pass: an expect
// failed or was never reached, a step failed, the run stopped before its
// end, or a replay left its schedule.
bool run_failed(const scenario::RunResult& r) { return !r.ok(); }

}  // namespace

scenario::RunOptions run_options(const Args& a, uint64_t default_seed) {
  scenario::RunOptions o;
  o.knobs = parse_sets(a.sets);
  o.modules = parse_modules(a.module_modes);
  parse_phy_ids(a.phy_ids);  // checked before the board is read
  o.seed = a.seed ? parse_number("--seed", *a.seed) : default_seed;
  o.verbose = a.verbose;
  return o;
}

// --phy-id DEV=0xID: DEV resolved on the board as a scenario's `phy-id` line
// resolves it (label, path, node name), and it must be a PHY's node.
void add_phy_ids(const Args& a, const scenario::Board& board, scenario::RunOptions& o) {
  for (const auto& [dev, id] : parse_phy_ids(a.phy_ids)) {
    std::string what = "--phy-id " + dev + "=" + fmt::format("0x{:08x}", id);
    if (!board.tree) continue;
    core::FwNode* n = nullptr;
    try {
      n = dt::resolve_node(*board.tree, dev);
    } catch (const sim::UserError& e) {
      throw sim::UserError(what + ": " + e.message());
    }
    if (!n->parent || !dt::is_mdio_bus(*n->parent))
      throw sim::UserError(what + ": '" + dev + "' (" + n->full_path +
                           ") is not a PHY: its parent is not an MDIO bus");
    o.phy_ids[n->full_path] = id;
  }
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

void write_output(const std::string& path, const std::string& text, std::string_view what) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (!out)
    throw sim::UserError(path + ": cannot write the " + std::string(what) + ": " +
                         std::strerror(errno));
}

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// --graph FILE: the picture of a run, as SVG (DOT when FILE ends in .dot).
void write_run_graph(const Context& c, const scenario::RunResult& r, const std::string& path) {
  report::RunGraph g = report::run_graph(r);
  std::string dot = report::to_dot(g.graph, g.picture);
  write_output(path, ends_with(path, ".dot") ? dot : c.backend.render_svg(dot), "graph");
}

// FILE with -VALUE before its extension: compare's picture of one column.
std::string with_value(const std::string& path, const std::string& value) {
  std::filesystem::path p(path);
  std::string ext = p.extension().string();
  p.replace_extension();
  return p.string() + "-" + value + ext;
}

}  // namespace

void write_schedule_svg(const Context& c, const scenario::RunResult& r, const std::string& path,
                        const std::string& title) {
  std::string dot = report::swimlane_dot(r, title);
  write_output(path, ends_with(path, ".dot") ? dot : c.backend.render_svg(dot), "schedule picture");
}

int cmd_boot(const Context& c) {
  scenario::RunOptions o = run_options(c.args);
  scenario::Board board = c.backend.load_board(c.args.positionals[0]);
  add_phy_ids(c.args, board, o);
  scenario::RunResult r = c.backend.boot(board, o);
  if (c.args.json)
    c.out << report::dump(report::document("boot", report::to_json(r)));
  else
    c.out << report::format_boot(r);
  return r.stopped ? kExitFailed : kExitOk;  // a boot that never settled is no verdict
}

int cmd_run(const Context& c) {
  const Args& a = c.args;
  scenario::RunOptions o = run_options(a);
  std::string board_arg, scenario_arg;
  std::optional<scenario::ReplayFile> replay;
  if (a.replay) {
    replay = scenario::parse_replay_file(read_file(*a.replay, "replay file"), *a.replay);
    o.replay = replay->ranks;
  }
  if (a.positionals.size() == 2) {
    board_arg = a.positionals[0];
    scenario_arg = a.positionals[1];
  } else if (a.positionals.empty() && replay) {
    board_arg = replay->board;
    scenario_arg = replay->scenario;
  } else {
    throw sim::UserError(std::string("run: expected ") +
                         (a.positionals.empty() ? "BOARD and SCENARIO" : "SCENARIO") +
                         " (or --replay FILE alone); usage: lifeline run BOARD SCENARIO [OPTIONS]");
  }
  scenario::Board board = c.backend.load_board(board_arg);
  add_phy_ids(a, board, o);
  scenario::Scenario s = c.backend.load_scenario(scenario_arg);
  if (replay) {
    // A replay is exact only for the inputs it was recorded for.
    scenario::check_replay_belongs(*replay, *a.replay, board_arg, s, o.knobs);
    for (const auto& [k, v] : replay->knobs) o.knobs.emplace(k, v);
  }
  o.graph = a.graph_out.has_value();
  // The schedule's steps: for the picture, and for -v of a replay.
  o.schedule = a.schedule_svg.has_value() || (a.verbose && replay);
  scenario::RunResult r = c.backend.run(board, s, o);
  if (a.graph_out) write_run_graph(c, r, *a.graph_out);
  if (a.schedule_svg)
    write_schedule_svg(c, r, *a.schedule_svg,
                       "lifeline run " + board_arg + " " + scenario_arg +
                           (a.replay ? " --replay " + *a.replay : std::string()));
  if (a.json) {
    report::Json d = report::document("run", report::to_json(r));
    d["replay_file"] = a.replay ? report::Json(*a.replay) : report::Json(nullptr);
    c.out << report::dump(d);
  } else {
    if (replay) {
      c.out << "replaying " << *a.replay << ": " << replay->ranks.size() << " choices";
      if (!replay->strategy.empty()) c.out << ", found by " << scenario::describe_strategy(*replay);
      c.out << "\n";
      if (r.replay_diverged)
        c.out << "REPLAY DIVERGED: " << r.replay_divergence
              << "; what follows is not the recorded execution\n";
    }
    c.out << report::format_run(r, a.verbose);
    if (a.verbose && r.steps) c.out << "\n" << report::swimlane_text(r);
  }
  return run_failed(r) ? kExitFailed : kExitOk;
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
  add_phy_ids(c.args, board, o);
  scenario::Scenario s = c.backend.load_scenario(scenario_arg);
  o.graph = c.args.graph_out.has_value();
  scenario::CompareResult r = c.backend.compare(board, s, knob, values, o);
  if (c.args.graph_out)
    for (size_t i = 0; i < r.runs.size() && i < r.values.size(); ++i)
      write_run_graph(c, r.runs[i], with_value(*c.args.graph_out, r.values[i]));
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
    if (run_failed(run)) return kExitFailed;
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
  add_phy_ids(a, board, o);
  check::Graph g = c.backend.graph(board, o, a.all);
  report::GraphPicture picture;
  picture.all = a.all;
  if (format == "json")
    c.out << report::dump(report::document("graph", report::to_json(g)));
  else if (format == "svg")
    c.out << c.backend.render_svg(report::to_dot(g, picture));
  else
    c.out << report::to_dot(g, picture);
  return kExitOk;
}

}  // namespace lifeline::cli
