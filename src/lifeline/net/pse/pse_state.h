// SPDX-License-Identifier: GPL-2.0-only
// The PSE side's state for one execution, kept with the network state
// (Net::pse): pse_core.c's pse_controller_list and pse_list_mutex, the
// regulator framework's regulator_list, and the counters the reports show.
#ifndef LIFELINE_NET_PSE_PSE_STATE_H_
#define LIFELINE_NET_PSE_PSE_STATE_H_

#include <cstdint>
#include <vector>

#include "lifeline/core/notifier.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::net {

struct PseControllerDev;
struct RegulatorDev;

struct PseState : sim::Object {
  PseState();
  sim::Mutex pse_list_mutex;
  std::vector<PseControllerDev*> pse_controller_list;  // list_add() puts new ones first
  std::vector<RegulatorDev*> regulators;
  // The notifier designs' lock when it is not rtnl (notifier-mutex,
  // notifier-narrow): the RFC's phy core serialises PSE attachment with it.
  sim::Mutex pse_phy_mutex;
  // Which lock the notifier design serialises with (net/designs/pse.h
  // PseLock), set by its phy_init hook.
  uint8_t notifier_lock = 0;
  core::NotifierBlock phy_nb;  // the phy core's block on the PSE chain
  // What fwnode_mdio's coupling costs (S8): PHYs registered and then removed
  // again because their bus registration failed, and bus registrations that
  // failed with -EPROBE_DEFER for a PSE controller.
  uint64_t phys_registered_then_removed = 0;
  uint64_t mdio_bus_pse_deferrals = 0;
};

// Net::current()'s; created by net_create().
PseState& pse_state();
void pse_state_init();

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_PSE_STATE_H_
