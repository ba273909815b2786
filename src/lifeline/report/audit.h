// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit`'s reports: a matrix per provider kind (rows: provider and
// template; columns: the values of the kind's knob; cells: outcome class and
// reason), the worst cells first with the commands that show each, and one
// summary line per design. Text, JSON (docs/json.md, "audit") and one
// self-contained HTML page. Deterministic: the same result, the same bytes.
#ifndef LIFELINE_REPORT_AUDIT_H_
#define LIFELINE_REPORT_AUDIT_H_

#include <string>
#include <vector>

#include "lifeline/report/json.h"
#include "lifeline/scenario/audit.h"

namespace lifeline::report {

// How the user named the board and the options every cell ran under, for
// the commands the report prints ("lifeline audit BOARD --print-scenarios
// --cell ID > cell.scn && lifeline run BOARD cell.scn").
struct AuditCommand {
  std::string board;    // as given, shell-quoted
  std::string options;  // " --set probe=event", shell-quoted words, or ""
  std::string explore;  // " --explore" (and its --budget) when given, else ""
  uint64_t explore_budget = 0;
};

// The commands that show one cell again.
std::string audit_cell_command(const AuditCommand& cmd, const std::string& cell_id);
// The commands that find a cell's racing schedule again and keep it in a
// replay file (`lifeline explore` prints the `run --replay` that shows it).
std::string audit_explore_command(const AuditCommand& cmd, const scenario::AuditCell& cell);

// The cells, worst first (outcome class, then plan order), as indexes.
std::vector<size_t> audit_worst_first(const scenario::AuditResult& r);

// One design's totals over the cells run under it.
struct AuditDesignSummary {
  std::string knob, value;
  int cells = 0;
  int findings = 0;
  int stopped = 0;          // runs that stopped after the provider left (deadlock, hung task, ...)
  int not_run = 0;          // cells whose scenario could not run on the board
  int links_recovered = 0;  // consumer links lost and back (by themselves or after ifup)
  int links_lost = 0;       // consumer links lost and not back
  int netdevs_lost = 0;     // netdevs that did not use the provider and went with it
};
std::vector<AuditDesignSummary> audit_design_summaries(const scenario::AuditResult& r);
// "notify-down: 0 findings, 12 links lost and recovered, 0 netdevs lost"
std::string format_design_summary(const AuditDesignSummary& s);

std::string format_audit(const scenario::AuditResult& r, const AuditCommand& cmd);
Json to_json(const scenario::AuditResult& r, const AuditCommand& cmd);
// `svg`: the board's provider graph as Graphviz drew it ("" for none).
std::string format_audit_html(const scenario::AuditResult& r, const AuditCommand& cmd,
                              const std::string& svg);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_AUDIT_H_
