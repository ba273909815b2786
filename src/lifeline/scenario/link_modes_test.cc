// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/link_modes.h"

#include <gtest/gtest.h>

namespace lifeline::scenario {
namespace {

// The masks ethtool's man page gives for `ethtool -s advertise`.
TEST(LinkModes, BitsAreEthtools) {
  struct {
    const char* name;
    const char* mask;
  } cases[] = {
      {"10baseT/Half", "0x1"},
      {"10baseT/Full", "0x2"},
      {"100baseT/Half", "0x4"},
      {"100baseT/Full", "0x8"},
      {"1000baseT/Half", "0x10"},
      {"1000baseT/Full", "0x20"},
      {"10000baseT/Full", "0x1000"},
      {"2500baseX/Full", "0x8000"},
      {"1000baseKX/Full", "0x20000"},
      {"1000baseX/Full", "0x20000000000"},
      {"10000baseSR/Full", "0x80000000000"},
      {"2500baseT/Full", "0x800000000000"},
      {"5000baseT/Full", "0x1000000000000"},
      {"100baseT1/Full", "0x80000000000000000"},
      {"100baseFX/Full", "0x80000000000000000000000"},
  };
  for (const auto& c : cases) {
    const LinkMode* m = find_link_mode(c.name);
    ASSERT_NE(m, nullptr) << c.name;
    LinkModeMask mask;
    mask.set(m->bit);
    EXPECT_EQ(format_link_mode_mask(mask), c.mask) << c.name;
  }
}

TEST(LinkModes, SpeedsAndDuplex) {
  const LinkMode* m = find_link_mode("100baseT/Half");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->speed, 100);
  EXPECT_EQ(m->duplex, Duplex::kHalf);
  EXPECT_EQ(find_link_mode("Autoneg")->speed, 0);
  EXPECT_EQ(find_link_mode(47)->name, "2500baseT/Full");
  EXPECT_EQ(find_link_mode(21), nullptr);
  EXPECT_EQ(find_link_mode("1000baset/full"), nullptr);  // case matters, as in ethtool
}

TEST(LinkModes, ModesWithASpeed) {
  LinkModeMask m = link_modes_with(1000, Duplex::kFull);
  // 1000baseT, 1000baseKX, 1000baseX and 1000baseT1
  EXPECT_EQ(format_link_mode_mask(m), "0x100000020000020020");
  EXPECT_TRUE(link_modes_with(1000, Duplex::kHalf).test(4));
  EXPECT_EQ(link_modes_with(1000, Duplex::kHalf).count(), 1u);
  EXPECT_TRUE(link_modes_with(42, Duplex::kFull).none());
}

TEST(LinkModes, HexBits) {
  EXPECT_EQ(parse_hex_bits("0x020"), (std::vector<int>{5}));
  EXPECT_EQ(parse_hex_bits("0X2F"), (std::vector<int>{0, 1, 2, 3, 5}));
  EXPECT_EQ(parse_hex_bits("0x0"), (std::vector<int>{}));
  EXPECT_EQ(parse_hex_bits("0x100000000000000000000000000000000"), (std::vector<int>{128}));
  EXPECT_FALSE(parse_hex_bits("0x"));
  EXPECT_FALSE(parse_hex_bits("0x2g"));
  EXPECT_FALSE(parse_hex_bits("20"));
  EXPECT_EQ(format_link_mode_mask(LinkModeMask{}), "0x0");
}

TEST(LinkModes, DuplexNames) {
  EXPECT_STREQ(duplex_name(Duplex::kHalf), "half");
  EXPECT_STREQ(duplex_name(Duplex::kFull), "full");
}

}  // namespace
}  // namespace lifeline::scenario
