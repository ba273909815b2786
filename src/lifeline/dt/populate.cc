// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/populate.h"

#include "lifeline/dt/bus_devices.h"
#include "lifeline/dt/tree_memo.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::FwNode;

std::vector<Device*> create_all(const std::vector<PlatformDeviceNode>& nodes, const FwNode* np,
                                Device* parent) {
  std::vector<Device*> out;
  out.reserve(nodes.size());
  for (const PlatformDeviceNode& pn : nodes) {
    // The parent's device exists: it was created earlier in the same walk
    // (fwnode->dev), or it is the caller's.
    Device* p = !pn.parent ? nullptr : pn.parent == np ? parent : pn.parent->dev;
    if (Device* dev = of_platform_device_create(pn, p)) out.push_back(dev);
  }
  return out;
}

bool is_populated_device(const Device* dev) {
  const DtDevice* d = to_dt_device(dev);
  return d && (d->type == DtDeviceType::kPlatform || d->type == DtDeviceType::kAmba);
}

// of_platform_device_destroy(). The kernel also clears the flags of a child
// of another bus type whose node is populated; the model leaves those alone
// (an I2C adapter shares its controller's node).
void device_destroy(Device* dev, PopulateState& state) {
  if (!is_populated_device(dev)) return;
  if (!dev->fwnode || !state.populated.count(dev->fwnode)) return;
  if (state.populated_bus.count(dev->fwnode)) {
    std::vector<Device*> children = dev->children;
    for (Device* c : children) device_destroy(c, state);
  }
  state.populated.erase(dev->fwnode);
  state.populated_bus.erase(dev->fwnode);
  core::device_unregister(dev);
}

}  // namespace

Device* of_platform_device_create(const PlatformDeviceNode& pn, Device* parent) {
  DtBuses& b = DtBuses::current();
  DtDevice* dev = pn.amba ? static_cast<DtDevice*>(alloc_dt_device<AmbaDevice>())
                          : static_cast<DtDevice*>(alloc_dt_device<PlatformDevice>());
  core::dev_set_name(dev, pn.name);
  dev->modalias = pn.name;  // of_device_add(): ofdev->name = dev_name(&ofdev->dev)
  dev->fwnode = pn.node;
  dev->parent = parent;
  dev->bus = pn.amba ? b.amba : b.platform;
  if (core::device_add(dev)) {
    b.populate.populated.erase(pn.node);
    core::put_device(dev);
    return nullptr;
  }
  return dev;
}

std::vector<Device*> of_platform_default_populate(core::FwTree& tree, DtBuses& buses) {
  LL_FUNC();
  bool fresh = buses.populate.populated.empty() && buses.populate.populated_bus.empty();
  for (const EarlyInit& e : of_early_init(tree))
    if (e.kind != EarlyKind::kTimer) buses.populate.populated.insert(e.node);  // OF_POPULATED
  if (!fresh) return create_all(platform_device_nodes(tree, buses.populate), nullptr, nullptr);
  // From the state every boot starts in, the walk always gives the same
  // nodes and flags: worked out once per board.
  struct Walk {
    std::vector<PlatformDeviceNode> nodes;
    PopulateState after;
  };
  PopulateState& state = buses.populate;
  std::shared_ptr<const Walk> walk = tree_memo<Walk>(tree, "dt.default_populate", [&] {
    Walk w;
    w.after = state;
    w.nodes = platform_device_nodes(tree, w.after);
    return w;
  });
  state = walk->after;
  return create_all(walk->nodes, nullptr, nullptr);
}

std::vector<Device*> of_platform_populate(FwNode* np, Device* parent, bool default_bus_matches) {
  LL_FUNC();
  PopulateState& state = DtBuses::current().populate;
  return create_all(of_platform_populate_nodes(*np, default_bus_matches, state), np, parent);
}

void of_platform_depopulate(Device* parent) {
  LL_FUNC();
  PopulateState& state = DtBuses::current().populate;
  if (!parent->fwnode || !state.populated_bus.count(parent->fwnode)) return;
  std::vector<Device*> children = parent->children;
  for (auto it = children.rbegin(); it != children.rend(); ++it) device_destroy(*it, state);
  state.populated_bus.erase(parent->fwnode);
}

}  // namespace lifeline::dt
