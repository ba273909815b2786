// SPDX-License-Identifier: GPL-2.0-only
// Device-tree aliases as drivers/of/base.c reads them (of_alias_scan(),
// of_alias_get_id(), of_alias_get_highest_id()): bus numbers of I2C adapters
// and SPI controllers come from "i2cN" / "spiN" aliases when there is one.
#ifndef LIFELINE_DT_ALIASES_H_
#define LIFELINE_DT_ALIASES_H_

#include <string_view>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// of_alias_get_id(): the N of an alias "<stem>N" naming `node`, or -ENODEV.
// As of_alias_scan() does, an alias is split into its stem and the decimal
// digits ending it ("ethernet0" is stem "ethernet", id 0); an alias without
// a trailing number or whose path names no node is ignored.
int of_alias_get_id(const core::FwNode* node, std::string_view stem);

// of_alias_get_highest_id(): the highest N among "<stem>N" aliases of the
// tree, or -ENODEV when there is none.
int of_alias_get_highest_id(const core::FwTree& tree, std::string_view stem);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_ALIASES_H_
