// SPDX-License-Identifier: GPL-2.0-only
// Hand-built results for the report tests: a small i.MX8MP-like board (an
// EQOS MAC with its RTL8211F on its own MDIO bus, a FEC deferred on a
// supplier) whose PHY is unbound and bound again. Built by hand so the tests
// of the reports do not depend on the model.
#ifndef LIFELINE_REPORT_TEST_DATA_H_
#define LIFELINE_REPORT_TEST_DATA_H_

#include "lifeline/check/graph.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::report::testing {

using scenario::TimelineEntry;
using Kind = TimelineEntry::Kind;

inline check::Snapshot boot_snapshot() {
  check::Snapshot s;
  s.time = sim::msecs(2104);
  s.devices = {
      {"30bf0000.ethernet", "platform", "imx-dwmac", "bound", "", "/soc/ethernet@30bf0000", "soc",
       2, 1, true},
      {"stmmac-1", "", "", "unbound", "", "/soc/ethernet@30bf0000/mdio", "30bf0000.ethernet", 0, 0,
       true},
      {"stmmac-1:01", "mdio_bus", "RTL8211F Gigabit Ethernet", "bound", "",
       "/soc/ethernet@30bf0000/mdio/ethernet-phy@1", "stmmac-1", 1, 0, true},
      {"30be0000.ethernet", "platform", "", "deferred",
       "30be0000.ethernet: supplier 30370000.gpc not ready", "/soc/ethernet@30be0000", "soc", 3, 3,
       true},
  };
  s.links = {
      {"platform:30370000.gpc", "platform:30be0000.ethernet", "AUTOPROBE_CONSUMER|MANAGED|INFERRED",
       "dormant"},
      {"mdio_bus:stmmac-1:01", "platform:30bf0000.ethernet", "MANAGED|INFERRED", "active"},
  };
  s.netdevs = {{"eth1", "30bf0000.ethernet", "/soc/ethernet@30bf0000", true, true, true, "up",
                "1000/full", "stmmac-1:01", "phy", "", ""}};
  s.phys = {{"stmmac-1:01", "/soc/ethernet@30bf0000/mdio/ethernet-phy@1", "0x001cc916",
             "RTL8211F Gigabit Ethernet", "RUNNING", "eth1", "1000/full", true}};
  s.modules = {{"realtek", "live", false, 1}, {"dwmac_imx", "", true, 0}};
  return s;
}

inline sim::Finding uaf_finding() {
  sim::Finding f;
  f.kind = sim::FindingKind::kUseAfterFree;
  f.message = "BUG: KASAN: slab-use-after-free in phy_state_machine";
  f.time = sim::msecs(3020);
  f.task = "kworker/u8:2";
  f.details = {"freed by scenario at [   3.000000]:", "  phy_device_release <- device_release"};
  f.history = {"[   3.000000] scenario: $ unbind stmmac-1:01"};
  return f;
}

inline sim::Finding warn_finding() {
  sim::Finding f;
  f.kind = sim::FindingKind::kWarn;
  f.message = "WARNING: phy_start: called from state READY";
  f.time = sim::msecs(4500);
  f.task = "scenario";
  f.count = 2;
  return f;
}

inline std::map<std::string, std::string> default_knobs() {
  return {{"genphy", "mainline"}, {"pcs", "mainline"}, {"phy-loss", "mainline"},
          {"probe", "kernel"},    {"pse", "mainline"}, {"sfp-lock", "rtnl"}};
}

inline scenario::RunResult boot_result() {
  scenario::RunResult r;
  r.board = "boards/imx8mp-evk.dts";
  r.knobs = default_knobs();
  r.after_boot = boot_snapshot();
  r.final_state = r.after_boot;
  r.end_time = r.after_boot.time;
  return r;
}

