// SPDX-License-Identifier: GPL-2.0-only
// PHY drivers (struct phy_driver entries of Linux v6.12) for every PHY on the
// bundled boards, and which chip each board populates where its device tree
// does not say. `module` is the .ko name from the drivers/net/phy Makefiles;
// has_interrupt means the entry sets both config_intr and handle_interrupt,
// which is what phy_drv_supports_irq() checks.
#include "lifeline/net/catalog/phy_catalog.h"

#include <array>
#include <bit>
#include <string>

namespace lifeline::net {
namespace {

// PHY_ID_MATCH_EXACT / PHY_ID_MATCH_MODEL in include/linux/phy.h.
constexpr uint32_t kExact = 0xffffffff;
constexpr uint32_t kModel = 0xfffffff0;

constexpr std::array kGigabit = {1000, 100, 10};
constexpr std::array kMultiGig = {10000, 5000, 2500, 1000, 100};
constexpr std::array kTenBaseT1L = {10};

constexpr std::array kDrivers = {
    // The generic drivers first: genphy_driver_info() relies on the order.
    PhyDriverInfo{
        .name = "Generic PHY",
        .phy_id = 0xffffffff,
        .phy_id_mask = 0xffffffff,
        .module = "libphy",
        .c45 = false,
        .has_interrupt = false,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/phy_device.c: genphy_driver (bound only by "
                  "phy_attach_direct() when the device has no driver); libphy.ko per "
                  "drivers/net/phy/Makefile",
    },
    PhyDriverInfo{
        .name = "Generic Clause 45 PHY",
        .phy_id = 0xffffffff,
        .phy_id_mask = 0xffffffff,
        .module = "libphy",
        .c45 = true,
        .has_interrupt = false,
        .sfp_upstream = false,
        .speeds = kMultiGig,
        .source = "drivers/net/phy/phy-c45.c: genphy_c45_driver (bound by "
                  "phy_attach_direct() for an is_c45 device without a driver)",
    },
    PhyDriverInfo{
        .name = "Broadcom BCM54210E",
        .phy_id = 0x600d84a0,
        .phy_id_mask = kModel,
        .module = "broadcom",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/broadcom.c: broadcom_drivers[] PHY_ID_BCM54210E "
                  "(include/linux/brcmphy.h 0x600d84a0), mask 0xfffffff0, "
                  "bcm_phy_config_intr/bcm_phy_handle_interrupt; v6.12 has no separate "
                  "BCM54213PE entry, so that chip binds here",
    },
    PhyDriverInfo{
        .name = "RTL8211F Gigabit Ethernet",
        .phy_id = 0x001cc916,
        .phy_id_mask = kExact,
        .module = "realtek",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/realtek.c: realtek_drvs[] "
                  "PHY_ID_MATCH_EXACT(0x001cc916), rtl8211f_config_intr/"
                  "rtl8211f_handle_interrupt",
    },
    PhyDriverInfo{
        .name = "Marvell 88E1111",
        .phy_id = 0x01410cc0,
        .phy_id_mask = kModel,
        .module = "marvell",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/marvell.c: marvell_drivers[] MARVELL_PHY_ID_88E1111 "
                  "(include/linux/marvell_phy.h 0x01410cc0), MARVELL_PHY_ID_MASK; "
                  "marvell_probe(), marvell_config_intr/marvell_handle_interrupt, no "
                  "phy_sfp_probe()",
    },
    PhyDriverInfo{
        .name = "Marvell 88E1510",
        .phy_id = 0x01410dd0,
        .phy_id_mask = kModel,
        .module = "marvell",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = true,
        .speeds = kGigabit,
        .source = "drivers/net/phy/marvell.c: marvell_drivers[] MARVELL_PHY_ID_88E1510 "
                  "(include/linux/marvell_phy.h), MARVELL_PHY_ID_MASK; m88e1510_probe() "
                  "ends in phy_sfp_probe(phydev, &m88e1510_sfp_ops); "
                  "marvell_config_intr/marvell_handle_interrupt",
    },
    PhyDriverInfo{
        .name = "Marvell 88E1540",
        .phy_id = 0x01410eb0,
        .phy_id_mask = kModel,
        .module = "marvell",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/marvell.c: marvell_drivers[] MARVELL_PHY_ID_88E1540, "
                  "MARVELL_PHY_ID_MASK, marvell_probe() (no SFP), "
                  "marvell_config_intr/marvell_handle_interrupt; the internal PHYs of "
                  "the 88E6176 switches bind here",
    },
    PhyDriverInfo{
        .name = "mv88x3310",
        .phy_id = 0x002b09a0,
        .phy_id_mask = kModel,
        .module = "marvell10g",
        .c45 = true,
        .has_interrupt = false,
        .sfp_upstream = true,
        .speeds = kMultiGig,
        .source = "drivers/net/phy/marvell10g.c: mv3310_drivers[] "
                  "MARVELL_PHY_ID_88X3310, MARVELL_PHY_ID_MASK, match_phy_device = "
                  "mv3310_match_phy_device() (PMA/PMD ID of a C45 device, one port); "
                  "mv3310_probe() ends in phy_sfp_probe(phydev, &mv3310_sfp_ops); no "
                  "config_intr",
    },
    PhyDriverInfo{
        .name = "Aquantia AQR106",
        .phy_id = 0x03a1b4d0,
        .phy_id_mask = kModel,
        .module = "aquantia",
        .c45 = true,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kMultiGig,
        .source = "drivers/net/phy/aquantia/aquantia_main.c: aqr_driver[] "
                  "PHY_ID_MATCH_MODEL(PHY_ID_AQR106), aqr_config_intr/"
                  "aqr_handle_interrupt; aquantia.ko per aquantia/Makefile",
    },
    PhyDriverInfo{
        .name = "Aquantia AQR113C",
        .phy_id = 0x31c31c12,
        .phy_id_mask = kModel,
        .module = "aquantia",
        .c45 = true,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kMultiGig,
        .source = "drivers/net/phy/aquantia/aquantia_main.c: aqr_driver[] "
                  "PHY_ID_MATCH_MODEL(PHY_ID_AQR113C), aqr_config_intr/"
                  "aqr_handle_interrupt (revision C LS1046A-RDB boards carry this chip)",
    },
    PhyDriverInfo{
        .name = "Qualcomm Atheros AR8035",
        .phy_id = 0x004dd072,
        .phy_id_mask = kExact,
        .module = "at803x",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/qcom/at803x.c: at803x_driver[] "
                  "PHY_ID_MATCH_EXACT(ATH8035_PHY_ID), at8035_probe() (no SFP), "
                  "at803x_config_intr/at803x_handle_interrupt; at803x.ko per "
                  "qcom/Makefile (not qcom-at803x in v6.12)",
    },
    PhyDriverInfo{
        .name = "Qualcomm Atheros AR8031/AR8033",
        .phy_id = 0x004dd074,
        .phy_id_mask = kExact,
        .module = "at803x",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = true,
        .speeds = kGigabit,
        .source = "drivers/net/phy/qcom/at803x.c: at803x_driver[] "
                  "PHY_ID_MATCH_EXACT(ATH8031_PHY_ID), at8031_probe() -> "
                  "at8031_parse_dt() ends in phy_sfp_probe(phydev, &at8031_sfp_ops); "
                  "at8031_config_intr/at803x_handle_interrupt",
    },
    PhyDriverInfo{
        .name = "Microsemi GE VSC8514 SyncE",
        .phy_id = 0x00070670,
        .phy_id_mask = kModel,
        .module = "mscc",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/mscc/mscc_main.c: vsc85xx_driver[] PHY_ID_VSC8514 "
                  "(mscc.h), mask 0xfffffff0, vsc8514_probe(), vsc85xx_config_intr/"
                  "vsc85xx_handle_interrupt; mscc.ko per mscc/Makefile",
    },
    PhyDriverInfo{
        .name = "TI DP83867",
        .phy_id = 0x2000a231,
        .phy_id_mask = kModel,
        .module = "dp83867",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/dp83867.c: dp83867_driver[] DP83867_PHY_ID, mask "
                  "0xfffffff0, dp83867_config_intr/dp83867_handle_interrupt",
    },
    PhyDriverInfo{
        .name = "TI DP83869",
        .phy_id = 0x2000a0f1,
        .phy_id_mask = kModel,
        .module = "dp83869",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/dp83869.c: dp83869_driver[] "
                  "DP83869_PHY_DRIVER(DP83869_PHY_ID, \"TI DP83869\") "
                  "(PHY_ID_MATCH_MODEL), dp83869_config_intr/dp83869_handle_interrupt",
    },
    PhyDriverInfo{
        .name = "TI DP83TD510E",
        .phy_id = 0x20000181,
        .phy_id_mask = kModel,
        .module = "dp83td510",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kTenBaseT1L,
        .source = "drivers/net/phy/dp83td510.c: dp83td510_driver[] "
                  "PHY_ID_MATCH_MODEL(DP83TD510E_PHY_ID), dp83td510_config_intr/"
                  "dp83td510_handle_interrupt, dp83td510_get_features() (10BASE-T1L)",
    },
    PhyDriverInfo{
        .name = "Micrel KSZ9031 Gigabit PHY",
        .phy_id = 0x00221620,
        .phy_id_mask = 0x00fffff0,
        .module = "micrel",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/micrel.c: ksphy_driver[] PHY_ID_KSZ9031, "
                  "MICREL_PHY_ID_MASK 0x00fffff0 (include/linux/micrel_phy.h), "
                  "kszphy_config_intr/kszphy_handle_interrupt",
    },
    PhyDriverInfo{
        .name = "Microchip KSZ9477",
        .phy_id = 0x00221631,
        .phy_id_mask = 0x00fffff0,
        .module = "micrel",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/micrel.c: ksphy_driver[] PHY_ID_KSZ9477, "
                  "MICREL_PHY_ID_MASK, kszphy_config_intr/kszphy_handle_interrupt (the "
                  "KSZ9477 switch's internal PHYs)",
    },
    PhyDriverInfo{
        .name = "MediaTek MT7531 PHY",
        .phy_id = 0x03a29441,
        .phy_id_mask = kExact,
        .module = "mtk-ge",
        .c45 = false,
        .has_interrupt = true,
        .sfp_upstream = false,
        .speeds = kGigabit,
        .source = "drivers/net/phy/mediatek/mtk-ge.c: mtk_gephy_driver[] "
                  "PHY_ID_MATCH_EXACT(0x03a29441), config_intr = genphy_no_config_intr "
                  "and handle_interrupt = genphy_handle_interrupt_no_ack (the switch "
                  "delivers the interrupt); mtk-ge.ko per mediatek/Makefile",
    },
};

// Board facts are kept apart from the driver table: each says which chip is
// populated and how that is known, since the device tree does not say it.
constexpr std::array kBoardPhys = {
    BoardPhyId{
        .compatible = "raspberrypi,4-model-b",  // bcm2711-rpi-4-b
        .node_path = "/scb/ethernet@7d580000/mdio@e14/ethernet-phy@1",
        .phy_id = 0x600d84a2,
        .part = "BCM54213PE",
        .source = "Raspberry Pi 4 Model B product brief: Broadcom BCM54213PE Gigabit "
                  "PHY; its ID 0x600d84a2 was PHY_ID_BCM54213PE in "
                  "include/linux/brcmphy.h before the entry was folded into BCM54210E; "
                  "the PHY's LEDs appear as unimac-mdio--19:01:* on real systems",
    },
    BoardPhyId{
        .compatible = "fsl,imx8mp-evk",  // imx8mp-evk
        .node_path = "/soc@0/bus@30800000/ethernet@30be0000/mdio/ethernet-phy@1",
        .phy_id = 0x001cc916,
        .part = "RTL8211FDI",
        .source = "DT property realtek,clkout-disable (Realtek RTL8211F binding, "
                  "realtek.c rtl8211f_config_init()); NXP i.MX 8M Plus EVK carries "
                  "RTL8211FDI-CG PHYs on both ports",
    },
    BoardPhyId{
        .compatible = "fsl,imx8mp-evk",  // imx8mp-evk
        .node_path = "/soc@0/bus@30800000/ethernet@30bf0000/mdio/ethernet-phy@1",
        .phy_id = 0x001cc916,
        .part = "RTL8211FDI",
        .source = "DT property realtek,clkout-disable (Realtek RTL8211F binding); NXP "
                  "i.MX 8M Plus EVK carries RTL8211FDI-CG PHYs on both ports",
    },
    BoardPhyId{
        .compatible = "xlnx-versal-virt",  // xlnx-versal-virt and its shared-MDIO variant
        .node_path = "/ethernet@ff0c0000/mdio/ethernet-phy@17",
        .phy_id = 0x01410cc2,
        .part = "88E1111 (QEMU model)",
        .source = "QEMU hw/net/cadence_gem.c: the GEM model answers MDIO reads of its "
                  "phy-addr (23 on xlnx-versal-virt) with PHYID1 0x0141, PHYID2 0x0cc2; "
                  "Linux 6.12 under QEMU reads phy_id 0x01410cc2 and binds "
                  "\"Marvell 88E1111\"",
    },
    BoardPhyId{
        .compatible = "solidrun,clearfog-pro-a1",  // armada-388-clearfog-pro
        .node_path = "/soc/internal-regs/mdio@72004/ethernet-phy@0",
        .phy_id = 0x01410dd0,
        .part = "88E1512",
        .source = "SolidRun A388 microSOM: Marvell 88E1512 PHY; DT comment and "
                  "marvell,reg-init (a marvell.c property) on the node. Revision nibble "
                  "not known; the driver masks it",
    },
    BoardPhyId{
        .compatible = "cznic,turris-omnia",  // armada-385-turris-omnia
        .node_path = "/soc/internal-regs/mdio@72004/ethernet-phy@1",
        .phy_id = 0x01410dd0,
        .part = "88E1514",
        .source = "CZ.NIC Turris Omnia: Marvell 88E1514 WAN PHY; marvell,reg-init on the "
                  "node; boot logs show \"PHY [f1072004.mdio-mii:01] driver [Marvell "
                  "88E1510]\". Revision nibble not known; the driver masks it",
    },
    BoardPhyId{
        .compatible = "marvell,armada8040-mcbin",  // armada-8040-mcbin
        .node_path = "/cp0/config-space@f2000000/mdio@12a200/ethernet-phy@0",
        .phy_id = 0x01410dd0,
        .part = "88E1512",
        .source = "SolidRun MACCHIATObin: Marvell 88E1512 1G copper PHY; boot logs show "
                  "\"PHY [f212a200.mdio-mii:00] driver [Marvell 88E1510]\". Revision "
                  "nibble not known; the driver masks it",
    },
    BoardPhyId{
        .compatible = "marvell,armada8040-mcbin",  // armada-8040-mcbin
        .node_path = "/cp0/config-space@f2000000/mdio@12a600/ethernet-phy@0",
        .phy_id = 0x002b09a0,
        .part = "88X3310P",
        .source = "SolidRun MACCHIATObin: Marvell 88X3310P 10G PHYs in front of the SFP+ "
                  "cages (DT: C45 PHY with sfp); boot logs show \"PHY "
                  "[f212a600.mdio-mii:00] driver [mv88x3310]\". ID is the PMA/PMD MMD "
                  "ID; revision nibble not known",
    },
    BoardPhyId{
        .compatible = "marvell,armada8040-mcbin",  // armada-8040-mcbin
        .node_path = "/cp0/config-space@f2000000/mdio@12a600/ethernet-phy@8",
        .phy_id = 0x002b09a0,
        .part = "88X3310P",
        .source = "SolidRun MACCHIATObin: second Marvell 88X3310P (DT: C45 PHY with "
                  "sfp). ID is the PMA/PMD MMD ID; revision nibble not known",
    },
    BoardPhyId{
        .compatible = "fsl,ls1046a-rdb",  // fsl-ls1046a-rdb
        .node_path = "/soc/fman@1a00000/mdio@fc000/ethernet-phy@3",
        .phy_id = 0x001cc916,
        .part = "RTL8211FS",
        .source = "LS1046A-RDB SGMII PHY: twin of ethernet-phy@4 (SerDes lanes 2 and 3 "
                  "are both SGMII, u-boot board/freescale/ls1046ardb/README), whose boot "
                  "log reads \"PHY [0x0000000001afc000:04] driver [RTL8211F Gigabit "
                  "Ethernet]\"",
    },
    BoardPhyId{
        .compatible = "fsl,ls1046a-rdb",  // fsl-ls1046a-rdb
        .node_path = "/soc/fman@1a00000/mdio@fc000/ethernet-phy@4",
        .phy_id = 0x001cc916,
        .part = "RTL8211FS",
        .source = "LS1046A-RDB boot log on netdev: \"fsl_dpaa_mac 1aea000.ethernet: PHY "
                  "[0x0000000001afc000:04] driver [RTL8211F Gigabit Ethernet]\"",
    },
    BoardPhyId{
        .compatible = "fsl,ls1046a-rdb",  // fsl-ls1046a-rdb
        .node_path = "/soc/fman@1a00000/mdio@fd000/ethernet-phy@0",
        .phy_id = 0x03a1b4d0,
        .part = "AQR106",
        .source = "DT label aqr106_phy on the node (Aquantia AQR106 10GBASE-T PHY). "
                  "Revision C boards carry an AQR113C instead (commit 9dbdfd4a9f34 "
                  "\"net: dpaa: Fix <1G ethernet on LS1046ARDB\")",
    },
    BoardPhyId{
        .compatible = "fsl,ls1028a-rdb",  // fsl-ls1028a-rdb
        .node_path = "/soc/pcie@1f0000000/mdio@0,3/ethernet-phy@2",
        .phy_id = 0x004dd074,
        .part = "AR8033",
        .source = "LS1028A-RDB SGMII PHY of ENETC port 0: Qualcomm Atheros AR8033; boot "
                  "logs on netdev show \"fsl_enetc 0000:00:00.0 eno0: PHY "
                  "[0000:00:00.3:02] driver [Qualcomm Atheros AR8031/AR8033]\"",
    },
    BoardPhyId{
        .compatible = "fsl,ls1028a-rdb",  // fsl-ls1028a-rdb
        .node_path = "/soc/pcie@1f0000000/mdio@0,3/ethernet-phy@10",
        .phy_id = 0x00070670,
        .part = "VSC8514",
        .source = "DT comment \"VSC8514 QSGMII quad PHY\" above the four nodes. Revision "
                  "nibble not known; the driver masks it",
    },
    BoardPhyId{
        .compatible = "fsl,ls1028a-rdb",  // fsl-ls1028a-rdb
        .node_path = "/soc/pcie@1f0000000/mdio@0,3/ethernet-phy@11",
        .phy_id = 0x00070670,
        .part = "VSC8514",
        .source = "DT comment \"VSC8514 QSGMII quad PHY\"",
    },
    BoardPhyId{
        .compatible = "fsl,ls1028a-rdb",  // fsl-ls1028a-rdb
        .node_path = "/soc/pcie@1f0000000/mdio@0,3/ethernet-phy@12",
        .phy_id = 0x00070670,
        .part = "VSC8514",
        .source = "DT comment \"VSC8514 QSGMII quad PHY\"",
    },
    BoardPhyId{
        .compatible = "fsl,ls1028a-rdb",  // fsl-ls1028a-rdb
        .node_path = "/soc/pcie@1f0000000/mdio@0,3/ethernet-phy@13",
        .phy_id = 0x00070670,
        .part = "VSC8514",
        .source = "DT comment \"VSC8514 QSGMII quad PHY\"",
    },
    BoardPhyId{
        .compatible = "solidrun,clearfog-cx",  // fsl-lx2160a-clearfog-cx
        .node_path = "/soc/mdio@8b96000/ethernet-phy@1",
        .phy_id = 0x004dd072,
        .part = "AR8035",
        .source = "DT property qca,smarteee-tw-us-1g (a Qualcomm AR803x property); "
                  "SolidRun LX2160A COM Express module RGMII PHY is an AR8035; boot logs "
                  "show \"fsl_dpaa2_eth dpni.0: PHY [0x0000000008b96000:01] driver "
                  "[Qualcomm Atheros AR8035]\"",
    },
    BoardPhyId{
        .compatible = "prt,prtt1c",  // stm32mp151a-prtt1c
        .node_path = "/mdio/ethernet-phy@2",
        .phy_id = 0x00221620,
        .part = "KSZ9031",
        .source = "DT comment \"Micrel KSZ9031\" above the node. Revision nibble not "
                  "known; the driver masks it",
    },
    BoardPhyId{
        .compatible = "ti,am642-evm",  // k3-am642-evm
        .node_path = "/bus@f4000/ethernet@8000000/mdio@f00/ethernet-phy@0",
        .phy_id = 0x2000a231,
        .part = "DP83867",
        .source = "DT properties ti,rx-internal-delay and ti,fifo-depth (TI DP83867 "
                  "binding, include/dt-bindings/net/ti-dp83867.h is included by the "
                  "board)",
    },
};

// Vendor properties of the PHY bindings in Documentation/devicetree/bindings/net
// (v6.12) that one driver family reads. Properties shared by several families
// (rx-internal-delay-ps, the micrel skews) are not here: they name no family.
constexpr std::array kVendorProperties = {
    PhyVendorProperty{"marvell,reg-init", 0x01410dd0, "Marvell 88E1510",
                      "drivers/net/phy/marvell.c marvell_of_reg_init(), called from the "
                      "config_init of the Marvell 1G PHYs; 88E151x assumed"},
    PhyVendorProperty{"realtek,clkout-disable", 0x001cc916, "Realtek RTL8211F",
                      "realtek,rtl82xx.yaml; drivers/net/phy/realtek.c rtl8211f_probe()"},
    PhyVendorProperty{"realtek,aldps-enable", 0x001cc916, "Realtek RTL8211F",
                      "realtek,rtl82xx.yaml; drivers/net/phy/realtek.c rtl8211f_probe()"},
    PhyVendorProperty{"ti,op-mode", 0x2000a0f1, "TI DP83869",
                      "ti,dp83869.yaml; drivers/net/phy/dp83869.c dp83869_of_init()"},
    PhyVendorProperty{"ti,rx-internal-delay", 0x2000a231, "TI DP83867",
                      "ti,dp83867.yaml; drivers/net/phy/dp83867.c dp83867_of_init()"},
    PhyVendorProperty{"ti,tx-internal-delay", 0x2000a231, "TI DP83867",
                      "ti,dp83867.yaml; drivers/net/phy/dp83867.c dp83867_of_init()"},
    PhyVendorProperty{"ti,fifo-depth", 0x2000a231, "TI DP83867",
                      "ti,dp83867.yaml; drivers/net/phy/dp83867.c dp83867_of_init()"},
    PhyVendorProperty{"ti,dp83867-rxctrl-strap-quirk", 0x2000a231, "TI DP83867",
                      "ti,dp83867.yaml; drivers/net/phy/dp83867.c dp83867_of_init()"},
    PhyVendorProperty{"qca,clk-out-frequency", 0x004dd072, "Qualcomm Atheros AR8035",
                      "qca,ar803x.yaml; drivers/net/phy/qcom/at803x.c at803x_parse_dt()"},
    PhyVendorProperty{"qca,keep-pll-enabled", 0x004dd072, "Qualcomm Atheros AR8035",
                      "qca,ar803x.yaml; drivers/net/phy/qcom/at803x.c at803x_parse_dt()"},
    PhyVendorProperty{"qca,disable-smarteee", 0x004dd072, "Qualcomm Atheros AR8035",
                      "qca,ar803x.yaml; drivers/net/phy/qcom/at803x.c at803x_parse_dt()"},
    PhyVendorProperty{"qca,smarteee-tw-us-1g", 0x004dd072, "Qualcomm Atheros AR8035",
                      "qca,ar803x.yaml; drivers/net/phy/qcom/at803x.c at803x_parse_dt()"},
    PhyVendorProperty{"qca,smarteee-tw-us-100m", 0x004dd072, "Qualcomm Atheros AR8035",
                      "qca,ar803x.yaml; drivers/net/phy/qcom/at803x.c at803x_parse_dt()"},
};

}  // namespace

std::span<const PhyDriverInfo> phy_driver_catalog() { return kDrivers; }

const PhyDriverInfo* match_phy_driver(std::span<const PhyDriverInfo> table, uint32_t phy_id) {
  const PhyDriverInfo* best = nullptr;
  for (const PhyDriverInfo& drv : table) {
    // genphy's 0xffffffff/0xffffffff would "match" an absent PHY; the kernel
    // only binds it as the attach-time fallback.
    if (drv.phy_id == 0xffffffff) continue;
    if ((phy_id & drv.phy_id_mask) != (drv.phy_id & drv.phy_id_mask)) continue;
    if (best == nullptr || std::popcount(drv.phy_id_mask) > std::popcount(best->phy_id_mask)) {
      best = &drv;
    }
  }
  return best;
}

const PhyDriverInfo* find_phy_driver(uint32_t phy_id) { return match_phy_driver(kDrivers, phy_id); }

const PhyDriverInfo& genphy_driver_info(bool c45) { return kDrivers[c45 ? 1 : 0]; }

std::span<const BoardPhyId> board_phy_ids() { return kBoardPhys; }

const BoardPhyId* find_board_phy_id(std::span<const std::string> root_compatible,
                                    std::string_view node_path) {
  for (const BoardPhyId& phy : kBoardPhys) {
    if (phy.node_path != node_path) continue;
    for (const std::string& c : root_compatible)
      if (c == phy.compatible) return &phy;
  }
  return nullptr;
}

std::span<const PhyVendorProperty> phy_vendor_properties() { return kVendorProperties; }

}  // namespace lifeline::net
