// SPDX-License-Identifier: GPL-2.0-only
// Facts about DSA switch drivers on the bundled boards.
#ifndef LIFELINE_NET_CATALOG_DSA_CATALOG_H_
#define LIFELINE_NET_CATALOG_DSA_CATALOG_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "lifeline/net/catalog/bus_id.h"

namespace lifeline::net {

// When a switch driver registers the interrupt domain its internal PHYs
// interrupts come from, on the switch's own node (irq_domain_add_*() with
// dev->of_node: the node becomes an interrupt controller that
// of_irq_get() resolves, and __irq_domain_publish() marks it
// fwnode_dev_initialized()).
enum class DsaIrqDomain : uint8_t {
  kNone,
  kAtProbe,              // in probe, before dsa_register_switch() (mv88e6xxx)
  kAtSetupIfController,  // in ds->ops->setup, if the node says interrupt-controller (mt7530)
  kAtSetupIfIrq,         // in ds->ops->setup, if the switch has an interrupt (ksz)
};

struct DsaSwitchInfo {
  std::string_view compatible;  // empty for a PCI function matched by ID (felix)
  std::string_view driver;
  std::string_view module;
  std::string_view bus;  // "mdio", "spi", "i2c", "platform", "pci"
  // Whether ports without a PHY node use internal PHYs reached through the
  // switch's own user MII bus (ds->user_mii_bus), at address = port number.
  bool internal_phys_via_user_mii_bus;
  // Whether the switch registers an MDIO bus from its own "mdio" child node.
  bool registers_child_mdio;
  std::string_view pcs;  // "none", "internal", "lynx", "miic" (via pcs-handle), ...
  // Added to the contract: lifecycle facts the fields above had no room for.
  // A PCI switch's vendor/device ID in DT compatible form ("pci1957,eef0");
  // empty for switches matched by compatible.
  std::string_view pci_id;
  // The name of the child node registers_child_mdio refers to ("mdio",
  // "mdios"); empty when there is none.
  std::string_view mdio_child;
  // Bus id (bus_id.h format) of the MDIO bus the switch registers from its
  // mdio_child node; empty when registers_child_mdio is false.
  std::string_view child_mdio_bus_id;
  // Bus id of ds->user_mii_bus when the switch node has no mdio_child (the
  // bundled boards' case), and where its number comes from; empty when
  // internal_phys_via_user_mii_bus is false. With an mdio_child node the
  // user MII bus is that child bus.
  std::string_view user_mii_bus_id;
  BusIdNumber user_mii_bus_number;
  // The PHY ID the internal PHYs report on that bus (after any fix-up the
  // switch driver applies to MII_PHYSID2), so the PHY catalog can say which
  // driver binds; 0 when there are none.
  uint32_t internal_phy_id;
  std::string_view source;
  // How many internal PHYs answer on the user MII bus when the switch has
  // no mdio_child node (scanned: addresses 0..n-1, PHY n wired to port n);
  // 0 when there are none.
  int internal_phys = 0;
  std::string_view internal_phys_source = "";
  // The switch's interrupt controller, and the kernel code it was read from.
  DsaIrqDomain irq_domain = DsaIrqDomain::kNone;
  std::string_view irq_domain_source = "";
  // lifeline's default for a DSA-shaped node whose compatible no entry has
  // (net/system.cc), not a catalog entry.
  bool is_default = false;
};

std::span<const DsaSwitchInfo> dsa_catalog();
// Matches a DT compatible, or a PCI ID in compatible form ("pci1957,eef0")
// against pci_id, because a PCI switch's node may carry no compatible.
const DsaSwitchInfo* find_dsa_switch(std::string_view compatible);

// A PCI function that a bundled board describes without a compatible: the
// kernel learns its vendor/device ID from config space, which a device tree
// does not carry, so the catalog states it.
struct BoardPciId {
  std::string_view compatible;  // the board's root compatible (as BoardPhyId)
  std::string_view node_path;   // full DT path of the function's node
  std::string_view pci_id;      // "pci1957,eef0"
  std::string_view source;      // how it is known
};

std::span<const BoardPciId> board_pci_ids();
// The entry for `node_path` on a board whose root node lists `root_compatible`.
const BoardPciId* find_board_pci_id(std::span<const std::string> root_compatible,
                                    std::string_view node_path);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_DSA_CATALOG_H_
