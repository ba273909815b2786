// SPDX-License-Identifier: GPL-2.0-only
// Boot profiles: which generic modules are built in, loaded late or absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/core/module.h"
#include "lifeline/dt/board_boot.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {
namespace {

using testing::boot_board;
using testing::BootOptions;

std::vector<std::string> names(const std::vector<core::Module*>& mods) {
  std::vector<std::string> out;
  for (const core::Module* m : mods) out.push_back(m->name());
  return out;
}

TEST(ModuleProfile, AnUnknownModuleIsAUserErrorWithASuggestion) {
  ModuleProfile p;
  p.source = "rpi4.profile";
  p.modes["bcm2711-gpi"] = ModuleMode::late(sim::secs(1));
  std::vector<GenericDriverSpec> specs =
      generic_driver_specs(testing::board("bcm2711-rpi-4-b.dts"), nullptr);
  std::vector<std::string> known;
  for (const GenericDriverSpec& s : specs) known.push_back(s.name);
  try {
    check_profile(p, known);
    FAIL() << "no error";
  } catch (const sim::UserError& e) {
    EXPECT_EQ(e.file(), "rpi4.profile");
    EXPECT_THAT(e.message(),
                ::testing::HasSubstr("unknown module 'bcm2711-gpi' in the boot profile"));
    EXPECT_THAT(e.message(), ::testing::HasSubstr("did you mean 'bcm2711-gpio'"));
  }
}

// The same check inside an execution, through plan_modules().
TEST(ModuleProfile, PlanModulesRejectsAnUnknownModule) {
  BootOptions o;
  o.profile.modes["pca9556"] = ModuleMode::absent();
  std::string message;
  o.board.claimed = nullptr;
  sim::Engine engine;
  engine.reset();
  auto tree = testing::fresh_board("armada-388-clearfog-pro.dts");
  core::kernel_create({});
  engine.spawn("init", [&] {
    core::BootPlan plan;
    try {
      board_boot_plan(*tree, o.profile, plan);
    } catch (const sim::UserError& e) {
      message = e.message();
    }
  });
  engine.run();
  EXPECT_THAT(message, ::testing::HasSubstr("unknown module 'pca9556'"));
  EXPECT_THAT(message, ::testing::HasSubstr("did you mean 'pca9555'"));
}

TEST(ModuleProfile, DashAndUnderscoreAreTheSameButNotTwice) {
  std::vector<std::string> known = {"i2c-gpio", "regulator-fixed"};
  ModuleProfile ok;
  ok.modes["i2c_gpio"] = ModuleMode::absent();
  EXPECT_NO_THROW(check_profile(ok, known));
  ModuleProfile twice;
  twice.modes["i2c_gpio"] = ModuleMode::absent();
  twice.modes["i2c-gpio"] = ModuleMode::builtin();
  EXPECT_THROW(check_profile(twice, known), sim::UserError);
}

// plan_modules(): builtin in the given (initcall) order, late by time,
// absent nowhere; the profile's spelling does not matter.
TEST(ModuleProfile, ModulesArePlacedAsTheProfileSays) {
  sim::Engine engine;
  engine.reset();
  core::kernel_create({});
  std::vector<core::Module*> mods;
  for (const char* n : {"a-one", "b_two", "c-three", "d-four", "e-five"})
    mods.push_back(core::module_create(n, nullptr));
  ModuleProfile p;
  p.modes["b-two"] = ModuleMode::late(sim::secs(5));
  p.modes["c_three"] = ModuleMode::absent();
  p.modes["e-five"] = ModuleMode::late(sim::secs(2));
  core::BootPlan plan;
  plan_modules(mods, p, plan);
  EXPECT_EQ(names(plan.builtin), (std::vector<std::string>{"a-one", "d-four"}));
  ASSERT_EQ(plan.late.size(), 2u);
  EXPECT_EQ(plan.late[0].module->name(), "e-five");
  EXPECT_EQ(plan.late[0].at, sim::secs(2));
  EXPECT_EQ(plan.late[1].module->name(), "b_two");
  EXPECT_EQ(plan.late[1].at, sim::secs(5));
}

// A late module loads at its time: before it, its devices are unbound.
TEST(ModuleProfile, ALateModuleBindsItsDevicesWhenItLoads) {
  BootOptions o;
  o.profile.modes["bcm2711-genet-v5"] = ModuleMode::late(sim::secs(4));
  o.until = sim::secs(4) - sim::kMsec;
  auto b = boot_board("bcm2711-rpi-4-b.dts", o);
  core::Device* genet = b->dev("/scb/ethernet@7d580000");
  ASSERT_NE(genet, nullptr);
  core::Module* mod = b->boot->generic.module("bcm2711_genet_v5");
  ASSERT_NE(mod, nullptr);
  EXPECT_EQ(mod->state, core::ModuleState::MODULE_STATE_UNFORMED);
  EXPECT_EQ(genet->driver, nullptr);
  b->engine.run();
  EXPECT_EQ(mod->state, core::ModuleState::MODULE_STATE_LIVE);
  EXPECT_FALSE(mod->builtin);
  EXPECT_EQ(core::dev_driver_string(genet), "bcm2711-genet-v5");
  EXPECT_EQ(b->findings(), "");
}

}  // namespace
}  // namespace lifeline::dt
