// SPDX-License-Identifier: GPL-2.0-only
// The ethtool get commands of the scenario language (`ethtool IF`,
// `ethtool --show-eee IF`, `ethtool -i IF`, `ethtool --show-pause IF`):
// each runs as ethtool(8) would, and prints a terse form of its output to
// the timeline.
#ifndef LIFELINE_SCENARIO_ETHTOOL_GET_H_
#define LIFELINE_SCENARIO_ETHTOOL_GET_H_

#include <string>

#include "lifeline/scenario/ast.h"

namespace lifeline::net {
class NetDevice;
}

namespace lifeline::scenario {

struct EthtoolGetResult {
  int err = 0;          // what the kernel returned (negative), 0 on success
  std::string message;  // ethtool's error line when err != 0
};

// Runs `query` on `nd` (nullptr: the interface is not present, -ENODEV) in
// a task named "ethtool" of its own: an oops in the driver's op kills that
// process, not the scenario, and the command then fails with -EFAULT
// ("Segmentation fault"), as the shell would see it.
EthtoolGetResult run_ethtool_get(const EthtoolGet& query, net::NetDevice* nd);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_ETHTOOL_GET_H_
