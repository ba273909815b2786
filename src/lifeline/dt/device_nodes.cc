// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/device_nodes.h"

#include <unordered_map>

#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/early_init.h"
#include "lifeline/dt/platform_names.h"
#include "lifeline/dt/tree_memo.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

class Walker {
 public:
  Walker(const ClaimedFn& claimed, PopulateState& state) : claimed_(claimed), state_(state) {}

  void add(FwNode* node, NodeBus bus) {
    if (!found_.emplace(node, bus).second) return;
    if (claimed_ && claimed_(*node)) return;
    expand(node, bus);
  }

  std::unordered_map<const FwNode*, NodeBus> found_;

 private:
  void add_i2c_clients(const FwNode& adapter_node) {
    for (FwNode* c : i2c_client_nodes(adapter_node))
      if (state_.populated.insert(c).second) add(c, NodeBus::kI2c);
  }

  void add_pci_functions(const FwNode& bus_node) {
    for (FwNode* fn : pci_function_nodes(bus_node)) {
      add(fn, NodeBus::kPci);
      if (is_pci_bridge_node(*fn)) add_pci_functions(*fn);
    }
  }

  void expand(FwNode* node, NodeBus bus) {
    if (bus == NodeBus::kPci) return;  // a bridge's functions come from its host
    switch (bus_role(*node)) {
      case BusRole::kI2cAdapter:
        add_i2c_clients(*node);
        break;
      case BusRole::kI2cMux:
        for (uint32_t chan : i2c_mux_channels(*node))
          if (const FwNode* ch = i2c_mux_channel_node(*node, chan)) add_i2c_clients(*ch);
        break;
      case BusRole::kSpiController:
        for (FwNode* c : spi_device_nodes(*node))
          if (state_.populated.insert(c).second) add(c, NodeBus::kSpi);
        break;
      case BusRole::kPciHost:
        add_pci_functions(*node);
        break;
      case BusRole::kPopulates:
        for (const PlatformDeviceNode& pn :
             of_platform_populate_nodes(*node, populates_default_buses(*node), state_))
          add(pn.node, pn.amba ? NodeBus::kAmba : NodeBus::kPlatform);
        break;
      case BusRole::kFslMc:  // dpmac objects have no fwnode
      case BusRole::kNone:
        break;
    }
  }

  const ClaimedFn& claimed_;
  PopulateState& state_;
};

void preorder(FwNode* n, const std::unordered_map<const FwNode*, NodeBus>& found,
              std::vector<DeviceNode>& out) {
  // Iterative: synthetic trees can be deep.
  std::vector<FwNode*> stack{n};
  while (!stack.empty()) {
    FwNode* cur = stack.back();
    stack.pop_back();
    if (auto it = found.find(cur); it != found.end()) out.push_back(DeviceNode{cur, it->second});
    for (auto c = cur->children.rbegin(); c != cur->children.rend(); ++c) stack.push_back(*c);
  }
}

}  // namespace

const char* node_bus_name(NodeBus bus) {
  switch (bus) {
    case NodeBus::kPlatform:
      return "platform";
    case NodeBus::kAmba:
      return "amba";
    case NodeBus::kI2c:
      return "i2c";
    case NodeBus::kSpi:
      return "spi";
    case NodeBus::kPci:
      return "pci";
  }
  return "?";
}

namespace {

std::vector<DeviceNode> compute_device_nodes(const core::FwTree& tree, const ClaimedFn& claimed) {
  PopulateState state;
  for (const EarlyInit& e : early_init_nodes(tree))
    if (e.kind != EarlyKind::kTimer) state.populated.insert(e.node);
  Walker w(claimed, state);
  for (const PlatformDeviceNode& pn : platform_device_nodes(tree, state))
    w.add(pn.node, pn.amba ? NodeBus::kAmba : NodeBus::kPlatform);
  std::vector<DeviceNode> out;
  out.reserve(w.found_.size());
  if (tree.root()) preorder(tree.root(), w.found_, out);
  return out;
}

}  // namespace

std::vector<DeviceNode> device_nodes(const core::FwTree& tree, const ClaimedFn& claimed) {
  return *tree_memo<std::vector<DeviceNode>>(tree, selection_key(tree, "dt.device_nodes", claimed),
                                             [&] { return compute_device_nodes(tree, claimed); });
}

}  // namespace lifeline::dt
