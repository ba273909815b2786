// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/strategy.h"

#include <algorithm>
#include <string>

namespace lifeline::sim {

size_t RandomStrategy::choose(const ChoicePoint& p) {
  std::uniform_int_distribution<size_t> pick(0, p.options.size() - 1);
  return pick(rng_);
}

void PctStrategy::begin_execution() {
  change_points_.clear();
  choice_ = 0;
  std::uniform_int_distribution<uint64_t> step(1, std::max<uint64_t>(expected_choices_, 1));
  for (int i = 0; i + 1 < depth_; ++i) change_points_.push_back(step(rng_));
  std::sort(change_points_.begin(), change_points_.end());
  // Initial priorities are above `depth_`; change points assign 1..depth_-1.
  next_low_ = depth_ - 1;
}

void PctStrategy::on_spawn(Task& task) {
  // A random priority above every change-point priority (1..depth-1).
  std::uniform_int_distribution<int> r(0, 1 << 20);
  task.priority = depth_ + 1 + r(rng_);
}

size_t PctStrategy::choose(const ChoicePoint& p) {
  auto highest = [&] {
    size_t best = 0;
    for (size_t i = 1; i < p.options.size(); ++i)
      if (p.options[i]->priority > p.options[best]->priority) best = i;
    return best;
  };
  ++choice_;
  if (std::binary_search(change_points_.begin(), change_points_.end(), choice_)) {
    // The task that would run next (the running one, or the highest when it
    // blocked) drops below every other.
    size_t runs = p.current >= 0 ? static_cast<size_t>(p.current) : highest();
    p.options[runs]->priority = next_low_ > 0 ? next_low_-- : 0;
  }
  return highest();
}

size_t ReplayStrategy::choose(const ChoicePoint& p) {
  if (pos_ < ids_.size()) {
    uint32_t want = ids_[pos_++];
    for (size_t i = 0; i < p.options.size(); ++i)
      if (p.options[i]->id == want) return i;
    diverged_ = true;
  }
  return p.current >= 0 ? p.current : 0;
}

size_t PrefixStrategy::index_of_rank(const ChoicePoint& p, size_t rank) {
  size_t fifo = p.current >= 0 ? static_cast<size_t>(p.current) : 0;
  if (rank == 0) return fifo;
  // Ranks 1.. walk the other options in run-queue order.
  size_t seen = 0;
  for (size_t i = 0; i < p.options.size(); ++i) {
    if (i == fifo) continue;
    if (++seen == rank) return i;
  }
  return fifo;
}

size_t PrefixStrategy::choose(const ChoicePoint& p) {
  size_t rank = pos_ < prefix_.size() ? prefix_[pos_] : 0;
  if (rank >= p.options.size() && divergence_.empty())
    divergence_ = "choice " + std::to_string(pos_ + 1) + " has rank " + std::to_string(rank) +
                  " but only " + std::to_string(p.options.size()) + " tasks were runnable";
  ++pos_;
  return index_of_rank(p, rank);
}

std::string PrefixStrategy::divergence() const {
  if (!divergence_.empty()) return divergence_;
  if (pos_ < prefix_.size())
    return std::to_string(prefix_.size() - pos_) + " of the " + std::to_string(prefix_.size()) +
           " recorded choices were left over: the execution made only " + std::to_string(pos_);
  return "";
}

}  // namespace lifeline::sim
