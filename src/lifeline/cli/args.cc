// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/args.h"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "lifeline/cli/help.h"
#include "lifeline/sim/explore.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

// CLI11's help, with lifeline's usage lines and a command's long description
// in its own help (the short one is for the list of commands).
class Formatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const override {
    if (!app->get_parent()) return "Usage: lifeline COMMAND [OPTIONS]\n";
    return std::string("Usage: ") + command_help(app->get_name()).usage + "\n";
  }
  std::string make_description(const CLI::App* app) const override {
    if (!app->get_parent()) return program_description() + "\n\n";
    return wrap(command_help(app->get_name()).description, kHelpWidth) + "\n\n";
  }
};

// The arguments of each command, as the usage lines name them.
struct Positionals {
  const char* command;
  std::vector<const char*> names;
  size_t required;
};
const Positionals kPositionals[] = {
    {"boot", {"BOARD"}, 1},
    {"run", {"BOARD", "SCENARIO"}, 0},
    {"compare", {"BOARD", "SCENARIO"}, 2},
    {"explore", {"BOARD", "SCENARIO"}, 2},
    {"graph", {"BOARD"}, 1},
    {"audit", {"BOARD"}, 1},
    {"kernel-check", {"BOARD", "SCENARIO"}, 2},
    {"demo", {}, 0},
    {"merge", {}, 0},  // FILE...: Args::files
};

std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app->get_options()) {
    if (o->get_positional()) continue;
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const CommandHelp& h : command_help()) names.push_back(h.name);
  return names;
}

// A CLI11 error in lifeline's words: CLI11 says "--set: 1 required
// KNOB=VALUE missing", we say which option needs a value. `where` is the
// command, "" before one.
[[noreturn]] void rethrow(const CLI::ParseError& e, const std::string& where) {
  std::string what = e.what();
  std::string prefix = where.empty() ? "" : where + ": ";
  size_t colon = what.find(':');
  if (e.get_name() == "ArgumentMismatch" && colon != std::string::npos && what[0] == '-')
    throw sim::UserError(prefix + "option " + what.substr(0, colon) + " needs a value");
  throw sim::UserError(prefix + what);
}

const Positionals& positionals_of(std::string_view command) {
  for (const Positionals& p : kPositionals)
    if (command == p.command) return p;
  return kPositionals[0];
}

void add_positionals(CLI::App* sub, const Positionals& p, std::string (&values)[2]) {
  for (size_t i = 0; i < p.names.size(); ++i) {
    std::string name = p.names[i];
    sub->add_option(
           name, values[i],
           describe(name == "BOARD" ? "a .dts or .dtb file, or the name of a bundled board "
                                      "(lifeline --help lists them)"
                                    : "a scenario file (.scn): docs/scenarios.md"))
        ->type_name("");
  }
}

