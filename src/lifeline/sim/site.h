// SPDX-License-Identifier: GPL-2.0-only
// Where something happened: virtual time, task and the model's call stack.
// Captured raw (cheap) and formatted only when a report needs it, since an
// execution records far more sites (every kfree, every new lock dependency)
// than it ever reports.
#ifndef LIFELINE_SIM_SITE_H_
#define LIFELINE_SIM_SITE_H_

#include <string>
#include <vector>

#include "lifeline/sim/time.h"

namespace lifeline::sim {

struct Site {
  Time time = 0;
  std::string task;                 // "" for the scheduler (timer context)
  std::vector<const char*> frames;  // outermost first

  // "task: frame > frame" (or "scheduler").
  std::string stack() const;
  // "[   1.000000] task: frame > frame".
  std::string str() const;
};

// The running task's site now (the scheduler's when no task runs).
Site current_site();

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_SITE_H_
