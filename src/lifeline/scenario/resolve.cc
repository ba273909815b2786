// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/resolve.h"

#include <algorithm>

#include "lifeline/core/bus.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/dt/resolve.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/system.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

std::vector<core::Device*> registered_devices() {
  std::vector<core::Device*> out;
  if (core::Kernel* k = core::Kernel::current_or_null())
    for (core::Device* d : k->devices)
      if (!d->freed() && d->registered) out.push_back(d);
  return out;
}

std::vector<std::string> node_labels(const core::FwTree& tree) {
  std::vector<std::string> out;
  for (const auto& n : tree.nodes())
    for (const std::string& l : n->labels) out.push_back("&" + l);
  return out;
}

// The node a name means when it is written as a label or a path.
core::FwNode* try_node(const core::FwTree& tree, const std::string& text) {
  if (text.empty() || (text[0] != '&' && text[0] != '/')) return nullptr;
  try {
    return dt::resolve_node(tree, text);
  } catch (const sim::UserError&) {
    return nullptr;
  }
}

}  // namespace

void Resolver::fail(const Name& name, const std::string& message) const {
  throw sim::UserError(file_, name.loc.line, name.loc.column, message);
}

core::FwNode* Resolver::node(const Name& name) const {
  try {
    return dt::resolve_node(tree_, name.text);
  } catch (const sim::UserError& e) {
    fail(name, e.message());
  }
}

core::Device* Resolver::device(const Name& name) const {
  const std::string& t = name.text;
  std::vector<core::Device*> devices = registered_devices();
  if (t.size() > 1 && (t[0] == '&' || t[0] == '/')) {
    core::FwNode* n = node(name);
    if (n->dev && !n->dev->freed() && n->dev->registered) return n->dev;
    // Fall back to the device created for it last (a PHY re-registered).
    for (auto it = devices.rbegin(); it != devices.rend(); ++it)
      if ((*it)->fwnode == n) return *it;
    fail(name, "'" + t + "' (" + n->full_path + ") has no device" +
                   (n->is_enabled() ? "" : ": the node is disabled"));
  }
  std::vector<core::Device*> matches;
  for (core::Device* d : devices)
    if (d->name() == t) matches.push_back(d);
  if (matches.size() == 1) return matches[0];
  if (matches.size() > 1) {
    std::string buses;
    for (core::Device* d : matches)
      buses += " " + std::string(core::dev_bus_name(d)) + ":" + d->name();
    fail(name, "'" + t + "' names several devices:" + buses + "; use a label or a path");
  }
  // The kernel-style name of a node without a device of that name (an
  // untranslated unit address, a unique node name).
  try {
    core::FwNode* n = dt::resolve_node(tree_, t);
    if (n && n->dev && !n->dev->freed() && n->dev->registered) return n->dev;
  } catch (const sim::UserError&) {
  }
  std::vector<std::string> names;
  for (core::Device* d : devices) names.push_back(d->name());
  std::vector<std::string> labels = node_labels(tree_);
  names.insert(names.end(), labels.begin(), labels.end());
  fail(name, "unknown device '" + sim::excerpt(t) + "'" + sim::did_you_mean(t, names));
}

core::Device* Resolver::device_or_gone(const Name& name) const {
  if (core::Kernel* k = core::Kernel::current_or_null()) {
    bool seen = false, live = false;
    for (core::Device* d : k->devices) {
      if (d->name() != name.text) continue;
      seen = true;
      live |= !d->freed() && d->registered;
    }
    if (seen && !live) return nullptr;
  }
  return device(name);
}

net::NetDevice* Resolver::netdev(const Name& name, bool allow_absent) const {
  const std::string& t = name.text;
  net::Net* net = net::Net::current_or_null();
  std::vector<net::NetDevice*> live;
  if (net)
    for (net::NetDevice* nd : net->netdevs)
      if (!nd->freed() && nd->reg_state == net::NetregState::NETREG_REGISTERED) live.push_back(nd);
  if (core::FwNode* n = try_node(tree_, t)) {
    for (net::NetDevice* nd : live)
      if (nd->of_node == n) return nd;
    if (allow_absent) return nullptr;
    fail(name, "'" + t + "' (" + n->full_path + ") owns no registered netdev");
  }
  if (!t.empty() && (t[0] == '&' || t[0] == '/')) {
    if (allow_absent) return nullptr;
    node(name);  // throws with suggestions
  }
  for (net::NetDevice* nd : live)
    if (nd->name() == t) return nd;
  if (allow_absent) return nullptr;
  std::vector<std::string> names;
  for (net::NetDevice* nd : live) names.push_back(nd->name());
  fail(name, "unknown interface '" + sim::excerpt(t) + "'" + sim::did_you_mean(t, names) +
                 (names.empty() ? " (no netdev is registered)" : ""));
}

bool Resolver::names_interface(const Name& name) const {
  if (try_node(tree_, name.text)) return true;
  if (net::Net* net = net::Net::current_or_null())
    for (net::NetDevice* nd : net->netdevs)
      if (nd->name() == name.text) return true;
  return false;
}

core::Module* Resolver::module(const Name& name) const {
  if (system_)
    if (core::Module* m = system_->find_module(name.text)) return m;
  std::vector<std::string> names = system_ ? system_->module_names() : std::vector<std::string>{};
  std::string hint = sim::did_you_mean(name.text, names);
  if (hint.empty() && !names.empty()) {
    // Nothing close: name what the board has, so the user need not guess.
    hint = " (this board's modules: ";
    constexpr size_t kListed = 10;
    for (size_t i = 0; i < names.size() && i < kListed; ++i) hint += (i ? ", " : "") + names[i];
    hint += names.size() > kListed ? ", ...)" : ")";
  }
  fail(name, "unknown module '" + sim::excerpt(name.text) + "'" + hint);
}

core::Driver* Resolver::driver(core::Device* dev, const Name& name) const {
  std::vector<std::string> names;
  if (dev->bus)
    for (core::Driver* d : dev->bus->drivers) {
      if (d->name() == name.text) return d;
      names.push_back(d->name());
    }
  fail(name, "no driver '" + sim::excerpt(name.text) + "' on bus '" +
                 std::string(core::dev_bus_name(dev)) + "'" + sim::did_you_mean(name.text, names));
}

}  // namespace lifeline::scenario
