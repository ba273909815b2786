// SPDX-License-Identifier: GPL-2.0-only
// The model's side of a kernel-check and the comparison of both sides.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "lifeline/scenario/kernel_check.h"
#include "lifeline/scenario/print.h"

namespace lifeline::scenario {

const char* step_outcome_name(StepOutcome::Kind kind) {
  switch (kind) {
    case StepOutcome::Kind::kNotReached:
      return "not reached";
    case StepOutcome::Kind::kOk:
      return "ok";
    case StepOutcome::Kind::kError:
      return "error";
    case StepOutcome::Kind::kKilled:
      return "killed (oops)";
    case StepOutcome::Kind::kNeverReturned:
      return "never returned";
  }
  return "?";
}

const char* finding_class_name(FindingClass c) {
  switch (c) {
    case FindingClass::kWarn:
      return "WARN";
    case FindingClass::kOops:
      return "oops/BUG";
    case FindingClass::kHungTask:
      return "hung task";
    case FindingClass::kModelOnly:
      return "model only";
  }
  return "?";
}

const char* verdict_name(CompareRow::Verdict v) {
  switch (v) {
    case CompareRow::Verdict::kAgree:
      return "agree";
    case CompareRow::Verdict::kDiffer:
      return "DIFFER";
    case CompareRow::Verdict::kExcluded:
      return "excluded";
    case CompareRow::Verdict::kModelOnly:
      return "model only";
  }
  return "?";
}

bool KernelCheckResult::agree() const {
  for (const CompareRow& r : rows)
    if (r.verdict == CompareRow::Verdict::kDiffer) return false;
  return true;
}

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

ClassFinding classify(const sim::Finding& f) {
  ClassFinding c;
  c.text = f.message;
  c.frames.assign(f.stack.rbegin(), f.stack.rend());  // innermost first, as a call trace
  switch (f.kind) {
    case sim::FindingKind::kWarn: {
      c.cls = FindingClass::kWarn;
      // "WARNING: phy_stop: called from ..." names its function.
      std::string m = f.message;
      if (starts_with(m, "WARNING: ")) {
        std::string rest = m.substr(9);
        c.where = rest.substr(0, rest.find(':'));
      } else if (!c.frames.empty()) {
        c.where = c.frames.front();
      }
      break;
    }
    case sim::FindingKind::kOops:
      c.cls = FindingClass::kOops;
      c.where = c.frames.empty() ? "" : c.frames.front();
      break;
    case sim::FindingKind::kHungTask:
    case sim::FindingKind::kDeadlock:
      // A task blocked forever is what the guest's watchdog finds blocked.
      c.cls = FindingClass::kHungTask;
      // The blocked task (not the one that found it).
      c.where = f.waiter.empty() ? f.task : f.waiter;
      break;
    default:
      c.cls = FindingClass::kModelOnly;
      c.where = sim::finding_kind_name(f.kind);
      break;
  }
  return c;
}

Observation observe(const check::Snapshot& s) {
  Observation o;
  for (const check::NetdevRow& n : s.netdevs) {
    if (!n.registered) continue;
    NetdevObs nd;
    nd.name = n.name;
    nd.admin_up = n.admin_up;
    nd.carrier = n.carrier;
    nd.operstate = n.operstate;
    nd.link = n.carrier ? n.link : "down";
    // As /sys/class/net/IF/phydev shows it: the link to the PHY's device
    // goes when that device is unregistered, even while netdev->phydev
    // still points at it.
    bool registered = false;
    for (const check::PhyRow& p : s.phys)
      if (p.name == n.phy && p.registered) registered = true;
    nd.phy = n.phy.empty() || !registered ? "none" : n.phy;
    o.netdevs.push_back(nd);
  }
  for (const check::PhyRow& p : s.phys) {
    if (!p.registered) continue;
    o.phys.push_back({p.name, p.driver.empty() ? "none" : p.driver});
  }
  std::sort(o.netdevs.begin(), o.netdevs.end(),
            [](const NetdevObs& a, const NetdevObs& b) { return a.name < b.name; });
  std::sort(o.phys.begin(), o.phys.end(),
            [](const PhyObs& a, const PhyObs& b) { return a.name < b.name; });
  return o;
}

bool same_finding(const sim::Finding& a, const sim::Finding& b) {
  return a.kind == b.kind && a.message == b.message;
}

}  // namespace

