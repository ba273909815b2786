// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/board_summary.h"

#include <gtest/gtest.h>

#include "lifeline/dt/test_boards.h"

namespace lifeline::dt {
namespace {

using testing::board;

struct Row {
  const char* file;
  int macs, mdio, phys, sfp_enabled, sfp_disabled, pcs, pcs_phandles, pse, pse_refs;
  // DSA: the switch, its enabled ports and CPU ports; nullptr for none.
  const char* dsa_path;
  int dsa_ports, dsa_cpu;
};

// boards/SOURCES.md, "Feature summary", copied by hand. The switch paths are
// the nodes the table's "DSA switch" column names.
const Row kTable[] = {
    {"bcm2711-rpi-4-b.dts", 1, 1, 1, 0, 0, 0, 0, 0, 0, nullptr, 0, 0},
    {"imx8mp-evk.dts", 2, 2, 2, 0, 0, 0, 0, 0, 0, nullptr, 0, 0},
    {"armada-388-clearfog-pro.dts", 3, 1, 1, 1, 0, 0, 0, 0, 0,
     "/soc/internal-regs/mdio@72004/ethernet-switch@4", 7, 1},
    {"armada-8040-mcbin.dts", 4, 2, 3, 3, 0, 0, 0, 0, 0, nullptr, 0, 0},
    {"fsl-lx2160a-clearfog-cx.dts", 18, 6, 1, 4, 0, 18, 18, 0, 0, nullptr, 0, 0},
    {"fsl-ls1046a-rdb.dts", 8, 10, 5, 0, 0, 8, 12, 0, 0, nullptr, 0, 0},
    {"fsl-ls1028a-rdb.dts", 3, 1, 5, 0, 0, 0, 0, 0, 0, "/soc/pcie@1f0000000/ethernet-switch@0,5", 6,
     2},
    {"armada-385-turris-omnia.dts", 3, 1, 1, 0, 1, 0, 0, 0, 0,
     "/soc/internal-regs/mdio@72004/ethernet-switch@10", 7, 2},
    {"at91-sama5d3_ksz9477_evb.dts", 1, 0, 0, 0, 0, 0, 0, 0, 0, "/ahb/apb/spi@f8008000/switch@0", 6,
     1},
    {"stm32mp151a-prtt1c.dts", 1, 1, 4, 0, 0, 0, 0, 2, 2, "/soc/bus@5c007000/spi@44004000/switch@0",
     5, 1},
    {"r9a06g032-rzn1d400-db.dts", 1, 1, 2, 0, 0, 2, 2, 0, 0, "/soc/switch@44050000", 3, 1},
    {"mt7986a-bananapi-bpi-r3.dts", 2, 1, 0, 2, 0, 0, 0, 0, 0,
     "/soc/ethernet@15100000/mdio-bus/switch@31", 7, 1},
    {"k3-am642-evm.dts", 3, 4, 3, 0, 0, 0, 0, 0, 0, nullptr, 0, 0},
};

class BoardSummaryTest : public ::testing::TestWithParam<Row> {};

TEST_P(BoardSummaryTest, MatchesTheSourcesTable) {
  const Row& r = GetParam();
  const core::FwTree& tree = board(r.file);
  BoardSummary want;
  want.macs = r.macs;
  want.mdio_buses = r.mdio;
  want.phys = r.phys;
  want.sfp_enabled = r.sfp_enabled;
  want.sfp_disabled = r.sfp_disabled;
  want.pcs_nodes = r.pcs;
  want.pcs_phandles = r.pcs_phandles;
  want.pse_controllers = r.pse;
  want.pse_refs = r.pse_refs;
  if (r.dsa_path) want.dsa_switches.push_back(DsaSwitchSummary{r.dsa_path, r.dsa_ports, r.dsa_cpu});
  BoardSummary got = summarize_board(tree);
  EXPECT_EQ(got, want) << "got:  " << to_string(got) << "\nwant: " << to_string(want);
}

INSTANTIATE_TEST_SUITE_P(Boards, BoardSummaryTest, ::testing::ValuesIn(kTable),
                         [](const ::testing::TestParamInfo<Row>& info) {
                           std::string n = info.param.file;
                           n = n.substr(0, n.find('.'));
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(BoardSummary, EveryBoardIsInTheTable) {
  EXPECT_EQ(std::size(kTable), std::size(testing::kBoards));
}

// The PHY rule's corner: ls1046a's pcsphy0 is PHY-named, on an enabled bus,
// but no pcs-handle or phy-handle names it any more.
TEST(BoardSummary, UnusedPcsPhyOnLs1046aIsNotAPhy) {
  const core::FwTree& tree = board("fsl-ls1046a-rdb.dts");
  const core::FwNode* pcsphy0 = tree.find_by_label("pcsphy0");
  ASSERT_NE(pcsphy0, nullptr);
  EXPECT_TRUE(pcsphy0->is_enabled());
  const core::FwNode* enet0 = tree.find_by_label("enet0");
  ASSERT_NE(enet0, nullptr);
  EXPECT_EQ(core::parse_phandle(enet0, "pcs-handle"), tree.find_by_label("qsgmiib_pcs3"));
}

// Changing a status changes the counts: the summary reads the tree it is
// given, not a cached table.
TEST(BoardSummary, DisablingAnSfpCageMovesItToDisabled) {
  core::FwTree tree;
  core::FwNode* root = tree.add_node(nullptr, "");
  core::FwNode* sfp = tree.add_node(root, "sfp");
  core::FwTree::set_string(sfp, "compatible", "sff,sfp");
  core::FwNode* mac = tree.add_node(root, "ethernet@1000");
  core::FwTree::set_string(mac, "phy-mode", "sgmii");
  tree.set_phandles(mac, "sfp", {sfp});
  BoardSummary s = summarize_board(tree);
  EXPECT_EQ(s.sfp_enabled, 1);
  EXPECT_EQ(s.macs, 1);
  core::FwTree::set_string(sfp, "status", "disabled");
  s = summarize_board(tree);
  EXPECT_EQ(s.sfp_enabled, 0);
  EXPECT_EQ(s.sfp_disabled, 1);
}

}  // namespace
}  // namespace lifeline::dt
