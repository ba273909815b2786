// SPDX-License-Identifier: GPL-2.0-only
// Test helpers: boot a board (a fresh tree in a fresh execution) with the
// generic drivers under a profile, and look at the result.
#ifndef LIFELINE_DT_BOOT_TEST_UTIL_H_
#define LIFELINE_DT_BOOT_TEST_UTIL_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "lifeline/core/boot.h"
#include "lifeline/core/kernel.h"
#include "lifeline/dt/board_boot.h"
#include "lifeline/dt/test_boards.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::dt::testing {

struct BootedBoard {
  std::unique_ptr<core::FwTree> tree;  // declared first: outlives the engine's objects
  sim::Engine engine;
  core::Kernel* kernel = nullptr;
  BoardBoot* boot = nullptr;
  sim::StopReason stop = sim::StopReason::kIdle;

  std::string findings() const { return sim::testing::all_findings(engine); }
  core::FwNode* node(const std::string& path) const { return tree->find_by_path(path); }
  // The device of the node at `path`, or nullptr.
  core::Device* dev(const std::string& path) const {
    core::FwNode* n = node(path);
    return n ? n->dev : nullptr;
  }
};

struct BootOptions {
  core::CoreConfig config;
  ModuleProfile profile;
  BoardBootOptions board;
  sim::Time until = sim::kForever;
  // Runs in the boot task after kernel_boot() returns (the late modprobes
  // have not run yet).
  std::function<void(BootedBoard&)> after_initcalls;
  bool trace = false;
};

// Boots `tree` and runs the execution until it is idle (or `until`); run
// b->engine.run() again to go on.
inline std::unique_ptr<BootedBoard> boot_tree(std::unique_ptr<core::FwTree> tree,
                                              BootOptions o = {}) {
  auto b = std::make_unique<BootedBoard>();
  b->tree = std::move(tree);
  sim::EngineOptions eo;
  eo.record_trace = o.trace;
  b->engine.reset(eo);
  b->kernel = core::kernel_create(o.config);
  BootedBoard* bp = b.get();
  b->engine.spawn("init", [bp, o] {
    core::BootPlan plan;
    bp->boot = board_boot_plan(*bp->tree, o.profile, plan, o.board);
    core::kernel_boot(plan);
    if (o.after_initcalls) o.after_initcalls(*bp);
  });
  b->stop = b->engine.run(o.until);
  return b;
}

inline std::unique_ptr<BootedBoard> boot_board(const std::string& file, BootOptions o = {}) {
  return boot_tree(fresh_board(file), std::move(o));
}

// Runs `fn` in a task of the booted board's execution (sysfs writes, rmmod)
// and lets the execution settle again.
inline void run_task(BootedBoard& b, std::function<void()> fn) {
  b.engine.spawn("test", std::move(fn));
  b.stop = b.engine.run();
}

}  // namespace lifeline::dt::testing

#endif  // LIFELINE_DT_BOOT_TEST_UTIL_H_
