// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/command_traits.h"

#include <variant>

namespace lifeline::scenario {

namespace {

constexpr CommandTraits kConfiguration{};  // before boot: never run as a step
constexpr CommandTraits kShellAction(std::string_view process, bool can_fail) {
  return CommandTraits{process, /*action=*/true, can_fail, /*echoed=*/true};
}

// No template or `auto` overload: std::visit fails to compile for an
// alternative of Body that has no row here.
struct TraitsOf {
  CommandTraits operator()(const SetKnob&) const { return kConfiguration; }
  CommandTraits operator()(const ModuleCmd&) const { return kConfiguration; }
  CommandTraits operator()(const PhyId&) const { return kConfiguration; }
  CommandTraits operator()(const MacFacts&) const { return kConfiguration; }
  CommandTraits operator()(const Boot&) const { return kConfiguration; }
  CommandTraits operator()(const Unbind&) const { return kShellAction("sh", true); }
  CommandTraits operator()(const Bind&) const { return kShellAction("sh", true); }
  CommandTraits operator()(const Rmmod&) const { return kShellAction("rmmod", true); }
  CommandTraits operator()(const Modprobe&) const { return kShellAction("modprobe", true); }
  CommandTraits operator()(const LinkSet&) const { return kShellAction("ip", true); }
  CommandTraits operator()(const EthtoolSettings&) const { return kShellAction("ethtool", true); }
  CommandTraits operator()(const EthtoolWol&) const { return kShellAction("ethtool", true); }
  CommandTraits operator()(const EthtoolGet&) const { return kShellAction("ethtool", true); }
  CommandTraits operator()(const Cable&) const { return kShellAction("", false); }
  CommandTraits operator()(const Sfp&) const { return kShellAction("", false); }
  CommandTraits operator()(const Wait&) const { return {"", false, false, true}; }
  CommandTraits operator()(const Settle&) const { return {"", false, false, true}; }
  CommandTraits operator()(const Concurrently&) const { return {"", true, false, false}; }
  CommandTraits operator()(const Expect&) const { return {"", false, false, false}; }
};

}  // namespace

CommandTraits command_traits(const Body& body) { return std::visit(TraitsOf{}, body); }

}  // namespace lifeline::scenario
