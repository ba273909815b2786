// SPDX-License-Identifier: GPL-2.0-only
// The order in which built-in drivers register: the kernel runs a level's
// initcalls in link order, and drivers/Makefile links the subsystems in a
// fixed order (irqchip, bus, phy, pinctrl, gpio, pwm, ..., pci, ..., clk,
// dma, soc, pmdomain, ..., regulator, reset, ..., spi, ..., i2c, ...). A
// device tree does not say which driver file serves a node, but what a node
// provides says which subsystem its driver lives in: a pin controller's in
// drivers/pinctrl, a clock provider's in drivers/clk. lifeline orders
// generic drivers by that subsystem's place in drivers/Makefile (Linux
// v6.12), then by tree order. Initcall levels (core_initcall,
// subsys_initcall, ...) are not modelled: every driver is device_initcall.
//
// That puts providers before most of their consumers, as on a real board,
// rather than deferring every consumer written before its provider.
#ifndef LIFELINE_DT_LINK_ORDER_H_
#define LIFELINE_DT_LINK_ORDER_H_

#include <string_view>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// The drivers/ subdirectory a node's driver is taken to live in, judged in
// this order: pinctrl (pin controller), gpio, i2c (an adapter; a mux is
// "i2c/muxes", linked after the bus drivers), spi, pci (a host), clk,
// irqchip (interrupt or MSI controller), regulator, pmdomain, reset, phy,
// pwm, dma, iommu, mailbox, nvmem, thermal, hwspinlock, mux, interconnect,
// iio, bus (simple-bus and friends, fsl-mc, populating drivers), mfd
// (syscon); "" for anything else (linked last).
std::string_view driver_subsystem(const core::FwNode& node);

// The subsystem's position in drivers/Makefile; larger for unknown ones.
int link_rank(std::string_view subsystem);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_LINK_ORDER_H_
