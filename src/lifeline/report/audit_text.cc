// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit` as text: the matrices, the worst cells with their
// commands, a line per design.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lifeline/report/audit.h"
#include "lifeline/report/table.h"

namespace lifeline::report {

namespace {

using scenario::AuditCell;
using scenario::AuditResult;
using scenario::OutcomeClass;

// The worst cells the text lists; the JSON and the page list every cell.
constexpr size_t kWorstShown = 10;

std::string provider_title(const scenario::AuditProvider& p) {
  return p.device + (p.label.empty() ? "" : " (" + p.label + ")");
}

std::string cell_text(const AuditCell& c) {
  return std::string(scenario::outcome_class_name(c.outcome.cls)) + ": " + c.outcome.reason;
}

}  // namespace

std::string audit_cell_command(const AuditCommand& cmd, const std::string& cell_id) {
  return "lifeline audit " + cmd.board + cmd.options + " --print-scenarios --cell " + cell_id +
         " > cell.scn && lifeline run " + cmd.board + cmd.options + " cell.scn";
}

std::string audit_explore_command(const AuditCommand& cmd, const AuditCell& c) {
  std::string file = "race.scn";
  return "lifeline audit " + cmd.board + cmd.options + cmd.explore + " --print-scenarios --cell " +
         c.id + " > " + file + " && lifeline explore " + cmd.board + cmd.options + " " + file +
         " --strategy " + c.explore->strategy + " --budget " + std::to_string(c.explore->budget);
}

std::vector<size_t> audit_worst_first(const AuditResult& r) {
  std::vector<size_t> order(r.cells.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.cells[a].outcome.cls < r.cells[b].outcome.cls;
  });
  return order;
}

std::vector<AuditDesignSummary> audit_design_summaries(const AuditResult& r) {
  std::vector<AuditDesignSummary> out;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const AuditCell& c : r.cells) {
    const scenario::ProviderKind* kind = scenario::find_provider_kind(r.providers[c.provider].kind);
    auto key = std::make_pair(std::string(kind->knob), c.value);
    auto [it, fresh] = index.emplace(key, out.size());
    if (fresh) out.push_back(AuditDesignSummary{key.first, key.second});
    AuditDesignSummary& s = out[it->second];
    const scenario::AuditOutcome& o = c.outcome;
    ++s.cells;
    s.findings += static_cast<int>(o.findings.size());
    s.stopped += o.cls == OutcomeClass::kDeadlock;
    s.not_run += o.cls == OutcomeClass::kNotRun;
    s.netdevs_lost += static_cast<int>(o.unrelated_lost.size());
    if (!o.provider_back) continue;
    int lost = static_cast<int>(o.carrier_lost.size());
    if (o.cls == OutcomeClass::kRecovered || o.cls == OutcomeClass::kRecoveredIfup)
      s.links_recovered += lost;
    else if (o.cls != OutcomeClass::kSurvives)
      s.links_lost += lost;
  }
  // Grouped by knob, in the order the cells first used each.
  std::map<std::string, size_t> rank;
  for (const AuditDesignSummary& d : out) rank.emplace(d.knob, rank.size());
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& a, const auto& b) { return rank[a.knob] < rank[b.knob]; });
  return out;
}

std::string format_design_summary(const AuditDesignSummary& s) {
  std::string line =
      fmt::format("{}: {} finding{}", s.value, s.findings, s.findings == 1 ? "" : "s");
  if (s.stopped) line += fmt::format(", {} stopped", s.stopped);
  if (s.not_run) line += fmt::format(", {} not run", s.not_run);
  line += fmt::format(", {} link{} lost and recovered", s.links_recovered,
                      s.links_recovered == 1 ? "" : "s");
  if (s.links_lost) line += fmt::format(", {} not recovered", s.links_lost);
  line += fmt::format(", {} netdev{} lost", s.netdevs_lost, s.netdevs_lost == 1 ? "" : "s");
  return line;
}

