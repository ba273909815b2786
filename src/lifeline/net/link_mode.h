// SPDX-License-Identifier: GPL-2.0-only
// Link modes as ethtool knows them (ETHTOOL_LINK_MODE_*), reduced to what
// lifecycle needs: speed/duplex pairs, autoneg and pause, as a bitmask.
#ifndef LIFELINE_NET_LINK_MODE_H_
#define LIFELINE_NET_LINK_MODE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lifeline::net {

inline constexpr int SPEED_UNKNOWN = -1;
enum Duplex : int8_t { DUPLEX_HALF = 0, DUPLEX_FULL = 1, DUPLEX_UNKNOWN = -1 };
enum Autoneg : uint8_t { AUTONEG_DISABLE = 0, AUTONEG_ENABLE = 1 };

// One bit per mode; the order is ours, the names are ethtool's.
enum LinkModeBit : uint32_t {
  LM_10baseT_Half = 1u << 0,
  LM_10baseT_Full = 1u << 1,
  LM_100baseT_Half = 1u << 2,
  LM_100baseT_Full = 1u << 3,
  LM_1000baseT_Half = 1u << 4,
  LM_1000baseT_Full = 1u << 5,
  LM_2500baseT_Full = 1u << 6,
  LM_5000baseT_Full = 1u << 7,
  LM_10000baseT_Full = 1u << 8,
  LM_1000baseX_Full = 1u << 9,
  LM_2500baseX_Full = 1u << 10,
  LM_10000baseSR_Full = 1u << 11,
  LM_10baseT1L_Full = 1u << 12,
  LM_Autoneg = 1u << 16,
  LM_Pause = 1u << 17,
  LM_Asym_Pause = 1u << 18,
};

using LinkModes = uint32_t;
inline constexpr LinkModes kSpeedModes = 0xffff;

// The link mode for speed/duplex (0 when there is none).
LinkModes link_mode_for(int speed, Duplex duplex);
// The best speed/duplex common to both masks, as autonegotiation resolves
// it (highest speed, full before half). nullopt when nothing is common.
struct SpeedDuplex {
  int speed;
  Duplex duplex;
  bool operator==(const SpeedDuplex&) const = default;
};
std::optional<SpeedDuplex> resolve_aneg(LinkModes local, LinkModes partner);
// Every mode up to and including `max_speed` Mb/s over twisted pair.
LinkModes copper_modes_up_to(int max_speed);

// "1000/full", "100/half", "unknown".
std::string speed_duplex_string(int speed, Duplex duplex);
// ethtool's names: "1000baseT/Full".
std::string link_modes_string(LinkModes modes);
std::optional<LinkModes> parse_link_mode_name(std::string_view name);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_LINK_MODE_H_