// The options only one command has.
void add_own_options(CLI::App* sub, const std::string& cmd, Args& a) {
  if (cmd == "run" || cmd == "compare")
    sub->add_option(
           "--graph", a.graph_out,
           describe(cmd == "run" ? "write the provider graph at the end of the run to FILE (SVG; "
                                   "DOT when FILE ends in .dot), with what the scenario changed "
                                   "marked and the findings pinned to their device"
                                 : "write the picture `run --graph` draws for each value, to FILE "
                                   "with -VALUE before its extension"))
        ->type_name("FILE");
  if (cmd == "run" || cmd == "explore")
    sub->add_option("--schedule-svg", a.schedule_svg,
                    describe(cmd == "run" ? "write the schedule of the run as swimlanes (SVG) to "
                                            "FILE: one lane per task, the preemptions, the findings"
                                          : "write the shrunk failing schedule as swimlanes (SVG) "
                                            "to FILE: one lane per task, its preemptions, the "
                                            "finding with its stacks"))
        ->type_name("FILE");
  if (cmd == "run") {
    sub->add_option("--replay", a.replay,
                    describe("follow the schedule that `lifeline explore` recorded in FILE; its "
                             "board, scenario and --set knobs are used when not given"))
        ->type_name("FILE");
  } else if (cmd == "compare") {
    sub->add_option("--vary", a.vary,
                    describe("the knob to compare and its values, one column each; KNOB alone "
                             "means every value (--vary phy-loss)"))
        ->type_name("KNOB=V1,V2,...");
  } else if (cmd == "explore") {
    // The strategies are sim::explorer_table()'s rows, the first the default.
    std::string strategies, names;
    for (const sim::ExplorerInfo& x : sim::explorer_table()) {
      strategies += std::string(strategies.empty() ? "" : "; ") + x.name + ": " + x.description;
      names += std::string(names.empty() ? "" : "|") + x.name;
    }
    sub->add_option("--strategy", a.strategy,
                    describe(strategies + " (default " + sim::explorer_table().front().name + ")"))
        ->type_name(names);
    sub->add_option("--bound", a.bound,
                    describe("dfs, dpor: the largest deviation bound (default: as far as the "
                             "budget goes); pct: depth (default 2)"))
        ->type_name("K");
    sub->add_option("--budget", a.budget, describe("executions at most (default 1000)"))
        ->type_name("N");
    sub->add_flag("--all", a.all,
                  describe("do not stop at the first failure: run every schedule the strategy "
                           "would, and print each distinct outcome (findings and expects)"));
    sub->add_flag("--no-snapshot", a.no_snapshot,
                  describe("boot the board for every execution instead of starting each from "
                           "a snapshot of the booted board taken at the first concurrently "
                           "block (for comparison; -v says whether the snapshot was used)"));
    sub->add_option("--replay-out", a.replay_out,
                    describe("where to write the replay file (default: beside the scenario, its "
                             "name ending in .replay)"))
        ->type_name("FILE");
    sub->add_option("-j,--jobs", a.jobs,
                    describe("dfs, dpor: threads exploring subtrees of the schedules at once "
                             "(default: every core); the result is the same for any N"))
        ->type_name("N");
    sub->add_option("--shard", a.shard,
                    describe("dfs, dpor: explore only shard K of N of the subtrees and write its "
                             "result as JSON for `lifeline merge`; mpi takes K/N from mpirun "
                             "(OMPI_COMM_WORLD_RANK/SIZE), slurm from a job array "
                             "(SLURM_ARRAY_TASK_ID/COUNT), auto from whichever is set"))
        ->type_name("K/N|mpi|slurm|auto");
    sub->add_option("--shard-out", a.shard_out,
                    describe("with --shard: write the shard's JSON to FILE instead of standard "
                             "output; %K in FILE is the shard's index"))
        ->type_name("FILE");
  } else if (cmd == "merge") {
    sub->add_option("FILE", a.files,
                    describe("the JSON results of `explore --shard`, one per shard"))
        ->type_name("");
    sub->add_option("--replay-out", a.replay_out,
                    describe("where to write the replay file of a finding (default: beside the "
                             "scenario, its name ending in .replay)"))
        ->type_name("FILE");
  } else if (cmd == "kernel-check") {
    sub->add_option("--kernel", a.kernel,
                    describe("boot this kernel instead of Debian's 6.12: an arm64 Image (with "
                             "--modules) or a linux-image .deb"))
        ->type_name("IMAGE|DEB");
    sub->add_option("--modules", a.modules,
                    describe("the modules of --kernel IMAGE: lib/modules/VERSION of your "
                             "`make modules_install`"))
        ->type_name("DIR");
    sub->add_option("--repeat", a.repeat,
                    describe("boot the guest N times; a value seen in only some runs is "
                             "reported as intermittent (default 1)"))
        ->type_name("N");
    sub->add_flag("--no-init-on-free", a.no_init_on_free,
                  describe("boot without init_on_free=1 (freed memory is then not zeroed, so a "
                           "use-after-free may or may not crash)"));
    sub->add_option("--cache", a.cache,
                    describe("where the packages, the built guest and the logs go (default "
                             "build/kernel-check of the source tree)"))
        ->type_name("DIR");
    sub->add_option("--log-dir", a.log_dir,
                    describe("where each run's serial log goes (default CACHE/logs)"))
        ->type_name("DIR");
  } else if (cmd == "audit") {
    sub->add_flag("--print-scenarios", a.print_scenarios,
                  describe("print every cell's scenario (a `lifeline run` of it shows the cell) "
                           "instead of running them"));
    sub->add_option("--cell", a.cell,
                    describe("only this cell (KIND/DEVICE/TEMPLATE/VALUE, as the report and "
                             "--print-scenarios name it)"))
        ->type_name("ID");
    sub->add_option("-j,--jobs", a.jobs,
                    describe("cells run at once, at most (default: every core)"))
        ->type_name("N");
    sub->add_option("--html", a.html,
                    describe("also write one self-contained HTML page: the provider graph (runs "
                             "Graphviz `dot`), the matrices, every cell's timeline"))
        ->type_name("FILE");
    sub->add_flag("--explore", a.explore,
                  describe("also explore each template that has a racing variant (the "
                           "consumers' ifup racing the removal): dpor, at most --budget "
                           "executions (default 48); --print-scenarios then prints the variants"));
    sub->add_option("--budget", a.budget,
                    describe("with --explore: executions per racing variant, at most (default "
                             "48)"))
        ->type_name("N");
  } else if (cmd == "graph") {
    sub->add_option("--format", a.format,
                    describe("dot (default), svg (runs Graphviz `dot`), json (the same as --json)"))
        ->type_name("dot|svg|json");
    sub->add_flag("--all", a.all,
                  describe("every device, not only the network providers and what they link to "
                           "(clocks, regulators, GPIO, ...)"));
  }
}

