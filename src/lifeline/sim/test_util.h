// SPDX-License-Identifier: GPL-2.0-only
// Helpers for the engine's tests.
#ifndef LIFELINE_SIM_TEST_UTIL_H_
#define LIFELINE_SIM_TEST_UTIL_H_

#include <string>
#include <vector>

#include "lifeline/sim/engine.h"

namespace lifeline::sim::testing {

inline int count_findings(const Engine& e, FindingKind kind) {
  int n = 0;
  for (const Finding& f : e.findings())
    if (f.kind == kind) ++n;
  return n;
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

inline std::string all_findings(const Engine& e) {
  std::string s;
  for (const Finding& f : e.findings()) {
    s += std::string(finding_kind_name(f.kind)) + ": " + f.message + "\n";
    for (const std::string& d : f.details) s += "    " + d + "\n";
  }
  return s;
}

}  // namespace lifeline::sim::testing

#endif  // LIFELINE_SIM_TEST_UTIL_H_
