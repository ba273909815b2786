// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/kernel_check_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "lifeline/report/table.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

using scenario::CompareRow;

std::string format_kernel_check(const scenario::KernelCheckResult& r) {
  std::string s;
  Table head({{""}, {""}});
  head.add_row({"board", r.board});
  head.add_row({"scenario", r.scenario});
  head.add_row({"kernel", or_dash(r.kernel)});
  head.add_row({"cmdline", or_dash(r.cmdline)});
  head.add_row({"model", or_dash(knobs_text(r.knobs))});
  head.add_row({"runs", std::to_string(r.runs)});
  s += head.render();
  int differ = 0, excluded = 0, model_only = 0, agree = 0;
  Table t({{"POINT"}, {"WHAT"}, {"KERNEL"}, {"MODEL"}, {"VERDICT"}});
  std::string last_point;
  std::vector<std::string> notes;
  for (const CompareRow& row : r.rows) {
    std::string verdict = scenario::verdict_name(row.verdict);
    if (!row.note.empty()) {
      notes.push_back(fmt::format("[{}] {}: {}", notes.size() + 1, row.what, row.note));
      verdict += fmt::format(" [{}]", notes.size());
    }
    t.add_row({row.point == last_point ? "" : row.point, row.what, row.kernel, row.model, verdict});
    last_point = row.point;
    switch (row.verdict) {
      case CompareRow::Verdict::kAgree:
        ++agree;
        break;
      case CompareRow::Verdict::kDiffer:
        ++differ;
        break;
      case CompareRow::Verdict::kExcluded:
        ++excluded;
        break;
      case CompareRow::Verdict::kModelOnly:
        ++model_only;
        break;
    }
  }
  s += "\nKERNEL VS MODEL\n" + t.render("  ");
  if (!notes.empty()) {
    s += "\nNOTES\n";
    for (const std::string& n : notes) s += "  " + n + "\n";
  }
  s += fmt::format("\nRESULT: {} ({} agree, {} differ, {} excluded, {} model only)\n",
                   differ ? "DIFFER" : "AGREE", agree, differ, excluded, model_only);
  return s;
}

std::string kernel_check_json(const scenario::KernelCheckResult& r) {
  nlohmann::ordered_json j;
  j["command"] = "kernel-check";
  j["board"] = r.board;
  j["scenario"] = r.scenario;
  j["kernel"] = r.kernel;
  j["cmdline"] = r.cmdline;
  j["knobs"] = r.knobs;
  j["runs"] = r.runs;
  j["agree"] = r.agree();
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const CompareRow& row : r.rows) {
    nlohmann::ordered_json o;
    o["point"] = row.point;
    o["what"] = row.what;
    o["kernel"] = row.kernel;
    o["model"] = row.model;
    o["verdict"] = scenario::verdict_name(row.verdict);
    if (!row.note.empty()) o["note"] = row.note;
    if (row.runs > 1) {
      o["seen"] = row.seen;
      o["runs"] = row.runs;
    }
    rows.push_back(o);
  }
  j["rows"] = rows;
  return j.dump(2) + "\n";
}

}  // namespace lifeline::report
