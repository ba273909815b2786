// SPDX-License-Identifier: GPL-2.0-only
// `lifeline explore` as text.
#include "lifeline/report/findings_text.h"
#include "lifeline/report/run_result_util.h"
#include "lifeline/report/text.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

namespace {

// A schedule as its ranks; long ones are cut, since the replay file has them all.
std::string ranks_text(const std::vector<uint16_t>& ranks) {
  constexpr size_t kShown = 32;
  std::vector<std::string> parts;
  for (size_t i = 0; i < ranks.size() && i < kShown; ++i) parts.push_back(std::to_string(ranks[i]));
  std::string s = join(parts, " ");
  if (ranks.size() > kShown) s += " ...";
  return s;
}

// dfs: one line per bound of the iteration, and how far it got.
std::string bounds_text(const scenario::ExploreResult& e) {
  std::string out;
  for (size_t i = 0; i < e.bounds.size(); ++i) {
    const scenario::ExploreBound& b = e.bounds[i];
    bool last = i + 1 == e.bounds.size();
    std::string how = b.exhausted ? "every schedule within it run"
                      : !last     ? "not exhausted"
                      : e.found   ? "stopped at the failure"
                                  : "not exhausted: budget spent";
    out += "  bound " + std::to_string(b.bound) + ": " +
           count_of(b.executions, "execution", "executions") + ", " + how + "\n";
  }
  return out;
}

}  // namespace

std::string format_explore(const scenario::ExploreResult& e) {
  std::string out =
      "EXPLORE: " + e.strategy + ", " + count_of(e.executions, "execution", "executions") + "\n";
  out += bounds_text(e);
  if (e.strategy == "dpor")
    out += "dpor: " + count_of(e.redundant, "execution", "executions") +
           " stopped early by sleep sets" +
           (e.bound_cut ? "; the bound left alternatives out" : "") + "\n";
  if (!e.outcomes.empty()) {
    out += std::string(e.complete    ? "every schedule run"
                       : e.exhausted ? "every schedule within the bound run"
                                     : "budget spent") +
           ": " + count_of(e.outcomes.size(), "distinct outcome", "distinct outcomes") + "\n";
    for (const std::string& o : e.outcomes)
      out += "  " + (o.empty() ? std::string("(no finding, no expect)") : o) + "\n";
    return out;
  }
  if (!e.found) {
    out += e.complete    ? "every schedule explored: no finding, every expect held\n"
           : e.exhausted ? "every schedule within the bound explored: no finding, every expect "
                           "held\n"
                         : "budget spent: no finding, every expect held in the schedules tried "
                           "(a larger --budget or --bound tries more)\n";
    return out;
  }
  const scenario::RunResult& r = e.failing;
  std::vector<std::string> what;
  if (!r.findings.empty()) what.push_back(findings_by_kind(r.findings));
  int failed = failed_expects(r);
  if (failed > 0) what.push_back(count_of(failed, "expect failed", "expects failed"));
  out += "found: " + join(what, "; ") + "\n";
  out += "schedule: " + count_of(e.ranks.size(), "choice", "choices");
  if (e.ranks_before_shrinking.size() != e.ranks.size())
    out += ", shrunk from " + std::to_string(e.ranks_before_shrinking.size());
  out += ": " + ranks_text(e.ranks) + "\n";
  out += "\n" + format_run(r, false);
  return out;
}

}  // namespace lifeline::report
