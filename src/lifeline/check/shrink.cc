// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/shrink.h"

namespace lifeline::check {

int schedule_deviations(const std::vector<uint16_t>& ranks) {
  int n = 0;
  for (uint16_t r : ranks) n += r != 0;
  return n;
}

std::vector<uint16_t> shrink_schedule(std::vector<uint16_t> ranks,
                                      const std::function<bool(const std::vector<uint16_t>&)>& still_fails,
                                      int max_runs) {
  int runs = 0;
  auto fails = [&](const std::vector<uint16_t>& r) {
    if (runs >= max_runs) return false;
    ++runs;
    return still_fails(r);
  };
  // Trailing defaults say nothing: drop them.
  while (!ranks.empty() && ranks.back() == 0) ranks.pop_back();
  // The shortest failing prefix (past it, the default schedule).
  size_t lo = 0, hi = ranks.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    std::vector<uint16_t> prefix(ranks.begin(), ranks.begin() + static_cast<std::ptrdiff_t>(mid));
    if (fails(prefix)) hi = mid;
    else lo = mid + 1;
  }
  ranks.resize(hi);
  // Then each deviation, latest first: keep it only if the failure needs it.
  bool changed = true;
  while (changed && runs < max_runs) {
    changed = false;
    for (size_t i = ranks.size(); i-- > 0;) {
      if (ranks[i] == 0) continue;
      std::vector<uint16_t> trial = ranks;
      trial[i] = 0;
      while (!trial.empty() && trial.back() == 0) trial.pop_back();
      if (fails(trial)) {
        ranks = trial;
        changed = true;
        break;
      }
    }
  }
  return ranks;
}

}  // namespace lifeline::check
