// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit --html FILE`: one self-contained page, readable from a
// file without a server: no script, no external style sheet, font or image.
// The provider graph is Graphviz's SVG inline; each matrix cell links to
// the cell's section lower down (its scenario, the command that shows it,
// its timeline), by fragment.
#include <fmt/format.h>

#include <algorithm>

#include "lifeline/report/audit.h"
#include "lifeline/report/timeline_text.h"

namespace lifeline::report {

namespace {

using scenario::AuditCell;
using scenario::OutcomeClass;

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A fragment id from a cell id: letters, digits, '-', '_' and '.' kept.
std::string anchor(const std::string& id) {
  std::string a = "cell-";
  for (char c : id)
    a += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
  return a;
}

const char* colour(OutcomeClass c) {
  switch (c) {
    case OutcomeClass::kDeadlock:
    case OutcomeClass::kCrash:
      return "#f4a6a6";
    case OutcomeClass::kFinding:
      return "#f8cf9a";
    case OutcomeClass::kNetdevsLost:
      return "#f7e08c";
    case OutcomeClass::kLinkLost:
      return "#efe9c8";
    case OutcomeClass::kRecoveredIfup:
      return "#dfeccc";
    case OutcomeClass::kRecovered:
    case OutcomeClass::kSurvives:
    case OutcomeClass::kRefused:
      return "#c9e8c4";
    case OutcomeClass::kNotRun:
      return "#dddddd";
  }
  return "#ffffff";
}

// The SVG without the XML prolog and DOCTYPE Graphviz puts before it, which
// have no place inside an HTML body.
std::string inline_svg(const std::string& svg) {
  size_t at = svg.find("<svg");
  return at == std::string::npos ? "" : svg.substr(at);
}

}  // namespace

std::string format_audit_html(const scenario::AuditResult& r, const AuditCommand& cmd,
                              const std::string& svg) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>lifeline "
      "audit " +
      esc(r.board) +
      "</title>\n<style>\n"
      "body{font-family:sans-serif;margin:1.5em;color:#222}\n"
      "table.matrix{border-collapse:collapse;margin:0.5em 0 1.5em}\n"
      "table.matrix th,table.matrix td{border:1px solid #999;padding:3px 6px;font-size:13px;"
      "vertical-align:top}\n"
      "table.matrix td a{color:#222;text-decoration:none;display:block}\n"
      "pre{background:#f4f4f4;padding:6px;overflow-x:auto;font-size:12px}\n"
      ".graph svg{max-width:100%;height:auto}\n"
      "</style>\n</head>\n<body>\n";
  h += "<h1>lifeline audit " + esc(r.board) + "</h1>\n";
  h += fmt::format("<p id=\"summary\">{} providers, {} cells.</p>\n", r.providers.size(),
                   r.cells.size());
  h += "<h2>Designs</h2>\n<ul id=\"designs\">\n";
  for (const AuditDesignSummary& s : audit_design_summaries(r))
    h += "<li>" + esc(s.knob) + " " + esc(format_design_summary(s)) + "</li>\n";
  h += "</ul>\n";
  for (const scenario::ProviderKind& kind : scenario::provider_kinds()) {
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
    h += "<h2>" + esc(kind.title) + " (" + esc(kind.knob) + ")</h2>\n";
    h += "<table class=\"matrix\" id=\"matrix-" + esc(kind.name) +
         "\">\n<tr><th>provider</th>"
         "<th>consumers</th><th>template</th>";
    for (const std::string& v : values) h += "<th>" + esc(v) + "</th>";
    h += "</tr>\n";
    for (size_t pi : providers) {
      const scenario::AuditProvider& p = r.providers[pi];
      std::string consumers;
      for (const std::string& n : p.consumers) consumers += (consumers.empty() ? "" : " ") + n;
      for (const scenario::AuditTemplate& t : kind.templates) {
        std::string row;
        bool any = false;
        for (const std::string& v : values) {
          const AuditCell* cell = nullptr;
          for (const AuditCell& c : r.cells)
            if (c.provider == pi && c.template_name == t.name && c.value == v) cell = &c;
          if (!cell) {
            row += "<td></td>";
            continue;
          }
          any = true;
          row += fmt::format("<td style=\"background:{}\"><a href=\"#{}\">{}: {}</a></td>",
                             colour(cell->outcome.cls), anchor(cell->id),
                             scenario::outcome_class_name(cell->outcome.cls),
                             esc(cell->outcome.reason));
        }
        if (!any) continue;
        h += "<tr><td>" + esc(p.device) + (p.label.empty() ? "" : " " + esc(p.label)) +
             "</td><td>" + esc(consumers) + "</td><td title=\"" + esc(t.title) + "\">" +
             esc(t.name) + "</td>" + row + "</tr>\n";
      }
    }
    h += "</table>\n";
  }
  if (!r.unconsumed.empty()) {
    h += "<p id=\"unconsumed\">No consumer, not audited:";
    for (const scenario::AuditProvider& p : r.unconsumed)
      h += " " + esc(p.device) + " (" + esc(p.kind) + ")";
    h += "</p>\n";
  }
  if (!svg.empty())
    h += "<h2>Provider graph</h2>\n<div class=\"graph\">\n" + inline_svg(svg) + "</div>\n";
  h += "<h2>Cells, worst first</h2>\n";
  for (size_t i : audit_worst_first(r)) {
    const AuditCell& c = r.cells[i];
    h += "<section id=\"" + anchor(c.id) + "\">\n<h3>" + esc(c.id) + "</h3>\n";
    h += fmt::format("<p><b>{}</b>: {}</p>\n", scenario::outcome_class_name(c.outcome.cls),
                     esc(c.outcome.reason));
    h += "<pre>" + esc(audit_cell_command(cmd, c.id)) + "</pre>\n";
    h += "<details><summary>scenario</summary><pre>" + esc(c.scenario) + "</pre></details>\n";
    if (c.explore) {
      const scenario::AuditExplore& e = *c.explore;
      std::string found;
      for (const std::string& f : e.findings) found += (found.empty() ? "" : ", ") + f;
      h += fmt::format("<p class=\"explore\">explored ({}, {} execution{}{}): {}</p>\n",
                       esc(e.strategy), e.executions, e.executions == 1 ? "" : "s",
                       e.complete ? ", every schedule" : "",
                       e.found ? esc(found) + " under a racing schedule" : "no finding");
      if (e.found) h += "<pre>" + esc(audit_explore_command(cmd, c)) + "</pre>\n";
      h += "<details><summary>racing variant</summary><pre>" + esc(e.scenario) +
           "</pre></details>\n";
    }
    h += "<details><summary>timeline</summary><pre>" + esc(format_timeline(c.run.timeline, false)) +
         "</pre></details>\n</section>\n";
  }
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace lifeline::report
