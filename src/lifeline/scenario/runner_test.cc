// SPDX-License-Identifier: GPL-2.0-only
// The runner on real boards.
#include "lifeline/scenario/runner.h"

#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

std::string board_path(const std::string& name) { return std::string(LIFELINE_BOARDS_DIR) + "/" + name + ".dts"; }

std::string dump(const RunResult& r) {
  std::string s;
  for (const sim::Finding& f : r.findings) s += std::string("FINDING ") + sim::finding_kind_name(f.kind) + ": " + f.message + "\n";
  for (const TimelineEntry& t : r.timeline) s += sim::format_timestamp(t.time) + " " + t.task + ": " + t.text + "\n";
  for (const ExpectResult& e : r.expects) s += (e.passed ? "PASS " : "FAIL ") + e.text + " (" + e.actual + ")\n";
  return s;
}

TEST(Runner, BootsTheRaspberryPi4) {
  Board b = load_board(board_path("bcm2711-rpi-4-b"));
  RunResult r = boot_board(b, {});
  const check::NetdevRow* eth0 = r.after_boot.netdev("eth0");
  ASSERT_NE(eth0, nullptr) << dump(r);
  EXPECT_EQ(eth0->device, "fd580000.ethernet");
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

}  // namespace
}  // namespace lifeline::scenario
