// SPDX-License-Identifier: GPL-2.0-only
// The commands of `lifeline`, one function each: check the arguments, call
// the backend, print the report as text or JSON, return the exit status.
#ifndef LIFELINE_CLI_COMMANDS_H_
#define LIFELINE_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <string_view>

#include "lifeline/cli/args.h"
#include "lifeline/cli/backend.h"

namespace lifeline::cli {

struct Context {
  const Args& args;
  const Backend& backend;
  std::ostream& out;
  std::ostream& err;
};

int cmd_boot(const Context& c);
int cmd_run(const Context& c);
int cmd_compare(const Context& c);
int cmd_explore(const Context& c);
int cmd_merge(const Context& c);  // merge.cc
// explore --shard: explores the shard, writes its JSON (merge.cc).
int cmd_explore_shard(const Context& c, const scenario::ExploreOptions& o,
                      const scenario::Board& board, const scenario::Scenario& s);
int cmd_graph(const Context& c);
int cmd_audit(const Context& c);  // audit_cmd.cc
int cmd_demo(const Context& c);
int cmd_kernel_check(const Context& c);

// Shared by the commands.

// --set, --seed and -v as RunOptions.
scenario::RunOptions run_options(const Args& a, uint64_t default_seed = 0);
// --phy-id DEV=0xID into `o`, DEV resolved on `board` (a PHY's node).
void add_phy_ids(const Args& a, const scenario::Board& board, scenario::RunOptions& o);

// A word as a POSIX shell reads it back: bare when it can be, else in single
// quotes; for the commands lifeline prints for the user to paste.
std::string shell_quote(std::string_view word);

// The whole file; a file that cannot be read is a sim::UserError naming
// `what` it was ("replay file").
std::string read_file(const std::string& path, std::string_view what);
// Writes an output file (a picture); a failure is a sim::UserError naming it.
void write_output(const std::string& path, const std::string& text, std::string_view what);
// --schedule-svg FILE: the run's schedule as swimlanes (report/swimlane.h).
// SVG, or DOT when FILE ends in .dot.
void write_schedule_svg(const Context& c, const scenario::RunResult& r, const std::string& path,
                        const std::string& title);

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_COMMANDS_H_
