// SPDX-License-Identifier: GPL-2.0-only
// The provider-lifecycle protocol: how a consumer of a network provider (a
// PHY today; a PCS, a PSE controller, an SFP module later, with no new copy)
// hears that the provider it holds is going away, and that a provider for the
// same firmware node has arrived. It is the seam the "PHY going away"
// notifier of the 2026 "Disappearance of network PHYs" thread proposes, made
// generic over the kind of provider. The designs (net/designs/) decide
// whether a provider announces anything; this file is the contract.
//
// Contract
//
// - A provider announces "going away" with provider_going_away() before its
//   memory or its driver data go: a PHY from phy_remove(), which the driver
//   core calls with the PHY's device lock held (device_release_driver(), or
//   device_del() while the MDIO bus is being unregistered, the bus's
//   mdio_lock not held). The consumers are called through the kind's blocking
//   notifier chain: the chain's rwsem is held for read around the callback.
// - A provider announces "arrived" with provider_arrived() when a driver
//   binds it (a PHY from phy_probe()). Delivery is deferred to a work item
//   (system_wq), outside the driver core's locks: the consumers take rtnl,
//   which a caller of device_add() (or of bind) may hold.
// - Every consumer callback runs with rtnl held, taken by the protocol after
//   the chain's rwsem and after the protocol's own lock is dropped, so that a
//   consumer registering under rtnl (ndo_open) orders nothing against the
//   chain: one notifier block per kind, the protocol's, is on the chain.
// - The protocol records which consumer holds which provider
//   (provider_hold()/provider_release(), called where the consumer takes
//   and drops its pointer, under rtnl or in its own probe). "Going away" is
//   delivered only to the consumers that hold the provider at that moment,
//   re-checked under rtnl: a provider nobody holds any more (phy_detach()
//   already ran, which is how ifdown releases genphy) notifies nobody.
// - A consumer that lost a provider waits for its firmware node (or, for a
//   provider without one, for the same device): "arrived" for it calls
//   reconnect, then (if the design replays) the
//   consumer's journal, then restart.
// - A consumer is unregistered under rtnl, or when no delivery can run
//   (its owner's probe failed): the protocol re-checks registration under
//   rtnl before each callback, so a consumer freed after unregistering is
//   never called.
// - Where no design listens to a kind, every call here returns at once,
//   taking no lock: mainline runs exactly as mainline.
#ifndef LIFELINE_NET_PROVIDER_LIFECYCLE_H_
#define LIFELINE_NET_PROVIDER_LIFECYCLE_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace lifeline::core {
class Device;
class FwNode;
struct BlockingNotifierHead;
}  // namespace lifeline::core

namespace lifeline::net {

enum class ProviderKind : uint8_t { kPhy, kPcs, kPse, kSfp };
inline constexpr size_t kProviderKinds = 4;
// "PHY", "PCS", "PSE", "SFP"
const char* provider_kind_name(ProviderKind kind);

// The actions on a kind's chain.
enum ProviderEvent : unsigned long {
  PROVIDER_GOING_AWAY = 1,  // from the provider's remove, before its data go
  PROVIDER_ARRIVED = 2,     // a driver bound a provider; from a work item
};

// What a consumer configured through its provider, re-applied on arrival
// when the design replays (phy-loss=replay; net/phy_journal.h for PHYs).
struct ProviderJournal {
  virtual ~ProviderJournal() = default;
  virtual bool empty() const = 0;
  virtual std::string describe() const = 0;
  virtual void replay(core::Device* provider) const = 0;
};

struct ProviderConsumer;

// The consumer's side, each called with rtnl held.
struct ProviderConsumerOps {
  // For the timeline: the netdev's name ("eth0"), read when it is needed
  // (a netdev is named at register_netdev(), after its consumer exists).
  std::string (*name)(const ProviderConsumer* c) = nullptr;
  // `provider`, which the consumer holds, is going away: force the link
  // down while it is still valid, then drop every reference to it.
  void (*going_away)(ProviderConsumer* c, core::Device* provider) = nullptr;
  // A provider for the node the consumer lost arrived: connect it. 0 or
  // -errno.
  int (*reconnect)(ProviderConsumer* c, core::Device* provider) = nullptr;
  // After reconnect and any replay: start it if the consumer is running.
  void (*restart)(ProviderConsumer* c, core::Device* provider) = nullptr;
};

struct ProviderConsumer {
  ProviderKind kind = ProviderKind::kPhy;
  const ProviderConsumerOps* ops = nullptr;
  void* owner = nullptr;                     // the phylink instance, the netdev, ...
  const ProviderJournal* journal = nullptr;  // what it configured, or none
  // The protocol's state: read it, never write it.
  core::Device* held = nullptr;        // the provider it holds now
  const core::FwNode* lost = nullptr;  // the node of the provider it lost
  // The provider it lost when that had no firmware node (a PHY found by
  // scanning a bus, as on a DSA switch's user MII bus): the device itself,
  // which a driver unbind leaves in place.
  const core::Device* lost_device = nullptr;
  bool registered = false;
};

// Per execution, from net_create(): the chains and the protocol's state.
void provider_lifecycle_init();
// A design that announces this kind's lifecycle (phy-loss=notify-down,
// replay): put the protocol's block on the kind's chain. `replay`: re-apply
// the consumer's journal on arrival.
void provider_lifecycle_listen(ProviderKind kind, bool replay);
bool provider_lifecycle_listening(ProviderKind kind);
// The kind's chain ("phy_notifier", ...), for tests and other listeners.
core::BlockingNotifierHead* provider_notifier(ProviderKind kind);

void provider_consumer_register(ProviderConsumer* c);
void provider_consumer_unregister(ProviderConsumer* c);
// The consumer took `provider` (it clears what it lost) / let go of it.
void provider_hold(ProviderConsumer* c, core::Device* provider);
void provider_release(ProviderConsumer* c);
// The registered consumer of this kind whose owner is `owner`, or none.
ProviderConsumer* provider_consumer_find(ProviderKind kind, const void* owner);
// Whether some consumer holds `provider` now.
bool provider_is_held(ProviderKind kind, const core::Device* provider);

// The provider's side.
void provider_going_away(ProviderKind kind, core::Device* provider);
void provider_arrived(ProviderKind kind, core::Device* provider);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PROVIDER_LIFECYCLE_H_
