// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/findings_text.h"

#include <algorithm>
#include <cstring>

#include "lifeline/report/table.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

std::map<sim::FindingKind, int> count_by_kind(const std::vector<sim::Finding>& findings) {
  std::map<sim::FindingKind, int> counts;
  for (const auto& f : findings) counts[f.kind] += std::max(f.count, 1);
  return counts;
}

std::string findings_by_kind(const std::vector<sim::Finding>& findings) {
  auto counts = count_by_kind(findings);
  std::vector<std::string> parts;
  for (sim::FindingKind k : sim::kAllFindingKinds) {
    auto it = counts.find(k);
    if (it != counts.end())
      parts.push_back(std::to_string(it->second) + " " + sim::finding_kind_name(k));
  }
  return join(parts, ", ");
}

bool is_scheduling_history(const sim::Finding& f, size_t i) {
  return i < f.history_kinds.size() && sim::is_scheduling_event(f.history_kinds[i]);
}

std::string format_findings(const std::vector<sim::Finding>& findings, bool verbose) {
  if (findings.empty()) return "FINDINGS: none\n";
  // The kinds are padded to one width so that times and tasks line up.
  size_t kind_width = 0;
  for (const auto& f : findings)
    kind_width = std::max(kind_width, std::strlen(sim::finding_kind_name(f.kind)));
  size_t total = 0;
  for (const auto& f : findings) total += std::max(f.count, 1);
  std::string out = "FINDINGS: " + std::to_string(total) + "\n";
  for (const auto& f : findings) {
    std::string kind = sim::finding_kind_name(f.kind);
    kind.append(kind_width - kind.size(), ' ');
    out += "*** " + kind + " " + stamp(f.time) + " " + (f.task.empty() ? "scheduler" : f.task) +
           ": " + f.message;
    if (f.count > 1) out += "  (" + std::to_string(f.count) + " times)";
    out += "\n";
    for (const auto& d : f.details) out += indent_lines(d, "      ");
    std::vector<std::string> history;
    for (size_t i = 0; i < f.history.size(); ++i)
      if (verbose || !is_scheduling_history(f, i)) history.push_back(f.history[i]);
    size_t hidden = f.history.size() - history.size();
    if (!verbose && history.size() > kShortHistory) {
      hidden += history.size() - kShortHistory;
      history.erase(history.begin(), history.end() - static_cast<std::ptrdiff_t>(kShortHistory));
    }
    if (!history.empty()) {
      out += "    history" +
             (hidden ? " (" + std::to_string(hidden) + " more events with -v)" : std::string()) +
             ":\n";
      for (const auto& h : history) out += indent_lines(h, "      ");
    }
  }
  return out;
}

}  // namespace lifeline::report
