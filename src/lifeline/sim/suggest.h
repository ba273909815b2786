// SPDX-License-Identifier: GPL-2.0-only
// "Did you mean ...?": the closest valid names to a misspelt one.
#ifndef LIFELINE_SIM_SUGGEST_H_
#define LIFELINE_SIM_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace lifeline::sim {

// Levenshtein distance.
size_t edit_distance(std::string_view a, std::string_view b);

// Up to `max` candidates closest to `wanted`, nearest first (ties in the
// candidates' order); only those within a distance that still looks like a
// typo (a third of the longer name, at least 2) or that start with `wanted`
// (three characters or more), which counts as distance 1.
std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates,
                                       size_t max = 3);

// " (did you mean 'a', 'b'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_SUGGEST_H_
