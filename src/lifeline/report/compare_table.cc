// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/compare_table.h"

#include "lifeline/report/findings_text.h"
#include "lifeline/report/run_result_util.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

namespace {

std::string expects_cell(const scenario::RunResult& r) {
  // A column that did not run to its end has no count to compare.
  if (r.stopped) return stop_summary(r);
  if (r.expects.empty()) return "-";
  return std::to_string(failed_expects(r)) + "/" + std::to_string(r.expects.size());
}

std::string carrier_cell(const scenario::ProviderMetrics& m) {
  if (!m.provider_left || m.carrier_after_left.empty()) return "-";
  std::vector<std::string> parts;
  for (const auto& [netdev, on] : m.carrier_after_left)
    parts.push_back(netdev + (on ? " on" : " off"));
  return join(parts, ", ");
}

std::string lost_cell(const scenario::ProviderMetrics& m) {
  if (!m.provider_left) return "-";
  return m.unrelated_netdevs_lost.empty() ? "none" : join(m.unrelated_netdevs_lost, ", ");
}

std::string recovered_cell(const scenario::ProviderMetrics& m) {
  if (!m.provider_left || !m.provider_back) return "-";
  if (!m.recovered) return "no";  // why: under the table (recovery_notes)
  // The carrier never dropped (mainline's frozen carrier, holdover).
  bool kept = !m.carrier_after_left.empty();
  for (const auto& [netdev, on] : m.carrier_after_left) kept = kept && on;
  if (kept) return "kept";
  if (!m.recovery_time) return "yes";
  return "yes (" + sim::format_duration(*m.recovery_time) + ")";
}

std::string configuration_cell(const scenario::ProviderMetrics& m) {
  if (!m.provider_left || !m.provider_back) return "-";
  return m.configuration_lost ? "yes" : "no";
}

const check::ProbeStormRow* storm_of(const scenario::RunResult& r, const std::string& bus) {
  for (const auto& b : r.metrics.probe_storm.buses)
    if (b.bus == bus) return &b;
  return nullptr;
}

// The PSE coupling's cost (S8), for each MDIO bus that some column saw
// deferred for a PSE: its driver's probe attempts and the PHYs created and
// destroyed on it before the PSE module loaded ("-" where the bus never
// registered).
void add_probe_storm_rows(CompareTable& t, const scenario::CompareResult& c) {
  std::vector<std::pair<std::string, std::string>> buses;  // bus id, driver device
  for (const auto& run : c.runs)
    for (const auto& b : run.metrics.probe_storm.buses) {
      bool known = false;
      for (const auto& [id, dev] : buses) known |= id == b.bus;
      if (b.pse_deferrals && !known) buses.emplace_back(b.bus, b.device);
    }
  for (const auto& [bus, device] : buses) {
    auto add = [&](std::string key, std::string label, auto cell) {
      std::vector<std::string> cells;
      for (const auto& run : c.runs) {
        const check::ProbeStormRow* b = storm_of(run, bus);
        cells.push_back(b ? cell(*b) : "-");
      }
      t.rows.push_back({std::move(key), std::move(label), std::move(cells)});
    };
    std::string who = "mdio bus " + bus + " (" + device + ")";
    add("probe_storm/" + bus + "/probe_attempts", who + ": probe attempts before the PSE module",
        [](const check::ProbeStormRow& b) { return std::to_string(b.probe_attempts); });
    add("probe_storm/" + bus + "/phy_cycles", who + ": PHY create/destroy cycles before it",
        [](const check::ProbeStormRow& b) { return std::to_string(b.phys_removed); });
  }
}

const check::SfpCageRow* cage_of(const scenario::RunResult& r, const std::string& cage) {
  for (const auto& c : r.final_state.sfp_cages)
    if (c.cage == cage) return &c;
  return nullptr;
}

// For each cage that held a module in some run, at the end: the module
// state machine, whether the bus is registered and to whom, and the
// carrier of the upstream netdev.
void add_sfp_rows(CompareTable& t, const scenario::CompareResult& c) {
  if (c.runs.empty()) return;
  for (const auto& first : c.runs.front().final_state.sfp_cages) {
    bool used = false;
    for (const auto& run : c.runs)
      if (const auto* cg = cage_of(run, first.cage))
        used |= !cg->module.empty() || (!cg->mod_state.empty() && cg->mod_state != "empty");
    if (!used) continue;
    auto row = [&](const std::string& key, const std::string& label, auto cell) {
      CompareRow r{"sfp/" + first.cage + "/" + key, "sfp " + first.cage + ": " + label, {}};
      for (const auto& run : c.runs) {
        const check::SfpCageRow* cg = cage_of(run, first.cage);
        r.cells.push_back(cg ? cell(run, *cg) : "-");
      }
      t.rows.push_back(std::move(r));
    };
    row("module", "module state", [](const scenario::RunResult&, const check::SfpCageRow& cg) {
      return cg.mod_state.empty() ? std::string("no driver") : cg.mod_state;
    });
    row("upstream", "upstream registered",
        [](const scenario::RunResult&, const check::SfpCageRow& cg) {
          if (cg.bus.empty()) return std::string("no bus");
          return cg.bus == "registered" ? "yes (" + cg.upstream + ")" : std::string("no");
        });
    row("carrier", "carrier", [](const scenario::RunResult& r, const check::SfpCageRow& cg) {
      const check::NetdevRow* n = cg.upstream.empty() ? nullptr : r.final_state.netdev(cg.upstream);
      return n ? std::string(n->carrier ? "on" : "off") : std::string("-");
    });
  }
}

}  // namespace

CompareTable compare_table(const scenario::CompareResult& c) {
  CompareTable t;
  t.knob = c.knob;
  t.columns = c.values;
  auto row = [&](std::string key, std::string label, auto cell) {
    CompareRow r{std::move(key), std::move(label), {}};
    for (const auto& run : c.runs) r.cells.push_back(cell(run));
    t.rows.push_back(std::move(r));
  };

  std::vector<std::map<sim::FindingKind, int>> counts;
  for (const auto& run : c.runs) counts.push_back(count_by_kind(run.findings));
  bool any = false;
  for (sim::FindingKind k : sim::kAllFindingKinds) {
    bool found = false;
    for (const auto& m : counts) found = found || m.count(k);
    if (!found) continue;
    any = true;
    std::string name = sim::finding_kind_name(k);
    CompareRow r{"findings/" + name, "findings: " + name, {}};
    for (const auto& m : counts) {
      auto it = m.find(k);
      r.cells.push_back(it == m.end() ? "-" : std::to_string(it->second));
    }
    t.rows.push_back(std::move(r));
  }
  if (!any) row("findings", "findings", [](const scenario::RunResult&) { return "none"; });

  row("expects_failed", "expects failed", expects_cell);
  row("carrier_after_left", "carrier after provider left",
      [](const scenario::RunResult& r) { return carrier_cell(r.metrics); });
  row("unrelated_netdevs_lost", "unrelated netdevs lost",
      [](const scenario::RunResult& r) { return lost_cell(r.metrics); });
  row("recovered", "recovered after it came back",
      [](const scenario::RunResult& r) { return recovered_cell(r.metrics); });
  row("configuration_lost", "configuration lost",
      [](const scenario::RunResult& r) { return configuration_cell(r.metrics); });
  add_sfp_rows(t, c);
  add_probe_storm_rows(t, c);
  return t;
}

}  // namespace lifeline::report
