// SPDX-License-Identifier: GPL-2.0-only
// The JSON reports: every field there, in a fixed order, byte-identical for
// the same input.
#include "lifeline/report/json.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "lifeline/report/compare_table.h"
#include "lifeline/report/test_data.h"

namespace lifeline::report {
namespace {

std::vector<std::string> keys(const Json& j) {
  std::vector<std::string> k;
  for (const auto& [key, value] : j.items()) k.push_back(key);
  return k;
}

TEST(Json, DocumentStartsWithSchemaAndCommand) {
  Json d = document("run", to_json(testing::run_result()));
  std::vector<std::string> k = keys(d);
  ASSERT_GE(k.size(), 3u);
  EXPECT_EQ(k[0], "schema");
  EXPECT_EQ(k[1], "command");
  EXPECT_EQ(k[2], "board");
  EXPECT_EQ(d["schema"], kJsonSchemaVersion);
  EXPECT_EQ(d["command"], "run");
}

TEST(Json, RunFieldsInOrder) {
  Json j = to_json(testing::run_result());
  EXPECT_EQ(keys(j), (std::vector<std::string>{"board",
                                               "scenario",
                                               "knobs",
                                               "seed",
                                               "ok",
                                               "result",
                                               "expects_failed",
                                               "expects_not_reached",
                                               "stopped",
                                               "failed_steps",
                                               "findings_by_kind",
                                               "findings",
                                               "expects",
                                               "timeline",
                                               "after_boot",
                                               "final_state",
                                               "schedule",
                                               "metrics",
                                               "end_time_ns",
                                               "replay_diverged",
                                               "replay_divergence"}));
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["result"], "fail");
  EXPECT_EQ(j["expects_failed"], 1);
  EXPECT_EQ(j["expects_not_reached"], 0);
  EXPECT_TRUE(j["stopped"].is_null());
  EXPECT_EQ(j["findings_by_kind"].dump(), R"({"use-after-free":1,"warn":2})");
  EXPECT_EQ(j["knobs"]["phy-loss"], "mainline");
  EXPECT_EQ(j["end_time_ns"], 5000000000LL);
  EXPECT_EQ(j["schedule"].dump(), R"({"choices":[0,1,0],"ranks":[0,1,0]})");
}

TEST(Json, AStoppedRunSaysWhereAndWhy) {
  scenario::RunResult r = testing::run_result();
  r.stopped = scenario::RunStop{scenario::StopReason::kDeadlock, 9, "unbind stmmac-1:01",
                                3000000000, "deadlock: scenario -> scenario"};
  r.failed_steps.push_back(scenario::FailedStep{7, "ethtool -s eth1 speed 10000", -EINVAL,
                                                "netlink error: Invalid argument (-EINVAL)",
                                                2000000000, true});
  Json j = to_json(r);
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["stopped"].dump(),
            R"({"reason":"deadlock","line":9,"command":"unbind stmmac-1:01",)"
            R"("time_ns":3000000000,"detail":"deadlock: scenario -> scenario"})");
  EXPECT_EQ(j["failed_steps"][0]["errno"], -EINVAL);
  EXPECT_EQ(j["failed_steps"][0]["background"], true);
}

TEST(Json, Finding) {
  EXPECT_EQ(to_json(testing::uaf_finding()).dump(),
            R"({"kind":"use-after-free","time_ns":3020000000,"task":"kworker/u8:2",)"
            R"("message":"BUG: KASAN: slab-use-after-free in phy_state_machine","count":1,)"
            R"("details":["freed by scenario at [   3.000000]:","  phy_device_release <- )"
            R"(device_release"],"history":["[   3.000000] scenario: $ unbind stmmac-1:01"]})");
}

