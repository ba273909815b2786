// SPDX-License-Identifier: GPL-2.0-only
// The PROBE STORM section of `boot` and of a run's final state: what
// fwnode_mdio's PSE coupling (pse=mainline, v6.12) cost each MDIO bus
// before the PSE controller's module loaded (S8).
#include "lifeline/report/snapshot_text.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

std::string format_probe_storm(const check::Snapshot& s) {
  const check::ProbeStorm& p = s.probe_storm;
  if (p.buses.empty()) return "";
  std::string out = p.module_loaded ? "PROBE STORM before the PSE module " + p.module +
                                          " loaded at " + sim::format_duration(p.at) + "\n"
                    : p.pending_module.empty()
                        ? "PROBE STORM so far (no PSE controller module loaded)\n"
                        : "PROBE STORM so far (the PSE module " + p.pending_module +
                              " is not loaded yet: it loads at " +
                              sim::format_duration(p.pending_at) + ")\n";
  for (const check::ProbeStormRow& b : p.buses)
    out += "  mdio bus " + b.bus + " (" + (b.device.empty() ? "-" : b.device) +
           (b.node.empty() ? "" : ", " + b.node) +
           "): " + count_of(b.probe_attempts, "probe attempt", "probe attempts") + ", " +
           count_of(b.phys_removed, "PHY create/destroy cycle", "PHY create/destroy cycles") +
           " (" + std::to_string(b.phys_created) + " created, " + std::to_string(b.phys_removed) +
           " removed), " + count_of(b.pse_deferrals, "registration", "registrations") +
           " failed with -EPROBE_DEFER for a PSE\n";
  return out;
}

}  // namespace lifeline::report