std::string format_audit(const AuditResult& r, const AuditCommand& cmd) {
  std::string out = fmt::format("lifeline audit {}: {} provider{}, {} cell{}\n", r.board,
                                r.providers.size(), r.providers.size() == 1 ? "" : "s",
                                r.cells.size(), r.cells.size() == 1 ? "" : "s");
  for (const scenario::ProviderKind& kind : scenario::provider_kinds()) {
    // Columns: the values this kind's cells ran under, in the knob's order.
    std::vector<std::string> values;
    std::vector<size_t> providers;
    for (const AuditCell& c : r.cells) {
      if (r.providers[c.provider].kind != kind.name) continue;
      if (std::find(values.begin(), values.end(), c.value) == values.end())
        values.push_back(c.value);
      if (std::find(providers.begin(), providers.end(), c.provider) == providers.end())
        providers.push_back(c.provider);
    }
    if (providers.empty()) continue;
    out += fmt::format("\n{} ({}; consumers in brackets)\n", kind.title, kind.knob);
    std::vector<Column> cols{{"provider"}, {"template"}};
    for (const std::string& v : values) cols.push_back({v});
    Table t(cols);
    for (size_t pi : providers) {
      const scenario::AuditProvider& p = r.providers[pi];
      bool first = true;
      for (const scenario::AuditTemplate& tmpl : kind.templates) {
        std::vector<std::string> row{first ? provider_title(p) : "", tmpl.name};
        bool any = false;
        for (const std::string& v : values) {
          std::string text;
          for (const AuditCell& c : r.cells)
            if (c.provider == pi && c.template_name == tmpl.name && c.value == v) {
              text = cell_text(c);
              any = true;
            }
          row.push_back(text);
        }
        if (!any) continue;
        if (first) {
          std::string consumers;
          for (const std::string& n : p.consumers) consumers += (consumers.empty() ? "" : " ") + n;
          t.add_row(row);
          row = {"  [" + consumers + "]"};
          t.add_row(row);
          first = false;
          continue;
        }
        t.add_row(row);
      }
    }
    out += t.render("  ");
  }

  if (!r.unconsumed.empty()) {
    std::string line = "\nno consumer, not audited:";
    for (const scenario::AuditProvider& p : r.unconsumed)
      line += " " + provider_title(p) + " (" + p.kind + ")";
    out += line + "\n";
  }

  std::vector<size_t> worst = audit_worst_first(r);
  size_t bad = 0;
  for (size_t i : worst)
    if (r.cells[i].outcome.cls <= OutcomeClass::kNetdevsLost) ++bad;
  out += fmt::format("\nWORST CELLS ({} with a stop, a finding or netdevs lost)\n", bad);
  if (bad == 0) out += "  none\n";
  for (size_t k = 0; k < std::min(bad, kWorstShown); ++k) {
    const AuditCell& c = r.cells[worst[k]];
    out += "  " + c.id + "  " + cell_text(c) + "\n    " +
           (c.explore && c.explore->decides ? audit_explore_command(cmd, c)
                                            : audit_cell_command(cmd, c.id)) +
           "\n";
  }
  if (bad > kWorstShown)
    out += fmt::format("  ... {} more (--json lists every cell)\n", bad - kWorstShown);

  if (!cmd.explore.empty()) {
    size_t variants = 0, found = 0;
    uint64_t executions = 0;
    for (const AuditCell& c : r.cells)
      if (c.explore) {
        ++variants;
        found += c.explore->found;
        executions += c.explore->executions;
      }
    out += fmt::format(
        "\nEXPLORED: {} racing variant{}, {} execution{}, {} with a finding under some "
        "schedule\n",
        variants, variants == 1 ? "" : "s", executions, executions == 1 ? "" : "s", found);
  }

  out += "\nDESIGNS\n";
  std::string knob;
  for (const AuditDesignSummary& s : audit_design_summaries(r)) {
    if (s.knob != knob) out += "  " + s.knob + "\n";
    knob = s.knob;
    out += "    " + format_design_summary(s) + "\n";
  }
  return out;
}

}  // namespace lifeline::report
