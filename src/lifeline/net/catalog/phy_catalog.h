// SPDX-License-Identifier: GPL-2.0-only
// PHY drivers by PHY ID and mask (struct phy_driver's phy_id/phy_id_mask),
// and the PHY IDs of the PHYs on the bundled boards.
#ifndef LIFELINE_NET_CATALOG_PHY_CATALOG_H_
#define LIFELINE_NET_CATALOG_PHY_CATALOG_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace lifeline::net {

struct PhyDriverInfo {
  std::string_view name;    // phy_driver.name, as the kernel prints it
  uint32_t phy_id;
  uint32_t phy_id_mask;
  std::string_view module;  // module (.ko) that provides it: "broadcom", "marvell10g"
  bool c45;                 // a clause-45 PHY
  bool has_interrupt;       // implements config_intr + handle_interrupt
  bool sfp_upstream;        // probe calls phy_sfp_probe(): the PHY hosts an SFP cage
  // Speeds it can do (highest first, Mb/s) so autoneg has something to resolve.
  std::span<const int> speeds;
  std::string_view source;  // kernel file the entry was read from
};

std::span<const PhyDriverInfo> phy_driver_catalog();
// The driver whose (phy_id & mask) matches, as phy_bus_match() does; nullptr
// when no catalogued driver matches (genphy will then bind). The generic
// drivers never match by ID: the kernel binds them only as the fallback of
// phy_attach_direct().
const PhyDriverInfo* find_phy_driver(uint32_t phy_id);
// The same over any table: among the entries whose masked IDs match, the one
// with the most mask bits wins. Exposed so tests can check the rule.
const PhyDriverInfo* match_phy_driver(std::span<const PhyDriverInfo> table, uint32_t phy_id);
// "Generic PHY" (genphy_driver) or "Generic Clause 45 PHY" (genphy_c45_driver).
const PhyDriverInfo& genphy_driver_info(bool c45);

// A PHY on a bundled board whose ID the device tree does not state.
struct BoardPhyId {
  std::string_view board;      // board file name without ".dts"
  std::string_view node_path;  // full DT path of the PHY node
  uint32_t phy_id;
  std::string_view part;       // "BCM54213PE", "RTL8211FDI", ...
  std::string_view source;     // how it is known (schematic, vendor doc, DT comment, driver)
};

std::span<const BoardPhyId> board_phy_ids();
const BoardPhyId* find_board_phy_id(std::string_view board, std::string_view node_path);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_PHY_CATALOG_H_
