// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit BOARD`: the plan, the runs, the reports (docs/cli.md).
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/commands.h"
#include "lifeline/cli/options.h"
#include "lifeline/report/audit.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

// The options every cell ran under, as the user would type them again.
std::string repeated_options(const Args& a) {
  std::string s;
  for (const std::string& set : a.sets) s += " --set " + shell_quote(set);
  for (const std::string& id : a.phy_ids) s += " --phy-id " + shell_quote(id);
  return s;
}

}  // namespace

int cmd_audit(const Context& c) {
  const Args& a = c.args;
  scenario::AuditOptions o;
  o.run = run_options(a);
  if (a.jobs) {
    uint64_t n = parse_number("-j", *a.jobs);
    if (n == 0 || n > 1024) throw sim::UserError("-j " + *a.jobs + ": expected 1 to 1024 jobs");
    o.jobs = static_cast<unsigned>(n);
  }
  if (a.cell) o.only_cells.push_back(*a.cell);
  o.explore = a.explore;
  if (a.budget) {
    if (!a.explore) throw sim::UserError("--budget " + *a.budget + ": only with --explore");
    o.explore_budget = parse_number("--budget", *a.budget, 1);
  }
  if (a.print_scenarios && (a.json || a.html))
    throw sim::UserError("--print-scenarios prints scenarios, not a report; drop --json/--html");
  scenario::Board board = c.backend.load_board(a.positionals[0]);
  add_phy_ids(a, board, o.run);
  report::AuditCommand cmd{shell_quote(a.positionals[0]), repeated_options(a), "", 0};
  if (o.explore)
    cmd.explore = fmt::format(" --explore{}", a.budget ? " --budget " + *a.budget : "");
  cmd.explore_budget = o.explore_budget;

  if (a.print_scenarios) {
    // With --explore, a cell with a racing variant prints that variant:
    // what `lifeline explore` takes.
    scenario::AuditResult plan = scenario::plan_audit(board, o);
    for (size_t i = 0; i < plan.cells.size(); ++i)
      c.out << (i ? "\n" : "")
            << (plan.cells[i].explore ? plan.cells[i].explore->scenario : plan.cells[i].scenario);
    return kExitOk;
  }

  // Progress only where someone watches it: the real stderr, a terminal,
  // and not under --json (whose reader is a program).
  bool progress = &c.err == &std::cerr && isatty(STDERR_FILENO) && !a.json;
  if (progress)
    o.progress = [&](size_t done, size_t total) {
      c.err << "\raudit: " << done << "/" << total << " cells" << std::flush;
    };
  scenario::AuditResult r = scenario::run_audit(board, o);
  if (progress) c.err << "\r\033[K" << std::flush;

  if (a.html) {
    std::string svg = c.backend.render_svg(report::to_dot(c.backend.graph(board, o.run, false)));
    std::ofstream f(*a.html, std::ios::binary);
    if (!f) throw sim::UserError("--html " + *a.html + ": cannot write the file");
    f << report::format_audit_html(r, cmd, svg);
    if (!f) throw sim::UserError("--html " + *a.html + ": cannot write the file");
  }
  if (a.json)
    c.out << report::dump(report::document("audit", report::to_json(r, cmd)));
  else
    c.out << report::format_audit(r, cmd);
  return kExitOk;
}

}  // namespace lifeline::cli
