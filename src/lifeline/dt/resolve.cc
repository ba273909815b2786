// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/resolve.h"

#include <set>

#include "lifeline/dt/platform_names.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

std::string where(const core::FwTree& tree) { return tree.source; }

[[noreturn]] void ambiguous(const core::FwTree& tree, std::string_view name,
                            const std::vector<FwNode*>& matches) {
  std::string list;
  for (const FwNode* m : matches) {
    list += "\n  " + m->full_path;
    if (!m->labels.empty()) list += " (&" + m->labels.front() + ")";
  }
  throw sim::UserError(where(tree), 0, 0,
                       "'" + std::string(name) + "' names " + std::to_string(matches.size()) +
                           " nodes; use a path, a label or the kernel's device name:" + list);
}

// A device name from this board for the error message, an Ethernet
// controller's when there is one, so that the example is one the user can use.
std::string example_device_name(const core::FwTree& tree) {
  std::vector<PlatformDeviceNode> devices = platform_device_nodes(tree);
  for (const PlatformDeviceNode& d : devices)
    if (d.name.ends_with(".ethernet")) return d.name;
  return devices.empty() ? "fe300000.ethernet" : devices.front().name;
}

}  // namespace

core::FwNode* resolve_node(const core::FwTree& tree, std::string_view name) {
  if (name.empty()) throw sim::UserError(where(tree), 0, 0, "empty device tree node name");
  if (name[0] == '&') {
    if (FwNode* n = tree.find_by_label(name.substr(1))) return n;
  } else if (name[0] == '/') {
    std::string_view path = name;
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    if (FwNode* n = tree.find_by_path(path)) return n;
  } else {
    std::vector<PlatformDeviceNode> devices = platform_device_nodes(tree);
    for (const PlatformDeviceNode& d : devices)
      if (d.name == name) return d.node;
    std::vector<FwNode*> matches;
    for (const PlatformDeviceNode& d : devices)
      if (untranslated_bus_id(*d.node) == name) matches.push_back(d.node);
    if (matches.empty()) {
      for (const auto& n : tree.nodes())
        if (untranslated_bus_id(*n) == name || n->name == name) matches.push_back(n.get());
    }
    if (matches.size() == 1) return matches[0];
    if (matches.size() > 1) ambiguous(tree, name, matches);
    if (FwNode* n = tree.find_by_label(name)) return n;
  }
  throw sim::UserError(where(tree), 0, 0,
                       "no device tree node '" + std::string(name) +
                           "' (give &label, /full/path or a device name such as " +
                           example_device_name(tree) + ")" +
                           sim::did_you_mean(name, node_names(tree)));
}

std::vector<std::string> node_names(const core::FwTree& tree) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](std::string s) {
    if (!s.empty() && seen.insert(s).second) out.push_back(std::move(s));
  };
  for (const auto& n : tree.nodes())
    for (const std::string& l : n->labels) add("&" + l);
  for (const PlatformDeviceNode& d : platform_device_nodes(tree)) {
    add(d.name);
    add(untranslated_bus_id(*d.node));
  }
  for (const auto& n : tree.nodes()) add(n->full_path);
  return out;
}

}  // namespace lifeline::dt
