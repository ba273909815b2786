// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/link_mode.h"

namespace lifeline::net {

namespace {

struct ModeInfo {
  LinkModes bit;
  int speed;
  Duplex duplex;
  const char* name;
};

// Highest speed first, full before half: the order autonegotiation prefers
// (IEEE 802.3 Annex 28B.3 priority resolution).
constexpr ModeInfo kModes[] = {
    {LM_10000baseT_Full, 10000, DUPLEX_FULL, "10000baseT/Full"},
    {LM_10000baseSR_Full, 10000, DUPLEX_FULL, "10000baseSR/Full"},
    {LM_5000baseT_Full, 5000, DUPLEX_FULL, "5000baseT/Full"},
    {LM_2500baseT_Full, 2500, DUPLEX_FULL, "2500baseT/Full"},
    {LM_2500baseX_Full, 2500, DUPLEX_FULL, "2500baseX/Full"},
    {LM_1000baseT_Full, 1000, DUPLEX_FULL, "1000baseT/Full"},
    {LM_1000baseX_Full, 1000, DUPLEX_FULL, "1000baseX/Full"},
    {LM_1000baseT_Half, 1000, DUPLEX_HALF, "1000baseT/Half"},
    {LM_100baseT_Full, 100, DUPLEX_FULL, "100baseT/Full"},
    {LM_100baseT_Half, 100, DUPLEX_HALF, "100baseT/Half"},
    {LM_10baseT_Full, 10, DUPLEX_FULL, "10baseT/Full"},
    {LM_10baseT1L_Full, 10, DUPLEX_FULL, "10baseT1L/Full"},
    {LM_10baseT_Half, 10, DUPLEX_HALF, "10baseT/Half"},
};

}  // namespace

LinkModes link_mode_for(int speed, Duplex duplex) {
  LinkModes m = 0;
  for (const ModeInfo& i : kModes)
    if (i.speed == speed && i.duplex == duplex) m |= i.bit;
  return m;
}

std::optional<SpeedDuplex> resolve_aneg(LinkModes local, LinkModes partner) {
  LinkModes common = local & partner & kSpeedModes;
  for (const ModeInfo& i : kModes)
    if (common & i.bit) return SpeedDuplex{i.speed, i.duplex};
  return std::nullopt;
}

LinkModes copper_modes_up_to(int max_speed) {
  LinkModes m = 0;
  static constexpr LinkModes kCopper = LM_10baseT_Half | LM_10baseT_Full | LM_100baseT_Half |
                                       LM_100baseT_Full | LM_1000baseT_Half | LM_1000baseT_Full |
                                       LM_2500baseT_Full | LM_5000baseT_Full | LM_10000baseT_Full;
  for (const ModeInfo& i : kModes)
    if ((i.bit & kCopper) && i.speed <= max_speed) m |= i.bit;
  return m;
}

std::string speed_duplex_string(int speed, Duplex duplex) {
  if (speed == SPEED_UNKNOWN || duplex == DUPLEX_UNKNOWN) return "unknown";
  return std::to_string(speed) + (duplex == DUPLEX_FULL ? "/full" : "/half");
}

std::string link_modes_string(LinkModes modes) {
  std::string s;
  for (const ModeInfo& i : kModes) {
    if (!(modes & i.bit)) continue;
    if (!s.empty()) s += " ";
    s += i.name;
  }
  if (modes & LM_Autoneg) s += s.empty() ? "Autoneg" : " Autoneg";
  return s.empty() ? "none" : s;
}

std::optional<LinkModes> parse_link_mode_name(std::string_view name) {
  for (const ModeInfo& i : kModes)
    if (name == i.name) return i.bit;
  if (name == "Autoneg") return LM_Autoneg;
  if (name == "Pause") return LM_Pause;
  if (name == "Asym_Pause") return LM_Asym_Pause;
  return std::nullopt;
}

}  // namespace lifeline::net
