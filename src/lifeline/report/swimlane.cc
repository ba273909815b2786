// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/swimlane.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lifeline/report/graphviz.h"
#include "lifeline/sim/time.h"

namespace lifeline::report {

namespace {

using Row = scenario::ScheduleRow;

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&')
      o += "&amp;";
    else if (c == '<')
      o += "&lt;";
    else if (c == '>')
      o += "&gt;";
    else if (c == '"')
      o += "&quot;";
    else
      o += c;
  }
  return o;
}

// At most `n` characters (UTF-8 aware enough for our own marks), "…" when cut.
std::string fit(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n > 1 ? n - 1 : 0;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::vector<std::string> lines_of(const std::string& wrapped) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t nl = wrapped.find('\n', start);
    out.push_back(wrapped.substr(start, nl == std::string::npos ? nl : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// What a finding shows: its line, the task, then its details (the free and
// use stacks, the lock cycle) and its own stack.
std::vector<std::string> finding_lines(const sim::Finding& f) {
  std::vector<std::string> out{std::string(sim::finding_kind_name(f.kind)) + ": " + f.message};
  if (!f.task.empty()) out.push_back("in task " + f.task);
  for (const std::string& d : f.details) out.push_back(d);
  return out;
}

std::string time_of(sim::Time t) { return sim::format_timestamp(t); }

// The swimlanes as one Graphviz HTML table: a column per task, a row per
// step. Graphviz lays the table out and renders it (SVG for the file, PNG
// for the suite's size check), byte for byte the same for the same input.
class Table {
 public:
  Table(const scenario::RunResult& r, const std::string& title) : r_(r), title_(title) {
    lanes_ = r.steps->tasks;
    for (size_t i = 0; i < lanes_.size(); ++i) lane_[lanes_[i]] = i;
  }

  std::string write() {
    std::string t =
        "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"2\" "
        "color=\"#cfd8dc\">\n";
    t += "<tr><td colspan=\"" + std::to_string(lanes_.size() + 2) +
         "\" border=\"0\" align=\"left\"><font point-size=\"12\"><b>" + esc(title_) +
         "</b></font></td></tr>\n";
    t += "<tr><td colspan=\"" + std::to_string(lanes_.size() + 2) +
         "\" border=\"0\" align=\"left\"><font color=\"#b71c1c\"><b>PREEMPTION</b></font>"
         " (red row): the schedule takes the CPU from a task that could go on; "
         "<font color=\"#e65100\">orange</font>: another choice off the default; "
         "&#9654; runs at FUNCTION, &#183; runnable at FUNCTION; "
         "<font color=\"#b71c1c\"><b>FINDING</b></font> with its stacks</td></tr>\n";
    t += "<tr><td bgcolor=\"#eceff1\"><b>step</b></td><td bgcolor=\"#eceff1\"><b>time</b></td>";
    for (const std::string& l : lanes_)
      t += "<td bgcolor=\"#eceff1\" width=\"" + std::to_string(kLaneWidth) + "\"><b>" +
           esc(fit(l, kLaneChars)) + "</b></td>";
    t += "</tr>\n";
    for (const Row& row : r_.steps->rows) t += draw(row);
    t += "</table>";
    return "digraph schedule {\n"
           "  graph [fontname=\"Helvetica\", margin=0.1];\n"
           "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=9];\n"
           "  schedule [label=<\n" +
           t + ">];\n}\n";
  }

 private:
  static constexpr int kLaneWidth = 190;    // points
  static constexpr size_t kLaneChars = 34;  // what fits in it at 9pt

  std::string cells(const std::vector<std::string>& lane_cells, const std::string& bg) const {
    std::string out;
    for (const std::string& c : lane_cells)
      out += "<td align=\"left\"" + (bg.empty() ? std::string() : " bgcolor=\"" + bg + "\"") + ">" +
             (c.empty() ? std::string(" ") : c) + "</td>";
    return out;
  }

  std::string draw(const Row& row) const {
    std::vector<std::string> lane_cells(lanes_.size());
    switch (row.kind) {
      case Row::Kind::kChoice: {
        for (const auto& [task, func] : row.runnable) {
          auto it = lane_.find(task);
          if (it == lane_.end()) continue;
          bool runs = task == row.task;
          // A task with no model frame stands in the scenario's shell, between commands.
          std::string f = esc(fit(func, kLaneChars - 2));
          lane_cells[it->second] = runs ? "<font color=\"#1a237e\"><b>&#9654; " + f + "</b></font>"
                                        : "<font color=\"#78909c\">&#183; " + f + "</font>";
          if (runs && row.preemption)
            lane_cells[it->second] += "<br/><font color=\"#b71c1c\"><b>PREEMPTS " +
                                      esc(fit(row.preempted, kLaneChars - 9)) + "</b></font>";
        }
        std::string bg = row.preemption ? "#ffcdd2" : row.rank ? "#fff3e0" : "";
        std::string step =
            row.preemption ? "<font color=\"#b71c1c\"><b>#" + std::to_string(row.choice) +
                                 "<br/>PREEMPTION</b></font>"
            : row.rank ? "<font color=\"#e65100\">#" + std::to_string(row.choice) + " rank " +
                             std::to_string(row.rank) + "</font>"
                       : "<font color=\"#90a4ae\">#" + std::to_string(row.choice) + "</font>";
        std::string attr = bg.empty() ? "" : " bgcolor=\"" + bg + "\"";
        return "<tr><td" + attr + ">" + step + "</td><td" + attr + "><font color=\"#90a4ae\">" +
               time_of(row.time) + "</font></td>" + cells(lane_cells, bg) + "</tr>\n";
      }
      case Row::Kind::kEvent: {
        auto it = lane_.find(row.task);
        if (it == lane_.end()) return "";
        bool command = row.text.rfind("$ ", 0) == 0;
        std::string text = esc(fit(row.text, kLaneChars));
        lane_cells[it->second] =
            command ? "<font color=\"#0d47a1\"><b>" + text + "</b></font>" : text;
        return "<tr><td> </td><td><font color=\"#b0bec5\">" + time_of(row.time) + "</font></td>" +
               cells(lane_cells, "") + "</tr>\n";
      }
      case Row::Kind::kFinding: {
        if (row.finding < 0 || static_cast<size_t>(row.finding) >= r_.findings.size()) return "";
        const sim::Finding& f = r_.findings[static_cast<size_t>(row.finding)];
        // From the finding's lane to the right edge, so that it sits under
        // the task that hit it; across every lane when that is too narrow.
        size_t from = lane_.count(row.task) ? lane_.at(row.task) : 0;
        if (lanes_.size() - from < 2) from = 0;
        size_t width = lanes_.size() - from;
        std::string text;
        bool first = true;
        for (const std::string& l : finding_lines(f))
          for (const std::string& part : lines_of(wrap_text(l, width * kLaneChars - 4))) {
            text +=
                (first ? "<font color=\"#b71c1c\"><b>" + esc(part) + "</b></font>" : esc(part)) +
                "<br align=\"left\"/>";
            first = false;
          }
        std::string out =
            "<tr><td bgcolor=\"#ffebee\"><font color=\"#b71c1c\"><b>FINDING</b></font></td>"
            "<td bgcolor=\"#ffebee\"><font color=\"#b71c1c\">" +
            time_of(row.time) + "</font></td>";
        for (size_t i = 0; i < from; ++i) out += "<td> </td>";
        out += "<td colspan=\"" + std::to_string(width) +
               "\" align=\"left\" balign=\"left\" bgcolor=\"#ffebee\" color=\"#b71c1c\">" + text +
               "</td></tr>\n";
        return out;
      }
      case Row::Kind::kGap:
        return "<tr><td colspan=\"" + std::to_string(lanes_.size() + 2) +
               "\"><font color=\"#607d8b\">&#8943; " + esc(row.text) +
               " later &#8943;</font></td></tr>\n";
    }
    return "";
  }

  const scenario::RunResult& r_;
  std::string title_;
  std::vector<std::string> lanes_;
  std::map<std::string, size_t> lane_;
};

}  // namespace

std::string swimlane_dot(const scenario::RunResult& r, const std::string& title) {
  if (!r.steps) return "";
  return Table(r, title).write();
}

std::string swimlane_text(const scenario::RunResult& r) {
  if (!r.steps || r.steps->rows.empty()) return "";
  const scenario::ScheduleTrace& s = *r.steps;
  constexpr size_t kCol = 30;
  std::map<std::string, size_t> lane;
  for (size_t i = 0; i < s.tasks.size(); ++i) lane[s.tasks[i]] = i;
  auto pad = [](std::string cell, size_t n) {
    cell = fit(cell, n - 1);
    // Pad by characters, not bytes, for the marks.
    size_t width = 0;
    for (char c : cell) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return cell + std::string(n > width ? n - width : 0, ' ');
  };
  auto row_of = [&](const std::string& left, const std::vector<std::string>& cells) {
    std::string line = pad(left, 22);
    for (const std::string& c : cells) line += pad(c, kCol);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };
  std::string out = "SCHEDULE (a lane per task; PREEMPTION marks a choice the schedule needs)\n";
  out += row_of("", s.tasks);
  for (const Row& row : s.rows) {
    std::vector<std::string> cells(s.tasks.size());
    switch (row.kind) {
      case Row::Kind::kChoice: {
        for (const auto& [task, func] : row.runnable)
          if (lane.count(task)) cells[lane[task]] = (task == row.task ? "▶ " : "· ") + func;
        std::string left = "#" + std::to_string(row.choice) +
                           (row.preemption ? " PREEMPTION"
                            : row.rank     ? " rank " + std::to_string(row.rank)
                                           : "");
        out += row_of(left, cells);
        if (row.preemption && lane.count(row.task)) {
          std::vector<std::string> note(s.tasks.size());
          note[lane[row.task]] = "preempts " + row.preempted;
          out += row_of("", note);
        }
        break;
      }
      case Row::Kind::kEvent:
        if (!lane.count(row.task)) break;
        cells[lane[row.task]] = row.text;
        out += row_of(time_of(row.time), cells);
        break;
      case Row::Kind::kFinding:
        if (row.finding >= 0 && static_cast<size_t>(row.finding) < r.findings.size())
          for (const std::string& l : finding_lines(r.findings[static_cast<size_t>(row.finding)]))
            out += "*** " + l + "\n";
        break;
      case Row::Kind::kGap:
        out += "    ... " + row.text + " later ...\n";
        break;
    }
  }
  return out;
}

}  // namespace lifeline::report
