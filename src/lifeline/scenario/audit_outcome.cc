// SPDX-License-Identifier: GPL-2.0-only
// A cell's outcome, read from its run alone: the findings (by kind and the
// model function that hit them), whether the run stopped, the netdevs and
// links the provider took (scenario/metrics.cc samples them once the system
// settled after it left), and what was back at the end. Nothing here names a
// board, a design or a scenario: two cells with the same run facts get the
// same class.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "lifeline/core/errno.h"
#include "lifeline/scenario/audit.h"
#include "lifeline/sim/time.h"

namespace lifeline::scenario {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

bool is_crash(const sim::Finding& f) {
  return f.kind == sim::FindingKind::kOops || f.kind == sim::FindingKind::kUseAfterFree;
}

std::string netdevs_phrase(const std::vector<std::string>& v) {
  return fmt::format("{} netdev{} lost ({})", v.size(), v.size() == 1 ? "" : "s", join(v));
}

std::string seconds(sim::Time t) { return sim::format_duration(t); }

}  // namespace

std::string audit_finding_text(const sim::Finding& f) {
  // The engine's livelock report is a hung task of its own kind: what
  // looped, not what waited.
  std::string s = f.message.rfind("livelock", 0) == 0 ? "livelock" : sim::finding_kind_name(f.kind);
  if (!f.stack.empty()) return s + " in " + f.stack.back();
  // No model frame: the function the task stands for ("kworker/events:
  // deferred_probe_work_func").
  if (size_t colon = f.task.rfind(':'); colon != std::string::npos && colon + 1 < f.task.size())
    return s + " in " + f.task.substr(colon + 1);
  return s;
}

const char* outcome_class_name(OutcomeClass c) {
  switch (c) {
    case OutcomeClass::kDeadlock:
      return "stopped";
    case OutcomeClass::kCrash:
      return "crash";
    case OutcomeClass::kFinding:
      return "finding";
    case OutcomeClass::kNetdevsLost:
      return "netdevs-lost";
    case OutcomeClass::kLinkLost:
      return "link-lost";
    case OutcomeClass::kRecoveredIfup:
      return "back-after-ifup";
    case OutcomeClass::kRecovered:
      return "recovered";
    case OutcomeClass::kSurvives:
      return "survives";
    case OutcomeClass::kRefused:
      return "refused";
    case OutcomeClass::kNotRun:
      return "not-run";
  }
  return "?";
}

