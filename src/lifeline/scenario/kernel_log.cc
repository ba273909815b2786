// SPDX-License-Identifier: GPL-2.0-only
// Reading the guest's serial log: the markers /init prints (tools/kernel-check/
// init.sh) and the kernel's own WARN, oops and hung-task reports.
#include <algorithm>
#include <sstream>

#include "lifeline/scenario/kernel_check.h"

namespace lifeline::scenario {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

// "[   20.427496] text" -> "text"; lines without a timestamp as they are.
std::string_view strip_stamp(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (starts_with(line, "[")) {
    size_t close = line.find("] ");
    if (close != std::string_view::npos && close < 20) return line.substr(close + 2);
  }
  return line;
}

// " led_trigger_event+0x4c/0x80 [libphy]" -> "led_trigger_event"; "" when the
// line is not a call-trace frame.
std::string frame_of(std::string_view text) {
  if (!starts_with(text, " ")) return "";
  while (starts_with(text, " ")) text.remove_prefix(1);
  size_t plus = text.find("+0x");
  if (plus == std::string_view::npos || plus == 0) return "";
  std::string_view name = text.substr(0, plus);
  for (char ch : name)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.')) return "";
  return std::string(name);
}

// The frames of a blocked task that are the waiting itself, not the task.
bool is_wait_frame(const std::string& f) {
  static constexpr std::string_view kWait[] = {"__switch_to",
                                               "__schedule",
                                               "schedule",
                                               "schedule_preempt_disabled",
                                               "schedule_timeout",
                                               "__mutex_lock",
                                               "__mutex_lock.constprop.0",
                                               "__mutex_lock_slowpath",
                                               "mutex_lock",
                                               "mutex_lock_nested",
                                               "rtnl_lock",
                                               "rwsem_down_write_slowpath",
                                               "rwsem_down_read_slowpath",
                                               "down_write",
                                               "down_read",
                                               "wait_for_completion",
                                               "io_schedule",
                                               "process_one_work",
                                               "worker_thread",
                                               "kthread",
                                               "ret_from_fork",
                                               "flush_work",
                                               "__flush_work"};
  for (std::string_view w : kWait)
    if (f == w) return true;
  return false;
}

int number_after(std::string_view s, std::string_view key) {
  size_t at = s.find(key);
  if (at == std::string_view::npos) return 0;
  return std::atoi(std::string(s.substr(at + key.size())).c_str());
}

// "carrier=1 operstate=up ..." -> the value of `key`.
std::string field(std::string_view s, std::string_view key) {
  std::string k = " " + std::string(key) + "=";
  size_t at = (" " + std::string(s)).find(k);
  if (at == std::string::npos) return "";
  std::string_view rest = s.substr(at + k.size() - 1);
  return std::string(rest.substr(0, rest.find(' ')));
}

std::string duplex_word(const std::string& d) { return d == "full" || d == "half" ? d : ""; }

}  // namespace

