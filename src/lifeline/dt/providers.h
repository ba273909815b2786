// SPDX-License-Identifier: GPL-2.0-only
// Generic providers: nodes that supply something to other devices (a clock,
// a regulator, GPIO lines, pins, interrupts, a bus) but have no network
// role. lifeline gives them plain provider devices so that fw_devlink
// ordering, deferred probe and late module loads behave as on the real
// board, without modelling what they provide.
#ifndef LIFELINE_DT_PROVIDERS_H_
#define LIFELINE_DT_PROVIDERS_H_

#include <string_view>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

enum class ProviderKind {
  kClock,                // #clock-cells
  kRegulator,            // regulator-fixed and friends, regulator-* properties
  kGpioController,       // gpio-controller
  kPinController,        // #pinctrl-cells, a *pinctrl* compatible, or owner of used pin states
  kInterruptController,  // interrupt-controller
  kI2cController,        // an I2C bus or mux (named i2c*, or an *i2c* compatible with a bus)
  kSpiController,        // an SPI bus (named spi*, or a *spi* compatible with a bus)
  kPowerDomain,          // #power-domain-cells
  kReset,                // #reset-cells
  kPwm,                  // #pwm-cells
  kNvmem,                // #nvmem-cell-cells, or owner of used nvmem cells
  kDma,                  // #dma-cells
  kMailbox,              // #mbox-cells
  kIommu,                // #iommu-cells
  kGenericPhy,           // #phy-cells: drivers/phy (SerDes, USB), not an Ethernet PHY
  kInterconnect,         // #interconnect-cells
  kIoChannel,            // #io-channel-cells (ADC)
  kHwlock,               // #hwlock-cells
  kMuxController,        // #mux-control-cells / #mux-state-cells
  kMsiController,        // msi-controller
  kThermalSensor,        // #thermal-sensor-cells
  kAccessController,     // #access-controller-cells
  kSyscon,               // "syscon"
};

std::string_view provider_kind_name(ProviderKind kind);

// What `node` provides, in the order of the enum; empty for a node that
// provides nothing of these. Pin controllers and nvmem providers that only
// show as the owner of referenced pin states / cells are found through the
// fwnode links, so call it on a tree that went through load_device_tree()
// (or add_fw_devlink_links()).
std::vector<ProviderKind> provider_kinds(const core::FwNode& node);

// An enabled node that provides something and has no network role (not a
// MAC, MDIO bus, Ethernet PHY, SFP cage, PSE controller, DSA switch or
// port). A MAC that is also a clock provider is the network model's.
bool is_generic_provider(const core::FwNode& node);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_PROVIDERS_H_