AuditOutcome audit_outcome(const RunResult& r, const AuditProvider& p, const AuditTemplate& t) {
  AuditOutcome o;
  const ProviderMetrics& m = r.metrics;
  std::set<std::string> seen;
  for (const sim::Finding& f : r.findings)
    if (std::string s = audit_finding_text(f); seen.insert(s).second) o.findings.push_back(s);
  if (r.stopped) {
    std::string where;
    for (const sim::Finding& f : r.findings)
      if ((f.kind == sim::FindingKind::kDeadlock || f.kind == sim::FindingKind::kHungTask) &&
          !f.stack.empty())
        where = " in " + f.stack.back();
    o.stopped =
        fmt::format("{}{} at line {}", stop_reason_name(r.stopped->reason), where, r.stopped->line);
  }
  o.provider_left = m.provider_left;
  o.netdevs_lost = m.netdevs_lost;
  const std::vector<std::string>& users = t.takes_module ? p.module_consumers : p.consumers;
  for (const std::string& n : m.netdevs_lost) {
    if (!contains(users, n) && !contains(p.consumers, n)) o.unrelated_lost.push_back(n);
    const check::NetdevRow* now = r.final_state.netdev(n);
    if (!now || !now->registered) o.netdevs_not_back.push_back(n);
  }
  for (const std::string& c : p.consumers)
    if (auto it = m.carrier_after_left.find(c); it != m.carrier_after_left.end())
      (it->second ? o.carrier_kept : o.carrier_lost).push_back(c);
  o.provider_back = m.provider_back;
  o.recovery_time = m.recovery_time;
  // The template's expects are its probes, taken once the provider was back
  // and before the user's ifdown/ifup.
  o.link_back_by_itself = o.provider_back && !r.expects.empty() && r.expects_failed() == 0;
  for (const FailedStep& f : r.failed_steps)
    if (f.command.rfind("rmmod ", 0) == 0) o.refused = core::errno_name(f.err < 0 ? -f.err : f.err);
  // A refused rmmod took nothing: the module and its drivers stayed.
  if (!o.refused.empty()) o.provider_left = false;

  // The consumers whose link (or netdev) went with the provider.
  std::vector<std::string> hit = o.carrier_lost;
  for (const std::string& c : p.consumers)
    if (contains(o.netdevs_lost, c) && !contains(hit, c)) hit.push_back(c);
  std::vector<std::string> failed_up;
  for (const FailedStep& f : r.failed_steps)
    if (f.command.rfind("ip link set ", 0) == 0 && f.command.size() > 3 &&
        f.command.compare(f.command.size() - 3, 3, " up") == 0)
      failed_up.push_back(f.command.substr(12, f.command.size() - 15));

  // ethtool --show-pse that failed: the PHY no longer reaches a PSE.
  std::vector<std::string> no_pse;
  std::string no_pse_err;
  for (const FailedStep& f : r.failed_steps)
    if (f.command.rfind("ethtool --show-pse ", 0) == 0) {
      no_pse.push_back(f.command.substr(19));
      no_pse_err = core::errno_name(f.err < 0 ? -f.err : f.err);
    }
  std::string pse_phrase =
      no_pse.empty() ? "" : "ethtool --show-pse " + join(no_pse) + ": " + no_pse_err;

  std::string extra;
  if (o.findings.size() > 1) extra = fmt::format(" (+{} more)", o.findings.size() - 1);
  const sim::Finding* crash = nullptr;
  const sim::Finding* other = nullptr;
  for (const sim::Finding& f : r.findings) {
    if (is_crash(f) && !crash) crash = &f;
    if (!is_crash(f) && !other) other = &f;
  }
  if (r.stopped && !m.provider_left && r.findings.empty()) {
    // The template's own set-up failed before the provider was touched (a
    // consumer that cannot come up on this board): nothing about the
    // provider to report.
    o.cls = OutcomeClass::kNotRun;
    o.not_run = fmt::format("line {}: {}", r.stopped->line, r.stopped->detail);
    o.reason = "not run: " + o.not_run;
  } else if (r.stopped) {
    o.cls = OutcomeClass::kDeadlock;
    o.reason = o.stopped;
    // What went wrong first, when it was not the stop itself (an oops that
    // left a lock held, and the next taker waits forever).
    if (crash) o.reason += ", after " + audit_finding_text(*crash);
  } else if (crash) {
    o.cls = OutcomeClass::kCrash;
    o.reason = audit_finding_text(*crash) + extra;
  } else if (other) {
    o.cls = OutcomeClass::kFinding;
    o.reason = audit_finding_text(*other) + extra;
  } else if (t.physical) {
    // The driver stayed; the hardware it drives went and came back (a
    // module pulled and inserted again). The probes after its return say
    // whether the links came back by themselves.
    // Its probes: `carrier IF off` once it went (failed: the link stayed),
    // `carrier IF on` once it was back.
    bool probes_passed = true, any_back_probe = false;
    for (const ExpectResult& x : r.expects) {
      bool off = x.text.size() > 4 && x.text.compare(x.text.size() - 4, 4, " off") == 0;
      std::string who = x.text.rfind("carrier ", 0) == 0 ? x.text.substr(8, x.text.rfind(' ') - 8)
                                                         : std::string();
      if (off && !who.empty()) (x.passed ? o.carrier_lost : o.carrier_kept).push_back(who);
      if (!off) {
        any_back_probe = true;
        probes_passed &= x.passed;
      }
    }
    probes_passed &= any_back_probe;
    std::vector<std::string> down;
    for (const std::string& c : p.consumers) {
      const check::NetdevRow* now = r.final_state.netdev(c);
      if (!now || !now->carrier) down.push_back(c);
    }
    o.provider_left = o.provider_back = true;
    o.link_back_by_itself = probes_passed;
    if (o.carrier_lost.empty() && probes_passed) {
      o.cls = OutcomeClass::kSurvives;
      o.reason = "carrier kept";
    } else if (probes_passed) {
      o.cls = OutcomeClass::kRecovered;
      o.reason = "link back after reinsertion";
    } else if (down.empty()) {
      o.cls = OutcomeClass::kRecoveredIfup;
      o.reason = "link lost until ifup";
    } else {
      o.cls = OutcomeClass::kLinkLost;
      o.reason = "link lost (" + join(down) + "), not back after ifup";
    }
  } else if (!o.refused.empty()) {
    o.cls = OutcomeClass::kRefused;
    o.reason = "rmmod refused (" + o.refused + ")";
  } else if (!o.unrelated_lost.empty()) {
    o.cls = OutcomeClass::kNetdevsLost;
    o.reason = netdevs_phrase(o.netdevs_lost);
    if (o.provider_back)
      o.reason += o.netdevs_not_back.empty() ? ", back after bind"
                                             : ", " + join(o.netdevs_not_back) + " not back";
  } else if (o.provider_back) {
    bool all_back = true;
    for (const std::string& c : hit) {
      const check::NetdevRow* now = r.final_state.netdev(c);
      if (!now || !now->carrier) all_back = false;
    }
    if (!no_pse.empty()) {
      // Bound again, and the PHYs still reach no PSE: nobody handed them a
      // pse_control again.
      o.cls = OutcomeClass::kLinkLost;
      o.reason = "PSE not back after bind (" + pse_phrase + ")";
    } else if (hit.empty() && r.expects_failed() > 0) {
      // Nobody had a link when it left (the consumers were down); the
      // probes after the ifup that followed its return found none.
      std::vector<std::string> no_link;
      for (const ExpectResult& x : r.expects)
        if (!x.passed && x.text.rfind("carrier ", 0) == 0)
          no_link.push_back(x.text.substr(8, x.text.rfind(' ') - 8));
      o.cls = OutcomeClass::kLinkLost;
      o.reason = "no link at ifup after the bind (" + join(no_link) + ")";
    } else if (hit.empty()) {
      o.cls = OutcomeClass::kSurvives;
      o.reason = o.carrier_kept.empty() ? "nothing lost" : "link kept";
    } else if (o.link_back_by_itself) {
      o.cls = OutcomeClass::kRecovered;
      o.reason = o.recovery_time ? "link back in " + seconds(*o.recovery_time) : "link back";
    } else if (all_back) {
      o.cls = OutcomeClass::kRecoveredIfup;
      o.reason = "link lost until ifup";
    } else {
      o.cls = OutcomeClass::kLinkLost;
      o.reason = o.netdevs_not_back.empty() ? "link lost, not back after ifup"
                                            : netdevs_phrase(o.netdevs_not_back) + ", not back";
    }
  } else if (!hit.empty()) {
    o.cls = OutcomeClass::kLinkLost;
    bool gone = false;
    for (const std::string& c : hit) gone |= contains(o.netdevs_lost, c);
    // Every netdev that went, the module's other devices' included.
    o.reason = gone ? netdevs_phrase(o.netdevs_lost) : "link lost (" + join(o.carrier_lost) + ")";
  } else if (!failed_up.empty()) {
    o.cls = OutcomeClass::kLinkLost;
    o.reason = "ifup failed (" + join(failed_up) + ")";
  } else if (o.provider_left && o.carrier_kept.empty()) {
    // Nobody had a link before it left (the interfaces were down): what the
    // ifup after it found.
    std::vector<std::string> no_link;
    for (const std::string& c : p.consumers) {
      const check::NetdevRow* now = r.final_state.netdev(c);
      if (!now || !now->carrier) no_link.push_back(c);
    }
    o.cls = no_link.empty() ? OutcomeClass::kSurvives : OutcomeClass::kLinkLost;
    o.reason = no_link.empty() ? "link at ifup" : "no link at ifup (" + join(no_link) + ")";
  } else {
    o.cls = OutcomeClass::kSurvives;
    o.reason = o.carrier_kept.empty() ? "nothing lost" : "carrier kept";
  }
  // A PSE that is gone is what the user sees of it, whatever the link did.
  if (!pse_phrase.empty() && o.cls >= OutcomeClass::kLinkLost && o.cls <= OutcomeClass::kSurvives &&
      !o.provider_back)
    o.reason += "; PSE gone (" + pse_phrase + ")";
  return o;
}

}  // namespace lifeline::scenario