// The PHY is unbound under an up interface, and bound again.
inline scenario::RunResult run_result() {
  scenario::RunResult r = boot_result();
  r.scenario = "s1.scn";
  r.timeline = {
      {sim::msecs(2104), "scenario", "boot: initcalls done", Kind::kModel},
      {sim::msecs(2104), "scenario", "ip link set eth1 up", Kind::kCommand},
      {sim::msecs(2104), "scenario", "switch to kworker/u8:1", Kind::kSched},
      {sim::msecs(2104), "kworker/u8:1", "eth1: Link is Up - 1Gbps/Full", Kind::kModel},
      {sim::msecs(3000), "scenario", "unbind stmmac-1:01", Kind::kCommand},
      {sim::msecs(3020), "kworker/u8:2",
       "use-after-free: BUG: KASAN: slab-use-after-free in phy_state_machine", Kind::kFinding},
      {sim::msecs(4000), "scenario",
       "concurrently\n  ip link set eth1 down\n  bind stmmac-1:01\nend", Kind::kCommand},
  };
  r.findings = {uaf_finding(), warn_finding()};
  r.expects = {
      {5, "expect carrier eth1 on", true, "", sim::msecs(2104)},
      {9, "expect bound stmmac-1:01 \"RTL8211F Gigabit Ethernet\"", false, "unbound",
       sim::msecs(5000)},
  };
  r.final_state = r.after_boot;
  r.final_state.time = sim::msecs(5000);
  check::DeviceRow& phy = r.final_state.devices[2];
  phy.driver = "";
  phy.state = "unbound";
  r.final_state.links.pop_back();  // the managed link went with the consumer's supplier
  r.final_state.netdevs[0].admin_up = false;
  r.final_state.netdevs[0].carrier = false;
  r.final_state.netdevs[0].operstate = "down";
  r.final_state.netdevs[0].link = "down";
  r.final_state.netdevs[0].phy = "";
  r.final_state.phys[0].driver = "";
  r.final_state.phys[0].state = "DOWN";
  r.final_state.phys[0].attached_to = "";
  r.final_state.phys[0].link = "down";
  r.final_state.modules[0].refcnt = 0;
  r.choices = {0, 1, 0};
  r.ranks = {0, 1, 0};
  r.end_time = sim::msecs(5000);
  r.metrics.provider_left = true;
  r.metrics.provider = "stmmac-1:01";
  r.metrics.left_at = sim::msecs(3000);
  r.metrics.carrier_after_left = {{"eth1", true}};
  r.metrics.provider_back = true;
  r.metrics.back_at = sim::msecs(4000);
  r.metrics.recovered = false;
  r.metrics.link_before = {{"eth1", "1000/full"}};
  r.metrics.link_after = {{"eth1", "down"}};
  r.metrics.configuration_lost = true;
  return r;
}

// The same scenario under phy-loss mainline, devlink and replay.
inline scenario::CompareResult compare_result() {
  scenario::CompareResult c;
  c.knob = "phy-loss";
  c.values = {"mainline", "devlink", "replay"};
  scenario::RunResult mainline = run_result();
  scenario::RunResult devlink = run_result();
  devlink.knobs["phy-loss"] = "devlink";
  devlink.findings = {warn_finding()};
  devlink.metrics.carrier_after_left = {{"eth1", false}};
  devlink.metrics.unrelated_netdevs_lost = {"eth0"};
  devlink.metrics.recovered = true;
  devlink.metrics.recovery_time = sim::msecs(2100);
  scenario::RunResult replay = run_result();
  replay.knobs["phy-loss"] = "replay";
  replay.findings.clear();
  for (auto& e : replay.expects) e.passed = true;
  replay.metrics.carrier_after_left = {{"eth1", false}};
  replay.metrics.recovered = true;
  replay.metrics.recovery_time = sim::msecs(1500);
  replay.metrics.link_after = replay.metrics.link_before;
  replay.metrics.configuration_lost = false;
  c.runs = {mainline, devlink, replay};
  return c;
}

inline scenario::ExploreResult explore_result() {
  scenario::ExploreResult e;
  e.strategy = "dfs";
  e.executions = 37;
  e.found = true;
  e.bounds = {{0, 1, true}, {1, 36, false}};
  e.ranks = {0, 2, 1};
  e.ranks_before_shrinking = {0, 2, 1, 1, 0, 0, 1, 0, 2, 0, 0, 1};
  e.failing = run_result();
  return e;
}

inline check::Graph graph() {
  check::Graph g;
  g.nodes = {
      {"dev:mdio_bus:stmmac-1:01", "stmmac-1:01", "device", "phy", "RTL8211F Gigabit Ethernet",
       "bound"},
      {"dev:platform:30be0000.ethernet", "30be0000.ethernet", "device", "mac", "", "deferred"},
      {"dev:platform:30bf0000.ethernet", "30bf0000.ethernet", "device", "mac", "imx-dwmac",
       "bound"},
      {"dev:stmmac-1", "stmmac-1", "device", "mdio", "", "bound"},
      {"netdev:eth1", "eth1", "netdev", "", "", "up"},
  };
  g.edges = {
      {"dev:mdio_bus:stmmac-1:01", "dev:platform:30bf0000.ethernet", "devlink",
       "MANAGED|INFERRED active"},
      {"dev:mdio_bus:stmmac-1:01", "dev:stmmac-1", "parent", ""},
      {"dev:platform:30bf0000.ethernet", "dev:mdio_bus:stmmac-1:01", "phy-handle", ""},
      {"dev:stmmac-1", "dev:platform:30bf0000.ethernet", "parent", ""},
      {"netdev:eth1", "dev:platform:30bf0000.ethernet", "netdev", ""},
  };
  return g;
}

}  // namespace lifeline::report::testing

#endif  // LIFELINE_REPORT_TEST_DATA_H_
