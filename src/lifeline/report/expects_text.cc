// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/table.h"
#include "lifeline/report/text.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

std::string format_expects(const std::vector<scenario::ExpectResult>& expects,
                           const std::string& scenario_file) {
  if (expects.empty()) return "EXPECTS: none\n";
  size_t failed = 0, unreached = 0;
  for (const auto& e : expects) {
    failed += e.passed || !e.reached ? 0 : 1;
    unreached += e.reached ? 0 : 1;
  }
  std::string out = "EXPECTS: ";
  if (failed == 0 && unreached == 0)
    out += "all " + std::to_string(expects.size()) + " held";
  else if (unreached == 0)
    out += std::to_string(failed) + " of " + std::to_string(expects.size()) + " failed";
  else
    out += std::to_string(failed) + " failed, " + std::to_string(unreached) + " not reached, of " +
           std::to_string(expects.size());
  out += "\n";
  // file:line as a compiler prints it, so an editor can jump to it.
  Table t({{""}, {""}, {""}, {""}, {""}});
  for (const auto& e : expects) {
    std::string where = scenario_file.empty() ? "line " + std::to_string(e.line)
                                              : scenario_file + ":" + std::to_string(e.line);
    if (!e.reached) {
      // Never evaluated: the run stopped before its line.
      t.add_row({"NOT REACHED", where, "", e.text, ""});
      continue;
    }
    t.add_row({e.passed ? "PASS" : "FAIL", where, stamp(e.time), e.text,
               e.passed ? "" : "got: " + or_dash(e.actual)});
  }
  return out + t.render("  ");
}

}  // namespace lifeline::report
