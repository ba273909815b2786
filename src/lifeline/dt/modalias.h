// SPDX-License-Identifier: GPL-2.0-only
// of_alias_from_compatible() (drivers/of/base.c): the name a node's device is
// known by to ID tables (i2c_client->name, spi_device->modalias): its first
// compatible without the vendor prefix ("microchip,ksz9477" -> "ksz9477").
#ifndef LIFELINE_DT_MODALIAS_H_
#define LIFELINE_DT_MODALIAS_H_

#include <string>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// Empty when the node has no compatible (the kernel's -ENODEV).
std::string of_modalias(const core::FwNode& node);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_MODALIAS_H_
