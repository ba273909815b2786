// SPDX-License-Identifier: GPL-2.0-only
// DSA switch drivers of the bundled boards, as Linux v6.12 has them. What
// matters to lifecycle: which bus the switch sits on (its parent's driver
// can pull it away), where its user ports find PHYs without a phy-handle,
// which MDIO buses it registers (their PHYs vanish with it), which PCS it
// creates, and when: mv88e6xxx, ksz and mt7530 register their buses from
// ds->ops->setup(), which dsa_register_switch() runs inside the probe.
#include "lifeline/net/catalog/dsa_catalog.h"

#include <array>

namespace lifeline::net {
namespace {

constexpr std::array kSwitches = {
    DsaSwitchInfo{
        .compatible = "marvell,mv88e6085",
        .driver = "mv88e6085",
        .module = "mv88e6xxx",
        .bus = "mdio",
        .internal_phys_via_user_mii_bus = true,
        .registers_child_mdio = true,
        .pcs = "internal",
        .pci_id = "",
        .mdio_child = "mdio",
        .child_mdio_bus_id = "{path}",
        .user_mii_bus_id = "mv88e6xxx-{}",
        .user_mii_bus_number = BusIdNumber::kDriverCounter,
        .internal_phy_id = 0x01410eb0,
        .source = "drivers/net/dsa/mv88e6xxx/chip.c: mv88e6xxx_setup() calls "
                  "mv88e6xxx_mdios_register(): always one internal bus, from the \"mdio\" "
                  "child if any (id \"%pOF\") else \"mv88e6xxx-%d\" with a static index++, "
                  "plus \"marvell,mv88e6xxx-mdio-external\" children; ds->user_mii_bus = "
                  "mv88e6xxx_default_mdio_bus(); mv88e6xxx_mdio_read() ORs the family "
                  "product ID into MII_PHYSID2 only for 6341/6390/6393, so the 88E6176 "
                  "(6352 family, both bundled boards) PHYs report the 88E1540 model "
                  "(\"driver [Marvell 88E1540]\" in Turris Omnia/ClearFog logs; revision "
                  "nibble masked); mv88e6xxx_mac_select_pcs() -> chip pcs_ops "
                  "(pcs-6352.c SERDES); mdio_driver name \"mv88e6085\", Makefile mv88e6xxx.o",
        .internal_phys = 5,
        .internal_phys_source =
            "drivers/net/dsa/mv88e6xxx/chip.c: mv88e6xxx_table[MV88E6176] .num_internal_phys = 5, "
            ".phy_base_addr = 0; mv88e6xxx_mdio_register() masks every address but "
            "phy_base_addr..num_ports-1 and of_mdiobus_register(bus, NULL) scans them",
        .irq_domain = DsaIrqDomain::kAtProbe,
        .irq_domain_source =
            "drivers/net/dsa/mv88e6xxx/chip.c: mv88e6xxx_probe() runs mv88e6xxx_g1_irq_setup() (or "
            "the polling variant) and then global2.c mv88e6xxx_g2_irq_setup(): "
            "irq_domain_add_simple(chip->dev->of_node, 16, ...), \"before the MDIO bus is "
            "created, because the PHYs will link their interrupts to these interrupt "
            "controllers\", then mv88e6xxx_register_switch(); mv88e6xxx_mdio_register() sets "
            "bus->irq[phy_base_addr + n] to g2 hwirq n (mv88e6xxx_g2_irq_mdio_setup()); "
            "mv88e6xxx_remove() frees the domains after mv88e6xxx_unregister_switch()",
    },
    DsaSwitchInfo{
        .compatible = "microchip,ksz9477",
        .driver = "ksz-switch",
        .module = "ksz_spi",
        .bus = "spi",
        .internal_phys_via_user_mii_bus = true,
        .registers_child_mdio = true,
        .pcs = "none",
        .pci_id = "",
        .mdio_child = "mdio",
        .child_mdio_bus_id = "SMI-{index}",
        .user_mii_bus_id = "dsa-{tree}.{index}",
        .user_mii_bus_number = BusIdNumber::kNone,
        .internal_phy_id = 0x00221631,
        .source = "drivers/net/dsa/microchip/ksz_common.c: ksz_setup() calls "
                  "ksz_mdio_register(), which only with a \"mdio\" child registers "
                  "\"SMI-%d\" (ds->index) as ds->user_mii_bus; without one, net/dsa/dsa.c "
                  "dsa_switch_setup() makes ds->user_mii_bus itself because ksz has "
                  "ds->ops->phy_read (net/dsa/user.c dsa_user_mii_bus_init(): \"dsa-%d.%d\", "
                  "dst->index, ds->index), used by dsa_user_phy_setup() on -ENODEV; no "
                  "phylink_pcs in v6.12 ksz; internal PHY ID PHY_ID_KSZ9477 "
                  "(include/linux/micrel_phy.h); ksz_spi.c ksz_spi_driver \"ksz-switch\", "
                  "Makefile ksz_spi.o",
        .internal_phys = 5,
        .internal_phys_source =
            "drivers/net/dsa/microchip/ksz_common.c: ksz_switch_chips[KSZ9477] .internal_phy = "
            "{true x5, false, false}; net/dsa/user.c dsa_user_phy_read() answers through "
            "ds->ops->phy_read at the user ports' addresses (ds->phys_mii_mask)",
        .irq_domain = DsaIrqDomain::kAtSetupIfIrq,
        .irq_domain_source =
            "drivers/net/dsa/microchip/ksz_common.c: ksz_setup() runs ksz_girq_setup() and "
            "ksz_pirq_setup() (ksz_irq_common_setup(): irq_domain_add_simple(dev->dev->of_node, "
            "...)) only when dev->irq > 0, before ksz_mdio_register(); ksz_teardown() frees them",
    },
    DsaSwitchInfo{
        .compatible = "nxp,sja1105q",
        .driver = "sja1105",
        .module = "sja1105",
        .bus = "spi",
        .internal_phys_via_user_mii_bus = false,
        .registers_child_mdio = false,
        .pcs = "none",
        .pci_id = "",
        .mdio_child = "",
        .child_mdio_bus_id = "",
        .user_mii_bus_id = "",
        .user_mii_bus_number = BusIdNumber::kNone,
        .internal_phy_id = 0,
        .source = "drivers/net/dsa/sja1105/sja1105_mdio.c: sja1105_mdiobus_register() "
                  "registers the \"%s-pcs\" bus only when info has pcs_mdio_read_c45 "
                  "(SJA1105R/S, SJA1110), and \"mdios\" child buses only where "
                  "regs->mdio_100base_tx/t1 exist (SJA1110; sja1105pqrs_regs has "
                  "SJA1105_RSV_ADDR); no ds->ops->phy_read, so no user MII bus; "
                  "sja1105_mac_select_pcs() returns an xpcs only if one was made; "
                  "sja1105_main.c sja1105_driver \"sja1105\" (spi)",
        .internal_phys = 0,
        .internal_phys_source = "",
    },
    DsaSwitchInfo{
        .compatible = "renesas,rzn1-a5psw",
        .driver = "rzn1_a5psw",
        .module = "rzn1_a5psw",
        .bus = "platform",
        .internal_phys_via_user_mii_bus = false,
        .registers_child_mdio = true,
        .pcs = "miic",
        .pci_id = "",
        .mdio_child = "mdio",
        .child_mdio_bus_id = "{dev}",
        .user_mii_bus_id = "",
        .user_mii_bus_number = BusIdNumber::kNone,
        .internal_phy_id = 0,
        .source = "drivers/net/dsa/rzn1_a5psw.c: a5psw_probe() calls a5psw_probe_mdio() on "
                  "the \"mdio\" child (id \"%s\" dev_name) and a5psw_pcs_get(), which "
                  "miic_create()s each port's \"pcs-handle\", before "
                  "dsa_register_switch(); no ds->user_mii_bus and no phy_read; match table "
                  "\"renesas,rzn1-a5psw\"; driver \"rzn1_a5psw\"",
        .internal_phys = 0,
        .internal_phys_source = "",
    },
    DsaSwitchInfo{
        .compatible = "mediatek,mt7531",
        .driver = "mt7530-mdio",
        .module = "mt7530_mdio",
        .bus = "mdio",
        .internal_phys_via_user_mii_bus = true,
        .registers_child_mdio = true,
        .pcs = "mtk-lynxi",
        .pci_id = "",
        .mdio_child = "mdio",
        .child_mdio_bus_id = "mt7530-{}",
        .user_mii_bus_id = "mt7530-{}",
        .user_mii_bus_number = BusIdNumber::kDriverCounter,
        .internal_phy_id = 0x03a29441,
        .source = "drivers/net/dsa/mt7530.c: mt753x_setup() calls mt7530_setup_mdio(): one "
                  "bus \"mt7530-%d\" (KBUILD_MODNAME, static idx++) registered on the "
                  "\"mdio\" child if present, and made ds->user_mii_bus only when there is "
                  "no such child (the switch has no ds->ops->phy_read, so DSA makes none); "
                  "mt7530-mdio.c mt7530_probe() sets create_sgmii = mt7531_create_sgmii() "
                  "(mtk_pcs_lynxi_create() for ports 5/6), mdio_driver \"mt7530-mdio\"; "
                  "internal PHYs: drivers/net/phy/mediatek/mtk-ge.c MT7531 0x03a29441",
        .internal_phys = 5,
        .internal_phys_source =
            "drivers/net/dsa/mt7530.h: MT7530_NUM_PHYS 5; mt7530_setup_mdio() registers the "
            "bus with phy_mask = ~ds->phys_mii_mask (the user ports) and reads PHY n through "
            "MT7531_MDIO_PHY_ADDR(n), so PHY n answers at address n",
        .irq_domain = DsaIrqDomain::kAtSetupIfController,
        .irq_domain_source =
            "drivers/net/dsa/mt7530.c: mt753x_setup() calls mt7530_setup_irq() (only with "
            "\"interrupt-controller\" on the switch node: irq_domain_add_linear(np, "
            "MT7530_NUM_PHYS, ...)) before mt7530_setup_mdio(); mt753x_teardown() -> "
            "mt7530_free_irq()",
    },
    DsaSwitchInfo{
        .compatible = "",
        .driver = "mscc_felix",
        .module = "mscc_felix",
        .bus = "pci",
        .internal_phys_via_user_mii_bus = false,
        .registers_child_mdio = false,
        .pcs = "lynx",
        .pci_id = "pci1957,eef0",
        .mdio_child = "",
        .child_mdio_bus_id = "",
        .user_mii_bus_id = "",
        .user_mii_bus_number = BusIdNumber::kNone,
        .internal_phy_id = 0,
        .source = "drivers/net/dsa/ocelot/felix_vsc9959.c: felix_vsc9959_pci_driver "
                  "\"mscc_felix\", PCI_DEVICE(FREESCALE, 0xEEF0); vsc9959_mdio_bus_alloc() "
                  "(from felix.c felix_setup() -> felix_init_structs()) registers \"%s-imdio\" and "
                  "lynx_pcs_create_mdiodev() for every used non-internal port; no "
                  "ds->user_mii_bus, no phy_read; Makefile mscc_felix.o (with "
                  "mscc_felix_dsa_lib)",
        .internal_phys = 0,
        .internal_phys_source = "",
    },
};

constexpr std::array kBoardPciIds = {
    BoardPciId{
        .compatible = "fsl,ls1028a-rdb",  // fsl-ls1028a-rdb
        .node_path = "/soc/pcie@1f0000000/ethernet-switch@0,5",
        .pci_id = "pci1957,eef0",
        .source = "LS1028A integrated endpoint function 0,5 is the Felix (VSC9959) "
                  "switch, ID 0x1957:0xeef0 (felix_vsc9959.c felix_ids); the "
                  "board's node has no compatible, and its siblings 0,0/0,2/0,6 "
                  "(pci1957,e100) and 0,3 (pci1957,ee01) show the same vendor",
    },
};

}  // namespace

std::span<const DsaSwitchInfo> dsa_catalog() { return kSwitches; }

const DsaSwitchInfo* find_dsa_switch(std::string_view compatible) {
  if (compatible.empty()) return nullptr;
  for (const DsaSwitchInfo& sw : kSwitches) {
    if (sw.compatible == compatible || sw.pci_id == compatible) return &sw;
  }
  return nullptr;
}

std::span<const BoardPciId> board_pci_ids() { return kBoardPciIds; }

const BoardPciId* find_board_pci_id(std::span<const std::string> root_compatible,
                                    std::string_view node_path) {
  for (const BoardPciId& id : kBoardPciIds) {
    if (id.node_path != node_path) continue;
    for (const std::string& c : root_compatible)
      if (c == id.compatible) return &id;
  }
  return nullptr;
}

}  // namespace lifeline::net
