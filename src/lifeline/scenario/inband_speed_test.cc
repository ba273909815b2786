// SPDX-License-Identifier: GPL-2.0-only
// An in-band link reports the speed its phy_interface_t carries: a
// 2500base-x serdes runs at 2500 whatever the far end offers, and an SGMII
// link carries at most 1000 (phylink_interface_max_speed()), where the model
// once reported the best speed of the cable's partner (10000/full).
#include <gtest/gtest.h>

#include <string>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

// Both ports have an SFP cage (sfp = <&...>): a port with a cage has no
// link until a module says so (sfp_register_bus() sets
// PHYLINK_DISABLE_LINK, sfp_link_up() clears it), so a module goes in and
// the cable into it, a second before ifup.
std::string link_up_line(const std::string& board, const std::string& iface,
                         const std::string& cage, const std::string& module) {
  std::string text = "boot\nsfp " + cage + " insert " + module + "\ncable " + cage +
                     " plug\nwait 1s\nip link set " + iface + " up\nsettle\nexpect link " + iface +
                     " up\n";
  RunResult r = run_scenario(load_board(board), parse_scenario(text, "t.scn"), {});
  EXPECT_EQ(r.expects_failed(), 0);
  for (const TimelineEntry& t : r.timeline)
    if (t.text.starts_with(iface + ": Link is Up")) return t.text;
  return "(no link up for " + iface + ")";
}

// Armada 8040 MACCHIATObin: eth3 is managed = "in-band-status" on
// 2500base-x; a 2.5G module keeps it there.
TEST(InbandSpeed, Is8023zRate) {
  EXPECT_EQ(link_up_line("armada-8040-mcbin", "eth3", "&sfp_eth3", "fiber-2500base-x"),
            "eth3: Link is Up - 2500/full");
}

// ClearFog Pro: eth2 is managed = "in-band-status" on sgmii; a copper
// module's PHY runs SGMII to the MAC, whose in-band link carries at most
// 1000 whatever the cable's partner offers.
TEST(InbandSpeed, SgmiiCarriesAtMost1000) {
  EXPECT_EQ(link_up_line("armada-388-clearfog-pro", "eth2", "&sfp", "copper-1000base-t"),
            "eth2: Link is Up - 1000/full");
}

}  // namespace
}  // namespace lifeline::scenario
