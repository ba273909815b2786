// SPDX-License-Identifier: GPL-2.0-only
// Helpers for the engine's tests.
#ifndef LIFELINE_SIM_TEST_UTIL_H_
#define LIFELINE_SIM_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/engine.h"

namespace lifeline::sim::testing {

inline int count_findings(const std::vector<Finding>& findings, FindingKind kind) {
  int n = 0;
  for (const Finding& f : findings)
    if (f.kind == kind) ++n;
  return n;
}
inline int count_findings(const Engine& e, FindingKind kind) {
  return count_findings(e.findings(), kind);
}

inline const Finding* first_finding(const Engine& e, FindingKind kind) {
  for (const Finding& f : e.findings())
    if (f.kind == kind) return &f;
  return nullptr;
}

inline std::vector<std::string> formatted_trace(const Engine& e) {
  std::vector<std::string> out;
  for (const Event& ev : e.trace().all()) out.push_back(e.format_event(ev));
  return out;
}

// The one findings formatter of the tests, for their failure messages: a
// line "KIND: message" per finding, its details indented below it.
inline std::string format_findings(const std::vector<Finding>& findings) {
  std::string s;
  for (const Finding& f : findings) {
    s += std::string(finding_kind_name(f.kind)) + ": " + f.message + "\n";
    for (const std::string& d : f.details) s += "    " + d + "\n";
  }
  return s;
}

inline std::string all_findings(const Engine& e) { return format_findings(e.findings()); }

// The first finding of `kind` whose message contains `text`, or nullptr.
inline const Finding* find_finding(const std::vector<Finding>& findings, FindingKind kind,
                                   std::string_view text = "") {
  for (const Finding& f : findings)
    if (f.kind == kind && f.message.find(text) != std::string::npos) return &f;
  return nullptr;
}

}  // namespace lifeline::sim::testing

#endif  // LIFELINE_SIM_TEST_UTIL_H_