SideRun model_side(const Board& board, const Scenario& scenario, const GuestScript& script,
                   const RunOptions& options) {
  SideRun side;
  side.booted = true;
  side.steps.resize(script.steps.size());
  RunOptions opts = options;
  opts.command_processes = true;
  opts.trace = true;
  std::vector<sim::Finding> before;
  std::vector<int> first_step;  // per finding of `before`
  for (size_t i = 0; i < script.steps.size(); ++i) {
    const GuestStep& st = script.steps[i];
    // The run that stops right after this step.
    Scenario prefix = scenario;
    prefix.commands.resize(st.command + 1);
    RunResult r = run_scenario(board, prefix, opts);
    StepOutcome& out = side.steps[i];
    // The scenario task waits forever: the guest's shell never gets its
    // prompt back.
    bool hung = r.stopped && (r.stopped->reason == StopReason::kDeadlock ||
                              r.stopped->reason == StopReason::kHungTask ||
                              r.stopped->reason == StopReason::kStepLimit);
    std::vector<sim::Finding> fresh;
    for (const sim::Finding& f : r.findings)
      if (std::none_of(before.begin(), before.end(),
                       [&](const sim::Finding& b) { return same_finding(b, f); }))
        fresh.push_back(f);
    const Command& c = scenario.commands[st.command];
    if (hung) {
      out.kind = StepOutcome::Kind::kNeverReturned;
    } else if (std::any_of(fresh.begin(), fresh.end(), [&](const sim::Finding& f) {
                 return f.kind == sim::FindingKind::kOops && f.task != "scenario" &&
                        !f.task.empty() && f.task.find('/') == std::string::npos;
               })) {
      out.kind = StepOutcome::Kind::kKilled;
    } else {
      out.kind = StepOutcome::Kind::kOk;
      // A command that failed, or the one an `expect fail` ran.
      for (const FailedStep& f : r.failed_steps)
        if (f.line == c.loc.line) {
          out.kind = StepOutcome::Kind::kError;
          out.message = f.message;
        }
      if (std::holds_alternative<Expect>(c.body))
        for (const ExpectResult& e : r.expects)
          if (e.line == c.loc.line && e.failed_err) {
            out.kind = StepOutcome::Kind::kError;
            out.message = e.failure;
          }
    }
    if (st.checkpoint == st.index && !hung) side.checkpoints[st.index] = observe(r.final_state);
    for (const sim::Finding& f : fresh) {
      before.push_back(f);
      first_step.push_back(st.index);
    }
    if (hung) break;  // nothing after it runs
  }
  for (size_t i = 0; i < before.size(); ++i) {
    ClassFinding c = classify(before[i]);
    c.step = first_step[i];
    side.findings.push_back(c);
  }
  return side;
}

