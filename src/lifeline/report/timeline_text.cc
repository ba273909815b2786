// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/timeline_text.h"

#include "lifeline/report/table.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

namespace {

using Kind = scenario::TimelineEntry::Kind;

constexpr std::string_view kIndent = "  ";

const char* marker(Kind kind) {
  switch (kind) {
    case Kind::kCommand:
      return "$ ";
    case Kind::kFinding:
      return "*** ";
    case Kind::kSched:
      return "~ ";
    case Kind::kModel:
      return "";
  }
  return "";
}

}  // namespace

std::string format_timeline_entry(const scenario::TimelineEntry& e) {
  std::string head =
      stamp(e.time) + " " + (e.task.empty() ? "scheduler" : e.task) + ": " + marker(e.kind);
  std::string out;
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t end = e.text.find('\n', start);
    std::string line =
        e.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    out += first ? head : std::string(display_width(head), ' ');
    out += line;
    out += '\n';
    first = false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string format_timeline(const std::vector<scenario::TimelineEntry>& timeline, bool verbose) {
  if (timeline.empty()) return "TIMELINE: empty\n";
  std::string out = "TIMELINE\n";
  for (const auto& e : timeline)
    if (verbose || e.kind != Kind::kSched) out += indent_lines(format_timeline_entry(e), kIndent);
  return out;
}

}  // namespace lifeline::report
