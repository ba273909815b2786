// SPDX-License-Identifier: GPL-2.0-only
// `lifeline kernel-check`: one scenario on the real kernel (in QEMU) and on
// the model, side by side. This is the data of both sides and of their
// comparison; the guest script is guest_script.h, the QEMU and apt driving
// is the command line's (cli/kernel_check_*), the table is the report's.
//
// Each side is a SideRun: what every step returned, the observations at
// each check point (the netdevs, each one's carrier, operstate, link and
// PHY, the driver bound to each PHY), and the findings by class: a WARN
// with its function, an oops or BUG with its top frames, a hung task. The
// kernel's comes from its serial log (parse_kernel_log()), the model's from
// runs of the scenario (model_side()).
#ifndef LIFELINE_SCENARIO_KERNEL_CHECK_H_
#define LIFELINE_SCENARIO_KERNEL_CHECK_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lifeline/scenario/guest_script.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {

struct StepOutcome {
  enum class Kind { kNotReached, kOk, kError, kKilled, kNeverReturned };
  Kind kind = Kind::kNotReached;
  int rc = 0;           // kError: the exit status (kernel) or the errno (model)
  std::string message;  // what the command printed, or the model's note
};
const char* step_outcome_name(StepOutcome::Kind kind);  // "ok", "error", "killed", ...

struct NetdevObs {
  std::string name;
  bool admin_up = false;
  bool carrier = false;
  std::string operstate;  // "up", "down", "lowerlayerdown", "unknown"
  std::string link;       // "100/full" when carrier is on, else "down"
  std::string phy;        // the attached PHY device, "none"
};

struct PhyObs {
  std::string name;
  std::string driver;  // "none" when unbound
};

struct Observation {
  std::vector<NetdevObs> netdevs;  // by name
  std::vector<PhyObs> phys;        // by name
};

enum class FindingClass { kWarn, kOops, kHungTask, kModelOnly };
const char* finding_class_name(FindingClass c);  // "WARN", "oops", "hung task", ...

struct ClassFinding {
  FindingClass cls = FindingClass::kWarn;
  // WARN: its function; oops: the top frame ("led_set_brightness"); hung
  // task: the blocked task's own frame below the lock ("linkwatch_event").
  std::string where;
  std::vector<std::string> frames;  // oops: the top frames, innermost first
  std::string text;                 // the headline as printed
  int step = 0;                     // the step it happened in (0: boot)
};

struct SideRun {
  std::vector<StepOutcome> steps;          // [i] is step i + 1
  std::map<int, Observation> checkpoints;  // by step index
  std::vector<ClassFinding> findings;
  std::vector<std::string> quirks;  // QEMU artefacts seen (the kernel side's)
  bool booted = false;              // the guest reached the scenario
  std::string kernel;               // "6.12.117+deb12-arm64 #1 Debian ..." (kernel side)
};

// The serial log of one guest boot.
SideRun parse_kernel_log(const std::string& log, const GuestScript& script);

// The model's side: the scenario on the board, each step's outcome and
// check point from the run that stops right after it. The model runs each
// command in a process of its own, as the guest's shell does.
SideRun model_side(const Board& board, const Scenario& scenario, const GuestScript& script,
                   const RunOptions& options);

struct CompareRow {
  enum class Verdict { kAgree, kDiffer, kExcluded, kModelOnly };
  std::string point;  // "step 7 ip link set eth0 down", "after step 6 (wait 2s)", "findings"
  std::string what;   // "result", "eth0 carrier", "PHY ... driver", "oops"
  std::string kernel, model;
  Verdict verdict = Verdict::kAgree;
  std::string note;  // why excluded, or what a model-only finding means
  // In how many of the kernel's runs the kernel value was seen, when
  // repeated runs disagreed with each other ("intermittent").
  int seen = 0, runs = 1;
};
const char* verdict_name(CompareRow::Verdict v);  // "agree", "differ", ...

struct KernelCheckResult {
  std::string board, scenario;
  std::map<std::string, std::string> knobs;  // the model's, CONFIG_ options included
  std::string kernel;                        // the guest kernel's version line
  std::string cmdline;                       // what the guest kernel was booted with
  int runs = 1;
  std::vector<CompareRow> rows;
  bool agree() const;
};

// Compares the kernel's runs (one or more, for --repeat) with the model's.
// A value that differs between the kernel's own runs is "intermittent": the
// row says in how many runs it was seen and agrees when the model's value is
// one of the kernel's.
KernelCheckResult compare_sides(const std::vector<SideRun>& kernel, const SideRun& model,
                                const GuestScript& script);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_KERNEL_CHECK_H_
