// SPDX-License-Identifier: GPL-2.0-only
// Test helper: a bundled board booted in an engine of its own, with the model
// kept alive until the test is done with it, so that take_snapshot() and
// build_graph() can look at it.
#ifndef LIFELINE_CHECK_TEST_BOOT_H_
#define LIFELINE_CHECK_TEST_BOOT_H_

#include <functional>
#include <memory>
#include <string>

#include "lifeline/core/fwnode.h"
#include "lifeline/dt/test_boards.h"
#include "lifeline/net/system.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/task.h"

namespace lifeline::check::testing {

class BootedBoard {
 public:
  // Boots `file` (a name in boards/), lets it settle for 20 s of virtual
  // time, then runs `after` in the same task (scenario steps, if any).
  explicit BootedBoard(const std::string& file, std::function<void()> after = {})
      : tree_(dt::testing::fresh_board(file)) {
    engine_.reset();
    engine_.spawn(
        "init",
        [this, file, after] {
          net::SystemOptions o;
          o.board = file.substr(0, file.rfind('.'));
          net::System* sys = net::system_create(*tree_, o);
          net::system_boot(sys);
          sim::msleep(20000);
          if (after) after();
        },
        /*essential=*/true);  // the PHY and SFP state machines poll forever
    engine_.run();
  }
  ~BootedBoard() { engine_.reset(); }
  BootedBoard(const BootedBoard&) = delete;
  BootedBoard& operator=(const BootedBoard&) = delete;

  const sim::Engine& engine() const { return engine_; }

 private:
  std::unique_ptr<core::FwTree> tree_;
  sim::Engine engine_;
};

}  // namespace lifeline::check::testing

#endif  // LIFELINE_CHECK_TEST_BOOT_H_
