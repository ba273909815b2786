// SPDX-License-Identifier: GPL-2.0-only
// The progress line `lifeline explore` draws on a terminal while it runs:
// executions, their rate, the bound being searched, the frontier, findings
// so far and an estimate of the executions left. It is display only: what
// it shows comes from sim::ExploreProgress, which the search fills in
// without depending on it, and the rate and the redraws follow the wall
// clock, which the search never reads.
#ifndef LIFELINE_REPORT_PROGRESS_H_
#define LIFELINE_REPORT_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "lifeline/sim/explore.h"

namespace lifeline::report {

// How many executions are left, as far as can be told.
struct ProgressEstimate {
  enum class Scope {
    kNone,    // nothing to go on yet
    kBudget,  // a sampling strategy (random, pct): it runs until the budget is spent
    kBound,   // the rest of the current bound only (the bounds after it are not known yet)
    kSearch,  // the rest of the whole search, up to its largest bound
  };
  Scope scope = Scope::kNone;
  uint64_t remaining = 0;
};

// dfs, dpor: each bound's executions grow by about the ratio of the last two
// finished bounds (the space is exponential in the bound), so the current
// bound takes the last one's count times that ratio, and each bound after it
// up to the largest one the same ratio more. Never less than the frontier
// (each pending branch is at least one more execution); when fewer than two
// bounds have finished, the frontier is the estimate, for the current bound
// alone. With no largest bound (--bound not given), only the current bound
// is estimated. random, pct: the budget left. Every estimate is capped by the
// budget left.
ProgressEstimate estimate_remaining(const sim::ExploreProgress& p);

// One line, no newline: "dfs  12,345 executions  41,200/s  bound 2 of 3
// frontier 17  findings 0  about 30,000 left". `seconds` is the wall time so
// far (the rate is left out when it is 0).
std::string format_progress(const sim::ExploreProgress& p, double seconds);

// "1,234,567".
std::string group_digits(uint64_t n);

// Draws format_progress() in place on `out` (a terminal): "\r", the line,
// erase to the end of the line. It redraws at most once per `interval`
// seconds of `clock`, and on the last call (done) it erases the line, so
// that the report that follows starts on a clean line.
class ProgressLine {
 public:
  using Clock = std::function<double()>;  // seconds, monotonic
  ProgressLine(std::ostream& out, Clock clock, double interval = 0.25);
  // The steady clock.
  explicit ProgressLine(std::ostream& out);

  void update(const sim::ExploreProgress& p);
  // Erases the line when one is drawn (also called by update() when done).
  void clear();
  // A callback for sim::ExploreOptions::progress that calls update().
  sim::ProgressCallback callback();

 private:
  std::ostream& out_;
  Clock clock_;
  double interval_;
  double start_;
  double last_ = -1;
  bool drawn_ = false;
};

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_PROGRESS_H_