namespace {

// The rows of one check point for one side.
std::map<std::string, std::string> checkpoint_values(const Observation& o) {
  std::map<std::string, std::string> v;
  std::string names;
  for (const NetdevObs& n : o.netdevs) names += (names.empty() ? "" : " ") + n.name;
  v["netdevs"] = names.empty() ? "none" : names;
  for (const NetdevObs& n : o.netdevs) {
    v[n.name + " carrier"] = n.admin_up ? (n.carrier ? "on" : "off") : "off (down)";
    v[n.name + " operstate"] = n.operstate;
    v[n.name + " link"] = n.link;
    v[n.name + " phy"] = n.phy;
  }
  for (const PhyObs& p : o.phys) v["PHY " + p.name + " driver"] = p.driver;
  return v;
}

std::string step_value(const StepOutcome& s) { return step_outcome_name(s.kind); }

// The kernel's values over its runs: one value, or "A (2/3), B (1/3)".
CompareRow combine(const std::string& point, const std::string& what,
                   const std::vector<std::string>& kernel, const std::string& model) {
  CompareRow row;
  row.point = point;
  row.what = what;
  row.model = model;
  row.runs = static_cast<int>(kernel.size());
  std::map<std::string, int> seen;
  for (const std::string& k : kernel) ++seen[k];
  if (seen.size() == 1) {
    row.kernel = kernel.front();
    row.seen = row.runs;
    row.verdict = row.kernel == model ? CompareRow::Verdict::kAgree : CompareRow::Verdict::kDiffer;
    return row;
  }
  std::string k;
  for (const auto& [value, n] : seen)
    k += fmt::format("{}{} ({}/{})", k.empty() ? "" : ", ", value, n, row.runs);
  row.kernel = "intermittent: " + k;
  row.seen = seen.count(model) ? seen[model] : 0;
  row.verdict = seen.count(model) ? CompareRow::Verdict::kAgree : CompareRow::Verdict::kDiffer;
  return row;
}

std::string findings_value(const std::vector<ClassFinding>& fs, FindingClass cls,
                           const std::string& where) {
  for (const ClassFinding& f : fs)
    if (f.cls == cls && (where.empty() || f.where == where)) return "yes";
  return "no";
}

std::string wheres(const std::vector<ClassFinding>& fs, FindingClass cls) {
  std::set<std::string> w;
  for (const ClassFinding& f : fs)
    if (f.cls == cls) w.insert(f.where.empty() ? "?" : f.where);
  std::string s;
  for (const std::string& x : w) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

KernelCheckResult compare_sides(const std::vector<SideRun>& kernel, const SideRun& model,
                                const GuestScript& script) {
  KernelCheckResult res;
  res.runs = static_cast<int>(kernel.size());
  if (!kernel.empty()) res.kernel = kernel.front().kernel;
  bool downshift = false;
  for (const SideRun& k : kernel)
    if (std::find(k.quirks.begin(), k.quirks.end(), "downshift") != k.quirks.end())
      downshift = true;
  for (const GuestStep& st : script.steps) {
    if (st.kind == GuestStep::Kind::kNoop) continue;
    std::string point = fmt::format("{:>2} {}", st.index, st.text);
    if (st.kind == GuestStep::Kind::kAction) {
      std::vector<std::string> kv;
      for (const SideRun& k : kernel) kv.push_back(step_value(k.steps[st.index - 1]));
      CompareRow row = combine(point, "result", kv, step_value(model.steps[st.index - 1]));
      std::string km = kernel.empty() ? "" : kernel.front().steps[st.index - 1].message;
      std::string mm = model.steps[st.index - 1].message;
      if (!km.empty() || !mm.empty())
        row.note = "kernel: " + (km.empty() ? "-" : km) + "; model: " + (mm.empty() ? "-" : mm);
      res.rows.push_back(row);
    }
    if (st.checkpoint != st.index) continue;
    // The check point's values on each side, over the union of names.
    std::vector<std::map<std::string, std::string>> kvals;
    for (const SideRun& k : kernel) {
      auto it = k.checkpoints.find(st.index);
      kvals.push_back(it == k.checkpoints.end() ? std::map<std::string, std::string>{}
                                                : checkpoint_values(it->second));
    }
    auto mit = model.checkpoints.find(st.index);
    std::map<std::string, std::string> mvals = mit == model.checkpoints.end()
                                                   ? std::map<std::string, std::string>{}
                                                   : checkpoint_values(mit->second);
    std::set<std::string> keys;
    for (const auto& m : kvals)
      for (const auto& [key, v] : m) keys.insert(key);
    for (const auto& [key, v] : mvals) keys.insert(key);
    if (keys.empty()) {
      res.rows.push_back(combine(point, "check point",
                                 std::vector<std::string>(kernel.size(), "not reached"),
                                 "not reached"));
      continue;
    }
    auto value_in = [&](const std::map<std::string, std::string>& m, const std::string& key) {
      if (m.empty()) return std::string("not reached");
      auto it = m.find(key);
      return it == m.end() ? std::string("absent") : it->second;
    };
    // netdevs first, then each netdev's rows, then the PHYs.
    std::vector<std::string> ordered(keys.begin(), keys.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const std::string& a, const std::string& b) {
                       auto rank = [](const std::string& k) {
                         return k == "netdevs" ? 0 : k.rfind("PHY ", 0) ? 1 : 2;
                       };
                       return rank(a) < rank(b);
                     });
    for (const std::string& key : ordered) {
      std::vector<std::string> kv;
      for (const auto& m : kvals) kv.push_back(value_in(m, key));
      CompareRow row = combine(point, key, kv, value_in(mvals, key));
      // QEMU's PHY model reports 1000 Mb/s in its negotiation registers and
      // 100 Mb/s in its status: Linux's Marvell driver calls that a
      // downshift. The model's partner negotiates what it advertises.
      if (row.verdict == CompareRow::Verdict::kDiffer && downshift && key.size() > 5 &&
          key.compare(key.size() - 5, 5, " link") == 0 && row.kernel == "100/full" &&
          row.model == "1000/full") {
        row.verdict = CompareRow::Verdict::kExcluded;
        row.note = "QEMU's PHY model downshifts to 100 Mb/s (Marvell: \"Downshift occurred\")";
      }
      res.rows.push_back(row);
    }
  }
  // Findings by class.
  const std::string point = "findings";
  for (FindingClass cls : {FindingClass::kWarn, FindingClass::kOops}) {
    std::set<std::string> where;
    for (const SideRun& k : kernel)
      for (const ClassFinding& f : k.findings)
        if (f.cls == cls) where.insert(f.where);
    for (const ClassFinding& f : model.findings)
      if (f.cls == cls) where.insert(f.where);
    for (const std::string& w : where) {
      std::vector<std::string> kv;
      for (const SideRun& k : kernel) kv.push_back(findings_value(k.findings, cls, w));
      CompareRow row =
          combine(point, std::string(finding_class_name(cls)) + " in " + (w.empty() ? "?" : w), kv,
                  findings_value(model.findings, cls, w));
      for (const ClassFinding& f : model.findings)
        if (f.cls == cls && f.where == w) row.note = "model: " + f.text;
      for (const SideRun& k : kernel)
        for (const ClassFinding& f : k.findings)
          if (f.cls == cls && f.where == w) {
            std::string frames;
            for (size_t i = 0; i < f.frames.size() && i < 6; ++i)
              frames += (i ? " <- " : "") + f.frames[i];
            row.note = "kernel: " + (frames.empty() ? f.text : frames) +
                       (row.note.empty() ? "" : "; " + row.note);
            break;
          }
      res.rows.push_back(row);
    }
    if (where.empty()) {
      std::vector<std::string> kv(kernel.size(), "no");
      res.rows.push_back(combine(point, finding_class_name(cls), kv, "no"));
    }
  }
  {
    // Hung tasks: the class, with who was blocked on each side.
    std::vector<std::string> kv;
    for (const SideRun& k : kernel)
      kv.push_back(findings_value(k.findings, FindingClass::kHungTask, ""));
    CompareRow row = combine(point, "hung task", kv,
                             findings_value(model.findings, FindingClass::kHungTask, ""));
    std::string kw = kernel.empty() ? "" : wheres(kernel.front().findings, FindingClass::kHungTask);
    std::string mw = wheres(model.findings, FindingClass::kHungTask);
    if (!kw.empty() || !mw.empty())
      row.note = "kernel: " + (kw.empty() ? "-" : kw) + "; model: " + (mw.empty() ? "-" : mw);
    res.rows.push_back(row);
  }
  for (const ClassFinding& f : model.findings) {
    if (f.cls != FindingClass::kModelOnly) continue;
    CompareRow row;
    row.point = point;
    row.what = f.where;
    row.kernel = "-";
    row.model = "yes";
    row.verdict = CompareRow::Verdict::kModelOnly;
    row.note =
        f.text + (f.where == "use-after-free" ? " (the guest kernel has no KASAN: CONFIG_KASAN=n)"
                                              : " (a check the guest kernel does not make)");
    res.rows.push_back(row);
  }
  return res;
}

}  // namespace lifeline::scenario
