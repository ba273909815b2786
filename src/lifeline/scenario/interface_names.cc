// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/interface_names.h"

#include <variant>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/system.h"
#include "lifeline/scenario/resolve.h"

namespace lifeline::scenario {

namespace {

void check_name(const Name& name, const Resolver& r, const core::FwTree& tree) {
  const std::string& t = name.text;
  if (t.size() < 2 || (t[0] != '&' && t[0] != '/')) return;
  core::FwNode* node = r.node(name);  // an unknown label or path fails here, with suggestions
  std::string why = net::no_netdev_reason(tree, *node);
  if (!why.empty()) r.fail(name, "no netdev for " + node->full_path + ": " + why);
}

void check_commands(const std::vector<Command>& commands, const Resolver& r,
                    const core::FwTree& tree);

// Every body with an interface (`iface`): ip link, ethtool, and the expects
// on an interface; concurrently blocks and expects looked into.
template <class T>
void check_body(const T& b, const Resolver& r, const core::FwTree& tree) {
  if constexpr (requires { b.iface; }) {
    check_name(b.iface, r, tree);
  } else if constexpr (std::is_same_v<T, Concurrently>) {
    for (const Thread& th : b.threads) check_commands(th.commands, r, tree);
  } else if constexpr (std::is_same_v<T, Expect>) {
    std::visit([&](const auto& c) { check_body(c, r, tree); }, b.check);
  }
}

void check_commands(const std::vector<Command>& commands, const Resolver& r,
                    const core::FwTree& tree) {
  for (const Command& c : commands)
    std::visit([&](const auto& b) { check_body(b, r, tree); }, c.body);
}

}  // namespace

void check_interface_names(const Scenario& scenario, const core::FwTree& tree) {
  Resolver r(scenario.file, tree, nullptr);
  check_commands(scenario.commands, r, tree);
}

}  // namespace lifeline::scenario
