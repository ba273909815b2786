// SPDX-License-Identifier: GPL-2.0-only
// JSON of a run and of what it is made of.
#include "lifeline/report/findings_text.h"
#include "lifeline/report/json.h"
#include "lifeline/report/run_result_util.h"

namespace lifeline::report {

const char* timeline_kind_name(scenario::TimelineEntry::Kind kind) {
  using Kind = scenario::TimelineEntry::Kind;
  switch (kind) {
    case Kind::kCommand:
      return "command";
    case Kind::kModel:
      return "model";
    case Kind::kFinding:
      return "finding";
    case Kind::kSched:
      return "sched";
  }
  return "model";
}

Json to_json(const sim::Finding& f) {
  return Json{{"kind", sim::finding_kind_name(f.kind)},
              {"time_ns", f.time},
              {"task", f.task},
              {"message", f.message},
              {"count", f.count},
              {"details", f.details},
              {"history", f.history}};
}

Json to_json(const scenario::TimelineEntry& e) {
  return Json{{"time_ns", e.time},
              {"task", e.task},
              {"kind", timeline_kind_name(e.kind)},
              {"text", e.text}};
}

Json to_json(const scenario::ExpectResult& e) {
  return Json{{"line", e.line},       {"text", e.text},     {"passed", e.passed},
              {"reached", e.reached}, {"actual", e.actual}, {"time_ns", e.time}};
}

Json to_json(const scenario::FailedStep& f) {
  return Json{{"line", f.line},       {"command", f.command},       {"errno", f.err},
              {"message", f.message}, {"background", f.background}, {"time_ns", f.time}};
}

Json to_json(const scenario::RunStop& s) {
  return Json{{"reason", scenario::stop_reason_name(s.reason)},
              {"line", s.line},
              {"command", s.command},
              {"time_ns", s.time},
              {"detail", s.detail}};
}

namespace {

Json device_json(const check::DeviceRow& d) {
  return Json{{"name", d.name},
              {"bus", d.bus},
              {"driver", d.driver},
              {"state", d.state},
              {"deferred_reason", d.deferred_reason},
              {"fwnode", d.fwnode},
              {"parent", d.parent},
              {"probe_attempts", d.probe_attempts},
              {"deferrals", d.deferrals},
              {"registered", d.registered}};
}

Json link_json(const check::LinkRow& l) {
  return Json{
      {"supplier", l.supplier}, {"consumer", l.consumer}, {"flags", l.flags}, {"state", l.state}};
}

Json netdev_json(const check::NetdevRow& n) {
  return Json{{"name", n.name},
              {"device", n.device},
              {"of_node", n.of_node},
              {"registered", n.registered},
              {"admin_up", n.admin_up},
              {"carrier", n.carrier},
              {"operstate", n.operstate},
              {"link", n.link},
              {"phy", n.phy},
              {"an_mode", n.an_mode},
              {"pcs", n.pcs},
              {"sfp", n.sfp}};
}

Json phy_json(const check::PhyRow& p) {
  return Json{{"name", p.name},   {"node", p.node},
              {"id", p.id},       {"driver", p.driver},
              {"state", p.state}, {"attached_to", p.attached_to},
              {"link", p.link},   {"registered", p.registered}};
}

Json module_json(const check::ModuleRow& m) {
  return Json{{"name", m.name}, {"state", m.state}, {"builtin", m.builtin}, {"refcnt", m.refcnt}};
}

template <typename T, typename Convert>
Json array_of(const std::vector<T>& items, Convert convert) {
  Json a = Json::array();
  for (const auto& item : items) a.push_back(convert(item));
  return a;
}

// A std::map as an object: its keys are already sorted.
template <typename V>
Json object_of(const std::map<std::string, V>& m) {
  Json o = Json::object();
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

}  // namespace

Json to_json(const check::Snapshot& s) {
  return Json{{"time_ns", s.time},
              {"devices", array_of(s.devices, device_json)},
              {"links", array_of(s.links, link_json)},
              {"netdevs", array_of(s.netdevs, netdev_json)},
              {"phys", array_of(s.phys, phy_json)},
              {"modules", array_of(s.modules, module_json)}};
}

Json to_json(const scenario::ProviderMetrics& m) {
  return Json{{"provider_left", m.provider_left},
              {"provider", m.provider},
              {"left_at_ns", m.left_at},
              {"carrier_after_left", object_of(m.carrier_after_left)},
              {"unrelated_netdevs_lost", m.unrelated_netdevs_lost},
              {"netdevs_lost", m.netdevs_lost},
              {"provider_back", m.provider_back},
              {"back_at_ns", m.back_at},
              {"recovered", m.recovered},
              {"recovery_time_ns", m.recovery_time ? Json(*m.recovery_time) : Json(nullptr)},
              {"link_before", object_of(m.link_before)},
              {"link_after", object_of(m.link_after)},
              {"configuration_lost", m.configuration_lost}};
}

Json to_json(const scenario::RunResult& r) {
  Json by_kind = Json::object();
  auto counts = count_by_kind(r.findings);
  for (sim::FindingKind k : sim::kAllFindingKinds)
    if (counts.count(k)) by_kind[sim::finding_kind_name(k)] = counts[k];
  int failed = failed_expects(r);
  return Json{{"board", r.board},
              {"scenario", r.scenario},
              {"knobs", object_of(r.knobs)},
              {"seed", r.seed},
              {"ok", r.ok()},
              {"result", result_word(r)},
              {"expects_failed", failed},
              {"expects_not_reached", r.expects_not_reached()},
              {"stopped", r.stopped ? to_json(*r.stopped) : Json(nullptr)},
              {"failed_steps", array_of(r.failed_steps, [](const auto& x) { return to_json(x); })},
              {"findings_by_kind", by_kind},
              {"findings", array_of(r.findings, [](const auto& x) { return to_json(x); })},
              {"expects", array_of(r.expects, [](const auto& x) { return to_json(x); })},
              {"timeline", array_of(r.timeline, [](const auto& x) { return to_json(x); })},
              {"after_boot", to_json(r.after_boot)},
              {"final_state", to_json(r.final_state)},
              {"schedule", Json{{"choices", r.choices}, {"ranks", r.ranks}}},
              {"metrics", to_json(r.metrics)},
              {"end_time_ns", r.end_time},
              {"replay_diverged", r.replay_diverged},
              {"replay_divergence", r.replay_divergence}};
}

Json document(std::string_view command, const Json& body) {
  Json d{{"schema", kJsonSchemaVersion}, {"command", command}};
  for (const auto& [k, v] : body.items()) d[k] = v;
  return d;
}

std::string dump(const Json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace lifeline::report
