// SPDX-License-Identifier: GPL-2.0-only
// Which nodes are controllers of a bus whose devices their driver creates
// when it binds (and removes when it unbinds), as the kernel's do:
//   I2C adapter     i2c_add_adapter() -> of_i2c_register_devices()
//   I2C mux         i2c_mux_add_adapter() per channel, each an adapter
//   SPI controller  spi_register_controller() -> of_register_spi_devices()
//   PCI host        pci_host_probe(): the functions below it, bridges and all
//   fsl-mc          fsl_mc_bus_probe(): the root DPRC, whose driver adds the
//                   container's objects (dprc_scan_container())
//   populating      drivers that call of_platform_populate() (or
//                   devm_of_platform_populate()) on their own node at probe
#ifndef LIFELINE_DT_BUS_ROLES_H_
#define LIFELINE_DT_BUS_ROLES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

enum class BusRole : uint8_t {
  kNone,
  kI2cAdapter,
  kI2cMux,
  kSpiController,
  kPciHost,
  kFslMc,
  kPopulates,
};
const char* bus_role_name(BusRole role);

// An I2C bus multiplexer: a node with an "i2c-parent" (a platform mux such
// as i2c-mux-pinctrl or i2c-mux-gpio), a compatible of the pca954x family
// or one that says i2c-mux, or an I2C client whose channel child nodes
// ("i2c@N", directly or under an "i2c-mux" container) carry a reg.
bool is_i2c_mux(const core::FwNode& node);

// The role of a node whose device a generic driver binds. A PCI host is a
// node with device_type = "pci" (a PCI-to-PCI bridge below a host has it
// too, but its function is enumerated by the host and bound by pcieport).
BusRole bus_role(const core::FwNode& node);

// For kPopulates: whether the driver populates with the default bus
// matches (of_platform_default_populate(), recursing into simple-bus
// children: drivers/memory/fsl_ifc.c) or without (every other entry).
bool populates_default_buses(const core::FwNode& node);

// The I2C client nodes below an adapter's node: the available children of
// its "i2c-bus" child if it has one, else of the node itself
// (of_i2c_register_devices()), that have a compatible and a reg.
std::vector<core::FwNode*> i2c_client_nodes(const core::FwNode& adapter_node);

// A mux's channel ids in the order its driver adds them: every channel of a
// pca954x chip (its table's nchans), one per pinctrl state other than
// "idle" for i2c-mux-pinctrl, else the reg of each child channel node.
std::vector<uint32_t> i2c_mux_channels(const core::FwNode& mux);
// The node of channel `chan` (i2c_mux_add_adapter(): the child of the
// "i2c-mux" container, else of the mux node, whose reg is chan), or nullptr.
core::FwNode* i2c_mux_channel_node(const core::FwNode& mux, uint32_t chan);

// SPI device nodes below a controller: available children with a
// compatible and a reg (of_register_spi_devices()).
std::vector<core::FwNode*> spi_device_nodes(const core::FwNode& controller);

// PCI: a function's devfn from the first cell of its reg (of_pci_get_devfn()),
// and whether a node is a PCI-to-PCI bridge (device_type = "pci").
std::optional<uint8_t> pci_devfn(const core::FwNode& node);
bool is_pci_bridge_node(const core::FwNode& node);
// The function nodes the PCI core enumerates below a host or bridge node,
// in devfn order: children with a reg; a bridge only if available (a host
// driver does not bring up a disabled root port: pci-mvebu walks available
// children only). A disabled endpoint function is still enumerated (the
// hardware answers config cycles); it just never matches a driver.
std::vector<core::FwNode*> pci_function_nodes(const core::FwNode& bus_node);

// The dpmac nodes of an fsl-mc node: the children of its "dpmacs" node
// (dpaa2_mac_get_node() looks the container up by name) that are available
// and have a reg, in reg order.
std::vector<core::FwNode*> fsl_mc_dpmac_nodes(const core::FwNode& fsl_mc);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_BUS_ROLES_H_
