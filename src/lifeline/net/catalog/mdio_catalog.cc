// SPDX-License-Identifier: GPL-2.0-only
// MDIO controllers that are devices of their own on the bundled boards, as
// Linux v6.12 has them. The bus id matters because PHY devices are named
// after it, and users name PHYs that way ("f1072004.mdio-mii:00").
#include "lifeline/net/catalog/mdio_catalog.h"

#include <array>

namespace lifeline::net {
namespace {

constexpr std::string_view kUnimacSource =
    "drivers/net/mdio/mdio-bcm-unimac.c: unimac_mdio_probe() names the bus "
    "\"%s-%d\" (pdev->name, pdev->id) and of_mdiobus_register(); "
    "unimac_mdio_ids; driver name UNIMAC_MDIO_DRV_NAME \"unimac-mdio\" "
    "(include/linux/platform_data/mdio-bcm-unimac.h). On GENET the device is "
    "allocated by bcmgenet_mii_register() as \"unimac-mdio\" with id "
    "of_alias_get_id(dn, \"eth\"), so the bus is \"unimac-mdio-<id>\"";

constexpr std::string_view kOrionSource =
    "drivers/net/ethernet/marvell/mvmdio.c: orion_mdio_probe() names the bus "
    "\"%s-mii\" (dev_name), SMI gets read/write (C22), XSMI only "
    "read_c45/write_c45; orion_mdio_match (BUS_TYPE_SMI / BUS_TYPE_XSMI); "
    "driver \"orion-mdio\"; Makefile mvmdio.o";

constexpr std::string_view kXgmacSource =
    "drivers/net/ethernet/freescale/xgmac_mdio.c: xgmac_mdio_probe() names the "
    "bus \"%pa\" of the first MEM resource start, sets both C22 and C45 "
    "accessors, of_mdiobus_register(); xgmac_mdio_match; driver "
    "\"fsl-fman_xmdio\"; Makefile xgmac_mdio.o";

constexpr std::string_view kDavinciSource =
    "drivers/net/ethernet/ti/davinci_mdio.c: davinci_mdio_probe() names a DT "
    "bus \"%s\" (pdev->name, i.e. dev_name for DT devices); read_c45 only in "
    "K3 manual (bit-bang) mode; davinci_mdio_of_mtable; driver "
    "\"davinci_mdio\"";

constexpr std::array kControllers = {
    MdioControllerInfo{
        .compatible = "brcm,genet-mdio-v5",
        .driver = "unimac-mdio",
        .module = "mdio_bcm_unimac",
        .bus = "platform",
        .bus_id = "{pdev}-{}",
        .c45 = false,
        .mux = false,
        .bus_id_number = BusIdNumber::kPlatformDeviceId,
        .source = kUnimacSource,
    },
    MdioControllerInfo{
        .compatible = "marvell,orion-mdio",
        .driver = "orion-mdio",
        .module = "mvmdio",
        .bus = "platform",
        .bus_id = "{dev}-mii",
        .c45 = false,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = kOrionSource,
    },
    MdioControllerInfo{
        .compatible = "marvell,xmdio",
        .driver = "orion-mdio",
        .module = "mvmdio",
        .bus = "platform",
        .bus_id = "{dev}-mii",
        .c45 = true,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = kOrionSource,
    },
    MdioControllerInfo{
        .compatible = "fsl,fman-memac-mdio",
        .driver = "fsl-fman_xmdio",
        .module = "xgmac_mdio",
        .bus = "platform",
        .bus_id = "{addr}",
        .c45 = true,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = kXgmacSource,
    },
    MdioControllerInfo{
        .compatible = "fsl,fman-xmdio",
        .driver = "fsl-fman_xmdio",
        .module = "xgmac_mdio",
        .bus = "platform",
        .bus_id = "{addr}",
        .c45 = true,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = kXgmacSource,
    },
    MdioControllerInfo{
        // The LS1028A ENETC MDIO is PCI function 0,3; the kernel matches its
        // PCI ID, which the node states as its first compatible.
        .compatible = "pci1957,ee01",
        .driver = "fsl_enetc_mdio",
        .module = "fsl_enetc_mdio",
        .bus = "pci",
        .bus_id = "{dev}",
        .c45 = true,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = "drivers/net/ethernet/freescale/enetc/enetc_pci_mdio.c: "
                  "enetc_pci_mdio_probe() names the bus \"%s\" (dev_name, the PCI name "
                  "\"0000:00:00.3\"), of_mdiobus_register() on the function's node; "
                  "PCI_DEVICE(FREESCALE, ENETC_MDIO_DEV_ID 0xee01); enetc_mdio.c has the "
                  "C22 and C45 accessors; driver KBUILD_MODNAME, Makefile fsl-enetc-mdio.o",
    },
    MdioControllerInfo{
        .compatible = "virtual,mdio-gpio",
        .driver = "mdio-gpio",
        .module = "mdio_gpio",
        .bus = "platform",
        .bus_id = "gpio-{:x}",
        .c45 = false,
        .mux = false,
        .bus_id_number = BusIdNumber::kMdioGpioAliasOrZero,
        .source = "drivers/net/mdio/mdio-gpio.c: mdio_gpio_probe() takes bus_id = "
                  "of_alias_get_id(np, \"mdio-gpio\") (0 when missing), "
                  "mdio_gpio_bus_init() names the bus \"gpio-%x\", bit-banged C22 "
                  "(alloc_mdio_bitbang()); mdio_gpio_of_match; driver \"mdio-gpio\"",
    },
    MdioControllerInfo{
        .compatible = "mdio-mux-multiplexer",
        .driver = "mdio-mux-multiplexer",
        .module = "mdio_mux_multiplexer",
        .bus = "platform",
        .bus_id = "mdio_mux-{:x}.{reg:x}",
        .c45 = false,
        .mux = true,
        .bus_id_number = BusIdNumber::kDriverCounter,
        .source = "drivers/net/mdio/mdio-mux-multiplexer.c: mdio_mux_multiplexer_probe() "
                  "calls mdio_mux_init() (mdio-mux.c), which needs the \"mdio-parent-bus\" "
                  "bus (of_mdio_find_bus(), -EPROBE_DEFER until it exists), takes "
                  "pb->parent_id = parent_count++ (static, shared by every mdio-mux user) "
                  "and registers one bus per available child with reg, id \"%s-%x.%x\" "
                  "(\"mdio_mux\", parent_id, reg), C45 accessors only if the parent has "
                  "them",
    },
    MdioControllerInfo{
        .compatible = "ti,cpsw-mdio",
        .driver = "davinci_mdio",
        .module = "davinci_mdio",
        .bus = "platform",
        .bus_id = "{dev}",
        .c45 = false,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = kDavinciSource,
    },
    MdioControllerInfo{
        .compatible = "ti,davinci_mdio",
        .driver = "davinci_mdio",
        .module = "davinci_mdio",
        .bus = "platform",
        .bus_id = "{dev}",
        .c45 = false,
        .mux = false,
        .bus_id_number = BusIdNumber::kNone,
        .source = kDavinciSource,
    },
};

}  // namespace

std::span<const MdioControllerInfo> mdio_controller_catalog() { return kControllers; }

const MdioControllerInfo* find_mdio_controller(std::string_view compatible) {
  for (const MdioControllerInfo& controller : kControllers) {
    if (controller.compatible == compatible) return &controller;
  }
  return nullptr;
}

}  // namespace lifeline::net