TEST(Json, TimelineAndExpects) {
  Json j = to_json(testing::run_result());
  EXPECT_EQ(j["timeline"][1].dump(), R"({"time_ns":2104000000,"task":"scenario","kind":"command",)"
                                     R"("text":"ip link set eth1 up"})");
  EXPECT_EQ(j["timeline"][2]["kind"], "sched");
  EXPECT_EQ(j["timeline"][5]["kind"], "finding");
  EXPECT_EQ(j["timeline"][0]["kind"], "model");
  EXPECT_EQ(j["expects"][1].dump(),
            R"({"line":9,"text":"expect bound stmmac-1:01 \"RTL8211F Gigabit Ethernet\"",)"
            R"("passed":false,"reached":true,"actual":"unbound","time_ns":5000000000})");
}

TEST(Json, SnapshotRows) {
  Json s = to_json(testing::boot_snapshot());
  EXPECT_EQ(keys(s), (std::vector<std::string>{"time_ns", "devices", "links", "netdevs", "phys",
                                               "modules"}));
  EXPECT_EQ(s["devices"][3].dump(),
            R"({"name":"30be0000.ethernet","bus":"platform","driver":"","state":"deferred",)"
            R"("deferred_reason":"30be0000.ethernet: supplier 30370000.gpc not ready",)"
            R"("fwnode":"/soc/ethernet@30be0000","parent":"soc","probe_attempts":3,)"
            R"("deferrals":3,"registered":true})");
  EXPECT_EQ(s["links"][1].dump(),
            R"({"supplier":"mdio_bus:stmmac-1:01","consumer":"platform:30bf0000.ethernet",)"
            R"("flags":"MANAGED|INFERRED","state":"active"})");
  EXPECT_EQ(s["netdevs"][0].dump(),
            R"({"name":"eth1","device":"30bf0000.ethernet","of_node":"/soc/ethernet@30bf0000",)"
            R"("registered":true,"admin_up":true,"carrier":true,"operstate":"up",)"
            R"("link":"1000/full","phy":"stmmac-1:01","an_mode":"phy","pcs":"","sfp":""})");
  EXPECT_EQ(s["phys"][0].dump(),
            R"({"name":"stmmac-1:01","node":"/soc/ethernet@30bf0000/mdio/ethernet-phy@1",)"
            R"("id":"0x001cc916","driver":"RTL8211F Gigabit Ethernet","state":"RUNNING",)"
            R"("attached_to":"eth1","link":"1000/full","registered":true})");
  EXPECT_EQ(s["modules"][1].dump(), R"({"name":"dwmac_imx","state":"","builtin":true,"refcnt":0})");
}

TEST(Json, Metrics) {
  scenario::ProviderMetrics m = testing::compare_result().runs[1].metrics;
  EXPECT_EQ(to_json(m).dump(),
            R"({"provider_left":true,"provider":"stmmac-1:01","left_at_ns":3000000000,)"
            R"("carrier_after_left":{"eth1":false},"unrelated_netdevs_lost":["eth0"],)"
            R"("netdevs_lost":[],"provider_back":true,"back_at_ns":4000000000,)"
            R"("recovered":true,"recovery_time_ns":2100000000,)"
            R"("link_before":{"eth1":"1000/full"},"link_after":{"eth1":"down"},)"
            R"("configuration_lost":true})");
  m.recovery_time.reset();
  EXPECT_TRUE(to_json(m)["recovery_time_ns"].is_null());
}

TEST(Json, CompareCarriesTheTableAndEveryRun) {
  scenario::CompareResult c = testing::compare_result();
  Json j = to_json(c);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"knob", "values", "table", "runs"}));
  EXPECT_EQ(j["runs"].size(), 3u);
  EXPECT_EQ(j["runs"][2], to_json(c.runs[2]));
  CompareTable t = compare_table(c);
  ASSERT_EQ(j["table"]["rows"].size(), t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    EXPECT_EQ(j["table"]["rows"][i]["key"], t.rows[i].key);
    EXPECT_EQ(j["table"]["rows"][i]["label"], t.rows[i].label);
    EXPECT_EQ(j["table"]["rows"][i]["cells"], t.rows[i].cells);
  }
  EXPECT_EQ(j["table"]["rows"][5]["cells"].dump(), R"x(["no","yes (2.1s)","yes (1.5s)"])x");
}