void add_common_options(CLI::App* sub, const std::string& cmd, Args& a) {
  sub->add_option("--set", a.sets,
                  describe("select the design a knob models, as --set phy-loss=replay "
                           "(repeatable; wins over the scenario's own `set` line for the knob); "
                           "lifeline --help lists the knobs"))
      ->type_name("KNOB=VALUE")
      ->allow_extra_args(false);  // `--set a=b BOARD`: BOARD is not a second knob
  sub->add_flag("--json", a.json,
                describe("print the report as one JSON document (docs/json.md), byte-identical "
                         "for the same inputs"));
  if (cmd != "demo" && cmd != "merge")
    sub->add_option("--phy-id", a.phy_ids,
                    describe("the ID of a PHY the device tree does not give, as the scenario "
                             "line `phy-id DEV 0xID` states it (repeatable); DEV is a label, "
                             "path or node name"))
        ->type_name("DEV=0xID")
        ->allow_extra_args(false);
  if (cmd != "demo")
    sub->add_option("--module", a.module_modes,
                    describe("how a module comes into the kernel, as the scenario line "
                             "`module NAME builtin|late TIME|absent` says it (repeatable; wins "
                             "over that line): NAME=builtin, NAME=late:5s, NAME=absent"))
        ->type_name("NAME=MODE")
        ->allow_extra_args(false);
  // Only explore makes random choices (pct, random); only run prints a
  // timeline that -v can widen. Elsewhere these options are not offered.
  if (cmd == "explore")
    sub->add_option("--seed", a.seed,
                    describe("seed of the pct and random strategies' choices (default 1); dfs "
                             "makes none"))
        ->type_name("N");
  if (cmd == "run")
    sub->add_flag("-v,--verbose", a.verbose,
                  describe("every event in the timeline, the boot's and every scheduling "
                           "decision, and the final state in full; with --replay, the schedule "
                           "as swimlanes in text"));
  if (cmd == "explore")
    sub->add_flag("-v,--verbose", a.verbose,
                  describe("the shrunk failing schedule as swimlanes in text, a lane per task"));
}

