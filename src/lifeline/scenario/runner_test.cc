// SPDX-License-Identifier: GPL-2.0-only
// The runner on real boards.
#include "lifeline/scenario/runner.h"

#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/test_util.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

using testing::describe_run;

std::string board_path(const std::string& name) {
  return std::string(LIFELINE_BOARDS_DIR) + "/" + name + ".dts";
}

TEST(Runner, BootsTheRaspberryPi4) {
  Board b = load_board(board_path("bcm2711-rpi-4-b"));
  RunResult r = boot_board(b, {});
  const check::NetdevRow* eth0 = r.after_boot.netdev("eth0");
  ASSERT_NE(eth0, nullptr) << describe_run(r);
  EXPECT_EQ(eth0->device, "fd580000.ethernet");
  EXPECT_TRUE(r.findings.empty()) << describe_run(r);
}

}  // namespace
}  // namespace lifeline::scenario
