// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit --json` (docs/json.md, "audit").
#include "lifeline/report/audit.h"

namespace lifeline::report {

namespace {

Json strings(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

// --explore: the racing variant's exploration, null without one.
Json explore_json(const scenario::AuditCell& c, const AuditCommand& cmd) {
  if (!c.explore) return Json(nullptr);
  const scenario::AuditExplore& e = *c.explore;
  return Json{
      {"strategy", e.strategy},
      {"budget", e.budget},
      {"executions", e.executions},
      {"complete", e.complete},
      {"found", e.found},
      {"findings", strings(e.findings)},
      {"class", e.cls ? Json(scenario::outcome_class_name(*e.cls)) : Json(nullptr)},
      {"decides", e.decides},
      {"choices", e.choices},
      {"command", e.found ? Json(audit_explore_command(cmd, c)) : Json(nullptr)},
  };
}

Json cell_json(const scenario::AuditCell& c, const scenario::AuditResult& r,
               const AuditCommand& cmd) {
  const scenario::AuditOutcome& o = c.outcome;
  const scenario::AuditProvider& p = r.providers[c.provider];
  return Json{
      {"id", c.id},
      {"kind", p.kind},
      {"provider", p.device},
      {"template", c.template_name},
      {"knob", scenario::find_provider_kind(p.kind)->knob},
      {"value", c.value},
      {"class", scenario::outcome_class_name(o.cls)},
      {"reason", o.reason},
      {"findings", strings(o.findings)},
      {"stopped", o.stopped.empty() ? Json(nullptr) : Json(o.stopped)},
      {"provider_left", o.provider_left},
      {"netdevs_lost", strings(o.netdevs_lost)},
      {"unrelated_netdevs_lost", strings(o.unrelated_lost)},
      {"netdevs_not_back", strings(o.netdevs_not_back)},
      {"carrier_lost", strings(o.carrier_lost)},
      {"carrier_kept", strings(o.carrier_kept)},
      {"provider_back", o.provider_back},
      {"link_back_by_itself", o.link_back_by_itself},
      {"recovery_time_ns", o.recovery_time ? Json(*o.recovery_time) : Json(nullptr)},
      {"refused", o.refused.empty() ? Json(nullptr) : Json(o.refused)},
      {"not_run", o.not_run.empty() ? Json(nullptr) : Json(o.not_run)},
      {"command", audit_cell_command(cmd, c.id)},
      {"explore", explore_json(c, cmd)},
  };
}

}  // namespace

Json to_json(const scenario::AuditResult& r, const AuditCommand& cmd) {
  auto providers_json = [](const std::vector<scenario::AuditProvider>& v) {
    Json a = Json::array();
    for (const scenario::AuditProvider& p : v)
      a.push_back(Json{{"kind", p.kind},
                       {"device", p.device},
                       {"label", p.label},
                       {"driver", p.driver},
                       {"module", p.module.empty() ? Json(nullptr) : Json(p.module)},
                       {"unbind_hidden", p.unbind_hidden},
                       {"consumers", strings(p.consumers)}});
    return a;
  };
  Json cells = Json::array();
  for (const scenario::AuditCell& c : r.cells) cells.push_back(cell_json(c, r, cmd));
  Json worst = Json::array();
  for (size_t i : audit_worst_first(r)) worst.push_back(r.cells[i].id);
  Json designs = Json::array();
  for (const AuditDesignSummary& s : audit_design_summaries(r))
    designs.push_back(Json{{"knob", s.knob},
                           {"value", s.value},
                           {"cells", s.cells},
                           {"findings", s.findings},
                           {"stopped", s.stopped},
                           {"not_run", s.not_run},
                           {"links_lost_and_recovered", s.links_recovered},
                           {"links_not_recovered", s.links_lost},
                           {"netdevs_lost", s.netdevs_lost},
                           {"summary", format_design_summary(s)}});
  return Json{{"board", r.board},
              {"providers", providers_json(r.providers)},
              {"unconsumed", providers_json(r.unconsumed)},
              {"cells", cells},
              {"worst_first", worst},
              {"designs", designs}};
}

}  // namespace lifeline::report
