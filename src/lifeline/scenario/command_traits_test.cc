// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/command_traits.h"

#include <gtest/gtest.h>

namespace lifeline::scenario {
namespace {

// A visitor that forgot one command: the check every visitor over commands
// states (static_assert(visits_every_alternative<...>)) must refuse it.
struct ForgetsSfp {
  void operator()(const SetKnob&) const {}
  void operator()(const ModuleCmd&) const {}
  void operator()(const PhyId&) const {}
  void operator()(const MacFacts&) const {}
  void operator()(const Boot&) const {}
  void operator()(const Unbind&) const {}
  void operator()(const Bind&) const {}
  void operator()(const Rmmod&) const {}
  void operator()(const Modprobe&) const {}
  void operator()(const LinkSet&) const {}
  void operator()(const EthtoolSettings&) const {}
  void operator()(const EthtoolWol&) const {}
  void operator()(const EthtoolGet&) const {}
  void operator()(const Cable&) const {}
  void operator()(const Wait&) const {}
  void operator()(const Settle&) const {}
  void operator()(const Concurrently&) const {}
  void operator()(const Expect&) const {}
};
static_assert(!visits_every_alternative<ForgetsSfp, Body>);

struct Everything : ForgetsSfp {
  using ForgetsSfp::operator();
  void operator()(const Sfp&) const {}
};
static_assert(visits_every_alternative<Everything, Body>);

// A generic fallback would hide a forgotten command; the check cannot see
// that, which is why the visitors have none.
struct Fallback {
  template <class T>
  void operator()(const T&) const {}
};
static_assert(visits_every_alternative<Fallback, Body>);

TEST(CommandTraits, OnlyCommandsThatReturnAnErrorCanBeExpectedToFail) {
  EXPECT_TRUE(command_traits(Unbind{}).can_fail);
  EXPECT_TRUE(command_traits(EthtoolWol{}).can_fail);
  EXPECT_TRUE(command_traits(EthtoolGet{}).can_fail);
  EXPECT_FALSE(command_traits(MacFacts{}).action);
  EXPECT_FALSE(command_traits(Cable{}).can_fail);
  EXPECT_FALSE(command_traits(Wait{}).can_fail);
  EXPECT_FALSE(command_traits(Expect{}).can_fail);
}

TEST(CommandTraits, WaitsSettlesAndExpectsAreNotActions) {
  EXPECT_FALSE(command_traits(Wait{}).action);
  EXPECT_FALSE(command_traits(Settle{}).action);
  EXPECT_FALSE(command_traits(Expect{}).action);
  EXPECT_TRUE(command_traits(Cable{}).action);
  EXPECT_TRUE(command_traits(Concurrently{}).action);
}

TEST(CommandTraits, ProcessesAreTheShellTools) {
  EXPECT_EQ(command_traits(LinkSet{}).process, "ip");
  EXPECT_EQ(command_traits(EthtoolSettings{}).process, "ethtool");
  EXPECT_EQ(command_traits(Rmmod{}).process, "rmmod");
  EXPECT_EQ(command_traits(Unbind{}).process, "sh");
  EXPECT_EQ(command_traits(Cable{}).process, "");
}

TEST(CommandTraits, ABlockAndAnExpectAreNotEchoedAsCommands) {
  EXPECT_FALSE(command_traits(Concurrently{}).echoed);
  EXPECT_FALSE(command_traits(Expect{}).echoed);
  EXPECT_TRUE(command_traits(Wait{}).echoed);
  EXPECT_TRUE(command_traits(Unbind{}).echoed);
}

}  // namespace
}  // namespace lifeline::scenario
