// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/explore_host.h"

#include <fmt/format.h>

namespace lifeline::scenario {

ExploreHost::ExploreHost(const Board& board, const Scenario& scenario, const RunOptions& options,
                         bool snapshot)
    : board_(board) {
  if (!snapshot) {
    off_reason_ = "turned off";
  } else if (!board.tree->frozen()) {
    // Executions on a tree that is not checkpointed carry its links over
    // from one to the next (FwTree::restore() does nothing): booting each
    // is what they mean.
    off_reason_ = "the board's tree is not checkpointed";
  } else {
    session_ = std::make_unique<sim::SnapshotSession>();
    if (!session_->supported()) {
      off_reason_ = session_->why_not();
      session_.reset();
    }
  }
  if (!session_) {
    ex_ = new Execution(board, scenario, options);
    engine_ = new sim::Engine;
    return;
  }
  {
    auto in = session_->scope();
    try {
      ex_ = new Execution(board, scenario, options);
    } catch (...) {
      session_.reset();
      throw;
    }
    engine_ = new sim::Engine;
    // The links' storage is the arena's while the session lasts.
    board.tree->rehome();
  }
  board.tree->for_each_mutable_region([&](void* p, size_t n) { session_->add_region(p, n); });
}

ExploreHost::~ExploreHost() {
  if (!session_) {
    delete ex_;
    delete engine_;
    return;
  }
  {
    auto in = session_->scope();
    delete ex_;
    delete engine_;
  }
  board_.tree->rehome();  // back on the heap before the arena goes
}

sim::StopReason ExploreHost::run(const sim::EngineOptions& options) {
  auto program = [this](sim::Engine& e) { ex_->setup(e); };
  if (session_) return session_->run(*engine_, program, options);
  engine_->reset(options);
  program(*engine_);
  return engine_->run();
}

std::string ExploreHost::describe() const {
  if (!session_) return "snapshot: off (" + off_reason_ + "), every execution boots";
  if (!session_->taken())
    return "snapshot: none, every execution boots (" + session_->why_not() + ")";
  return fmt::format("snapshot: {} KiB at the first concurrently block, {} executions restored",
                     (session_->bytes() + 1023) / 1024, session_->restores());
}

}  // namespace lifeline::scenario
