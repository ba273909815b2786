// SPDX-License-Identifier: GPL-2.0-only
// `ethtool -s IF advertise ...` hands the model the mask the user wrote, bit
// for bit: the language and the model share net/link_mode.h's table, with
// no conversion between them that could drop a mode.
#include <gtest/gtest.h>

#include <string>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::scenario {
namespace {

RunResult run_text(const std::string& text) {
  return run_scenario(load_board("armada-388-clearfog-pro"), parse_scenario(text, "t.scn"), {});
}

std::string failed(const RunResult& r) {
  std::string s;
  for (const ExpectResult& e : r.expects)
    if (!e.passed) s += "line " + std::to_string(e.line) + ": " + e.text + " (" + e.actual + ")\n";
  for (const sim::Finding& f : r.findings) s += std::string("finding: ") + f.message + "\n";
  return s;
}

bool timeline_has(const RunResult& r, const std::string& text) {
  for (const TimelineEntry& t : r.timeline)
    if (t.text == text) return true;
  return false;
}

std::string timeline(const RunResult& r) {
  std::string s;
  for (const TimelineEntry& t : r.timeline) s += t.task + ": " + t.text + "\n";
  return s;
}

// Under phy-loss=replay the netdev journals the request as it reached
// ethtool_set_link() and prints it when it replays it. 100baseT1/Full is a
// mode this PHY does not support: the request still carries it (the PHY
// masks it with its supported modes, as phy_ethtool_ksettings_set() does),
// so the link is 100/full.
std::string scenario_advertising(const std::string& modes) {
  return "set phy-loss replay\n"
         "boot\n"
         "cable eth0 plug\n"
         "ip link set eth0 up\n"
         "settle\n"
         "ethtool -s eth0 advertise " +
         modes +
         "\n"
         "settle\n"
         "expect link eth0 100/full\n"
         "echo f1072004.mdio-mii:00 > \"/sys/bus/mdio_bus/drivers/Marvell 88E1510/unbind\"\n"
         "wait 2s\n"
         "bind f1072004.mdio-mii:00 \"Marvell 88E1510\"\n"
         "settle\n"
         "expect link eth0 100/full\n";
}

constexpr char kReplayed[] =
    "eth0: replaying autoneg on advertise 100baseT/Full 100baseT1/Full Autoneg to "
    "f1072004.mdio-mii:00";

TEST(Advertise, NamesReachTheModelUnchanged) {
  RunResult r = run_text(scenario_advertising("100baseT/Full 100baseT1/Full"));
  EXPECT_EQ(r.expects_failed(), 0) << failed(r);
  EXPECT_TRUE(timeline_has(r, kReplayed)) << timeline(r);
}

// Bits 3 (100baseT/Full) and 67 (100baseT1/Full).
TEST(Advertise, HexMaskReachesTheModelUnchanged) {
  RunResult r = run_text(scenario_advertising("0x80000000000000008"));
  EXPECT_EQ(r.expects_failed(), 0) << failed(r);
  EXPECT_TRUE(timeline_has(r, kReplayed)) << timeline(r);
}

}  // namespace
}  // namespace lifeline::scenario
