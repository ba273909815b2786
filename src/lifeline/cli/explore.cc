// SPDX-License-Identifier: GPL-2.0-only
// explore: search the schedules, and keep the failing one in a replay file
// beside the scenario, so that it can be shown again and attached to a bug.
#include "lifeline/sim/explore.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/commands.h"
#include "lifeline/cli/options.h"
#include "lifeline/report/json.h"
#include "lifeline/report/progress.h"
#include "lifeline/report/swimlane.h"
#include "lifeline/report/text.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

// SCENARIO with its extension replaced by .replay.
std::string default_replay_path(const std::string& scenario) {
  std::filesystem::path p(scenario);
  p.replace_extension(".replay");
  return p.string();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (!out)
    throw sim::UserError(path + ": cannot write the replay file: " + std::strerror(errno) +
                         "; --replay-out FILE writes it elsewhere");
}

}  // namespace

int cmd_explore(const Context& c) {
  const Args& a = c.args;
  scenario::ExploreOptions o;
  if (a.strategy) o.strategy = parse_choice("--strategy", *a.strategy, sim::explorer_names());
  if (a.bound)
    o.bound = static_cast<int>(std::min<uint64_t>(parse_number("--bound", *a.bound), 1'000'000));
  if (a.budget) o.budget = parse_number("--budget", *a.budget, 1);
  o.run = run_options(a, /*default_seed=*/0);
  // -v is the schedule as swimlanes; the failing run is printed as always.
  o.run.verbose = false;
  o.run.schedule = a.schedule_svg.has_value() || a.verbose;
  if (a.seed) o.seed = o.run.seed;
  o.all_outcomes = a.all;
  o.snapshot = !a.no_snapshot;
  o.jobs = 0;  // every core; the result does not depend on it
  if (a.jobs) {
    uint64_t n = parse_number("-j", *a.jobs);
    if (n == 0 || n > 1024) throw sim::UserError("-j " + *a.jobs + ": expected 1 to 1024 jobs");
    o.jobs = static_cast<unsigned>(n);
  }
  const std::string& board_arg = a.positionals[0];
  const std::string& scenario_arg = a.positionals[1];
  scenario::Board board = c.backend.load_board(board_arg);
  add_phy_ids(a, board, o.run);
  scenario::Scenario s = c.backend.load_scenario(scenario_arg);
  // On a terminal, a progress line on stderr while it runs (never under
  // --json, whose statistics come at the end).
  std::optional<report::ProgressLine> progress;
  if (!a.json && &c.err == &std::cerr && isatty(STDERR_FILENO)) {
    progress.emplace(c.err);
    o.progress = progress->callback();
  }
  if (a.shard) return cmd_explore_shard(c, o, board, s);  // merge.cc
  scenario::ExploreResult r = c.backend.explore(board, s, o);
  if (progress) progress->clear();
  if (a.verbose && !r.snapshot.empty()) c.err << r.snapshot << "\n";

  std::string path, show;
  if (r.found) {
    path = a.replay_out ? *a.replay_out : default_replay_path(scenario_arg);
    scenario::ReplayFile f{board_arg, scenario_arg, o.run.knobs, r.ranks,
                           scenario::scenario_digest(s)};
    f.strategy = o.strategy;
    f.strategy_params = scenario::strategy_parameters(o);
    write_file(path, scenario::format_replay_file(f));
    show = "lifeline run " + shell_quote(board_arg) + " " + shell_quote(scenario_arg) +
           " --replay " + shell_quote(path);
  }
  if (a.json) {
    report::Json d = report::document("explore", report::to_json(r));
    d["replay_file"] = r.found ? report::Json(path) : report::Json(nullptr);
    d["replay_command"] = r.found ? report::Json(show) : report::Json(nullptr);
    c.out << report::dump(d);
  } else {
    c.out << report::format_explore(r);
    if (r.found && a.verbose && r.failing.steps) c.out << "\n" << report::swimlane_text(r.failing);
    if (r.found) c.out << "\nreplay file: " << path << "\nshow it again: " << show << "\n";
  }
  if (r.found && a.schedule_svg)
    write_schedule_svg(
        c, r.failing, *a.schedule_svg,
        "lifeline explore " + board_arg + " " + scenario_arg + ": the shrunk failing schedule");
  return r.found ? kExitFailed : kExitOk;
}

}  // namespace lifeline::cli
