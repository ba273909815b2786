// SPDX-License-Identifier: GPL-2.0-only
// ethtool's link modes: the bits of ETHTOOL_LINK_MODE_*_BIT in
// include/uapi/linux/ethtool.h and the names the kernel gives them
// (net/ethtool/common.c), for the modes a board with BASE-T PHYs, SFP cages
// and PCSs needs. `ethtool -s IF advertise 0x...` takes a mask of these bits
// (bit N is 1 << N), so the masks here are the ones ethtool's man page lists.
#ifndef LIFELINE_SCENARIO_LINK_MODES_H_
#define LIFELINE_SCENARIO_LINK_MODES_H_

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lifeline::scenario {

enum class Duplex : uint8_t { kHalf, kFull };

// "half" or "full", as ethtool and the scenario language write them.
const char* duplex_name(Duplex duplex);

// Wide enough for every bit the kernel defines today (__ETHTOOL_LINK_MODE_MASK_NBITS
// is a little over 100), so a mask never needs to be cut.
inline constexpr int kLinkModeBits = 128;
using LinkModeMask = std::bitset<kLinkModeBits>;

struct LinkMode {
  std::string_view name;  // the kernel's name: "1000baseT/Full", "Autoneg", "Pause"
  int bit;                // ETHTOOL_LINK_MODE_<name>_BIT
  int speed;              // Mb/s; 0 for bits that are not a speed (Autoneg, TP, Pause, ...)
  Duplex duplex;          // meaningful only when speed > 0
};

// Every mode lifeline knows, in bit order.
std::span<const LinkMode> link_modes();

// Exact, case-sensitive match on the kernel's name, as ethtool does.
const LinkMode* find_link_mode(std::string_view name);
const LinkMode* find_link_mode(int bit);

// The speed modes with this speed and duplex (for example 1000/full gives
// 1000baseT/Full, 1000baseKX/Full and 1000baseX/Full).
LinkModeMask link_modes_with(int speed, Duplex duplex);

// The bits set in a "0x..." hex mask, lowest first; nullopt when the text is
// not "0x" followed by hex digits. Any width: bits lifeline does not know are
// returned too, so that the caller can name them.
std::optional<std::vector<int>> parse_hex_bits(std::string_view text);

// The mask in hex as ethtool takes it, without leading zeros: "0x20",
// "0x800000000028"; "0x0" for the empty mask.
std::string format_link_mode_mask(const LinkModeMask& mask);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_LINK_MODES_H_
