// SPDX-License-Identifier: GPL-2.0-only
// The network model's global state for one execution: rtnl, the netdev list,
// the MDIO bus type, the PHY drivers, the PHY lifecycle notifier and the
// physical world. Model code reaches it through Net::current().
#ifndef LIFELINE_NET_NET_H_
#define LIFELINE_NET_NET_H_

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lifeline/core/notifier.h"
#include "lifeline/net/net_config.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Bus;
class FwNode;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

struct MacFactsVariant;
class Medium;
class NetDevice;
struct ProviderLifecycle;
struct SfpState;
struct PseState;
class PhyDriver;
class PhyDevice;
struct PhylinkPcs;

class Net : public sim::Object {
 public:
  explicit Net(NetConfig config);
  ~Net() override;
  static Net& current();
  static Net* current_or_null();

  NetConfig config;
  sim::Mutex rtnl_mutex;
  core::RawNotifierHead netdev_chain;  // netdev_chain: under rtnl
  std::vector<NetDevice*> netdevs;     // every netdev ever allocated, in allocation order
  int next_ifindex = 1;

  core::Bus* mdio_bus_type = nullptr;
  PhyDriver* genphy_driver = nullptr;
  PhyDriver* genphy_c45_driver = nullptr;
  core::Module* libphy = nullptr;  // builtin: phylib and the generic drivers
  std::vector<PhyDriver*> phy_drivers;

  // The provider-lifecycle protocol's state (net/provider_lifecycle.h):
  // a notifier chain and the consumers per provider kind.
  ProviderLifecycle* lifecycle = nullptr;
  // The SFP buses and cages (net/sfp/sfp_bus.h), made at first use.
  SfpState* sfp = nullptr;
  // The PSE controllers and regulators (net/pse/pse_state.h).
  PseState* pse = nullptr;

  // The physical world: what is plugged into each port, keyed by the
  // firmware node of the PHY (or of the MAC/port for fixed and in-band links).
  std::map<const core::FwNode*, Medium*> media;
  Medium* medium_for(const core::FwNode* port);

  // Board facts the PHYs need (from the device tree, the catalog or a
  // profile): PHY IDs by PHY node.
  std::map<const core::FwNode*, uint32_t> phy_ids;
  // A scenario's `mac-facts DEV NAME` lines: another real driver's
  // lifecycle facts for the MAC of that node (catalog/mac_catalog.h).
  std::map<const core::FwNode*, const MacFactsVariant*> mac_facts;
  // PHY nodes already told "PHY ID unknown" in this execution.
  std::set<const core::FwNode*> phy_id_unknown_noted;
  // Driver-global counters some drivers number their MDIO buses with.
  std::map<std::string, int> bus_id_counters;
  // Bus ids chosen by a MAC for the MDIO device it creates (GENET picks the
  // number of its unimac-mdio child), by that device.
  std::map<const core::Device*, std::string> mdio_bus_id_override;
  // pcs=release: the fwnode PCS providers (net/pcs/pcs_provider.h), newest
  // first.
  std::vector<std::pair<const core::FwNode*, PhylinkPcs*>> pcs_providers;
  // The PCS a switch driver made for each of its port nodes
  // (a5psw->pcs[]: net/pcs/miic.h).
  std::map<const core::FwNode*, PhylinkPcs*> port_pcs;
  // Told of every carrier change (the runner measures recovery with it).
  std::function<void(NetDevice*, bool carrier)> carrier_observer;
};

// Creates the execution's network state; call after core::kernel_create().
Net* net_create(NetConfig config);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_NET_H_
