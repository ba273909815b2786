// SPDX-License-Identifier: GPL-2.0-only
// `lifeline compare` and `lifeline demo` as text.
#include "lifeline/net/knobs.h"
#include "lifeline/report/compare_table.h"
#include "lifeline/report/table.h"
#include "lifeline/report/text.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

namespace {

std::string header(const scenario::CompareResult& c) {
  Table t({{""}, {""}});
  if (!c.runs.empty()) {
    const scenario::RunResult& first = c.runs.front();
    t.add_row({"board", first.board});
    if (!first.scenario.empty()) t.add_row({"scenario", first.scenario});
    // The knobs every column shares; the varied one is the table's columns.
    auto shared = first.knobs;
    shared.erase(c.knob);
    t.add_row({"knobs", or_dash(knobs_text(shared))});
    t.add_row({"seed", std::to_string(first.seed)});
  }
  t.add_row({"vary", c.knob + " = " + join(c.values, ", ")});
  // The provider the metric rows are about: the first that left, in any run.
  for (const auto& run : c.runs) {
    const scenario::ProviderMetrics& m = run.metrics;
    if (!m.provider_left) continue;
    std::string p = m.provider + ": left " + stamp(m.left_at);
    p += m.provider_back ? ", back " + stamp(m.back_at) : ", did not come back";
    t.add_row({"provider", p});
    return t.render();
  }
  t.add_row({"provider", "none left in this scenario (its rows are '-')"});
  return t.render();
}

// The link settings a column lost, under the table: "yes" says that, this
// says what.
std::string configuration_notes(const scenario::CompareResult& c) {
  Table t({{""}, {""}});
  for (size_t i = 0; i < c.runs.size() && i < c.values.size(); ++i) {
    const scenario::ProviderMetrics& m = c.runs[i].metrics;
    if (!m.configuration_lost) continue;
    std::vector<std::string> parts;
    for (const auto& [netdev, before] : m.link_before) {
      auto it = m.link_after.find(netdev);
      std::string after = it == m.link_after.end() ? "gone" : it->second;
      if (after != before) parts.push_back(netdev + " " + before + " -> " + after);
    }
    if (!parts.empty()) t.add_row({c.values[i], join(parts, ", ")});
  }
  return t.rows() == 0 ? "" : "configuration lost:\n" + t.render("  ");
}

// Why a column says "no" in the recovered row: which netdev is still not
// back, and how (gone, re-registered but administratively down, no carrier).
std::string recovery_notes(const scenario::CompareResult& c) {
  Table t({{""}, {""}});
  for (size_t i = 0; i < c.runs.size() && i < c.values.size(); ++i) {
    const scenario::ProviderMetrics& m = c.runs[i].metrics;
    if (!m.provider_back || m.recovered) continue;
    std::vector<std::string> parts;
    for (const auto& [netdev, before] : m.link_before) {
      auto it = m.link_after.find(netdev);
      std::string after = it == m.link_after.end() ? "absent" : it->second;
      if (after == "absent")
        parts.push_back(netdev + " is gone");
      else if (after == "admin down")
        parts.push_back(netdev + " is back but administratively down (no ifup since)");
      else if (after == "down")
        parts.push_back(netdev + " is up without carrier");
    }
    if (!parts.empty()) t.add_row({c.values[i], join(parts, ", ")});
  }
  return t.rows() == 0 ? "" : "not recovered:\n" + t.render("  ");
}

// Why a column stopped before the scenario's end: the line and what it met.
std::string stop_notes(const scenario::CompareResult& c) {
  Table t({{""}, {""}});
  for (size_t i = 0; i < c.runs.size() && i < c.values.size(); ++i) {
    const scenario::RunResult& r = c.runs[i];
    if (!r.stopped) continue;
    t.add_row({c.values[i], "line " + std::to_string(r.stopped->line) + " " + r.stopped->command +
                                ": " + r.stopped->detail});
  }
  return t.rows() == 0 ? "" : "stopped before the end:\n" + t.render("  ");
}

std::string legend(const scenario::CompareResult& c) {
  const net::KnobInfo* knob = net::find_knob(c.knob);
  if (!knob) return "";
  Table t({{""}, {""}});
  for (const std::string& v : c.values)
    for (const net::KnobValue& kv : knob->values)
      if (kv.name == v) t.add_row({v, std::string(kv.design)});
  return t.rows() == 0 ? "" : c.knob + " designs:\n" + t.render("  ");
}

}  // namespace

std::string format_compare(const scenario::CompareResult& c) {
  CompareTable data = compare_table(c);
  std::vector<Column> columns = {{data.knob}};
  for (const auto& v : data.columns) columns.push_back({v});
  Table t(std::move(columns));
  for (const auto& r : data.rows) {
    std::vector<std::string> cells = {r.label};
    cells.insert(cells.end(), r.cells.begin(), r.cells.end());
    t.add_row(std::move(cells));
  }
  std::string out = header(c) + "\n" + t.render("  ");
  std::string notes = configuration_notes(c);
  if (!notes.empty()) out += "\n" + notes;
  std::string stops = stop_notes(c);
  if (!stops.empty()) out += "\n" + stops;
  std::string why = recovery_notes(c);
  if (!why.empty()) out += "\n" + why;
  std::string l = legend(c);
  if (!l.empty()) out += "\n" + l;
  return out;
}

}  // namespace lifeline::report
