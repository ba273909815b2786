// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/suggest.h"

#include <algorithm>

namespace lifeline::sim {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates, size_t max) {
  std::vector<std::pair<size_t, size_t>> scored;  // distance, index
  for (size_t i = 0; i < candidates.size(); ++i) {
    size_t d = edit_distance(wanted, candidates[i]);
    // A name cut short ("armada-388" for "armada-388-clearfog-pro") is as
    // good a hint as a one-letter typo.
    if (wanted.size() >= 3 && candidates[i].starts_with(wanted)) d = std::min<size_t>(d, 1);
    size_t limit = std::max<size_t>(2, std::max(wanted.size(), candidates[i].size()) / 3);
    if (d <= limit) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, i] : scored) {
    if (out.size() >= max) break;
    if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
  }
  return out;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
  std::vector<std::string> close = closest_names(wanted, candidates);
  if (close.empty()) return "";
  std::string s = " (did you mean ";
  for (size_t i = 0; i < close.size(); ++i) s += (i ? ", '" : "'") + close[i] + "'";
  return s + "?)";
}

}  // namespace lifeline::sim
