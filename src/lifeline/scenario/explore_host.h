// SPDX-License-Identifier: GPL-2.0-only
// The engine and the execution an exploration runs, and whether each
// execution starts from the snapshot of the booted, settled board
// (sim/snapshot.h) or boots again. With snapshots, the engine and the
// execution live in the session's arena, and the board's fwnode links are
// copied with it; without (ExploreOptions::snapshot off, or a sanitizer
// build), they are plain objects and every execution boots.
#ifndef LIFELINE_SCENARIO_EXPLORE_HOST_H_
#define LIFELINE_SCENARIO_EXPLORE_HOST_H_

#include <memory>
#include <string>

#include "lifeline/scenario/execution.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::scenario {

class ExploreHost {
 public:
  ExploreHost(const Board& board, const Scenario& scenario, const RunOptions& options,
              bool snapshot);
  ~ExploreHost();
  ExploreHost(const ExploreHost&) = delete;
  ExploreHost& operator=(const ExploreHost&) = delete;

  sim::Engine& engine() { return *engine_; }
  Execution& execution() { return *ex_; }
  // nullptr when every execution boots.
  sim::SnapshotSession* session() { return session_.get(); }
  // One execution under `options` (its strategy included).
  sim::StopReason run(const sim::EngineOptions& options);
  // For verbose output: the snapshot's size and how often it was used, or
  // why there was none.
  std::string describe() const;

 private:
  const Board& board_;
  std::unique_ptr<sim::SnapshotSession> session_;
  std::string off_reason_;
  sim::Engine* engine_ = nullptr;
  Execution* ex_ = nullptr;
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_EXPLORE_HOST_H_
