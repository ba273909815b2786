// SPDX-License-Identifier: GPL-2.0-only
// The MAC drivers of the bundled boards, as Linux v6.12 has them. Every fact
// was read in the kernel source named by the entry's `source`; the entry is
// keyed by the compatible the driver's of_match_table (or PCI ID table)
// actually matches on the board, which is not always the node's first one
// ("fsl,imx8mp-fec" binds through "fsl,imx8mq-fec").
#include "lifeline/net/catalog/mac_catalog.h"

#include <array>

#include "lifeline/core/fwnode.h"

namespace lifeline::net {
namespace {

constexpr std::array kMacs = {
    MacInfo{
        .compatible = "brcm,bcm2711-genet-v5",
        .driver = "bcmgenet",
        .module = "genet",
        .bus = "platform",
        .phy_api = PhyApi::kPhylib,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kSeparateDevice,
        .mdio_bus_id = "unimac-mdio-{}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "none",
        .mdio_child = "brcm,genet-mdio-v5",
        .mdio_bus_number = BusIdNumber::kEthAliasOrErrno,
        .mdio_device = "unimac-mdio.{}",
        .mdio_device_owned_by_mac = true,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/broadcom/genet/bcmmii.c: bcmgenet_mii_probe() calls "
                  "of_phy_connect() and is called from bcmgenet_open() (bcmgenet.c), "
                  "bcmgenet_close() calls phy_disconnect(); bcmgenet_mii_register() (from "
                  "bcmgenet_mii_init() in bcmgenet_probe()) allocates platform device "
                  "UNIMAC_MDIO_DRV_NAME with id of_alias_get_id(dn, \"eth\") and of_node "
                  "from bcmgenet_mii_of_find_mdio() (compatible \"brcm,genet-mdio-v%d\"); "
                  "bcmgenet_mii_exit() unregisters it; drivers/net/mdio/mdio-bcm-unimac.c: "
                  "unimac_mdio_probe() names the bus \"%s-%d\" from pdev->name, pdev->id; "
                  "genet/Makefile: obj genet.o",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kChecked,
                .get_eee = PhydevUse::kChecked,
                .get_pauseparam = PhydevUse::kNone,
                .link_ksettings_needs_running = true,
                .stop_checks_phydev = false,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source = "bcmgenet.c: bcmgenet_get_link_ksettings() returns -EINVAL unless "
                          "netif_running() and "
                          "-ENODEV without dev->phydev; bcmgenet_get_eee() returns -ENODEV without "
                          "dev->phydev; bcmgenet_get_pauseparam() reads priv->autoneg_pause and "
                          "UMAC_CMD; "
                          "bcmgenet_close() calls phy_disconnect(dev->phydev) unchecked; "
                          "bcmgenet_remove() "
                          "runs unregister_netdev() before bcmgenet_mii_exit()",
            },
    },
    MacInfo{
        .compatible = "fsl,imx8mq-fec",
        .driver = "fec",
        .module = "fec",
        .bus = "platform",
        .phy_api = PhyApi::kPhylib,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "{pdev}-{:x}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "none",
        .mdio_child = "mdio",
        .mdio_bus_number = BusIdNumber::kProbeCounterPlusOne,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/freescale/fec_main.c: fec_enet_open() calls "
                  "fec_enet_mii_probe() (of_phy_connect()), fec_enet_close() calls "
                  "phy_disconnect(); fec_probe() sets fep->dev_id from a static counter and "
                  "calls fec_enet_mii_init(), which registers of_get_child_by_name(\"mdio\") "
                  "with of_mdiobus_register() and id \"%s-%x\" (pdev->name, dev_id + 1); "
                  "fec_dt_ids has \"fsl,imx8mq-fec\" (not \"fsl,imx8mp-fec\"); DRIVER_NAME "
                  "\"fec\"",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kChecked,
                .get_eee = PhydevUse::kRunning,
                .get_pauseparam = PhydevUse::kNone,
                .link_ksettings_needs_running = false,
                .pause_autoneg = true,
                .pause_rx_tx = false,
                .stop_checks_phydev = false,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "fec_main.c: .get_link_ksettings = phy_ethtool_get_link_ksettings (checks "
                    "ndev->phydev); fec_enet_get_eee() returns -ENETDOWN unless netif_running(), "
                    "then "
                    "phy_ethtool_get_eee(ndev->phydev); fec_enet_get_pauseparam() reads "
                    "fep->pause_flag; fec_enet_close() calls phy_stop(ndev->phydev) unchecked; "
                    "fec_drv_remove() runs unregister_netdev() before fec_enet_mii_remove()",
            },
    },
    MacInfo{
        .compatible = "nxp,imx8mp-dwmac-eqos",
        .driver = "imx-dwmac",
        .module = "dwmac_imx",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "stmmac-{:x}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "none",
        .mdio_child = "snps,dwmac-mdio",
        .mdio_bus_number = BusIdNumber::kEthernetAliasOrNext,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/stmicro/stmmac/dwmac-imx.c: imx_dwmac_driver "
                  "(\"imx-dwmac\"); stmmac_main.c: __stmmac_open() calls stmmac_init_phy() "
                  "(phylink_fwnode_phy_connect()), stmmac_release() calls "
                  "phylink_disconnect_phy(); stmmac_dvr_probe() calls stmmac_mdio_register(), "
                  "which registers only when plat->mdio_bus_data is set "
                  "(stmmac_platform.c: stmmac_mdio_setup(): a \"snps,dwmac-mdio\" child, or no "
                  "phy-handle and no fixed-link) with id \"%s-%x\" (\"stmmac\", plat->bus_id); "
                  "stmmac_probe_config_dt(): bus_id = of_alias_get_id(np, \"ethernet\") else "
                  "a counter past of_alias_get_highest_id(); stmmac_pcs_setup() makes an "
                  "xpcs only for a \"pcs-handle\" or pcs_mask",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kPhylink,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "stmmac_ethtool.c: stmmac_ethtool_get_link_ksettings(), "
                    "stmmac_ethtool_op_get_eee() and "
                    "stmmac_get_pauseparam() go through phylink_ethtool_*(); stmmac_main.c: "
                    "stmmac_dvr_remove() runs unregister_netdev() before stmmac_mdio_unregister()",
            },
    },
    MacInfo{
        .compatible = "st,stm32mp1-dwmac",
        .driver = "stm32-dwmac",
        .module = "dwmac_stm32",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "stmmac-{:x}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "none",
        .mdio_child = "snps,dwmac-mdio",
        .mdio_bus_number = BusIdNumber::kEthernetAliasOrNext,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/stmicro/stmmac/dwmac-stm32.c: stm32_dwmac_driver "
                  "(\"stm32-dwmac\", \"st,stm32mp1-dwmac\"); the PHY and MDIO facts are "
                  "stmmac's: stmmac_main.c __stmmac_open()/stmmac_init_phy(), "
                  "stmmac_dvr_probe()/stmmac_mdio_register(), stmmac_platform.c "
                  "stmmac_mdio_setup() (no bus for a fixed-link MAC without a "
                  "\"snps,dwmac-mdio\" child, as on stm32mp151a-prtt1c)",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kPhylink,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "stmmac_ethtool.c: stmmac_ethtool_get_link_ksettings(), "
                    "stmmac_ethtool_op_get_eee() and "
                    "stmmac_get_pauseparam() go through phylink_ethtool_*(); stmmac_main.c: "
                    "stmmac_dvr_remove() runs unregister_netdev() before stmmac_mdio_unregister()",
            },
    },
    MacInfo{
        .compatible = "renesas,rzn1-gmac",
        .driver = "rzn1-dwmac",
        .module = "dwmac_rzn1",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "stmmac-{:x}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "miic",
        .mdio_child = "snps,dwmac-mdio",
        .mdio_bus_number = BusIdNumber::kEthernetAliasOrNext,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/stmicro/stmmac/dwmac-rzn1.c: rzn1_dwmac_probe() sets "
                  "pcs_init = rzn1_dwmac_pcs_init(), which calls miic_create() on the "
                  "\"pcs-handle\" node (from stmmac_pcs_setup() in stmmac_dvr_probe()), and "
                  "select_pcs returns it; match table has \"renesas,rzn1-gmac\" only; PHY and "
                  "MDIO facts as stmmac (__stmmac_open()/stmmac_init_phy(), "
                  "stmmac_mdio_register())",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kPhylink,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "stmmac_ethtool.c: stmmac_ethtool_get_link_ksettings(), "
                    "stmmac_ethtool_op_get_eee() and "
                    "stmmac_get_pauseparam() go through phylink_ethtool_*(); stmmac_main.c: "
                    "stmmac_dvr_remove() runs unregister_netdev() before stmmac_mdio_unregister()",
            },
    },
    MacInfo{
        .compatible = "marvell,armada-370-neta",
        .driver = "mvneta",
        .module = "mvneta",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kNone,
        .mdio_bus_id = "",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "mvneta-internal",
        .mdio_child = "",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/marvell/mvneta.c: mvneta_open() calls "
                  "mvneta_mdio_probe() (phylink_of_phy_connect()), mvneta_stop() calls "
                  "mvneta_mdio_remove() (phylink_disconnect_phy()); mvneta_probe() sets "
                  "pp->phylink_pcs.ops = &mvneta_phylink_pcs_ops and phylink_create(); the "
                  "SMI bus is the separate orion-mdio device (mvmdio.c); MVNETA_DRIVER_NAME",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kPhylink,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "mvneta.c: mvneta_ethtool_get_link_ksettings(), mvneta_ethtool_get_eee() and "
                    "mvneta_ethtool_get_pauseparam() go through phylink_ethtool_*()",
            },
    },
    MacInfo{
        .compatible = "marvell,armada-7k-pp22",
        .driver = "mvpp2",
        .module = "mvpp2",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kNone,
        .mdio_bus_id = "",
        .shape = NetdevShape::kPerPort,
        .ports_container = "",
        .port_match = "*",
        .pcs = "mvpp2-internal",
        .mdio_child = "",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c: mvpp2_probe() calls "
                  "mvpp2_port_probe() for every available child "
                  "(device_for_each_child_node_scoped), each one netdev with "
                  "phylink_create() on the port fwnode and pcs_gmac/pcs_xlg ops; "
                  "mvpp2_open() calls phylink_fwnode_phy_connect(), mvpp2_stop() calls "
                  "phylink_disconnect_phy(); MDIO is the separate orion-mdio/xmdio device; "
                  "MVPP2_DRIVER_NAME in mvpp2.h",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source = "mvpp2_main.c: mvpp2_ethtool_get_link_ksettings() and "
                          "mvpp2_ethtool_get_pause_param() "
                          "go through phylink_ethtool_*(); mvpp2_eth_tool_ops has no .get_eee",
            },
    },
    MacInfo{
        .compatible = "pci1957,e100",
        .driver = "fsl_enetc",
        .module = "fsl_enetc",
        .bus = "pci",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "{dev}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "lynx",
        .mdio_child = "mdio",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/freescale/enetc/enetc_pf.c: enetc_pf_probe() calls "
                  "enetc_mdiobus_create(): enetc_mdio_probe() for a \"mdio\" child (id "
                  "\"%s\" dev_name) and, for SGMII/1000BASE-X/2500BASE-X/USXGMII, "
                  "enetc_imdio_create() (bus \"%s-imdio\") with lynx_pcs_create_mdiodev(); "
                  "enetc_pl_mac_select_pcs() returns it; enetc.c: enetc_open() calls "
                  "enetc_phylink_connect() (phylink_of_phy_connect()), enetc_close() "
                  "phylink_disconnect_phy(); PCI_DEVICE(FREESCALE, ENETC_DEV_ID_PF 0xe100), "
                  "driver name KBUILD_MODNAME (fsl-enetc.o)",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "enetc_ethtool.c: enetc_get_link_ksettings() and enetc_get_pauseparam() go "
                    "through "
                    "phylink_ethtool_*(); enetc_pf_ethtool_ops has no .get_eee; enetc_pf.c: "
                    "enetc_pf_remove() runs unregister_netdev() before enetc_mdiobus_destroy()",
            },
    },
    MacInfo{
        .compatible = "fsl,fman-memac",
        .driver = "fsl_dpaa_mac",
        .module = "fsl_dpaa_mac",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kNone,
        .mdio_bus_id = "",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "lynx",
        .mdio_child = "",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "fsl_dpa",
        .source = "drivers/net/ethernet/freescale/fman/mac.c: mac_probe() runs "
                  "memac_initialization() (fman_memac.c), whose memac_pcs_create() takes "
                  "the \"pcsphy-handle\" phandle at the index of \"pcs-handle-names\" "
                  "(sgmii/qsgmii/xfi) and calls lynx_pcs_create_fwnode() (-EPROBE_DEFER "
                  "until the PCS mdio_device exists); dpaa_eth_add_device() creates "
                  "\"dpaa-ethernet.N\", mac_remove() unregisters it; dpaa/dpaa_eth.c: the "
                  "netdev belongs to that device (driver KBUILD_MODNAME fsl_dpa), "
                  "dpaa_netdev_init() does phylink_create(), dpaa_open() "
                  "phylink_of_phy_connect(), dpaa_stop() phylink_disconnect_phy(); the "
                  "sibling mdio nodes are populated by fman.c fman_probe() "
                  "of_platform_populate()",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source = "dpaa/dpaa_ethtool.c: dpaa_get_link_ksettings() and "
                          "dpaa_get_pauseparam() go through "
                          "phylink_ethtool_*(); dpaa_ethtool_ops has no .get_eee",
            },
    },
    MacInfo{
        .compatible = "fsl,qoriq-mc-dpmac",
        .driver = "fsl_dpaa2_eth",
        .module = "fsl_dpaa2_eth",
        .bus = "fsl-mc",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtProbe,
        .mdio = MdioRegister::kNone,
        .mdio_bus_id = "",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "lynx",
        .mdio_child = "",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/freescale/dpaa2/dpaa2-eth.c: the netdev belongs to "
                  "a dpni.N fsl-mc object (driver KBUILD_MODNAME); dpaa2_eth_probe() calls "
                  "dpaa2_eth_connect_mac() (also from the ENDPOINT_CHANGED irq) which finds "
                  "the dpmac endpoint the MC firmware connected and, for a PHY/backplane "
                  "link type, dpaa2-mac.c dpaa2_mac_connect(): dpaa2_pcs_create() "
                  "(\"pcs-handle\" -> lynx_pcs_create_fwnode()), phylink_create(), "
                  "phylink_fwnode_phy_connect() on the dpmac node found by "
                  "dpaa2_mac_get_node() (\"dpmacs\" child with matching reg); the dpmac "
                  "node has no driver of its own",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source = "dpaa2/dpaa2-ethtool.c: dpaa2_eth_get_link_ksettings() and "
                          "dpaa2_eth_get_pauseparam() "
                          "use phylink_ethtool_*() when a dpmac is connected; no .get_eee",
            },
    },
    MacInfo{
        .compatible = "atmel,sama5d3-gem",
        .driver = "macb",
        .module = "macb",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "{pdev}-{:x}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "macb-internal",
        .mdio_child = "mdio",
        .mdio_bus_number = BusIdNumber::kPlatformDeviceId,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/cadence/macb_main.c: macb_probe() calls "
                  "macb_mii_init(), which registers no bus for a fixed-link MAC without a "
                  "\"mdio\" child (as on at91-sama5d3_ksz9477_evb), else "
                  "macb_mdiobus_register() (the \"mdio\" child, else the MAC node) with id "
                  "\"%s-%x\" (pdev->name, pdev->id), then macb_mii_probe() "
                  "(phylink_create(), phylink_sgmii_pcs/phylink_usx_pcs for "
                  "macb_mac_select_pcs()); macb_open() calls macb_phylink_connect() "
                  "(phylink_of_phy_connect()), macb_close() phylink_disconnect_phy()",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kAbsent,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "macb_main.c: macb_get_link_ksettings() goes through "
                    "phylink_ethtool_ksettings_get(); "
                    "macb_ethtool_ops and gem_ethtool_ops have no .get_eee and no .get_pauseparam "
                    "in "
                    "v6.12; macb_remove() runs unregister_netdev() before mdiobus_unregister()",
            },
    },
    MacInfo{
        .compatible = "cdns,zynqmp-gem",
        .driver = "macb",
        .module = "macb",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "{pdev}-{:x}",
        .shape = NetdevShape::kOne,
        .ports_container = "",
        .port_match = "",
        .pcs = "macb-internal",
        .mdio_child = "mdio",
        .mdio_bus_number = BusIdNumber::kPlatformDeviceId,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/cadence/macb_main.c: macb_dt_ids has "
                  "\"cdns,zynqmp-gem\" (zynqmp_config); macb_probe() calls macb_mii_init(): "
                  "a fixed-link MAC without an \"mdio\" child registers no bus, else "
                  "macb_mdiobus_register() registers the \"mdio\" child with "
                  "of_mdiobus_register() and id \"%s-%x\" (pdev->name, pdev->id: "
                  "\"ff0c0000.ethernet-ffffffff\" on QEMU's xlnx-versal-virt), then "
                  "macb_mii_probe() (phylink_create()); macb_open() calls "
                  "macb_phylink_connect() (phylink_of_phy_connect()), macb_close() "
                  "phylink_stop() then phylink_disconnect_phy(); macb_remove() runs "
                  "unregister_netdev() before mdiobus_unregister()",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kAbsent,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "macb_main.c: macb_get_link_ksettings() goes through "
                    "phylink_ethtool_ksettings_get(); "
                    "macb_ethtool_ops and gem_ethtool_ops have no .get_eee and no .get_pauseparam "
                    "in "
                    "v6.12; macb_remove() runs unregister_netdev() before mdiobus_unregister()",
            },
    },
    MacInfo{
        .compatible = "mediatek,mt7986-eth",
        .driver = "mtk_soc_eth",
        .module = "mtk_eth",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kAtProbe,
        .mdio_bus_id = "{node}",
        .shape = NetdevShape::kPerPort,
        .ports_container = "",
        .port_match = "mediatek,eth-mac",
        .pcs = "mtk-lynxi",
        .mdio_child = "mdio-bus",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/mediatek/mtk_eth_soc.c: mtk_probe() calls "
                  "mtk_sgmii_init() (mtk_pcs_lynxi_create() per \"mediatek,sgmiisys\"), "
                  "mtk_add_mac() for every available \"mediatek,eth-mac\" child (netdev + "
                  "phylink_create()), then mtk_mdio_init(): of_get_child_by_name("
                  "\"mdio-bus\"), id \"%pOFn\"; mtk_open() calls phylink_of_phy_connect(), "
                  "mtk_stop() phylink_disconnect_phy(); mtk_mac_select_pcs(); Makefile "
                  "mtk_eth.o",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "mtk_eth_soc.c: mtk_get_link_ksettings() and mtk_get_pauseparam() go through "
                    "phylink_ethtool_*(); mtk_ethtool_ops has no .get_eee in v6.12; mtk_remove() "
                    "calls phylink_disconnect_phy() for each netdev and mtk_cleanup() "
                    "(unregister_netdev()) before mtk_mdio_cleanup()",
            },
    },
    MacInfo{
        .compatible = "ti,am642-cpsw-nuss",
        .driver = "am65-cpsw-nuss",
        .module = "ti_am65_cpsw_nuss",
        .bus = "platform",
        .phy_api = PhyApi::kPhylink,
        .connect = PhyConnect::kAtOpen,
        .mdio = MdioRegister::kSeparateDevice,
        .mdio_bus_id = "",
        .shape = NetdevShape::kPerPort,
        .ports_container = "ethernet-ports",
        .port_match = "port",
        .pcs = "none",
        .mdio_child = "mdio",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = true,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/ti/am65-cpsw-nuss.c: am65_cpsw_nuss_probe() calls "
                  "am65_cpsw_nuss_init_slave_ports() (children of \"ethernet-ports\" named "
                  "\"port\") and of_platform_device_create() on the \"mdio\" child (driven by "
                  "davinci_mdio), destroyed by of_platform_device_destroy() in remove; "
                  "am65_cpsw_nuss_init_port_ndev() phylink_create(); "
                  "am65_cpsw_nuss_ndo_slave_open() phylink_of_phy_connect(), "
                  "am65_cpsw_nuss_ndo_slave_stop() phylink_disconnect_phy(); "
                  "AM65_CPSW_DRV_NAME",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kPhylink,
                .get_eee = PhydevUse::kPhylink,
                .get_pauseparam = PhydevUse::kPhylink,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "am65-cpsw-ethtool.c: am65_cpsw_get_link_ksettings(), am65_cpsw_get_eee() and "
                    "am65_cpsw_get_pauseparam() go through phylink_ethtool_*()",
            },
    },
    MacInfo{
        .compatible = "ti,am642-icssg-prueth",
        .driver = "icssg-prueth",
        .module = "icssg_prueth",
        .bus = "platform",
        .phy_api = PhyApi::kPhylib,
        .connect = PhyConnect::kAtProbe,
        .mdio = MdioRegister::kNone,
        .mdio_bus_id = "",
        .shape = NetdevShape::kPerPort,
        .ports_container = "ethernet-ports",
        .port_match = "port",
        .pcs = "none",
        .mdio_child = "",
        .mdio_bus_number = BusIdNumber::kNone,
        .mdio_device = "",
        .mdio_device_owned_by_mac = false,
        .netdev_driver = "",
        .source = "drivers/net/ethernet/ti/icssg/icssg_prueth.c: prueth_probe() takes the "
                  "available \"port\" children (reg 0/1) of \"ethernet-ports\", "
                  "register_netdev() then emac_phy_connect() (of_phy_connect()) for each; "
                  "emac_ndo_open()/emac_ndo_stop() only phy_start()/phy_stop(), "
                  "prueth_remove() phy_disconnect(); the ICSSG MDIO is the icssg node's "
                  "\"ti,davinci_mdio\" child, populated by drivers/soc/ti/pruss.c "
                  "pruss_probe() devm_of_platform_populate()",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kChecked,
                .get_eee = PhydevUse::kChecked,
                .get_pauseparam = PhydevUse::kAbsent,
                .link_ksettings_needs_running = false,
                .eee_no_phydev_err = EOPNOTSUPP,
                .stop_checks_phydev = true,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source =
                    "icssg/icssg_ethtool.c: emac_get_link_ksettings() is "
                    "phy_ethtool_get_link_ksettings(); "
                    "emac_get_eee() returns -EOPNOTSUPP without ndev->phydev; no .get_pauseparam; "
                    "icssg_prueth.c: emac_ndo_stop() checks ndev->phydev before phy_stop(); "
                    "prueth_remove() calls phy_disconnect() before unregister_netdev()",
            },
    },
};

}  // namespace