SideRun parse_kernel_log(const std::string& log, const GuestScript& script) {
  SideRun run;
  run.steps.resize(script.steps.size());
  std::istringstream in(log);
  std::string raw;
  int step = 0;                     // the step running
  ClassFinding* pending = nullptr;  // the report whose call trace may follow
  bool in_trace = false;
  std::vector<std::string> out;  // the running step's output
  auto step_at = [&](int i) -> StepOutcome* {
    return i >= 1 && i <= static_cast<int>(run.steps.size()) ? &run.steps[i - 1] : nullptr;
  };
  auto finish_step = [&] {
    // A step without an exit status (wait, settle, expect) returned when
    // the next one began.
    if (StepOutcome* s = step_at(step); s && s->kind == StepOutcome::Kind::kNotReached)
      s->kind = StepOutcome::Kind::kOk;
  };
  while (std::getline(in, raw)) {
    std::string_view text = strip_stamp(raw);
    if (in_trace) {
      std::string f = frame_of(text);
      if (!f.empty()) {
        if (pending && pending->frames.size() < 16) pending->frames.push_back(f);
        continue;
      }
      in_trace = false;
      if (pending && pending->cls == FindingClass::kOops && !pending->frames.empty())
        pending->where = pending->frames.front();
      if (pending && pending->cls == FindingClass::kHungTask) {
        for (const std::string& fr : pending->frames)
          if (!is_wait_frame(fr)) {
            pending->where = fr;
            break;
          }
        if (std::find(pending->frames.begin(), pending->frames.end(), "rtnl_lock") !=
            pending->frames.end())
          pending->text += " (in rtnl_lock)";
      }
      pending = nullptr;
    }
    if (starts_with(text, "Linux version ") && run.kernel.empty()) {
      std::string_view v = text.substr(14);
      run.kernel = std::string(v.substr(0, v.find(' ')));
      continue;
    }
    if (starts_with(text, "LK: ")) {
      std::string_view m = text.substr(4);
      if (starts_with(m, "scenario start")) {
        run.booted = true;
      } else if (starts_with(m, "step ")) {
        int n = number_after(m, "step ");
        if (contains(m, " begin")) {
          finish_step();
          step = n;
          out.clear();
        } else if (contains(m, " rc ")) {
          if (StepOutcome* s = step_at(n)) {
            s->rc = number_after(m, " rc ");
            bool oopsed = false;
            for (const ClassFinding& f : run.findings)
              if (f.step == n && f.cls == FindingClass::kOops) oopsed = true;
            s->kind = s->rc == 0              ? StepOutcome::Kind::kOk
                      : s->rc > 128 && oopsed ? StepOutcome::Kind::kKilled
                                              : StepOutcome::Kind::kError;
            std::string msg;
            for (const std::string& l : out) msg += (msg.empty() ? "" : " / ") + l;
            s->message = msg;
          }
        }
      } else if (starts_with(m, "out ")) {
        out.emplace_back(m.substr(4));
      } else if (starts_with(m, "cp ")) {
        int n = number_after(m, "cp ");
        Observation& o = run.checkpoints[n];
        std::string_view rest = m.substr(m.find(' ', 3) + 1);
        if (starts_with(rest, "netdevs")) {
          // The list comes first; each netdev's line fills it in.
        } else if (starts_with(rest, "netdev ")) {
          std::string_view body = rest.substr(7);
          NetdevObs nd;
          nd.name = std::string(body.substr(0, body.find(' ')));
          nd.carrier = field(body, "carrier") == "1";
          nd.operstate = field(body, "operstate");
          nd.admin_up = field(body, "up") == "1";
          std::string speed = field(body, "speed"), duplex = duplex_word(field(body, "duplex"));
          nd.link = nd.carrier && !speed.empty() && speed != "-1" && !duplex.empty()
                        ? speed + "/" + duplex
                        : (nd.carrier ? "up" : "down");
          nd.phy = field(body, "phy");
          if (nd.phy.empty()) nd.phy = "none";
          o.netdevs.push_back(nd);
        } else if (starts_with(rest, "phy ")) {
          std::string_view body = rest.substr(4);
          PhyObs p;
          p.name = std::string(body.substr(0, body.find(' ')));
          size_t d = body.find(" driver=");
          p.driver = d == std::string_view::npos ? "none" : std::string(body.substr(d + 8));
          o.phys.push_back(p);
        }
      } else if (starts_with(m, "watchdog:")) {
        if (StepOutcome* s = step_at(step); s && s->kind == StepOutcome::Kind::kNotReached)
          s->kind = StepOutcome::Kind::kNeverReturned;
        step = -1;  // nothing after this returns
      }
      continue;
    }
    // The kernel's reports.
    if (contains(text, "Downshift occurred")) {
      if (std::find(run.quirks.begin(), run.quirks.end(), "downshift") == run.quirks.end())
        run.quirks.push_back("downshift");
      continue;
    }
    if (contains(text, "unable to generate target frequency")) {
      if (std::find(run.quirks.begin(), run.quirks.end(), "clock") == run.quirks.end())
        run.quirks.push_back("clock");
      continue;
    }
    if (starts_with(text, "Call trace:")) {
      in_trace = true;
      continue;
    }
    if (starts_with(text, "WARNING: CPU:")) {
      // "WARNING: CPU: 0 PID: 1 at drivers/base/core.c:1234 func+0x1c/0x40 [mod]"
      ClassFinding f;
      f.cls = FindingClass::kWarn;
      f.step = std::max(step, 0);
      std::string_view t = text;
      size_t at = t.find(" at ");
      if (at != std::string_view::npos) {
        std::string_view loc = t.substr(at + 4);
        size_t sp = loc.find(' ');
        if (sp != std::string_view::npos) f.where = frame_of(" " + std::string(loc.substr(sp + 1)));
      }
      f.text = std::string(text);
      run.findings.push_back(f);
      pending = &run.findings.back();
      continue;
    }
    bool oops_line = starts_with(text, "Unable to handle kernel") ||
                     starts_with(text, "Internal error:") || starts_with(text, "kernel BUG at") ||
                     starts_with(text, "BUG: ") || contains(text, "list_del corruption");
    if (oops_line) {
      // One oops prints several headlines: keep the first, until its trace.
      if (!run.findings.empty() && run.findings.back().cls == FindingClass::kOops &&
          run.findings.back().frames.empty() && run.findings.back().step == std::max(step, 0)) {
        pending = &run.findings.back();
        continue;
      }
      ClassFinding f;
      f.cls = FindingClass::kOops;
      f.step = std::max(step, 0);
      f.text = std::string(text);
      run.findings.push_back(f);
      pending = &run.findings.back();
      continue;
    }
    if (starts_with(text, "task:") && contains(text, "state:D")) {
      ClassFinding f;
      f.cls = FindingClass::kHungTask;
      f.step = std::max(step, 0);
      std::string_view name = text.substr(5);
      f.text = "task " + std::string(name.substr(0, name.find(' '))) + " blocked";
      run.findings.push_back(f);
      pending = &run.findings.back();
      continue;
    }
    if (starts_with(text, "INFO: task ") && contains(text, "blocked for more than")) {
      ClassFinding f;
      f.cls = FindingClass::kHungTask;
      f.step = std::max(step, 0);
      f.text = std::string(text);
      run.findings.push_back(f);
      pending = &run.findings.back();
      continue;
    }
  }
  if (step > 0) {
    // The log ended inside a step: an action without its exit status never
    // returned; a wait or settle that was followed by nothing did return.
    const GuestStep& gs = script.steps[static_cast<size_t>(step) - 1];
    if (StepOutcome* s = step_at(step); s && s->kind == StepOutcome::Kind::kNotReached)
      s->kind = gs.kind == GuestStep::Kind::kAction ? StepOutcome::Kind::kNeverReturned
                                                    : StepOutcome::Kind::kOk;
  }
  // A hung task seen twice (the detector, then the watchdog's dump) is one.
  std::vector<ClassFinding> unique;
  for (const ClassFinding& f : run.findings) {
    bool dup = false;
    for (const ClassFinding& u : unique)
      if (u.cls == f.cls && u.where == f.where && f.cls == FindingClass::kHungTask) dup = true;
    if (!dup) unique.push_back(f);
  }
  run.findings = std::move(unique);
  return run;
}

}  // namespace lifeline::scenario
