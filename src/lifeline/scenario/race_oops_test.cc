// SPDX-License-Identifier: GPL-2.0-only
// The four-task race of scenarios/race-rmmod-bind-ifup-clearfog.scn: sysfs
// bind runs really_probe() under the device lock while ifup's
// phy_attach_direct() binds genphy without it. Where the kernel dereferences
// the NULL dev->driver the other task left behind, lifeline files an oops and
// carries on (it used to die of SIGSEGV in driver_bound()).
#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

const char* kRace = LIFELINE_SOURCE_DIR "/scenarios/race-rmmod-bind-ifup-clearfog.scn";

TEST(RaceOops, TheDefaultScheduleIsClean) {
  Board b = load_board("armada-388-clearfog-pro");
  RunResult r = run_scenario(b, load_scenario(kRace), {});
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.expects_failed(), 0);
}

// The schedule (ranks) that `explore --strategy random --seed 3` met while
// shrinking: bind passes really_probe()'s dev->driver check and
// waits for device_links_lock; ifup sets dev->driver to genphy
// and probes it; bind sets dev->driver to the Marvell driver and binds it;
// rmmod unbinds it, clearing dev->driver; ifup reaches
// driver_bound() with dev->driver NULL.
TEST(RaceOops, ANullDevDriverIsAnOopsOfTheIfupTaskNotACrash) {
  Board b = load_board("armada-388-clearfog-pro");
  RunOptions o;
  o.replay = {2, 1, 2, 2, 2, 2, 2, 2};
  RunResult run = run_scenario(b, load_scenario(kRace), o);
  const sim::Finding* oops = nullptr;
  for (const sim::Finding& f : run.findings)
    if (f.kind == sim::FindingKind::kOops) oops = &f;
  ASSERT_NE(oops, nullptr) << "the schedule no longer reaches the race";
  EXPECT_EQ(oops->message, "BUG: kernel NULL pointer dereference (dev->driver->p->klist_devices)");
  ASSERT_FALSE(oops->details.empty());
  // The ifup task, in phylib's genphy path.
  EXPECT_NE(oops->details[0].find("dev_open > phylink_ndo_open > phylink_fwnode_phy_connect > "
                                  "phy_attach_direct > device_bind_driver"),
            std::string::npos)
      << oops->details[0];
}

}  // namespace
}  // namespace lifeline::scenario
