// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/link_modes.h"

namespace lifeline::scenario {

namespace {

constexpr Duplex H = Duplex::kHalf;
constexpr Duplex F = Duplex::kFull;

// Bit numbers from enum ethtool_link_mode_bit_indices; names from the
// kernel's link_mode_names[]. Only modes a board in lifeline's scope can
// have: BASE-T and BASE-T1 copper, the SGMII/1000BASE-X/2500BASE-X/10G fibre
// and backplane modes SFP modules and PCSs use, and the non-speed bits that
// show up in real advertise masks.
constexpr LinkMode kModes[] = {
    {"10baseT/Half", 0, 10, H},
    {"10baseT/Full", 1, 10, F},
    {"100baseT/Half", 2, 100, H},
    {"100baseT/Full", 3, 100, F},
    {"1000baseT/Half", 4, 1000, H},
    {"1000baseT/Full", 5, 1000, F},
    {"Autoneg", 6, 0, F},
    {"TP", 7, 0, F},
    {"AUI", 8, 0, F},
    {"MII", 9, 0, F},
    {"FIBRE", 10, 0, F},
    {"BNC", 11, 0, F},
    {"10000baseT/Full", 12, 10000, F},
    {"Pause", 13, 0, F},
    {"Asym_Pause", 14, 0, F},
    {"2500baseX/Full", 15, 2500, F},
    {"Backplane", 16, 0, F},
    {"1000baseKX/Full", 17, 1000, F},
    {"10000baseKX4/Full", 18, 10000, F},
    {"10000baseKR/Full", 19, 10000, F},
    {"1000baseX/Full", 41, 1000, F},
    {"10000baseCR/Full", 42, 10000, F},
    {"10000baseSR/Full", 43, 10000, F},
    {"10000baseLR/Full", 44, 10000, F},
    {"10000baseLRM/Full", 45, 10000, F},
    {"10000baseER/Full", 46, 10000, F},
    {"2500baseT/Full", 47, 2500, F},
    {"5000baseT/Full", 48, 5000, F},
    {"100baseT1/Full", 67, 100, F},
    {"1000baseT1/Full", 68, 1000, F},
    {"100baseFX/Half", 90, 100, H},
    {"100baseFX/Full", 91, 100, F},
    {"10baseT1L/Full", 92, 10, F},
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

const char* duplex_name(Duplex duplex) { return duplex == Duplex::kHalf ? "half" : "full"; }

std::span<const LinkMode> link_modes() { return kModes; }

const LinkMode* find_link_mode(std::string_view name) {
  for (const LinkMode& m : kModes)
    if (m.name == name) return &m;
  return nullptr;
}

const LinkMode* find_link_mode(int bit) {
  for (const LinkMode& m : kModes)
    if (m.bit == bit) return &m;
  return nullptr;
}

LinkModeMask link_modes_with(int speed, Duplex duplex) {
  LinkModeMask mask;
  for (const LinkMode& m : kModes)
    if (m.speed > 0 && m.speed == speed && m.duplex == duplex) mask.set(m.bit);
  return mask;
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

std::string format_link_mode_mask(const LinkModeMask& mask) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (int nibble = kLinkModeBits / 4 - 1; nibble >= 0; --nibble) {
    int v = 0;
    for (int b = 0; b < 4; ++b)
      if (mask[nibble * 4 + b]) v |= 1 << b;
    if (v == 0 && s.empty()) continue;
    s += kDigits[v];
  }
  return "0x" + (s.empty() ? std::string("0") : s);
}

}  // namespace lifeline::scenario
