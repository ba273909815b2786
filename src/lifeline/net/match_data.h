// SPDX-License-Identifier: GPL-2.0-only
// of_device_get_match_data() for the catalog drivers: one driver serves every
// compatible of its of_match_table (mvmdio's "orion-mdio" drives both
// marvell,orion-mdio and marvell,xmdio), and probe looks up the catalog entry
// of the compatible the device's node matched.
#ifndef LIFELINE_NET_MATCH_DATA_H_
#define LIFELINE_NET_MATCH_DATA_H_

#include <string>
#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"

namespace lifeline::net {

// The entry whose `compatible` comes first in the node's compatible list (the
// kernel's of_match_node() prefers the most specific compatible), or the
// first entry when the device has no node (bound by name through sysfs).
template <class Info>
const Info* of_device_get_match_data(const core::Device* dev,
                                     const std::vector<const Info*>& infos) {
  if (infos.empty()) return nullptr;
  if (!dev->fwnode) return infos.front();
  for (const std::string& c : dev->fwnode->compatible())
    for (const Info* info : infos)
      if (info->compatible == c) return info;
  return infos.front();
}

// The of_match_table of a driver serving `infos`, in catalog order.
template <class Info>
std::vector<std::string> of_match_table_of(const std::vector<const Info*>& infos) {
  std::vector<std::string> table;
  for (const Info* info : infos) table.emplace_back(info->compatible);
  return table;
}

}  // namespace lifeline::net

#endif  // LIFELINE_NET_MATCH_DATA_H_
