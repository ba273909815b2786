// SPDX-License-Identifier: GPL-2.0-only
// The command line, parsed with CLI11 into plain strings; the values are
// checked by the commands (options.h), so that every message about bad input
// is lifeline's own, in one style.
#ifndef LIFELINE_CLI_ARGS_H_
#define LIFELINE_CLI_ARGS_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace lifeline::cli {

struct Args {
  std::string command;                   // "boot", "run", ...
  std::vector<std::string> positionals;  // BOARD, SCENARIO as given
  // Common to every command.
  std::vector<std::string> sets;
  bool json = false;
  // Every command with a BOARD.
  std::vector<std::string> phy_ids;       // --phy-id DEV=0xID
  std::vector<std::string> module_modes;  // --module NAME=builtin|late:TIME|absent
  // explore (the pct and random strategies)
  std::optional<std::string> seed;
  // run
  bool verbose = false;
  // run
  std::optional<std::string> replay;
  // compare
  std::optional<std::string> vary;
  // run, compare: --graph FILE (the picture at the end); run, explore:
  // --schedule-svg FILE (the schedule as swimlanes)
  std::optional<std::string> graph_out, schedule_svg;
  // explore
  std::optional<std::string> strategy, bound, budget, replay_out;
  // explore: --shard K/N|mpi|slurm|auto, --shard-out FILE (explore_shard.h); -j is `jobs`
  std::optional<std::string> shard, shard_out;
  // merge: the shard results
  std::vector<std::string> files;
  // graph
  std::optional<std::string> format;
  bool all = false;
  bool no_snapshot = false;  // explore --no-snapshot
  // audit
  bool print_scenarios = false, explore = false;
  std::optional<std::string> cell, jobs, html;
  // kernel-check
  std::optional<std::string> kernel, modules, repeat, cache, log_dir;
  bool no_init_on_free = false;
};

struct Parsed {
  std::optional<Args> args;  // nullopt when help or the version was printed
  int exit = 0;
};

// Parses `args` (without the program name). Prints --help and --version to
// `out`; bad input (an unknown command or option, a missing value, a
// missing or extra argument) is a sim::UserError.
Parsed parse_args(const std::vector<std::string>& args, const std::vector<std::string>& boards,
                  std::ostream& out);

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_ARGS_H_
