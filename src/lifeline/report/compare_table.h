// SPDX-License-Identifier: GPL-2.0-only
// The table of `lifeline compare` as data: one column per knob value, the
// rows the issue asks for, short cells. The text report prints it and the
// JSON report carries it, so that both say the same.
#ifndef LIFELINE_REPORT_COMPARE_TABLE_H_
#define LIFELINE_REPORT_COMPARE_TABLE_H_

#include <string>
#include <vector>

#include "lifeline/scenario/runner.h"

namespace lifeline::report {

struct CompareRow {
  std::string key;                 // stable, for JSON: "findings/warn", "expects_failed", ...
  std::string label;               // for text: "findings: warn", "expects failed", ...
  std::vector<std::string> cells;  // one per value
};

struct CompareTable {
  std::string knob;
  std::vector<std::string> columns;  // the values
  std::vector<CompareRow> rows;
};

// Rows, in order:
//   findings/KIND           one per kind found in any column: count, "-" for none;
//                           a single "findings" row of "none" when no column has any
//   expects_failed          "2/5"; "-" when the scenario has no expects
//   carrier_after_left      "eth0 on, eth1 off": carrier once settled after the
//                           provider left, of the netdevs that had it before
//   unrelated_netdevs_lost  netdevs gone that did not use the provider; "none"
//   recovered               "yes (2.1s)" after the provider came back, "no"
//   configuration_lost      link settings differ from before the provider left
//   sfp/CAGE/module         for each cage that held a module in some run, at the
//   sfp/CAGE/upstream       end: the module state machine, whether its bus is
//   sfp/CAGE/carrier        registered (and to whom), the upstream's carrier
//   probe_storm/BUS/probe_attempts  for each MDIO bus whose registration failed
//   probe_storm/BUS/phy_cycles      with -EPROBE_DEFER for a PSE controller in
//                           some run (S8): its driver's probe attempts and the
//                           PHYs created and removed on it before the first PSE
//                           module loaded; "-" where the bus never registered
// A cell about the provider is "-" when the provider did not leave (or, for
// the last two, did not come back) in that run.
CompareTable compare_table(const scenario::CompareResult& c);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_COMPARE_TABLE_H_
