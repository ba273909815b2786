// SPDX-License-Identifier: GPL-2.0-only
// A board as a running system: the driver core, the device tree's devices
// and generic drivers, and the network drivers of the catalogs, each in its
// module, placed by a boot profile. One per execution.
#ifndef LIFELINE_NET_SYSTEM_H_
#define LIFELINE_NET_SYSTEM_H_

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/core/boot.h"
#include "lifeline/dt/board_boot.h"
#include "lifeline/net/catalog/dsa_catalog.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/catalog/mdio_catalog.h"
#include "lifeline/net/net_config.h"
#include "lifeline/net/pse/pse_catalog.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class FwNode;
class FwTree;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

struct SystemOptions {
  // Board name (file name without extension), for messages only: the
  // catalogs' board facts are keyed by the tree's root compatible.
  std::string board;
  NetConfig config;
  dt::ModuleProfile profile;
  std::map<std::string, uint32_t> phy_ids;  // PHY node path -> ID (a profile's phy-id lines)
  // MAC node path -> the name of a real driver's lifecycle facts
  // (mac_facts_variants(), a scenario's mac-facts lines).
  std::map<std::string, std::string> mac_facts;
};

class System : public sim::Object {
 public:
  System() : sim::Object("system", "board") {}
  static System* current_or_null();

  core::FwTree* tree = nullptr;
  SystemOptions options;
  dt::BoardBoot* board = nullptr;
  core::BootPlan plan;
  std::vector<core::Module*> modules;  // every module: generic, network, PHY
  // MACs the catalog does not know, modelled by the default (and reported).
  std::vector<std::string> default_macs;
  // DSA switches the catalog does not know, modelled by the default.
  std::vector<std::string> default_switches;
  // MDIO controllers the catalog does not know, modelled by the default:
  // one line each, as boot prints it ("NODE (COMPATIBLE): ...").
  std::vector<std::string> default_mdios;
  // Default MACs of the switchdev shape (a netdev per port node), as boot
  // prints them.
  std::vector<std::string> default_switchdevs;
  // Nodes whose PHY ID lifeline does not know (genphy will bind at attach).
  std::vector<std::string> unknown_phys;

  // A module by name; '-' and '_' are the same, as for modprobe.
  core::Module* find_module(std::string_view name) const;
  std::vector<std::string> module_names() const;

  // Storage for MacInfo defaults (their string_views point here).
  std::deque<std::string> strings;
  std::deque<MacInfo> default_infos;
  std::deque<DsaSwitchInfo> default_dsa_infos;
  std::deque<MdioControllerInfo> default_mdio_infos;
  // PSE controllers the catalog does not know, modelled by the default.
  std::vector<std::string> default_pse_controllers;
  std::deque<PseControllerInfo> default_pse_infos;
};

// Why no netdev can ever be made for `node` on this board ("the node is
// disabled", "the driver of this node ... is not modelled ..."), or "" when
// a MAC driver of the model may make one for it. From the tree and the
// catalogs alone: usable before any run.
std::string no_netdev_reason(const core::FwTree& tree, const core::FwNode& node);

// In a task of a fresh execution: creates the kernel and network state, the
// buses, every driver and module, and the boot plan. A profile naming an
// unknown module is a sim::UserError.
System* system_create(core::FwTree& tree, const SystemOptions& options);
// The initcalls: populate, builtin drivers, late_initcall; schedules the
// late modules. Returns when the late_initcall has run.
void system_boot(System* sys);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_SYSTEM_H_
