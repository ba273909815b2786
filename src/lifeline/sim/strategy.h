// SPDX-License-Identifier: GPL-2.0-only
// Scheduling strategies: at each scheduling point with more than one runnable
// task, the strategy picks which one runs next.
#ifndef LIFELINE_SIM_STRATEGY_H_
#define LIFELINE_SIM_STRATEGY_H_

#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "lifeline/sim/task.h"

namespace lifeline::sim {

// A scheduling point with a choice. `options` are the runnable tasks in
// run-queue order; `current` is the index of the task that was running, or -1
// when it blocked or ended (choosing another task is then not a preemption).
struct ChoicePoint {
  std::span<Task* const> options;
  int current;
  uint64_t step;  // scheduling points so far in this execution
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual const char* name() const = 0;
  virtual void begin_execution() {}
  virtual void on_spawn(Task& task) {}
  // Returns an index into p.options.
  virtual size_t choose(const ChoicePoint& p) = 0;
};

// The deterministic default, modelling one CPU: run the current task until it
// blocks, then the one that has been runnable longest.
class FifoStrategy : public Strategy {
 public:
  const char* name() const override { return "fifo"; }
  size_t choose(const ChoicePoint& p) override { return p.current >= 0 ? p.current : 0; }
};

// Uniformly random among the runnable tasks, from a seed.
class RandomStrategy : public Strategy {
 public:
  explicit RandomStrategy(uint64_t seed) : rng_(seed) {}
  const char* name() const override { return "random"; }
  // Each execution continues the seed's stream, so a loop of executions
  // explores different schedules.
  size_t choose(const ChoicePoint& p) override;

 private:
  std::mt19937_64 rng_;
};

// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random
// distinct priorities, the highest-priority runnable task runs, and at d-1
// random steps the running task drops below every other one. Finds a bug of
// depth d with probability at least 1/(n k^(d-1)). Here k counts the
// scheduling points where a choice exists (the engine asks the strategy only
// there: inside the choice window, with two or more runnable tasks), not
// every step: a board's boot is most of an execution and has no choice, so
// change points drawn over all steps would nearly all fall into it.
class PctStrategy : public Strategy {
 public:
  PctStrategy(uint64_t seed, int depth, uint64_t expected_choices)
      : rng_(seed), depth_(depth), expected_choices_(expected_choices) {}
  const char* name() const override { return "pct"; }
  void begin_execution() override;
  void on_spawn(Task& task) override;
  size_t choose(const ChoicePoint& p) override;

 private:
  std::mt19937_64 rng_;
  int depth_;
  uint64_t expected_choices_;
  std::vector<uint64_t> change_points_;  // choice numbers, 1-based
  uint64_t choice_ = 0;                  // choices so far in this execution
  int next_low_ = 0;
};

// Replays a recorded list of choices (task ids); past its end it behaves as
// fifo. A recorded task that is not runnable is a divergence.
class ReplayStrategy : public Strategy {
 public:
  explicit ReplayStrategy(std::vector<uint32_t> task_ids) : ids_(std::move(task_ids)) {}
  const char* name() const override { return "replay"; }
  void begin_execution() override {
    pos_ = 0;
    diverged_ = false;
  }
  size_t choose(const ChoicePoint& p) override;
  bool diverged() const { return diverged_; }

 private:
  std::vector<uint32_t> ids_;
  size_t pos_ = 0;
  bool diverged_ = false;
};

// Follows a prefix of choices given as ranks: rank 0 is the fifo choice, the
// other ranks are the remaining options in run-queue order. Past the prefix it
// behaves as fifo. The dfs explorer drives it (explore.h).
class PrefixStrategy : public Strategy {
 public:
  const char* name() const override { return "dfs"; }
  void set_prefix(std::vector<uint16_t> ranks) { prefix_ = std::move(ranks); }
  void begin_execution() override {
    pos_ = 0;
    divergence_.clear();
  }
  size_t choose(const ChoicePoint& p) override;
  static size_t index_of_rank(const ChoicePoint& p, size_t rank);

  // After an execution: why it did not follow the prefix exactly (a rank
  // beyond the runnable tasks at its choice point, or choices left over),
  // "" when it did. A replay that diverged ran some other schedule.
  std::string divergence() const;

 private:
  std::vector<uint16_t> prefix_;
  size_t pos_ = 0;
  std::string divergence_;  // the first rank out of range
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_STRATEGY_H_
