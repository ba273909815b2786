// SPDX-License-Identifier: GPL-2.0-only
// The network feature counts of a board, with the definitions of
// boards/SOURCES.md ("Feature summary"): enabled nodes only, except that SFP
// cages are also counted disabled. PHYs are counted as the table counts
// them: Ethernet PHY nodes that are not pcs-handle targets and that a
// phy-handle or phy property names (see board_summary.cc).
#ifndef LIFELINE_DT_BOARD_SUMMARY_H_
#define LIFELINE_DT_BOARD_SUMMARY_H_

#include <string>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

struct DsaSwitchSummary {
  std::string path;
  int ports = 0;      // enabled ports
  int cpu_ports = 0;  // of which CPU ports
  bool operator==(const DsaSwitchSummary&) const = default;
};

struct BoardSummary {
  int macs = 0;
  int mdio_buses = 0;
  int phys = 0;
  int sfp_enabled = 0;
  int sfp_disabled = 0;
  int pcs_nodes = 0;     // nodes carrying pcs-handle
  int pcs_phandles = 0;  // phandles in those pcs-handle properties
  int pse_controllers = 0;
  int pse_refs = 0;  // phandles in pses properties
  std::vector<DsaSwitchSummary> dsa_switches;
  bool operator==(const BoardSummary&) const = default;
};

BoardSummary summarize_board(const core::FwTree& tree);

// One line per feature, for messages and test failures.
std::string to_string(const BoardSummary& s);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_BOARD_SUMMARY_H_
