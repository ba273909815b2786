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

// enum ethtool_link_mode_bit_indices, every bit of v6.12.
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
  ETHTOOL_LINK_MODE_10000baseR_FEC_BIT = 20,
  ETHTOOL_LINK_MODE_20000baseMLD2_Full_BIT = 21,
  ETHTOOL_LINK_MODE_20000baseKR2_Full_BIT = 22,
  ETHTOOL_LINK_MODE_40000baseKR4_Full_BIT = 23,
  ETHTOOL_LINK_MODE_40000baseCR4_Full_BIT = 24,
  ETHTOOL_LINK_MODE_40000baseSR4_Full_BIT = 25,
  ETHTOOL_LINK_MODE_40000baseLR4_Full_BIT = 26,
  ETHTOOL_LINK_MODE_56000baseKR4_Full_BIT = 27,
  ETHTOOL_LINK_MODE_56000baseCR4_Full_BIT = 28,
  ETHTOOL_LINK_MODE_56000baseSR4_Full_BIT = 29,
  ETHTOOL_LINK_MODE_56000baseLR4_Full_BIT = 30,
  ETHTOOL_LINK_MODE_25000baseCR_Full_BIT = 31,
  ETHTOOL_LINK_MODE_25000baseKR_Full_BIT = 32,
  ETHTOOL_LINK_MODE_25000baseSR_Full_BIT = 33,
  ETHTOOL_LINK_MODE_50000baseCR2_Full_BIT = 34,
  ETHTOOL_LINK_MODE_50000baseKR2_Full_BIT = 35,
  ETHTOOL_LINK_MODE_100000baseKR4_Full_BIT = 36,
  ETHTOOL_LINK_MODE_100000baseSR4_Full_BIT = 37,
  ETHTOOL_LINK_MODE_100000baseCR4_Full_BIT = 38,
  ETHTOOL_LINK_MODE_100000baseLR4_ER4_Full_BIT = 39,
  ETHTOOL_LINK_MODE_50000baseSR2_Full_BIT = 40,
  ETHTOOL_LINK_MODE_1000baseX_Full_BIT = 41,
  ETHTOOL_LINK_MODE_10000baseCR_Full_BIT = 42,
  ETHTOOL_LINK_MODE_10000baseSR_Full_BIT = 43,
  ETHTOOL_LINK_MODE_10000baseLR_Full_BIT = 44,
  ETHTOOL_LINK_MODE_10000baseLRM_Full_BIT = 45,
  ETHTOOL_LINK_MODE_10000baseER_Full_BIT = 46,
  ETHTOOL_LINK_MODE_2500baseT_Full_BIT = 47,
  ETHTOOL_LINK_MODE_5000baseT_Full_BIT = 48,
  ETHTOOL_LINK_MODE_FEC_NONE_BIT = 49,
  ETHTOOL_LINK_MODE_FEC_RS_BIT = 50,
  ETHTOOL_LINK_MODE_FEC_BASER_BIT = 51,
  ETHTOOL_LINK_MODE_50000baseKR_Full_BIT = 52,
  ETHTOOL_LINK_MODE_50000baseSR_Full_BIT = 53,
  ETHTOOL_LINK_MODE_50000baseCR_Full_BIT = 54,
  ETHTOOL_LINK_MODE_50000baseLR_ER_FR_Full_BIT = 55,
  ETHTOOL_LINK_MODE_50000baseDR_Full_BIT = 56,
  ETHTOOL_LINK_MODE_100000baseKR2_Full_BIT = 57,
  ETHTOOL_LINK_MODE_100000baseSR2_Full_BIT = 58,
  ETHTOOL_LINK_MODE_100000baseCR2_Full_BIT = 59,
  ETHTOOL_LINK_MODE_100000baseLR2_ER2_FR2_Full_BIT = 60,
  ETHTOOL_LINK_MODE_100000baseDR2_Full_BIT = 61,
  ETHTOOL_LINK_MODE_200000baseKR4_Full_BIT = 62,
  ETHTOOL_LINK_MODE_200000baseSR4_Full_BIT = 63,
  ETHTOOL_LINK_MODE_200000baseLR4_ER4_FR4_Full_BIT = 64,
  ETHTOOL_LINK_MODE_200000baseDR4_Full_BIT = 65,
  ETHTOOL_LINK_MODE_200000baseCR4_Full_BIT = 66,
  ETHTOOL_LINK_MODE_100baseT1_Full_BIT = 67,
  ETHTOOL_LINK_MODE_1000baseT1_Full_BIT = 68,
  ETHTOOL_LINK_MODE_400000baseKR8_Full_BIT = 69,
  ETHTOOL_LINK_MODE_400000baseSR8_Full_BIT = 70,
  ETHTOOL_LINK_MODE_400000baseLR8_ER8_FR8_Full_BIT = 71,
  ETHTOOL_LINK_MODE_400000baseDR8_Full_BIT = 72,
  ETHTOOL_LINK_MODE_400000baseCR8_Full_BIT = 73,
  ETHTOOL_LINK_MODE_FEC_LLRS_BIT = 74,
  ETHTOOL_LINK_MODE_100000baseKR_Full_BIT = 75,
  ETHTOOL_LINK_MODE_100000baseSR_Full_BIT = 76,
  ETHTOOL_LINK_MODE_100000baseLR_ER_FR_Full_BIT = 77,
  ETHTOOL_LINK_MODE_100000baseCR_Full_BIT = 78,
  ETHTOOL_LINK_MODE_100000baseDR_Full_BIT = 79,
  ETHTOOL_LINK_MODE_200000baseKR2_Full_BIT = 80,
  ETHTOOL_LINK_MODE_200000baseSR2_Full_BIT = 81,
  ETHTOOL_LINK_MODE_200000baseLR2_ER2_FR2_Full_BIT = 82,
  ETHTOOL_LINK_MODE_200000baseDR2_Full_BIT = 83,
  ETHTOOL_LINK_MODE_200000baseCR2_Full_BIT = 84,
  ETHTOOL_LINK_MODE_400000baseKR4_Full_BIT = 85,
  ETHTOOL_LINK_MODE_400000baseSR4_Full_BIT = 86,
  ETHTOOL_LINK_MODE_400000baseLR4_ER4_FR4_Full_BIT = 87,
  ETHTOOL_LINK_MODE_400000baseDR4_Full_BIT = 88,
  ETHTOOL_LINK_MODE_400000baseCR4_Full_BIT = 89,
  ETHTOOL_LINK_MODE_100baseFX_Half_BIT = 90,
  ETHTOOL_LINK_MODE_100baseFX_Full_BIT = 91,
  ETHTOOL_LINK_MODE_10baseT1L_Full_BIT = 92,
  ETHTOOL_LINK_MODE_800000baseCR8_Full_BIT = 93,
  ETHTOOL_LINK_MODE_800000baseKR8_Full_BIT = 94,
  ETHTOOL_LINK_MODE_800000baseDR8_Full_BIT = 95,
  ETHTOOL_LINK_MODE_800000baseDR8_2_Full_BIT = 96,
  ETHTOOL_LINK_MODE_800000baseSR8_Full_BIT = 97,
  ETHTOOL_LINK_MODE_800000baseVR8_Full_BIT = 98,
  ETHTOOL_LINK_MODE_10baseT1S_Full_BIT = 99,
  ETHTOOL_LINK_MODE_10baseT1S_Half_BIT = 100,
  ETHTOOL_LINK_MODE_10baseT1S_P2MP_Half_BIT = 101,
  ETHTOOL_LINK_MODE_10baseT1BRR_Full_BIT = 102,
  __ETHTOOL_LINK_MODE_MASK_NBITS = 103,
};

using LinkModes = std::bitset<__ETHTOOL_LINK_MODE_MASK_NBITS>;

struct LinkMode {
  std::string_view name;  // link_mode_names[]: "1000baseT/Full", "Autoneg", "Pause"
  int bit;                // ETHTOOL_LINK_MODE_<name>_BIT
  int speed;              // Mb/s; SPEED_UNKNOWN for the bits that are not a speed
  Duplex duplex;          // DUPLEX_UNKNOWN for the bits that are not a speed
};

// Every mode of the kernel, in bit order.
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
// What a link partner advertises at speed/duplex over the media lifeline's
// cables stand for: twisted pair (BASE-T, 10BASE-T1L) and the fibre of an
// SFP (1000BASE-X, 2500BASE-X, 10GBASE-SR). Empty when there is none.
LinkModes link_mode_for(int speed, Duplex duplex);
// Every BASE-T mode up to and including `max_speed` Mb/s.
LinkModes copper_modes_up_to(int max_speed);

// The best speed/duplex common to both masks, as phy_resolve_aneg_linkmode()
// resolves it: the first common mode in phy-core.c's settings[] (highest
// speed first, then the kernel's order within a speed). nullopt when no
// speed mode is common.
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
