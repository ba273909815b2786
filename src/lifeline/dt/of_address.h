// SPDX-License-Identifier: GPL-2.0-only
// Address translation of drivers/of/address.c: a node's "reg" address
// carried up through every parent bus's "ranges" to a CPU physical address.
// The kernel names platform devices after the translated address
// (of_device_make_bus_id()), so /scb/ethernet@7d580000 on a Raspberry Pi 4
// becomes fd580000.ethernet.
#ifndef LIFELINE_DT_OF_ADDRESS_H_
#define LIFELINE_DT_OF_ADDRESS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// OF_BAD_ADDR.
inline constexpr uint64_t kOfBadAddr = ~uint64_t{0};

// of_translate_address(): translates the address whose cells start at
// in_addr (as many cells as the node's bus uses) for node `dev`. kOfBadAddr
// when a level has no "ranges", no range covers the address, or a cell
// count is invalid (for example #size-cells = <0>, as on I2C or MDIO).
uint64_t of_translate_address(const core::FwNode* dev, const std::vector<uint32_t>& in_addr);

// The first "reg" entry of `dev`, translated; nullopt when it has no reg
// or the translation fails.
std::optional<uint64_t> translated_reg(const core::FwNode* dev);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_OF_ADDRESS_H_
