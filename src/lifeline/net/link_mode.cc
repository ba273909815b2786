// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/link_mode.h"

#include <bit>

namespace lifeline::net {

namespace {

constexpr Duplex H = DUPLEX_HALF;
constexpr Duplex F = DUPLEX_FULL;
constexpr Duplex U = DUPLEX_UNKNOWN;
constexpr int NS = SPEED_UNKNOWN;

// Names from link_mode_names[], speed and duplex from link_mode_params[]
// (net/ethtool/common.c); the non-speed bits are __DEFINE_SPECIAL_MODE_PARAMS
// there: SPEED_UNKNOWN, DUPLEX_UNKNOWN. In bit order.
constexpr LinkMode kModes[] = {
    {"10baseT/Half", ETHTOOL_LINK_MODE_10baseT_Half_BIT, 10, H},
    {"10baseT/Full", ETHTOOL_LINK_MODE_10baseT_Full_BIT, 10, F},
    {"100baseT/Half", ETHTOOL_LINK_MODE_100baseT_Half_BIT, 100, H},
    {"100baseT/Full", ETHTOOL_LINK_MODE_100baseT_Full_BIT, 100, F},
    {"1000baseT/Half", ETHTOOL_LINK_MODE_1000baseT_Half_BIT, 1000, H},
    {"1000baseT/Full", ETHTOOL_LINK_MODE_1000baseT_Full_BIT, 1000, F},
    {"Autoneg", ETHTOOL_LINK_MODE_Autoneg_BIT, NS, U},
    {"TP", ETHTOOL_LINK_MODE_TP_BIT, NS, U},
    {"AUI", ETHTOOL_LINK_MODE_AUI_BIT, NS, U},
    {"MII", ETHTOOL_LINK_MODE_MII_BIT, NS, U},
    {"FIBRE", ETHTOOL_LINK_MODE_FIBRE_BIT, NS, U},
    {"BNC", ETHTOOL_LINK_MODE_BNC_BIT, NS, U},
    {"10000baseT/Full", ETHTOOL_LINK_MODE_10000baseT_Full_BIT, 10000, F},
    {"Pause", ETHTOOL_LINK_MODE_Pause_BIT, NS, U},
    {"Asym_Pause", ETHTOOL_LINK_MODE_Asym_Pause_BIT, NS, U},
    {"2500baseX/Full", ETHTOOL_LINK_MODE_2500baseX_Full_BIT, 2500, F},
    {"Backplane", ETHTOOL_LINK_MODE_Backplane_BIT, NS, U},
    {"1000baseKX/Full", ETHTOOL_LINK_MODE_1000baseKX_Full_BIT, 1000, F},
    {"10000baseKX4/Full", ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT, 10000, F},
    {"10000baseKR/Full", ETHTOOL_LINK_MODE_10000baseKR_Full_BIT, 10000, F},
    {"10000baseR_FEC", ETHTOOL_LINK_MODE_10000baseR_FEC_BIT, 10000, F},
    {"20000baseMLD2/Full", ETHTOOL_LINK_MODE_20000baseMLD2_Full_BIT, 20000, F},
    {"20000baseKR2/Full", ETHTOOL_LINK_MODE_20000baseKR2_Full_BIT, 20000, F},
    {"40000baseKR4/Full", ETHTOOL_LINK_MODE_40000baseKR4_Full_BIT, 40000, F},
    {"40000baseCR4/Full", ETHTOOL_LINK_MODE_40000baseCR4_Full_BIT, 40000, F},
    {"40000baseSR4/Full", ETHTOOL_LINK_MODE_40000baseSR4_Full_BIT, 40000, F},
    {"40000baseLR4/Full", ETHTOOL_LINK_MODE_40000baseLR4_Full_BIT, 40000, F},
    {"56000baseKR4/Full", ETHTOOL_LINK_MODE_56000baseKR4_Full_BIT, 56000, F},
    {"56000baseCR4/Full", ETHTOOL_LINK_MODE_56000baseCR4_Full_BIT, 56000, F},
    {"56000baseSR4/Full", ETHTOOL_LINK_MODE_56000baseSR4_Full_BIT, 56000, F},
    {"56000baseLR4/Full", ETHTOOL_LINK_MODE_56000baseLR4_Full_BIT, 56000, F},
    {"25000baseCR/Full", ETHTOOL_LINK_MODE_25000baseCR_Full_BIT, 25000, F},
    {"25000baseKR/Full", ETHTOOL_LINK_MODE_25000baseKR_Full_BIT, 25000, F},
    {"25000baseSR/Full", ETHTOOL_LINK_MODE_25000baseSR_Full_BIT, 25000, F},
    {"50000baseCR2/Full", ETHTOOL_LINK_MODE_50000baseCR2_Full_BIT, 50000, F},
    {"50000baseKR2/Full", ETHTOOL_LINK_MODE_50000baseKR2_Full_BIT, 50000, F},
    {"100000baseKR4/Full", ETHTOOL_LINK_MODE_100000baseKR4_Full_BIT, 100000, F},
    {"100000baseSR4/Full", ETHTOOL_LINK_MODE_100000baseSR4_Full_BIT, 100000, F},
    {"100000baseCR4/Full", ETHTOOL_LINK_MODE_100000baseCR4_Full_BIT, 100000, F},
    {"100000baseLR4_ER4/Full", ETHTOOL_LINK_MODE_100000baseLR4_ER4_Full_BIT, 100000, F},
    {"50000baseSR2/Full", ETHTOOL_LINK_MODE_50000baseSR2_Full_BIT, 50000, F},
    {"1000baseX/Full", ETHTOOL_LINK_MODE_1000baseX_Full_BIT, 1000, F},
    {"10000baseCR/Full", ETHTOOL_LINK_MODE_10000baseCR_Full_BIT, 10000, F},
    {"10000baseSR/Full", ETHTOOL_LINK_MODE_10000baseSR_Full_BIT, 10000, F},
    {"10000baseLR/Full", ETHTOOL_LINK_MODE_10000baseLR_Full_BIT, 10000, F},
    {"10000baseLRM/Full", ETHTOOL_LINK_MODE_10000baseLRM_Full_BIT, 10000, F},
    {"10000baseER/Full", ETHTOOL_LINK_MODE_10000baseER_Full_BIT, 10000, F},
    {"2500baseT/Full", ETHTOOL_LINK_MODE_2500baseT_Full_BIT, 2500, F},
    {"5000baseT/Full", ETHTOOL_LINK_MODE_5000baseT_Full_BIT, 5000, F},
    {"None", ETHTOOL_LINK_MODE_FEC_NONE_BIT, NS, U},
    {"RS", ETHTOOL_LINK_MODE_FEC_RS_BIT, NS, U},
    {"BASER", ETHTOOL_LINK_MODE_FEC_BASER_BIT, NS, U},
    {"50000baseKR/Full", ETHTOOL_LINK_MODE_50000baseKR_Full_BIT, 50000, F},
    {"50000baseSR/Full", ETHTOOL_LINK_MODE_50000baseSR_Full_BIT, 50000, F},
    {"50000baseCR/Full", ETHTOOL_LINK_MODE_50000baseCR_Full_BIT, 50000, F},
    {"50000baseLR_ER_FR/Full", ETHTOOL_LINK_MODE_50000baseLR_ER_FR_Full_BIT, 50000, F},
    {"50000baseDR/Full", ETHTOOL_LINK_MODE_50000baseDR_Full_BIT, 50000, F},
    {"100000baseKR2/Full", ETHTOOL_LINK_MODE_100000baseKR2_Full_BIT, 100000, F},
    {"100000baseSR2/Full", ETHTOOL_LINK_MODE_100000baseSR2_Full_BIT, 100000, F},
    {"100000baseCR2/Full", ETHTOOL_LINK_MODE_100000baseCR2_Full_BIT, 100000, F},
    {"100000baseLR2_ER2_FR2/Full", ETHTOOL_LINK_MODE_100000baseLR2_ER2_FR2_Full_BIT, 100000, F},
    {"100000baseDR2/Full", ETHTOOL_LINK_MODE_100000baseDR2_Full_BIT, 100000, F},
    {"200000baseKR4/Full", ETHTOOL_LINK_MODE_200000baseKR4_Full_BIT, 200000, F},
    {"200000baseSR4/Full", ETHTOOL_LINK_MODE_200000baseSR4_Full_BIT, 200000, F},
    {"200000baseLR4_ER4_FR4/Full", ETHTOOL_LINK_MODE_200000baseLR4_ER4_FR4_Full_BIT, 200000, F},
    {"200000baseDR4/Full", ETHTOOL_LINK_MODE_200000baseDR4_Full_BIT, 200000, F},
    {"200000baseCR4/Full", ETHTOOL_LINK_MODE_200000baseCR4_Full_BIT, 200000, F},
    {"100baseT1/Full", ETHTOOL_LINK_MODE_100baseT1_Full_BIT, 100, F},
    {"1000baseT1/Full", ETHTOOL_LINK_MODE_1000baseT1_Full_BIT, 1000, F},
    {"400000baseKR8/Full", ETHTOOL_LINK_MODE_400000baseKR8_Full_BIT, 400000, F},
    {"400000baseSR8/Full", ETHTOOL_LINK_MODE_400000baseSR8_Full_BIT, 400000, F},
    {"400000baseLR8_ER8_FR8/Full", ETHTOOL_LINK_MODE_400000baseLR8_ER8_FR8_Full_BIT, 400000, F},
    {"400000baseDR8/Full", ETHTOOL_LINK_MODE_400000baseDR8_Full_BIT, 400000, F},
    {"400000baseCR8/Full", ETHTOOL_LINK_MODE_400000baseCR8_Full_BIT, 400000, F},
    {"LLRS", ETHTOOL_LINK_MODE_FEC_LLRS_BIT, NS, U},
    {"100000baseKR/Full", ETHTOOL_LINK_MODE_100000baseKR_Full_BIT, 100000, F},
    {"100000baseSR/Full", ETHTOOL_LINK_MODE_100000baseSR_Full_BIT, 100000, F},
    {"100000baseLR_ER_FR/Full", ETHTOOL_LINK_MODE_100000baseLR_ER_FR_Full_BIT, 100000, F},
    {"100000baseCR/Full", ETHTOOL_LINK_MODE_100000baseCR_Full_BIT, 100000, F},
    {"100000baseDR/Full", ETHTOOL_LINK_MODE_100000baseDR_Full_BIT, 100000, F},
    {"200000baseKR2/Full", ETHTOOL_LINK_MODE_200000baseKR2_Full_BIT, 200000, F},
    {"200000baseSR2/Full", ETHTOOL_LINK_MODE_200000baseSR2_Full_BIT, 200000, F},
    {"200000baseLR2_ER2_FR2/Full", ETHTOOL_LINK_MODE_200000baseLR2_ER2_FR2_Full_BIT, 200000, F},
    {"200000baseDR2/Full", ETHTOOL_LINK_MODE_200000baseDR2_Full_BIT, 200000, F},
    {"200000baseCR2/Full", ETHTOOL_LINK_MODE_200000baseCR2_Full_BIT, 200000, F},
    {"400000baseKR4/Full", ETHTOOL_LINK_MODE_400000baseKR4_Full_BIT, 400000, F},
    {"400000baseSR4/Full", ETHTOOL_LINK_MODE_400000baseSR4_Full_BIT, 400000, F},
    {"400000baseLR4_ER4_FR4/Full", ETHTOOL_LINK_MODE_400000baseLR4_ER4_FR4_Full_BIT, 400000, F},
    {"400000baseDR4/Full", ETHTOOL_LINK_MODE_400000baseDR4_Full_BIT, 400000, F},
    {"400000baseCR4/Full", ETHTOOL_LINK_MODE_400000baseCR4_Full_BIT, 400000, F},
    {"100baseFX/Half", ETHTOOL_LINK_MODE_100baseFX_Half_BIT, 100, H},
    {"100baseFX/Full", ETHTOOL_LINK_MODE_100baseFX_Full_BIT, 100, F},
    {"10baseT1L/Full", ETHTOOL_LINK_MODE_10baseT1L_Full_BIT, 10, F},
    {"800000baseCR8/Full", ETHTOOL_LINK_MODE_800000baseCR8_Full_BIT, 800000, F},
    {"800000baseKR8/Full", ETHTOOL_LINK_MODE_800000baseKR8_Full_BIT, 800000, F},
    {"800000baseDR8/Full", ETHTOOL_LINK_MODE_800000baseDR8_Full_BIT, 800000, F},
    {"800000baseDR8_2/Full", ETHTOOL_LINK_MODE_800000baseDR8_2_Full_BIT, 800000, F},
    {"800000baseSR8/Full", ETHTOOL_LINK_MODE_800000baseSR8_Full_BIT, 800000, F},
    {"800000baseVR8/Full", ETHTOOL_LINK_MODE_800000baseVR8_Full_BIT, 800000, F},
    {"10baseT1S/Full", ETHTOOL_LINK_MODE_10baseT1S_Full_BIT, 10, F},
    {"10baseT1S/Half", ETHTOOL_LINK_MODE_10baseT1S_Half_BIT, 10, H},
    {"10baseT1S_P2MP/Half", ETHTOOL_LINK_MODE_10baseT1S_P2MP_Half_BIT, 10, H},
    {"10baseT1BRR/Full", ETHTOOL_LINK_MODE_10baseT1BRR_Full_BIT, 10, F},
};

// The order of settings[] in drivers/net/phy/phy-core.c, which
// phy_resolve_aneg_linkmode() walks to pick the negotiated mode: speed
// first, and within a speed the kernel's own order (not always full before
// half: 1000baseT/Half comes before 1000baseX/Full, 10baseT/Half before
// 10baseT1L/Full).
constexpr int kSettings[] = {
    ETHTOOL_LINK_MODE_800000baseCR8_Full_BIT,
    ETHTOOL_LINK_MODE_800000baseKR8_Full_BIT,
    ETHTOOL_LINK_MODE_800000baseDR8_Full_BIT,
    ETHTOOL_LINK_MODE_800000baseDR8_2_Full_BIT,
    ETHTOOL_LINK_MODE_800000baseSR8_Full_BIT,
    ETHTOOL_LINK_MODE_800000baseVR8_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseCR8_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseKR8_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseLR8_ER8_FR8_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseDR8_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseSR8_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseCR4_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseKR4_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseLR4_ER4_FR4_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseDR4_Full_BIT,
    ETHTOOL_LINK_MODE_400000baseSR4_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseCR4_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseKR4_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseLR4_ER4_FR4_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseDR4_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseSR4_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseCR2_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseKR2_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseLR2_ER2_FR2_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseDR2_Full_BIT,
    ETHTOOL_LINK_MODE_200000baseSR2_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseCR4_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseKR4_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseLR4_ER4_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseSR4_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseCR2_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseKR2_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseLR2_ER2_FR2_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseDR2_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseSR2_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseCR_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseKR_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseLR_ER_FR_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseDR_Full_BIT,
    ETHTOOL_LINK_MODE_100000baseSR_Full_BIT,
    ETHTOOL_LINK_MODE_56000baseCR4_Full_BIT,
    ETHTOOL_LINK_MODE_56000baseKR4_Full_BIT,
    ETHTOOL_LINK_MODE_56000baseLR4_Full_BIT,
    ETHTOOL_LINK_MODE_56000baseSR4_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseCR2_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseKR2_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseSR2_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseCR_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseKR_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseLR_ER_FR_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseDR_Full_BIT,
    ETHTOOL_LINK_MODE_50000baseSR_Full_BIT,
    ETHTOOL_LINK_MODE_40000baseCR4_Full_BIT,
    ETHTOOL_LINK_MODE_40000baseKR4_Full_BIT,
    ETHTOOL_LINK_MODE_40000baseLR4_Full_BIT,
    ETHTOOL_LINK_MODE_40000baseSR4_Full_BIT,
    ETHTOOL_LINK_MODE_25000baseCR_Full_BIT,
    ETHTOOL_LINK_MODE_25000baseKR_Full_BIT,
    ETHTOOL_LINK_MODE_25000baseSR_Full_BIT,
    ETHTOOL_LINK_MODE_20000baseKR2_Full_BIT,
    ETHTOOL_LINK_MODE_20000baseMLD2_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseCR_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseER_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseKR_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseLR_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseLRM_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseR_FEC_BIT,
    ETHTOOL_LINK_MODE_10000baseSR_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_5000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_2500baseT_Full_BIT,
    ETHTOOL_LINK_MODE_2500baseX_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseT_Half_BIT,
    ETHTOOL_LINK_MODE_1000baseT1_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseX_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseKX_Full_BIT,
    ETHTOOL_LINK_MODE_100baseT_Full_BIT,
    ETHTOOL_LINK_MODE_100baseT1_Full_BIT,
    ETHTOOL_LINK_MODE_100baseT_Half_BIT,
    ETHTOOL_LINK_MODE_100baseFX_Half_BIT,
    ETHTOOL_LINK_MODE_100baseFX_Full_BIT,
    ETHTOOL_LINK_MODE_10baseT_Full_BIT,
    ETHTOOL_LINK_MODE_10baseT_Half_BIT,
    ETHTOOL_LINK_MODE_10baseT1L_Full_BIT,
    ETHTOOL_LINK_MODE_10baseT1S_Full_BIT,
    ETHTOOL_LINK_MODE_10baseT1S_Half_BIT,
    ETHTOOL_LINK_MODE_10baseT1S_P2MP_Half_BIT,
    ETHTOOL_LINK_MODE_10baseT1BRR_Full_BIT,
};

// Every speed mode of kModes is in kSettings, once.
constexpr bool settings_cover_the_table() {
  int speed_modes = 0;
  for (const LinkMode& m : kModes) {
    if (m.speed == SPEED_UNKNOWN) continue;
    ++speed_modes;
    int found = 0;
    for (int bit : kSettings) found += bit == m.bit;
    if (found != 1) return false;
  }
  return speed_modes == static_cast<int>(std::size(kSettings));
}
static_assert(settings_cover_the_table());

constexpr bool table_in_bit_order() {
  for (size_t i = 1; i < std::size(kModes); ++i)
    if (kModes[i - 1].bit >= kModes[i].bit) return false;
  return std::size(kModes) == __ETHTOOL_LINK_MODE_MASK_NBITS &&
         kModes[std::size(kModes) - 1].bit == __ETHTOOL_LINK_MODE_MASK_NBITS - 1;
}
static_assert(table_in_bit_order());

// The media a cable in the model stands for (see link_mode_for()).
constexpr int kCableModes[] = {
    ETHTOOL_LINK_MODE_10baseT_Half_BIT,     ETHTOOL_LINK_MODE_10baseT_Full_BIT,
    ETHTOOL_LINK_MODE_100baseT_Half_BIT,    ETHTOOL_LINK_MODE_100baseT_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseT_Half_BIT,   ETHTOOL_LINK_MODE_1000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_2500baseT_Full_BIT,   ETHTOOL_LINK_MODE_5000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseT_Full_BIT,  ETHTOOL_LINK_MODE_10baseT1L_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseX_Full_BIT,   ETHTOOL_LINK_MODE_2500baseX_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseSR_Full_BIT,
};

constexpr int kCopperModes[] = {
    ETHTOOL_LINK_MODE_10baseT_Half_BIT,    ETHTOOL_LINK_MODE_10baseT_Full_BIT,
    ETHTOOL_LINK_MODE_100baseT_Half_BIT,   ETHTOOL_LINK_MODE_100baseT_Full_BIT,
    ETHTOOL_LINK_MODE_1000baseT_Half_BIT,  ETHTOOL_LINK_MODE_1000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_2500baseT_Full_BIT,  ETHTOOL_LINK_MODE_5000baseT_Full_BIT,
    ETHTOOL_LINK_MODE_10000baseT_Full_BIT,
};

// kModes indexed by bit: find_link_mode(bit) and the speed of a set bit
// without a search.
struct ByBit {
  const LinkMode* mode[__ETHTOOL_LINK_MODE_MASK_NBITS] = {};
  constexpr ByBit() {
    for (const LinkMode& m : kModes) mode[m.bit] = &m;
  }
};
constexpr ByBit kByBit;

// Each bit's index in kSettings; kNoRank for the bits that are not a speed.
constexpr int kNoRank = static_cast<int>(std::size(kSettings));
struct Rank {
  int of[__ETHTOOL_LINK_MODE_MASK_NBITS] = {};
  constexpr Rank() {
    for (int& r : of) r = kNoRank;
    for (int i = 0; i < kNoRank; ++i) of[kSettings[i]] = i;
  }
};
constexpr Rank kRank;
static_assert(__ETHTOOL_LINK_MODE_MASK_NBITS <= 128, "resolve_aneg() reads a mask as two words");
constexpr const ByBit& by_bit() { return kByBit; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

const char* duplex_name(Duplex duplex) { return duplex == DUPLEX_HALF ? "half" : "full"; }

std::span<const LinkMode> link_modes() { return kModes; }

const LinkMode* find_link_mode(std::string_view name) {
  for (const LinkMode& m : kModes)
    if (m.name == name) return &m;
  return nullptr;
}

const LinkMode* find_link_mode(int bit) {
  if (bit < 0 || bit >= __ETHTOOL_LINK_MODE_MASK_NBITS) return nullptr;
  return by_bit().mode[bit];
}

const LinkModes& speed_link_modes() {
  static const LinkModes m = [] {
    LinkModes s;
    for (const LinkMode& i : kModes)
      if (i.speed != SPEED_UNKNOWN) s.set(i.bit);
    return s;
  }();
  return m;
}

LinkModes link_mode_for(int speed, Duplex duplex) {
  LinkModes mask;
  for (int bit : kCableModes) {
    const LinkMode* m = by_bit().mode[bit];
    if (m->speed == speed && m->duplex == duplex) mask.set(bit);
  }
  return mask;
}

LinkModes copper_modes_up_to(int max_speed) {
  LinkModes mask;
  for (int bit : kCopperModes)
    if (by_bit().mode[bit]->speed <= max_speed) mask.set(bit);
  return mask;
}

std::optional<SpeedDuplex> resolve_aneg(const LinkModes& local, const LinkModes& partner) {
  // The first of settings[] among the common bits. The state machine asks
  // at every poll, so the walk is over the few common bits, by their rank
  // in settings[], not over the 90 entries.
  LinkModes common = local & partner;
  int best = kNoRank;
  const uint64_t words[2] = {(common & LinkModes(~0ull)).to_ullong(), (common >> 64).to_ullong()};
  for (int w = 0; w < 2; ++w)
    for (uint64_t bits = words[w]; bits; bits &= bits - 1) {
      int rank = kRank.of[w * 64 + std::countr_zero(bits)];
      if (rank < best) best = rank;
    }
  if (best == kNoRank) return std::nullopt;
  const LinkMode* m = by_bit().mode[kSettings[best]];
  return SpeedDuplex{m->speed, m->duplex};
}

std::string speed_duplex_string(int speed, Duplex duplex) {
  if (speed == SPEED_UNKNOWN || duplex == DUPLEX_UNKNOWN) return "unknown";
  return std::to_string(speed) + (duplex == DUPLEX_FULL ? "/full" : "/half");
}

std::string link_modes_string(const LinkModes& modes) {
  std::string s;
  for (int bit : kSettings) {
    if (!modes.test(bit)) continue;
    if (!s.empty()) s += " ";
    s += by_bit().mode[bit]->name;
  }
  if (modes.test(ETHTOOL_LINK_MODE_Autoneg_BIT)) s += s.empty() ? "Autoneg" : " Autoneg";
  return s.empty() ? "none" : s;
}

std::optional<std::vector<int>> parse_hex_bits(std::string_view text) {
  if (text.size() < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return std::nullopt;
  std::string_view digits = text.substr(2);
  std::vector<int> bits;
  // Walk from the least significant digit so that bit numbers grow.
  for (size_t i = 0; i < digits.size(); ++i) {
    int v = hex_value(digits[digits.size() - 1 - i]);
    if (v < 0) return std::nullopt;
    for (int b = 0; b < 4; ++b)
      if (v & (1 << b)) bits.push_back(static_cast<int>(i) * 4 + b);
  }
  return bits;
}

std::string format_link_mode_mask(const LinkModes& mask) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  constexpr int kNibbles = (__ETHTOOL_LINK_MODE_MASK_NBITS + 3) / 4;
  for (int nibble = kNibbles - 1; nibble >= 0; --nibble) {
    int v = 0;
    for (int b = 0; b < 4; ++b) {
      int bit = nibble * 4 + b;
      if (bit < __ETHTOOL_LINK_MODE_MASK_NBITS && mask[bit]) v |= 1 << b;
    }
    if (v == 0 && s.empty()) continue;
    s += kDigits[v];
  }
  return "0x" + (s.empty() ? std::string("0") : s);
}

}  // namespace lifeline::net
