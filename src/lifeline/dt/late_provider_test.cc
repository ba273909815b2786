// SPDX-License-Identifier: GPL-2.0-only
// A provider whose module loads late, or never: its consumers wait
// (fw_devlink), then bind when it comes, or when the deferred probe timeout
// gives up on it. On the Clearfog Pro the SFP cage's LOS, MOD-DEF0,
// TX-DISABLE and TX-FAULT lines come from a PCA9555 GPIO expander on the
// first I2C bus (client 0-0020, the generic driver "pca9555").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/core/dd.h"
#include "lifeline/core/device_link.h"
#include "lifeline/dt/boot_test_util.h"

namespace lifeline::dt {
namespace {

using testing::boot_board;
using testing::BootOptions;

constexpr const char* kBoard = "armada-388-clearfog-pro.dts";
constexpr const char* kSfp = "/sfp";
constexpr const char* kExpander = "/soc/internal-regs/i2c@11000/gpio-expander@20";

struct LateResult {
  bool deferred_before = false;
  bool bound_before = false;
  std::string reason_before;
  bool bound_after = false;
  int attempts = 0;
  std::vector<std::string> reasons;
  sim::Time end = 0;
};

LateResult boot_with_late_expander(core::ProbeAlgorithm probe) {
  BootOptions o;
  o.config.probe = probe;
  o.profile.modes["pca9555"] = ModuleMode::late(sim::secs(3));
  o.until = sim::secs(3) - sim::kMsec;
  auto b = boot_board(kBoard, o);
  LateResult r;
  core::Device* sfp = b->dev(kSfp);
  EXPECT_NE(sfp, nullptr);
  if (!sfp) return r;
  r.deferred_before = core::device_is_deferred(sfp);
  r.bound_before = sfp->driver != nullptr;
  r.reason_before = sfp->deferred_probe_reason;
  b->engine.run();
  EXPECT_EQ(b->findings(), "");
  r.bound_after = sfp->driver != nullptr;
  r.attempts = sfp->probe_attempts;
  r.reasons = sfp->deferral_reasons;
  core::Device* expander = b->dev(kExpander);
  EXPECT_NE(expander, nullptr);
  if (expander) {
    EXPECT_EQ(expander->name(), "0-0020");
    EXPECT_EQ(core::dev_driver_string(expander), "pca9555");
  }
  return r;
}

TEST(LateProvider, ConsumersWaitForALateGpioExpanderProbeKernel) {
  LateResult r = boot_with_late_expander(core::ProbeAlgorithm::kKernel);
  EXPECT_TRUE(r.deferred_before);
  EXPECT_FALSE(r.bound_before);
  EXPECT_THAT(r.reason_before, ::testing::HasSubstr("supplier 0-0020 not ready"));
  EXPECT_TRUE(r.bound_after);
  // The kernel retries every deferred device after every bind: the cage was
  // tried when its driver registered (the last initcall, so no bind came
  // after it), twice by the late_initcall (deferred_probe_initcall()
  // triggers twice), and when the expander bound at 3 s.
  EXPECT_EQ(r.attempts, 4);
  EXPECT_THAT(r.reasons, ::testing::ElementsAre(::testing::HasSubstr("supplier 0-0020 not ready")));
}

TEST(LateProvider, ConsumersWaitForALateGpioExpanderProbeEvent) {
  LateResult r = boot_with_late_expander(core::ProbeAlgorithm::kEvent);
  EXPECT_TRUE(r.deferred_before);
  EXPECT_FALSE(r.bound_before);
  EXPECT_THAT(r.reason_before, ::testing::HasSubstr("supplier 0-0020 not ready"));
  EXPECT_TRUE(r.bound_after);
  // Probe=event: once at registration, once when the expander bound.
  EXPECT_EQ(r.attempts, 2);
}

TEST(LateProvider, KernelProbingCostsMoreAttemptsThanEventProbing) {
  LateResult kernel = boot_with_late_expander(core::ProbeAlgorithm::kKernel);
  LateResult event = boot_with_late_expander(core::ProbeAlgorithm::kEvent);
  EXPECT_GT(kernel.attempts, event.attempts);
}

// With the expander's module absent the cage waits until the deferred probe
// timeout (10 s after the last driver registered), when fw_devlink relaxes
// links to suppliers no driver ever matched (fw_devlink_drivers_done()) and
// the cage probes without it.
TEST(LateProvider, AnAbsentProviderIsGivenUpAtTheDeferredProbeTimeout) {
  for (core::ProbeAlgorithm probe : {core::ProbeAlgorithm::kKernel, core::ProbeAlgorithm::kEvent}) {
    BootOptions o;
    o.config.probe = probe;
    o.profile.modes["pca9555"] = ModuleMode::absent();
    o.until = sim::secs(10) - sim::kMsec;
    auto b = boot_board(kBoard, o);
    core::Device* sfp = b->dev(kSfp);
    ASSERT_NE(sfp, nullptr);
    EXPECT_EQ(sfp->driver, nullptr);
    EXPECT_THAT(sfp->deferred_probe_reason, ::testing::HasSubstr("supplier 0-0020 not ready"));
    ASSERT_EQ(sfp->link_suppliers.size(), 1u);
    core::DeviceLink* link = sfp->link_suppliers.front();
    EXPECT_EQ(link->supplier->name(), "0-0020");
    EXPECT_FALSE(link->flags & core::DL_FLAG_SYNC_STATE_ONLY);

    b->engine.run(sim::secs(10) + sim::kMsec);
    EXPECT_EQ(b->findings(), "");
    EXPECT_NE(sfp->driver, nullptr);
    EXPECT_TRUE(link->flags & core::DL_FLAG_SYNC_STATE_ONLY) << core::dl_flags_string(link->flags);
    EXPECT_EQ(b->dev(kExpander)->driver, nullptr);
  }
}

}  // namespace
}  // namespace lifeline::dt
