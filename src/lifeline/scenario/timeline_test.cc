// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/timeline.h"

#include <gtest/gtest.h>

#include "lifeline/sim/engine.h"

namespace lifeline::scenario {
namespace {

using Kind = TimelineEntry::Kind;

// The timeline reads what a note is from its kind, never from its text: a
// model message that looks like a command or like memory bookkeeping stays
// a model event.
std::vector<TimelineEntry> notes(bool verbose) {
  sim::Engine e;
  sim::EngineOptions o;
  o.record_trace = true;
  e.reset(o);
  e.spawn("scenario", [&e] {
    e.note("boot");  // before the scenario starts: only in a verbose timeline
    sim::sleep_for(sim::kSec);
    e.note("ip link set eth0 up", sim::NoteKind::kCommand);
    e.note("$ looks like a command");
    e.note("kfree looks like bookkeeping");
    e.note("kfree phy_device", sim::NoteKind::kFree);
  });
  e.run();
  return timeline_of(e, /*scenario_start=*/sim::kSec, verbose);
}

TEST(Timeline, ANoteIsWhatItsKindSays) {
  std::vector<TimelineEntry> t = notes(/*verbose=*/false);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].kind, Kind::kCommand);
  EXPECT_EQ(t[0].text, "ip link set eth0 up");
  EXPECT_EQ(t[1].kind, Kind::kModel);
  EXPECT_EQ(t[1].text, "$ looks like a command");
  EXPECT_EQ(t[2].kind, Kind::kModel);
  EXPECT_EQ(t[2].text, "kfree looks like bookkeeping");
}

TEST(Timeline, VerboseKeepsTheBootAndTheBookkeeping) {
  std::vector<TimelineEntry> all;
  for (const TimelineEntry& x : notes(/*verbose=*/true))
    if (x.kind != Kind::kSched) all.push_back(x);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].text, "boot");
  EXPECT_EQ(all[4].text, "kfree phy_device");
  EXPECT_EQ(all[4].kind, Kind::kModel);
}

}  // namespace
}  // namespace lifeline::scenario
