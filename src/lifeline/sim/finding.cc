// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/finding.h"

namespace lifeline::sim {

const char* finding_kind_name(FindingKind kind) {
  switch (kind) {
    case FindingKind::kOops: return "oops";
    case FindingKind::kUseAfterFree: return "use-after-free";
    case FindingKind::kWarn: return "warn";
    case FindingKind::kDeadlock: return "deadlock";
    case FindingKind::kHungTask: return "hung-task";
    case FindingKind::kLockdep: return "lockdep";
    case FindingKind::kRefcount: return "refcount";
    case FindingKind::kInvariant: return "invariant";
  }
  return "?";
}

std::optional<FindingKind> parse_finding_kind(std::string_view name) {
  for (FindingKind k : kAllFindingKinds)
    if (name == finding_kind_name(k)) return k;
  return std::nullopt;
}

}  // namespace lifeline::sim
