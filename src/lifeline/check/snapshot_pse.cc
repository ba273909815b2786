// SPDX-License-Identifier: GPL-2.0-only
// The probe storm of fwnode_mdio's PSE coupling, as a snapshot reports it
// (check/snapshot.h ProbeStorm), from the counts net/pse/probe_storm.cc kept.
#include <algorithm>

#include "lifeline/check/snapshot.h"
#include "lifeline/core/boot.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/net/system.h"

namespace lifeline::check {

ProbeStorm take_probe_storm(bool all_buses) {
  ProbeStorm out;
  net::Net* n = net::Net::current_or_null();
  if (!n || !n->pse) return out;
  uint64_t at = 0;
  for (const net::MdioBusCounts& c :
       net::probe_storm_counts(&out.module_loaded, &out.module, &at)) {
    if (!all_buses && !c.pse_deferrals) continue;
    ProbeStormRow r;
    r.bus = c.bus_id;
    r.device = c.dev_name;
    r.node = c.np ? c.np->full_path : "";
    r.probe_attempts = c.probe_attempts;
    r.phys_created = c.phys_created;
    r.phys_removed = c.phys_removed;
    r.pse_deferrals = c.pse_deferrals;
    out.buses.push_back(std::move(r));
  }
  out.at = at;
  const net::System* sys = net::System::current_or_null();
  if (!out.module_loaded && sys)
    for (const core::ModuleLoad& load : sys->plan.late)
      if (out.pending_module.empty() && std::find(n->pse->modules.begin(), n->pse->modules.end(),
                                                  load.module) != n->pse->modules.end()) {
        out.pending_module = load.module->name();
        out.pending_at = load.at;
      }
  return out;
}

}  // namespace lifeline::check
