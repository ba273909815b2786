// SPDX-License-Identifier: GPL-2.0-only
// ethtool link modes: one table, used by the model (PHY features,
// advertising, autonegotiation, phylink) and by the scenario language
// (`ethtool -s IF advertise MASK|NAMES`). The bit numbers are the kernel's
// enum ethtool_link_mode_bit_indices (include/uapi/linux/ethtool.h, v6.12),
// the names its link_mode_names[] and the speed/duplex its
// link_mode_params[] (net/ethtool/common.c). A mask is a bitmap of
// __ETHTOOL_LINK_MODE_MASK_NBITS bits, as the kernel's
// __ETHTOOL_DECLARE_LINK_MODE_MASK() is, so `advertise 0x...` reaches the
// PHY bit for bit.
#ifndef LIFELINE_NET_LINK_MODE_H_
#define LIFELINE_NET_LINK_MODE_H_

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lifeline::net {

inline constexpr int SPEED_UNKNOWN = -1;
enum Duplex : int8_t { DUPLEX_HALF = 0, DUPLEX_FULL = 1, DUPLEX_UNKNOWN = -1 };
enum Autoneg : uint8_t { AUTONEG_DISABLE = 0, AUTONEG_ENABLE = 1 };

// "half" or "full", as ethtool and the scenario language write them.
const char* duplex_name(Duplex duplex);

// The bits of the modes lifeline knows: BASE-T and BASE-T1 copper, the
// fibre and backplane modes SFP modules and PCSs use, and the non-speed
// bits that show up in real advertise masks. The numbers are the kernel's;
// the bits in between exist in the kernel and are not modelled.
enum ethtool_link_mode_bit_indices : int {
  ETHTOOL_LINK_MODE_10baseT_Half_BIT = 0,
  ETHTOOL_LINK_MODE_10baseT_Full_BIT = 1,
  ETHTOOL_LINK_MODE_100baseT_Half_BIT = 2,
  ETHTOOL_LINK_MODE_100baseT_Full_BIT = 3,
  ETHTOOL_LINK_MODE_1000baseT_Half_BIT = 4,
  ETHTOOL_LINK_MODE_1000baseT_Full_BIT = 5,
  ETHTOOL_LINK_MODE_Autoneg_BIT = 6,
  ETHTOOL_LINK_MODE_TP_BIT = 7,
  ETHTOOL_LINK_MODE_AUI_BIT = 8,
  ETHTOOL_LINK_MODE_MII_BIT = 9,
  ETHTOOL_LINK_MODE_FIBRE_BIT = 10,
  ETHTOOL_LINK_MODE_BNC_BIT = 11,
  ETHTOOL_LINK_MODE_10000baseT_Full_BIT = 12,
  ETHTOOL_LINK_MODE_Pause_BIT = 13,
  ETHTOOL_LINK_MODE_Asym_Pause_BIT = 14,
  ETHTOOL_LINK_MODE_2500baseX_Full_BIT = 15,
  ETHTOOL_LINK_MODE_Backplane_BIT = 16,
  ETHTOOL_LINK_MODE_1000baseKX_Full_BIT = 17,
  ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT = 18,
  ETHTOOL_LINK_MODE_10000baseKR_Full_BIT = 19,
  ETHTOOL_LINK_MODE_1000baseX_Full_BIT = 41,
  ETHTOOL_LINK_MODE_10000baseCR_Full_BIT = 42,
  ETHTOOL_LINK_MODE_10000baseSR_Full_BIT = 43,
  ETHTOOL_LINK_MODE_10000baseLR_Full_BIT = 44,
  ETHTOOL_LINK_MODE_10000baseLRM_Full_BIT = 45,
  ETHTOOL_LINK_MODE_10000baseER_Full_BIT = 46,
  ETHTOOL_LINK_MODE_2500baseT_Full_BIT = 47,
  ETHTOOL_LINK_MODE_5000baseT_Full_BIT = 48,
  ETHTOOL_LINK_MODE_100baseT1_Full_BIT = 67,
  ETHTOOL_LINK_MODE_1000baseT1_Full_BIT = 68,
  ETHTOOL_LINK_MODE_100baseFX_Half_BIT = 90,
  ETHTOOL_LINK_MODE_100baseFX_Full_BIT = 91,
  ETHTOOL_LINK_MODE_10baseT1L_Full_BIT = 92,
  // v6.12 ends with ETHTOOL_LINK_MODE_10baseT1BRR_Full_BIT = 102.
  __ETHTOOL_LINK_MODE_MASK_NBITS = 103,
};

using LinkModes = std::bitset<__ETHTOOL_LINK_MODE_MASK_NBITS>;

struct LinkMode {
  std::string_view name;  // link_mode_names[]: "1000baseT/Full", "Autoneg", "Pause"
  int bit;                // ETHTOOL_LINK_MODE_<name>_BIT
  int speed;              // Mb/s; SPEED_UNKNOWN for the bits that are not a speed
  Duplex duplex;          // DUPLEX_UNKNOWN for the bits that are not a speed
};

// Every mode lifeline knows, in bit order.
std::span<const LinkMode> link_modes();
// Exact, case-sensitive match on the kernel's name, as ethtool does.
const LinkMode* find_link_mode(std::string_view name);
const LinkMode* find_link_mode(int bit);

// linkmode_set_bit() / linkmode_test_bit() / linkmode_clear_bit()
// (include/linux/linkmode.h).
inline void linkmode_set_bit(int nr, LinkModes& addr) { addr.set(nr); }
inline void linkmode_clear_bit(int nr, LinkModes& addr) { addr.reset(nr); }
inline bool linkmode_test_bit(int nr, const LinkModes& addr) { return addr.test(nr); }

// Every mode that is a speed (not Autoneg, TP, Pause, ...).
const LinkModes& speed_link_modes();
// The speed modes with this speed and duplex (for example 1000/full gives
// 1000baseT/Full, 1000baseKX/Full, 1000baseX/Full and 1000baseT1/Full).
LinkModes link_modes_with(int speed, Duplex duplex);
// What a link partner advertises at speed/duplex over the media lifeline's
// cables stand for: twisted pair (BASE-T, 10BASE-T1L) and the fibre of an
// SFP (1000BASE-X, 2500BASE-X, 10GBASE-SR). Empty when there is none.
LinkModes link_mode_for(int speed, Duplex duplex);
// Every BASE-T mode up to and including `max_speed` Mb/s.
LinkModes copper_modes_up_to(int max_speed);

// The best speed/duplex common to both masks, as phy_resolve_aneg_linkmode()
// resolves it: the first common mode in phy-core.c's settings[] (highest
// speed first, full before half). nullopt when nothing is common.
struct SpeedDuplex {
  int speed;
  Duplex duplex;
  bool operator==(const SpeedDuplex&) const = default;
};
std::optional<SpeedDuplex> resolve_aneg(const LinkModes& local, const LinkModes& partner);

// "1000/full", "100/half", "unknown".
std::string speed_duplex_string(int speed, Duplex duplex);
// The speed modes in settings[] order, then "Autoneg": "1000baseT/Full
// 100baseT/Full Autoneg"; "none" for a mask with neither.
std::string link_modes_string(const LinkModes& modes);

// The bits set in a "0x..." hex mask, lowest first; nullopt when the text is
// not "0x" followed by hex digits. Any width: bits lifeline does not know are
// returned too, so that the caller can name them.
std::optional<std::vector<int>> parse_hex_bits(std::string_view text);
// The mask in hex as ethtool takes it, without leading zeros: "0x20",
// "0x800000000028"; "0x0" for the empty mask.
std::string format_link_mode_mask(const LinkModes& mask);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_LINK_MODE_H_
