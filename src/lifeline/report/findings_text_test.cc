// SPDX-License-Identifier: GPL-2.0-only
// The FINDINGS block: a finding's history is short by default (the model's
// own events, not lock traffic) and whole with -v.
#include "lifeline/report/findings_text.h"

#include <gtest/gtest.h>

namespace lifeline::report {
namespace {

sim::Finding uaf_with_history() {
  sim::Finding f;
  f.kind = sim::FindingKind::kUseAfterFree;
  f.message = "BUG: KASAN: slab-use-after-free: phydev->mdio.bus of freed mii_bus m";
  f.time = 8 * sim::kSec;
  f.task = "scenario";
  using K = sim::EventKind;
  const std::pair<const char*, K> history[] = {
      {"[   6.000000] scenario: mdio_bus m: unregistered", K::kNote},
      {"[   8.000000] scenario: lock &dev->lock", K::kAcquire},
      {"[   8.000000] scenario: down_read phy_notifier", K::kAcquire},
      {"[   8.000000] kworker/u8:1: wake scenario", K::kWake},
      {"[   8.000000] kworker/u8:1: exit", K::kExit},
      {"[   8.000000] scenario: block (mutex)", K::kBlock},
      {"[   8.000000] scenario: preempted by kworker/u8:1", K::kPreempt},
      {"[   8.000000] scenario: unlock &dev->lock", K::kRelease},
      {"[   8.000000] scenario: device link dropped: a--b", K::kNote},
  };
  for (const auto& [line, kind] : history) {
    f.history.push_back(line);
    f.history_kinds.push_back(kind);
  }
  return f;
}

TEST(FindingsText, ShortHistoryKeepsWhatTheModelDid) {
  EXPECT_EQ(format_findings({uaf_with_history()}),
            "FINDINGS: 1\n"
            "*** use-after-free [   8.000000] scenario: BUG: KASAN: slab-use-after-free: "
            "phydev->mdio.bus of freed mii_bus m\n"
            "    history (6 more events with -v):\n"
            "      [   6.000000] scenario: mdio_bus m: unregistered\n"
            "      [   8.000000] scenario: preempted by kworker/u8:1\n"
            "      [   8.000000] scenario: device link dropped: a--b\n");
}

TEST(FindingsText, VerboseHistoryIsWhole) {
  std::string out = format_findings({uaf_with_history()}, /*verbose=*/true);
  EXPECT_NE(out.find("    history:\n"), std::string::npos) << out;
  EXPECT_NE(out.find("scenario: lock &dev->lock\n"), std::string::npos) << out;
  EXPECT_NE(out.find("kworker/u8:1: exit\n"), std::string::npos) << out;
}

TEST(FindingsText, ShortHistoryKeepsOnlyTheLastEvents) {
  sim::Finding f = uaf_with_history();
  f.history.clear();
  f.history_kinds.clear();
  for (int i = 0; i < 10; ++i) {
    f.history.push_back("[   1.000000] scenario: note " + std::to_string(i));
    f.history_kinds.push_back(sim::EventKind::kNote);
  }
  std::string out = format_findings({f});
  EXPECT_EQ(out.find("note 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("note 4\n"), std::string::npos) << out;
  EXPECT_NE(out.find("note 9\n"), std::string::npos) << out;
  EXPECT_NE(out.find("history (4 more events with -v)"), std::string::npos) << out;
}

// What a history line is comes from its kind, not its text: a model note
// that reads like lock traffic is kept, and a line without a kind is kept.
TEST(FindingsText, SchedulingEventsAreKnownByTheirKind) {
  sim::Finding f = uaf_with_history();
  f.history = {"[   1.000000] kworker/u8:1: unlock (wq_completion)events",
               "[   1.000000] scenario: lock taken by the notifier", "[   1.000000] x: spawn y"};
  f.history_kinds = {sim::EventKind::kRelease, sim::EventKind::kNote};
  EXPECT_TRUE(is_scheduling_history(f, 0));
  EXPECT_FALSE(is_scheduling_history(f, 1));
  EXPECT_FALSE(is_scheduling_history(f, 2));
}

}  // namespace
}  // namespace lifeline::report