std::span<const MacInfo> mac_catalog() { return kMacs; }

const MacInfo* find_mac(std::string_view compatible) {
  for (const MacInfo& mac : kMacs) {
    if (mac.compatible == compatible) return &mac;
  }
  return nullptr;
}

namespace {

constexpr std::array kVariants = {
    MacFactsVariant{
        .name = "lan78xx-v4.14",
        .driver = "lan78xx (drivers/net/usb/lan78xx.c) as in Linux v4.14",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kUnchecked,
                .get_eee = PhydevUse::kUnchecked,
                .get_pauseparam = PhydevUse::kUnchecked,
                .link_ksettings_needs_running = false,
                .stop_checks_phydev = false,
                .remove_order = RemoveOrder::kNetdevFirst,
                .source = "raspberrypi/linux issue #2457 (4.14.26, Raspberry Pi 3 B+): "
                          "`ifconfig eth0 down; ethtool --show-eee eth0` oopses in "
                          "phy_ethtool_get_eee() called from lan78xx_get_eee(). Until commit "
                          "92571a1aae40 (\"lan78xx: Connect phy early\", 2018, which moved "
                          "lan78xx_phy_init() into lan78xx_probe()) lan78xx_open() connected "
                          "the PHY and lan78xx_stop() disconnected it, so netdev->phydev is "
                          "NULL while the interface is down; lan78xx_get_eee(), "
                          "lan78xx_get_link_ksettings() and lan78xx_get_pause() pass "
                          "net->phydev to phylib unchecked, as v6.12 still does. v6.12 "
                          "connects the PHY at probe (before register_netdev(), commit "
                          "38b4fe320119) and checks it in lan78xx_stop(), so ifdown no "
                          "longer leaves it NULL",
            },
    },
    MacFactsVariant{
        .name = "axienet-v5.2",
        .driver = "xilinx_axienet (drivers/net/ethernet/xilinx/xilinx_axienet_main.c) before "
                  "'net: axienet: fix teardown order of MDIO bus' (Linux v5.3)",
        .lifecycle =
            MacLifecycle{
                .get_link_ksettings = PhydevUse::kChecked,
                .get_eee = PhydevUse::kAbsent,
                .get_pauseparam = PhydevUse::kNone,
                .link_ksettings_needs_running = false,
                .pause_autoneg = false,
                .pause_rx_tx = true,
                .stop_checks_phydev = false,
                .remove_order = RemoveOrder::kMdioFirst,
                .source = "xilinx_axienet_main.c axienet_remove() called "
                          "axienet_mdio_teardown() (mdiobus_unregister()) before "
                          "unregister_netdev(), whose ndo_stop (axienet_stop()) then stops "
                          "and disconnects the PHY of the freed bus; Robert Hancock's fix "
                          "(netdev, June 2019, merged for v5.3) swapped the two: \"Since the "
                          "MDIO is brought up before the netdev is registered, it should be "
                          "torn down after the netdev is removed. Otherwise, PHY accesses can "
                          "potentially access freed MDIO bus references and cause a crash.\" "
                          "Its get ops are not what this variant is about: "
                          ".get_link_ksettings = phy_ethtool_get_link_ksettings, "
                          "axienet_ethtools_get_pauseparam() reports autoneg 0 and the MAC's "
                          "flow-control register (recalled from v5.2, not re-read)",
            },
    },
};

}  // namespace

std::span<const MacFactsVariant> mac_facts_variants() { return kVariants; }

const MacFactsVariant* find_mac_facts(std::string_view name) {
  for (const MacFactsVariant& v : kVariants)
    if (v.name == name) return &v;
  return nullptr;
}

bool mac_facts_apply_to(const core::FwNode& mac_node) {
  for (const std::string& c : mac_node.compatible())
    if (const MacInfo* m = find_mac(c))
      return m->phy_api == PhyApi::kPhylib && m->connect == PhyConnect::kAtOpen;
  return false;
}

}  // namespace lifeline::net
