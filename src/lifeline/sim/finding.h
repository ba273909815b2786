// SPDX-License-Identifier: GPL-2.0-only
// Findings: facts about an execution that a kernel developer would want to
// hear about (an oops, a use-after-free, a WARN, a deadlock, ...).
#ifndef LIFELINE_SIM_FINDING_H_
#define LIFELINE_SIM_FINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/time.h"
#include "lifeline/sim/trace.h"

namespace lifeline::sim {

enum class FindingKind : uint8_t {
  kOops,          // NULL dereference or other fatal fault; the task dies
  kUseAfterFree,  // access through a model pointer to a freed object (KASAN)
  kWarn,          // WARN_ON-style check; execution continues
  kDeadlock,      // tasks waiting for each other, or forever
  kHungTask,      // blocked longer than the hung-task limit of virtual time
  kLockdep,       // lock-order inversion, recursive locking, lock held at exit
  kRefcount,      // kref underflow or addition on zero, or a leaked reference
  kInvariant,     // a model-level rule broken (carrier vs. resolved link, ...)
};

inline constexpr FindingKind kAllFindingKinds[] = {
    FindingKind::kOops,     FindingKind::kUseAfterFree, FindingKind::kWarn,
    FindingKind::kDeadlock, FindingKind::kHungTask,     FindingKind::kLockdep,
    FindingKind::kRefcount, FindingKind::kInvariant};

// "oops", "use-after-free", "warn", "deadlock", "hung-task", "lockdep",
// "refcount", "invariant".
const char* finding_kind_name(FindingKind kind);
std::optional<FindingKind> parse_finding_kind(std::string_view name);

struct Finding {
  FindingKind kind;
  std::string message;                 // one line, kernel-log flavoured
  Time time = 0;                       // virtual time it was found
  std::string task;                    // task that hit it ("" for the scheduler)
  std::vector<std::string> details{};  // stacks, free site, wait-for cycle
  std::vector<std::string> history{};  // the events just before it
  int count = 1;                       // identical repeats folded into one
  // Typed beside the text, so that nobody parses them back out of it: the
  // model frames (kernel function names, outermost first) of the task the
  // finding is about, as the "stack: " detail shows them; and for a
  // deadlock or a hung task, the task that waits.
  std::vector<std::string> stack{};
  std::string waiter{};
  // What each line of `history` is (a note, a lock, a wakeup, ...).
  std::vector<EventKind> history_kinds{};
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_FINDING_H_
