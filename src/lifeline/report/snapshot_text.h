// SPDX-License-Identifier: GPL-2.0-only
// The tables of a model state: devices, netdevs, device links, PHYs, modules.
// Each function returns a heading line and an indented table (or the heading
// saying there is none), ending in a newline.
#ifndef LIFELINE_REPORT_SNAPSHOT_TEXT_H_
#define LIFELINE_REPORT_SNAPSHOT_TEXT_H_

#include <string>

#include "lifeline/check/snapshot.h"

namespace lifeline::report {

std::string format_devices(const check::Snapshot& s);
std::string format_netdevs(const check::Snapshot& s);
// The ports of each DSA switch; "" when the board has none registered.
std::string format_dsa_ports(const check::Snapshot& s);
// The nodes driven by a default model (no catalog entry); "" when none.
std::string format_default_models(const check::Snapshot& s);
// The SFP cages: bus, upstream, module, state machines; "" without cages.
std::string format_sfp_cages(const check::Snapshot& s);
// What fwnode_mdio's PSE coupling cost each MDIO bus before the PSE module
// loaded (probe_storm_text.cc); "" when no bus deferred for a PSE.
std::string format_probe_storm(const check::Snapshot& s);
std::string format_links(const check::Snapshot& s);
std::string format_phys(const check::Snapshot& s);
std::string format_modules(const check::Snapshot& s);

// What changed between two snapshots of the same execution (after boot and
// at the end): only the rows that differ, with what they were and what they
// are, so that the end of a long run reads at a glance. Empty when nothing
// changed.
std::string format_device_changes(const check::Snapshot& before, const check::Snapshot& after);
std::string format_link_changes(const check::Snapshot& before, const check::Snapshot& after);
std::string format_module_changes(const check::Snapshot& before, const check::Snapshot& after);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_SNAPSHOT_TEXT_H_