TEST(Json, Explore) {
  scenario::ExploreResult e = testing::explore_result();
  Json j = to_json(e);
  EXPECT_EQ(keys(j),
            (std::vector<std::string>{"strategy", "executions", "found", "exhausted", "complete",
                                      "redundant", "bound_cut", "bounds", "ranks",
                                      "ranks_before_shrinking", "steps", "outcomes", "failing"}));
  EXPECT_EQ(j["bounds"].dump(), R"x([{"bound":0,"executions":1,"exhausted":true},)x"
                                R"x({"bound":1,"executions":36,"exhausted":false}])x");
  EXPECT_EQ(j["ranks"].dump(), "[0,2,1]");
  EXPECT_EQ(j["failing"], to_json(e.failing));
  e.found = false;
  EXPECT_TRUE(to_json(e)["failing"].is_null());
}

TEST(Json, Graph) {
  Json j = to_json(testing::graph());
  EXPECT_EQ(j["nodes"].size(), 5u);
  EXPECT_EQ(j["nodes"][3].dump(),
            R"({"id":"dev:stmmac-1","label":"stmmac-1","kind":"device","role":"mdio",)"
            R"("driver":"","state":"bound","reason":"","bus":"","node_name":""})");
  EXPECT_EQ(j["edges"][2].dump(),
            R"({"from":"dev:platform:30bf0000.ethernet","to":"dev:mdio_bus:stmmac-1:01",)"
            R"("kind":"phy-handle","label":""})");
  // The clusters by link: eth1's, then the MAC that deferred, which no netdev reaches.
  ASSERT_EQ(j["clusters"].size(), 2u);
  EXPECT_EQ(j["clusters"][0].dump(),
            R"({"id":"link:eth1","kind":"link","title":"eth1","members":["netdev:eth1",)"
            R"("dev:platform:30bf0000.ethernet","dev:mdio_bus:stmmac-1:01","dev:stmmac-1"],)"
            R"("suppliers":[]})");
  EXPECT_EQ(j["clusters"][1]["kind"], "no-netdev");
}

TEST(Json, ByteIdenticalForTheSameInput) {
  // Two results built apart, not one copied: nothing may depend on addresses
  // or on the order things were made in memory.
  std::string a = dump(document("compare", to_json(testing::compare_result())));
  std::string b = dump(document("compare", to_json(testing::compare_result())));
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a.ends_with("}\n"));
  // And a knob map filled in another order gives the same bytes.
  scenario::RunResult r1 = testing::run_result(), r2 = testing::run_result();
  r2.knobs.clear();
  for (auto it = r1.knobs.rbegin(); it != r1.knobs.rend(); ++it) r2.knobs[it->first] = it->second;
  EXPECT_EQ(dump(to_json(r1)), dump(to_json(r2)));
}

TEST(Json, RoundTripsThroughAParser) {
  std::string text = dump(document("explore", to_json(testing::explore_result())));
  Json back = Json::parse(text);
  EXPECT_EQ(back["failing"]["timeline"][6]["text"],
            "concurrently\n  ip link set eth1 down\n  bind stmmac-1:01\nend");
  EXPECT_EQ(dump(back), text);
}

TEST(Json, BadUtf8IsReplacedNotThrown) {
  scenario::RunResult r = testing::boot_result();
  r.board = std::string("bad\xff.dts");
  std::string text;
  EXPECT_NO_THROW(text = dump(to_json(r)));
  EXPECT_NE(text.find("bad\xEF\xBF\xBD.dts"), std::string::npos);
}

}  // namespace
}  // namespace lifeline::report
