// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/shrink.h"

#include <algorithm>

namespace lifeline::check {

int schedule_deviations(const std::vector<uint16_t>& ranks) {
  int n = 0;
  for (uint16_t r : ranks) n += r != 0;
  return n;
}

namespace {

void trim(std::vector<uint16_t>& ranks) {
  while (!ranks.empty() && ranks.back() == 0) ranks.pop_back();
}

// The ranks tried at a moved deviation: those the schedule already uses
// (a pick among that many ready tasks), smallest first, at least 1.
std::vector<uint16_t> ranks_to_try(const std::vector<uint16_t>& ranks) {
  uint16_t top = 1;
  for (uint16_t r : ranks) top = std::max(top, r);
  std::vector<uint16_t> out;
  for (uint16_t r = 1; r <= top; ++r) out.push_back(r);
  return out;
}

}  // namespace

std::vector<uint16_t> shrink_schedule(
    std::vector<uint16_t> ranks,
    const std::function<bool(const std::vector<uint16_t>&)>& still_fails, int max_runs) {
  int runs = 0;
  auto fails = [&](const std::vector<uint16_t>& r) {
    if (runs >= max_runs) return false;
    ++runs;
    return still_fails(r);
  };
  // Trailing defaults say nothing: drop them.
  trim(ranks);
  // The shortest failing prefix (past it, the default schedule).
  size_t lo = 0, hi = ranks.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    std::vector<uint16_t> prefix(ranks.begin(), ranks.begin() + static_cast<std::ptrdiff_t>(mid));
    if (fails(prefix))
      hi = mid;
    else
      lo = mid + 1;
  }
  ranks.resize(hi);
  // Then each deviation, latest first: keep it only if the failure needs it.
  auto drop_one = [&] {
    for (size_t i = ranks.size(); i-- > 0;) {
      if (ranks[i] == 0) continue;
      std::vector<uint16_t> trial = ranks;
      trial[i] = 0;
      trim(trial);
      if (fails(trial)) {
        ranks = trial;
        return true;
      }
    }
    return false;
  };
  while (runs < max_runs && drop_one()) {
  }
  // Dropping alone stops where two deviations each need the other: the
  // first preempts a task early and the second lets it run at the moment
  // the race needs. One deviation at another point often does the same (a
  // preemption just before the racing access instead of long before it).
  // So: drop deviation i and move deviation j to another point, earliest
  // point and smallest rank first, until one such schedule fails; then
  // start over from it. Each success removes a deviation.
  bool moved = true;
  while (moved && runs < max_runs && schedule_deviations(ranks) > 1) {
    moved = false;
    const std::vector<uint16_t> alts = ranks_to_try(ranks);
    for (size_t i = ranks.size(); i-- > 0 && !moved;) {
      if (ranks[i] == 0) continue;
      for (size_t j = 0; j < ranks.size() && !moved; ++j) {
        if (j == i || ranks[j] == 0) continue;
        for (size_t to = 0; to < ranks.size() && !moved && runs < max_runs; ++to) {
          if (to == i || (to != j && ranks[to] != 0)) continue;
          for (uint16_t alt : alts) {
            if (to == j && alt == ranks[j]) continue;
            std::vector<uint16_t> trial = ranks;
            trial[i] = 0;
            trial[j] = 0;
            trial[to] = alt;
            trim(trial);
            if (fails(trial)) {
              ranks = trial;
              moved = true;
              break;
            }
          }
        }
      }
    }
    if (moved)
      while (runs < max_runs && drop_one()) {
      }
  }
  return ranks;
}

}  // namespace lifeline::check
