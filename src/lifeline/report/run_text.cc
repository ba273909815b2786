// SPDX-License-Identifier: GPL-2.0-only
// `lifeline boot` and `lifeline run` as text.
#include "lifeline/report/findings_text.h"
#include "lifeline/report/run_result_util.h"
#include "lifeline/report/snapshot_text.h"
#include "lifeline/report/table.h"
#include "lifeline/report/text.h"
#include "lifeline/report/text_util.h"
#include "lifeline/report/timeline_text.h"

namespace lifeline::report {

namespace {

// What was run, under which designs: enough to run it again.
std::string header(const scenario::RunResult& r, std::string_view time_label, sim::Time time) {
  Table t({{""}, {""}});
  t.add_row({"board", r.board});
  if (!r.scenario.empty()) t.add_row({"scenario", r.scenario});
  t.add_row({"knobs", or_dash(knobs_text(r.knobs))});
  t.add_row({"seed", std::to_string(r.seed)});
  t.add_row({std::string(time_label), stamp(time)});
  std::string out = t.render();
  if (r.replay_diverged)
    out +=
        "WARNING: the run left the replayed schedule: the replay file was recorded for "
        "other inputs, so what follows is not the recorded execution\n";
  return out;
}

std::string result_line(const scenario::RunResult& r) {
  std::string out = "RESULT: ";
  int failed = failed_expects(r);
  if (failed > 0)
    out += "FAIL, " + std::to_string(failed) + " of " + std::to_string(r.expects.size()) +
           " expects failed";
  else if (r.expects.empty())
    out += "ok, no expects";
  else
    out += "ok, " + std::string(r.expects.size() == 1 ? "the expect" : "all expects") + " held";
  out += "; ";
  if (r.findings.empty())
    out += "no findings";
  else
    out += findings_by_kind(r.findings);
  return out + "\n";
}

}  // namespace

std::string format_boot(const scenario::RunResult& r) {
  const check::Snapshot& s = r.after_boot;
  std::string out = header(r, "settled", s.time);
  for (const std::string& part : {format_findings(r.findings), format_devices(s), format_netdevs(s),
                                  format_links(s), format_phys(s), format_modules(s)})
    out += "\n" + part;
  return out;
}

std::string format_run(const scenario::RunResult& r, bool verbose) {
  std::string out = header(r, "ended", r.end_time);
  out += "\n" + format_findings(r.findings, verbose);
  out += "\n" + format_expects(r.expects, r.scenario);
  out += "\n" + format_timeline(r.timeline, verbose);

  const check::Snapshot& before = r.after_boot;
  const check::Snapshot& now = r.final_state;
  out += "\nFINAL STATE " + stamp(now.time) + "\n";
  out += format_netdevs(now);
  std::vector<std::string> gone;
  for (const auto& n : before.netdevs)
    if (!find_netdev(now, n.name)) gone.push_back(n.name);
  if (!gone.empty()) out += "  unregistered since boot: " + join(gone, ", ") + "\n";
  out += "\n" + format_phys(now);
  if (verbose) {
    for (const std::string& part : {format_devices(now), format_links(now), format_modules(now)})
      out += "\n" + part;
  } else {
    std::string changes;
    for (const std::string& part :
         {format_device_changes(before, now), format_link_changes(before, now),
          format_module_changes(before, now)})
      if (!part.empty()) changes += "\n" + part;
    out += changes.empty() ? "\nDEVICES, DEVICE LINKS, MODULES: as after boot\n" : changes;
  }
  out += "\n" + result_line(r);
  return out;
}

}  // namespace lifeline::report
