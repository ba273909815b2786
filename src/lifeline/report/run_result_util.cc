// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/run_result_util.h"

namespace lifeline::report {

int failed_expects(const scenario::RunResult& r) {
  int n = 0;
  for (const auto& e : r.expects) n += e.passed ? 0 : 1;
  return n;
}

std::string result_word(const scenario::RunResult& r) {
  if (!r.ok()) return "fail";
  return r.no_actions ? "no actions" : "ok";
}

std::string stop_summary(const scenario::RunResult& r) {
  if (!r.stopped) return "";
  return "stopped at line " + std::to_string(r.stopped->line) + " (" +
         scenario::stop_reason_name(r.stopped->reason) + ")";
}

const check::NetdevRow* find_netdev(const check::Snapshot& s, std::string_view name) {
  for (const auto& n : s.netdevs)
    if (n.name == name) return &n;
  return nullptr;
}

}  // namespace lifeline::report
