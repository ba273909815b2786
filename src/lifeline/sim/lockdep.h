// SPDX-License-Identifier: GPL-2.0-only
// lockdep: lock classes and the lock-order graph of an execution. Like the
// kernel's lockdep it reports an inversion the first time the order is seen,
// whether or not this schedule deadlocks.
#ifndef LIFELINE_SIM_LOCKDEP_H_
#define LIFELINE_SIM_LOCKDEP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/site.h"
#include "lifeline/sim/time.h"

namespace lifeline::sim {

class Task;

// Lock classes are process-wide, named as lockdep names them
// ("&phydev->lock", "rtnl_mutex", "(work_completion)(&pl->resolve)").
// A novalidate class takes part in no dependency (the kernel does this for
// struct device's mutex).
uint32_t lock_class(std::string_view name, bool novalidate = false);
const std::string& lock_class_name(uint32_t id);
bool lock_class_novalidate(uint32_t id);

struct LockdepReport {
  std::string message;
  std::vector<std::string> details;
};

class Lockdep {
 public:
  void reset();
  // A task is about to acquire `cls` while holding task.held. Adds the
  // dependencies held -> cls and returns a report for a new inversion or a
  // recursive acquisition.
  std::optional<LockdepReport> check_acquire(const Task& task, uint32_t cls, bool read, Time now);
  size_t edge_count() const { return edges_.size(); }

 private:
  // Where an edge was first seen. Kept raw and formatted only for a report:
  // an execution adds hundreds of edges and reports almost none.
  struct Edge {
    uint32_t from, to;
    Site site;
  };
  std::string where(const Edge& e) const;
  uint32_t edge_index(uint32_t from, uint32_t to) const;
  // Edges along a path from -> ... -> to, empty if none.
  std::vector<uint32_t> find_path(uint32_t from, uint32_t to) const;

  size_t dim_ = 0;
  std::vector<uint32_t> matrix_;            // dim_*dim_, edge index + 1, 0 = none
  std::vector<std::vector<uint32_t>> out_;  // class -> edge indices
  std::vector<Edge> edges_;
  std::vector<uint64_t> reported_pairs_;
};

// "task: frame > frame > frame".
std::string describe_stack(const Task& task);
// The task's model frames, outermost first, as describe_stack() lists them.
std::vector<std::string> frames_of(const Task& task);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_LOCKDEP_H_
