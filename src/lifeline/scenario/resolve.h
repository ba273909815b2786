// SPDX-License-Identifier: GPL-2.0-only
// Resolving the names a scenario uses against the running model: devices
// (by DT label, path or kernel device name), interfaces (by netdev name or
// by the label or path of the MAC or port node owning them), modules and
// drivers. An unknown name is a sim::UserError at the name's line and
// column, with the closest valid names suggested.
#ifndef LIFELINE_SCENARIO_RESOLVE_H_
#define LIFELINE_SCENARIO_RESOLVE_H_

#include <string>

#include "lifeline/scenario/ast.h"

namespace lifeline::core {
class Device;
class Driver;
class FwNode;
class FwTree;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {
class NetDevice;
class System;
}  // namespace lifeline::net

namespace lifeline::scenario {

class Resolver {
 public:
  Resolver(const std::string& file, const core::FwTree& tree, const net::System* system)
      : file_(file), tree_(tree), system_(system) {}

  // A firmware node by label or path (what exists before boot: phy-id lines).
  core::FwNode* node(const Name& name) const;
  core::Device* device(const Name& name) const;
  // As device(), but a device this run had and has removed since (its MDIO
  // bus went away, its parent was unbound) gives nullptr instead of an error.
  core::Device* device_or_gone(const Name& name) const;
  // A registered netdev, or nullptr when `allow_absent` and it is not there.
  net::NetDevice* netdev(const Name& name, bool allow_absent = false) const;
  // Whether an interface name can ever name something: a netdev name seen
  // in this run, or a MAC/port node. For `expect netdev IF absent`.
  bool names_interface(const Name& name) const;
  core::Module* module(const Name& name) const;
  // The driver called `name` on the device's bus.
  core::Driver* driver(core::Device* dev, const Name& name) const;

  [[noreturn]] void fail(const Name& name, const std::string& message) const;

 private:
  const std::string& file_;
  const core::FwTree& tree_;
  const net::System* system_;
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_RESOLVE_H_
