// SPDX-License-Identifier: GPL-2.0-only
// The SPI core's device side (drivers/spi/spi.c): controllers numbered from
// "spiN" aliases or dynamically, and the devices their node describes. Call
// from a task of an execution with DtBuses.
#ifndef LIFELINE_DT_SPI_H_
#define LIFELINE_DT_SPI_H_

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/bus_devices.h"

namespace lifeline::dt {

// spi_register_controller(): bus_num from the node's "spiN" alias, else the
// lowest free number from one past the highest "spi" alias (0 without
// any). The drivers of the bundled boards leave bus_num at -1 for DT
// devices (pdev->id is PLATFORM_DEVID_NONE), so this is their number too.
// Registers the class device "spi<bus_num>" (no bus; parent `parent`,
// fwnode `node`) and then its devices (of_register_spi_devices()). nullptr
// when the alias number is taken.
SpiController* spi_register_controller(core::Device* parent, core::FwNode* node);

// spi_unregister_controller(): the devices first (spi_unregister_device()
// for each child), then the controller; its number becomes free.
void spi_unregister_controller(SpiController* ctlr);

// of_register_spi_devices(): a device "spi<bus_num>.<chip select>" for each
// node of spi_device_nodes() not already populated; a chip select already
// in use on the controller gets none (spi_add_device(): -EBUSY).
void of_register_spi_devices(SpiController* ctlr);

SpiController* of_find_spi_controller_by_node(const core::FwNode* node);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_SPI_H_