// Words before the command: a misspelt command, or options in the wrong place.
void check_before_command(const std::vector<std::string>& before, bool have_command) {
  for (const std::string& word : before) {
    if (word.empty() || word[0] == '-') continue;
    std::string commands;
    for (const std::string& n : command_names()) commands += (commands.empty() ? "" : ", ") + n;
    throw sim::UserError("unknown command '" + word + "', expected one of " + commands +
                         sim::did_you_mean(word, command_names()));
  }
  if (!before.empty())
    throw sim::UserError("unknown option '" + before.front() +
                         "': options follow the command (lifeline COMMAND --help)");
  if (!have_command)
    throw sim::UserError(
        "expected a command (boot, run, compare, explore, merge, graph, audit, kernel-check, "
        "demo); "
        "lifeline --help explains them");
}

// The words the command did not take (unknown options, extra arguments) and
// the arguments it lacks.
void check_command_words(const CLI::App* sub, const Positionals& p, const Args& a) {
  const std::string& cmd = a.command;
  std::vector<std::string> extra = sub->remaining();
  for (const std::string& w : extra) {
    if (w.size() > 1 && w[0] == '-') {
      std::string name = w.substr(0, w.find('='));
      throw sim::UserError(cmd + ": unknown option '" + name + "'" +
                           sim::did_you_mean(name, option_names(sub)));
    }
  }
  if (!extra.empty())
    throw sim::UserError(cmd + ": unexpected argument '" + extra.front() +
                         "'; usage: " + command_help(cmd).usage);
  if (a.positionals.size() < p.required) {
    std::string missing;
    for (size_t i = a.positionals.size(); i < p.required; ++i)
      missing += (missing.empty() ? "" : " and ") + std::string(p.names[i]);
    throw sim::UserError(cmd + ": expected " + missing + "; usage: " + command_help(cmd).usage);
  }
}

}  // namespace

Parsed parse_args(const std::vector<std::string>& args, const std::vector<std::string>& boards,
                  std::ostream& out) {
  Args a;
  CLI::App app;
  app.name("lifeline");
  app.formatter(std::make_shared<Formatter>());
  app.get_formatter()->column_width(kHelpColumn);
  app.get_formatter()->label("Subcommands", "Commands");
  app.get_formatter()->label("Positionals", "Arguments");
  app.set_help_flag("-h,--help", "this help");
  app.set_version_flag("--version", std::string("lifeline ") + kVersion, "lifeline's version");
  app.footer(program_footer(boards));
  // Unknown words are collected, not refused, so that the messages about
  // them are ours, with suggestions.
  app.allow_extras();
  std::string positionals[2];  // filled by whichever command is given
  for (const CommandHelp& h : command_help()) {
    CLI::App* sub = app.add_subcommand(h.name, h.summary);
    sub->allow_extras();
    sub->footer("Examples:\n" + std::string(h.examples) +
                "\n\nlifeline --help lists the knobs and their values, the bundled boards and the "
                "exit statuses.");
    add_positionals(sub, positionals_of(h.name), positionals);
    add_own_options(sub, h.name, a);
    add_common_options(sub, h.name, a);
  }

  // CLI11 takes the words last first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return {std::nullopt, 0};
  } catch (const CLI::CallForVersion&) {
    out << "lifeline " << kVersion << "\n";
    return {std::nullopt, 0};
  } catch (const CLI::ParseError& e) {
    std::string where;
    for (const CLI::App* sub : app.get_subcommands()) where = sub->get_name();
    rethrow(e, where);
  }

  check_before_command(app.remaining(), !app.get_subcommands().empty());
  const CLI::App* sub = app.get_subcommands().front();
  a.command = sub->get_name();
  const Positionals& p = positionals_of(a.command);
  for (size_t i = 0; i < p.names.size(); ++i)
    if (!positionals[i].empty()) a.positionals.push_back(positionals[i]);
  check_command_words(sub, p, a);
  return {a, 0};
}

}  // namespace lifeline::cli
