// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/link_mode.h"

#include <gtest/gtest.h>

namespace lifeline::net {
namespace {

// Bit numbers read in include/uapi/linux/ethtool.h (v6.12), as masks
// ethtool's man page gives for `ethtool -s advertise`.
TEST(LinkModes, BitsAreTheKernels) {
  struct {
    const char* name;
    int bit;
    const char* mask;
  } cases[] = {
      {"10baseT/Half", 0, "0x1"},
      {"10baseT/Full", 1, "0x2"},
      {"100baseT/Half", 2, "0x4"},
      {"100baseT/Full", 3, "0x8"},
      {"1000baseT/Half", 4, "0x10"},
      {"1000baseT/Full", 5, "0x20"},
      {"Autoneg", 6, "0x40"},
      {"10000baseT/Full", 12, "0x1000"},
      {"Pause", 13, "0x2000"},
      {"Asym_Pause", 14, "0x4000"},
      {"2500baseX/Full", 15, "0x8000"},
      {"1000baseKX/Full", 17, "0x20000"},
      {"1000baseX/Full", 41, "0x20000000000"},
      {"10000baseSR/Full", 43, "0x80000000000"},
      {"2500baseT/Full", 47, "0x800000000000"},
      {"5000baseT/Full", 48, "0x1000000000000"},
      {"100baseT1/Full", 67, "0x80000000000000000"},
      {"100baseFX/Full", 91, "0x80000000000000000000000"},
      {"10baseT1L/Full", 92, "0x100000000000000000000000"},
  };
  for (const auto& c : cases) {
    const LinkMode* m = find_link_mode(c.name);
    ASSERT_NE(m, nullptr) << c.name;
    EXPECT_EQ(m->bit, c.bit) << c.name;
    EXPECT_EQ(find_link_mode(c.bit), m) << c.name;
    LinkModes mask;
    mask.set(m->bit);
    EXPECT_EQ(format_link_mode_mask(mask), c.mask) << c.name;
  }
  EXPECT_EQ(ETHTOOL_LINK_MODE_1000baseX_Full_BIT, 41);
  EXPECT_EQ(ETHTOOL_LINK_MODE_2500baseT_Full_BIT, 47);
  EXPECT_EQ(__ETHTOOL_LINK_MODE_MASK_NBITS, 103);  // 10baseT1BRR_Full is bit 102
  EXPECT_EQ(LinkModes().size(), 103u);
}

// Every bit of v6.12, each at its own index.
TEST(LinkModes, TableIsEveryBitInOrder) {
  auto modes = link_modes();
  ASSERT_EQ(modes.size(), static_cast<size_t>(__ETHTOOL_LINK_MODE_MASK_NBITS));
  for (size_t i = 0; i < modes.size(); ++i) EXPECT_EQ(modes[i].bit, static_cast<int>(i));
}

// Speeds and duplex read in link_mode_params[] for a few of the wide modes.
TEST(LinkModes, WideModes) {
  EXPECT_EQ(find_link_mode("800000baseVR8/Full")->speed, 800000);
  EXPECT_EQ(find_link_mode("100000baseLR4_ER4/Full")->bit, 39);
  EXPECT_EQ(find_link_mode("10baseT1S_P2MP/Half")->duplex, DUPLEX_HALF);
  EXPECT_EQ(find_link_mode("LLRS")->speed, SPEED_UNKNOWN);
  // The widest common mode wins, in settings[] order.
  LinkModes both = copper_modes_up_to(10000);
  both.set(ETHTOOL_LINK_MODE_25000baseSR_Full_BIT);
  EXPECT_EQ(resolve_aneg(both, both), (SpeedDuplex{25000, DUPLEX_FULL}));
}

TEST(LinkModes, SpeedsAndDuplex) {
  const LinkMode* m = find_link_mode("100baseT/Half");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->speed, 100);
  EXPECT_EQ(m->duplex, DUPLEX_HALF);
  // Not a speed: link_mode_params[] gives SPEED_UNKNOWN and DUPLEX_UNKNOWN.
  EXPECT_EQ(find_link_mode("Autoneg")->speed, SPEED_UNKNOWN);
  EXPECT_EQ(find_link_mode("Pause")->duplex, DUPLEX_UNKNOWN);
  EXPECT_EQ(find_link_mode(47)->name, "2500baseT/Full");
  EXPECT_EQ(find_link_mode(21)->name, "20000baseMLD2/Full");
  EXPECT_EQ(find_link_mode("10000baseR_FEC")->speed, 10000);  // a speed, though named as a FEC
  EXPECT_EQ(find_link_mode("None")->bit, ETHTOOL_LINK_MODE_FEC_NONE_BIT);
  EXPECT_EQ(find_link_mode(102)->name, "10baseT1BRR/Full");
  EXPECT_EQ(find_link_mode(103), nullptr);  // past the kernel's last bit
  EXPECT_EQ(find_link_mode(-1), nullptr);
  EXPECT_EQ(find_link_mode("1000baset/full"), nullptr);  // case matters, as in ethtool
  EXPECT_FALSE(speed_link_modes().test(ETHTOOL_LINK_MODE_Autoneg_BIT));
  EXPECT_TRUE(speed_link_modes().test(ETHTOOL_LINK_MODE_10baseT1L_Full_BIT));
}

// A cable partner advertises twisted pair and SFP fibre modes, not
// backplane or automotive ones.
TEST(LinkModes, PartnerModes) {
  EXPECT_EQ(link_modes_string(link_mode_for(1000, DUPLEX_FULL)), "1000baseT/Full 1000baseX/Full");
  EXPECT_EQ(link_modes_string(link_mode_for(100, DUPLEX_HALF)), "100baseT/Half");
  EXPECT_TRUE(link_mode_for(42, DUPLEX_FULL).none());
  EXPECT_EQ(link_modes_string(copper_modes_up_to(1000)),
            "1000baseT/Full 1000baseT/Half 100baseT/Full 100baseT/Half 10baseT/Full "
            "10baseT/Half");
}

// phy_resolve_aneg_linkmode(): the first common mode of phy-core.c's
// settings[], which is not always the full-duplex one at a speed.
TEST(LinkModes, ResolveAnegWalksTheKernelsSettings) {
  LinkModes local = copper_modes_up_to(1000);
  EXPECT_EQ(resolve_aneg(local, copper_modes_up_to(10000)), (SpeedDuplex{1000, DUPLEX_FULL}));
  EXPECT_EQ(resolve_aneg(local, link_mode_for(100, DUPLEX_HALF)), (SpeedDuplex{100, DUPLEX_HALF}));
  LinkModes ten;
  ten.set(ETHTOOL_LINK_MODE_10baseT_Half_BIT).set(ETHTOOL_LINK_MODE_10baseT1L_Full_BIT);
  EXPECT_EQ(resolve_aneg(ten, ten), (SpeedDuplex{10, DUPLEX_HALF}));
  LinkModes gig;
  gig.set(ETHTOOL_LINK_MODE_1000baseT_Half_BIT).set(ETHTOOL_LINK_MODE_1000baseX_Full_BIT);
  EXPECT_EQ(resolve_aneg(gig, gig), (SpeedDuplex{1000, DUPLEX_HALF}));
  LinkModes an;
  an.set(ETHTOOL_LINK_MODE_Autoneg_BIT);
  EXPECT_EQ(resolve_aneg(an, an), std::nullopt);  // not a speed
  EXPECT_EQ(resolve_aneg(local, LinkModes()), std::nullopt);
}

TEST(LinkModes, Strings) {
  LinkModes m = link_mode_for(100, DUPLEX_FULL);
  m.set(ETHTOOL_LINK_MODE_Autoneg_BIT);
  EXPECT_EQ(link_modes_string(m), "100baseT/Full Autoneg");
  EXPECT_EQ(link_modes_string(LinkModes()), "none");
  EXPECT_EQ(speed_duplex_string(1000, DUPLEX_FULL), "1000/full");
  EXPECT_EQ(speed_duplex_string(SPEED_UNKNOWN, DUPLEX_FULL), "unknown");
}

TEST(LinkModes, HexBits) {
  EXPECT_EQ(parse_hex_bits("0x020"), (std::vector<int>{5}));
  EXPECT_EQ(parse_hex_bits("0X2F"), (std::vector<int>{0, 1, 2, 3, 5}));
  EXPECT_EQ(parse_hex_bits("0x0"), (std::vector<int>{}));
  EXPECT_EQ(parse_hex_bits("0x100000000000000000000000000000000"), (std::vector<int>{128}));
  EXPECT_FALSE(parse_hex_bits("0x"));
  EXPECT_FALSE(parse_hex_bits("0x2g"));
  EXPECT_FALSE(parse_hex_bits("20"));
  EXPECT_EQ(format_link_mode_mask(LinkModes{}), "0x0");
  LinkModes top;
  top.set(102);
  EXPECT_EQ(format_link_mode_mask(top), "0x4" + std::string(25, '0'));  // 102 = 25 * 4 + 2
}

TEST(LinkModes, DuplexNames) {
  EXPECT_STREQ(duplex_name(DUPLEX_HALF), "half");
  EXPECT_STREQ(duplex_name(DUPLEX_FULL), "full");
}

}  // namespace
}  // namespace lifeline::net
