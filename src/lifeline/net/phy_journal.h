// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=replay: the consumer's journal of how it (or the user through it)
// configured its PHY, re-applied when a PHY for the same firmware node binds
// again. No kernel design does this; every other one re-probes from scratch.
#ifndef LIFELINE_NET_PHY_JOURNAL_H_
#define LIFELINE_NET_PHY_JOURNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lifeline/net/link_mode.h"
#include "lifeline/net/provider_lifecycle.h"

namespace lifeline::core {
class Device;
}  // namespace lifeline::core

namespace lifeline::net {

class PhyDevice;

// A ProviderJournal: the provider-lifecycle protocol replays it to the PHY
// that arrives for the node the consumer lost (net/provider_lifecycle.h).
struct PhyJournal : ProviderJournal {
  // ethtool -s: autoneg, forced speed/duplex, advertising.
  std::optional<int> autoneg;
  std::optional<int> speed;
  std::optional<Duplex> duplex;
  std::optional<LinkModes> advertising;
  std::optional<uint32_t> wolopts;    // ethtool -s wol
  std::optional<bool> eee_enabled;    // ethtool --set-eee
  std::optional<bool> pause_autoneg;  // ethtool -A
  std::optional<bool> interrupts;     // the consumer requested the PHY's IRQ

  bool empty() const override;
  // "speed 100 duplex full autoneg on; wol g"
  std::string describe() const override;
  void replay(core::Device* provider) const override;
  // Re-applies every entry, in the order the kernel would have applied them.
  // Returns the entries replayed, for the timeline.
  std::vector<std::string> replay_to(PhyDevice* phydev) const;
};

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_JOURNAL_H_
