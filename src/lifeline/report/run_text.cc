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
    out += "WARNING: the run left the replayed schedule (" + r.replay_divergence +
           "), so what follows is not the recorded execution\n";
  return out;
}

std::string expects_summary(const scenario::RunResult& r) {
  int failed = failed_expects(r) - r.expects_not_reached();
  int unreached = r.expects_not_reached();
  int held = static_cast<int>(r.expects.size()) - failed - unreached;
  if (r.expects.empty()) return "no expects";
  if (failed == 0 && unreached == 0)
    return r.expects.size() == 1 ? "the expect held" : "all expects held";
  std::vector<std::string> parts;
  if (failed)
    parts.push_back(std::to_string(failed) + " of " + std::to_string(r.expects.size()) +
                    " expects failed");
  if (unreached)
    parts.push_back(std::to_string(unreached) + (unreached == 1 ? " expect" : " expects") +
                    " not reached");
  if (held && unreached) parts.push_back(std::to_string(held) + " held");
  return join(parts, ", ");
}

// One line, as a shell script under `set -e` would end: why it stopped and
// where, or that it ran to its end.
std::string result_line(const scenario::RunResult& r) {
  std::string out = "RESULT: ";
  if (r.stopped) {
    out += "FAIL, " + stop_summary(r) + ": " + r.stopped->command;
    if (!r.stopped->detail.empty()) out += ": " + r.stopped->detail;
    out += "; " + expects_summary(r);
  } else if (failed_expects(r) > 0) {
    out += "FAIL, " + expects_summary(r);
  } else if (r.replay_diverged) {
    out += "FAIL, the replay diverged: " + r.replay_divergence + "; " + expects_summary(r);
  } else {
    out += (r.no_actions ? "no actions, " : "ok, ") + expects_summary(r);
  }
  out += "; ";
  if (r.findings.empty())
    out += "no findings";
  else
    out += findings_by_kind(r.findings);
  return out + "\n";
}

// Commands that failed in the background (concurrently blocks): the run
// went on, but a reader should see them.
std::string failed_steps(const scenario::RunResult& r) {
  std::string out;
  for (const scenario::FailedStep& f : r.failed_steps) {
    std::string where = r.scenario.empty() ? "line " + std::to_string(f.line)
                                           : r.scenario + ":" + std::to_string(f.line);
    out += "  " + where + " " + stamp(f.time) + " " + f.command + ": " + f.message +
           (f.background ? " (in a concurrently block: the run went on)" : "") + "\n";
  }
  return out.empty() ? "" : "FAILED STEPS:\n" + out;
}

}  // namespace

std::string format_boot(const scenario::RunResult& r) {
  const check::Snapshot& s = r.after_boot;
  // A boot that never settled (a deferred-probe livelock, a probe that
  // deadlocks) shows the state where it stopped, and says so first.
  std::string out = header(r, r.stopped ? "stopped" : "settled", s.time);
  if (r.stopped)
    out += "\nBOOT DID NOT SETTLE (" + std::string(scenario::stop_reason_name(r.stopped->reason)) +
           "): " + r.stopped->detail + "\n";
  for (const std::string& part :
       {format_findings(r.findings), format_devices(s), format_probe_storm(s), format_netdevs(s),
        format_dsa_ports(s), format_default_models(s), format_sfp_cages(s), format_links(s),
        format_phys(s), format_modules(s)})
    if (!part.empty()) out += "\n" + part;
  return out;
}

std::string format_run(const scenario::RunResult& r, bool verbose) {
  std::string out = header(r, "ended", r.end_time);
  out += "\n" + format_findings(r.findings, verbose);
  out += "\n" + format_expects(r.expects, r.scenario);
  if (std::string steps = failed_steps(r); !steps.empty()) out += "\n" + steps;
  out += "\n" + format_timeline(r.timeline, verbose);

  const check::Snapshot& before = r.after_boot;
  const check::Snapshot& now = r.final_state;
  out += "\nFINAL STATE " + stamp(now.time) +
         (r.stopped ? " (when the run stopped, at line " + std::to_string(r.stopped->line) + ")"
                    : "") +
         "\n";
  out += format_netdevs(now);
  std::vector<std::string> gone;
  for (const auto& n : before.netdevs)
    if (!find_netdev(now, n.name)) gone.push_back(n.name);
  if (!gone.empty()) out += "  unregistered since boot: " + join(gone, ", ") + "\n";
  out += "\n" + format_phys(now);
  if (std::string cages = format_sfp_cages(now); !cages.empty()) out += "\n" + cages;
  if (std::string storm = format_probe_storm(now); !storm.empty()) out += "\n" + storm;
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
