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
  std::string_view name;  // phy_driver.name, as the kernel prints it
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

// A PHY on a known board whose ID the device tree does not state. Keyed by
// facts that travel with the board (its root node's compatible and the PHY
// node's path), never by the board file's name: a renamed copy of a bundled
// board, or the same board built from another file, gets the same IDs.
struct BoardPhyId {
  std::string_view compatible;  // the board's root compatible, its most specific entry
  std::string_view node_path;   // full DT path of the PHY node
  uint32_t phy_id;
  std::string_view part;    // "BCM54213PE", "RTL8211FDI", ...
  std::string_view source;  // how it is known (schematic, vendor doc, DT comment, driver)
};

std::span<const BoardPhyId> board_phy_ids();
// The entry for `node_path` on a board whose root node lists `root_compatible`
// (any entry of it names the board), or nullptr.
const BoardPhyId* find_board_phy_id(std::span<const std::string> root_compatible,
                                    std::string_view node_path);

// A vendor property that only one PHY driver's binding has: its presence on
// a PHY node names the family of the PHY even where the board is unknown.
// The ID is the family member the catalog models; the driver that binds is
// the one the real PHY would get unless the family's driver has several
// entries (then the timeline says which one was assumed).
struct PhyVendorProperty {
  std::string_view property;  // "realtek,clkout-disable"
  uint32_t phy_id;
  std::string_view family;  // "Realtek RTL8211F"
  std::string_view source;  // the binding and driver that read it
};
std::span<const PhyVendorProperty> phy_vendor_properties();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_PHY_CATALOG_H_
