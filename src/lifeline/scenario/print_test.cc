// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/print.h"

#include <gtest/gtest.h>

#include "lifeline/scenario/test_util.h"

namespace lifeline::scenario {
namespace {

using testing::parse;

// The printed form of the one command written on `line`.
std::string canonical(std::string_view line) {
  Scenario s = parse(line);
  for (const Command& c : s.commands)
    if (c.loc.line == 1) return to_string(c);
  ADD_FAILURE() << "no command on line 1";
  return "";
}

// Printing and parsing again gives the same tree and the same text.
void expect_round_trip(std::string_view text) {
  Scenario first = parse(text);
  std::string printed = to_string(first);
  SCOPED_TRACE("printed:\n" + printed);
  Scenario second = parse(printed);
  EXPECT_EQ(first.commands, second.commands);
  EXPECT_EQ(first.explicit_boot, second.explicit_boot);
  EXPECT_EQ(first.boot_index, second.boot_index);
  EXPECT_EQ(to_string(second), printed);
}

TEST(Print, CanonicalForms) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"set   phy-loss   holdover # x", "set phy-loss holdover"},
      {"module broadcom late 5000ms", "module broadcom late 5s"},
      {"module realtek builtin", "module realtek builtin"},
      {"module pse absent", "module pse absent"},
      {"phy-id &phy0 0x1CC916", "phy-id &phy0 0x001cc916"},
      {"boot", "boot"},
      {"unbind &phy0", "unbind &phy0"},
      {"echo -n 'ff540000.ethernet' >/sys/bus/platform/drivers/rk_gmac-dwmac/unbind",
       "unbind ff540000.ethernet rk_gmac-dwmac bus platform"},
      {"echo stmmac-0:01 > \"/sys/bus/mdio_bus/drivers/RTL8211F Gigabit Ethernet/bind\"",
       "bind stmmac-0:01 \"RTL8211F Gigabit Ethernet\" bus mdio_bus"},
      {"bind x 'bus'", "bind x \"bus\""},
      {"bind x bus platform", "bind x bus platform"},
      {"rmmod broadcom", "rmmod broadcom"},
      {"modprobe -r broadcom", "rmmod broadcom"},
      {"modprobe broadcom", "modprobe broadcom"},
      {"ip link set dev eth0 up", "ip link set eth0 up"},
      {"ip link set 'dev' down", "ip link set \"dev\" down"},
      {"ethtool --change eth0 autoneg off duplex full speed 100",
       "ethtool -s eth0 speed 100 duplex full autoneg off"},
      {"ethtool -s eth0 advertise 0x020", "ethtool -s eth0 advertise 0x20"},
      {"ethtool -s eth0 advertise 100baseT/Full 1000baseT/Full autoneg on",
       "ethtool -s eth0 autoneg on advertise 100baseT/Full 1000baseT/Full"},
      {"ethtool -s eth0 wol gp", "ethtool -s eth0 wol pg"},
      {"ethtool -s eth0 wol d", "ethtool -s eth0 wol d"},
      {"mac-facts &genet lan78xx-v4.14", "mac-facts &genet lan78xx-v4.14"},
      {"ethtool eth0", "ethtool eth0"},
      {"ethtool --show-eee eth0", "ethtool --show-eee eth0"},
      {"ethtool --driver eth0", "ethtool -i eth0"},
      {"ethtool -a eth0", "ethtool --show-pause eth0"},
      {"ethtool '-i'", "ethtool \"-i\""},
      {"expect fail ethtool -i eth0", "expect fail ethtool -i eth0"},
      {"cable eth0 plug", "cable eth0 plug"},
      {"cable &phy0 plug 100/half", "cable &phy0 plug 100/half"},
      {"cable eth0 unplug", "cable eth0 unplug"},
      {"sfp &sfp0 insert copper-1000base-t", "sfp &sfp0 insert copper-1000base-t"},
      {"sfp &sfp0 remove", "sfp &sfp0 remove"},
      {"sfp &sfp0 los on", "sfp &sfp0 los on"},
      {"sfp &sfp0 tx-fault off", "sfp &sfp0 tx-fault off"},
      {"ethtool --module-info eth2", "ethtool -m eth2"},
      {"expect sfp &sfp module waitdev", "expect sfp &sfp module waitdev"},
      {"expect sfp &sfp state link_up", "expect sfp &sfp state link_up"},
      {"expect sfp &sfp bus released", "expect sfp &sfp bus released"},
      {"expect sfp &sfp phys 2", "expect sfp &sfp phys 2"},
      {"expect probe-storm /mdio probes 3 cycles 3", "expect probe-storm /mdio probes 3 cycles 3"},
      {"expect sfp &sfp module-path 'probe waitdev'",
       "expect sfp &sfp module-path \"probe waitdev\""},
      {"wait 1500ms", "wait 1.5s"},
      {"wait 0.25ms", "wait 250us"},
      {"wait 1.234567ms", "wait 1234567ns"},
      {"wait 1.0005s", "wait 1000500us"},
      {"settle", "settle"},
      {"expect carrier eth0 on", "expect carrier eth0 on"},
      {"expect link eth0 1000/full", "expect link eth0 1000/full"},
      {"expect link eth0 up", "expect link eth0 up"},
      {"expect link eth0 down", "expect link eth0 down"},
      {"expect bound &phy0 'Generic PHY'", "expect bound &phy0 \"Generic PHY\""},
      {"expect unbound &phy0", "expect unbound &phy0"},
      {"expect netdev lan1 absent", "expect netdev lan1 absent"},
      {"expect phy eth0 &phy0", "expect phy eth0 &phy0"},
      {"expect phy eth0 none", "expect phy eth0 none"},
      {"expect phy eth0 \"none\"", "expect phy eth0 \"none\""},
      {"expect finding none", "expect finding none"},
      {"expect finding hung-task", "expect finding hung-task"},
      {"expect no-finding use-after-free", "expect no-finding use-after-free"},
  };
  for (const auto& c : cases) EXPECT_EQ(canonical(c.in), c.out) << c.in;
}

TEST(Print, ExpectFailKeepsItsErrnoAndCommand) {
  EXPECT_EQ(
      canonical("expect fail EBUSY echo x > \"/sys/bus/mdio_bus/drivers/Marvell 88E1111/bind\""),
      "expect fail EBUSY bind x \"Marvell 88E1111\" bus mdio_bus");
  EXPECT_EQ(canonical("expect   fail ip link set dev eth0 up"), "expect fail ip link set eth0 up");
  expect_round_trip(
      "expect fail EINVAL ethtool -s eth0 speed 10000 duplex full autoneg off\n"
      "expect fail -ENODEV bind x\n"
      "expect fail rmmod broadcom\n");
}

TEST(Print, ConcurrentlyBlock) {
  Scenario s =
      parse("concurrently\nunbind &phy0\n thread\nwait 1ms\n ip link set dev eth0 down\n end\nend");
  EXPECT_EQ(to_string(s.commands.back()),
            "concurrently\n"
            "  unbind &phy0\n"
            "  thread\n"
            "    wait 1ms\n"
            "    ip link set eth0 down\n"
            "  end\n"
            "end");
}

TEST(Print, QuotesOnlyWhatMustBe) {
  EXPECT_EQ(quote_word("&phy0"), "&phy0");
  EXPECT_EQ(quote_word("/soc/ethernet@ff540000"), "/soc/ethernet@ff540000");
  EXPECT_EQ(quote_word("Generic PHY"), "\"Generic PHY\"");
  EXPECT_EQ(quote_word("a\"b"), "'a\"b'");
  EXPECT_EQ(quote_word("-x"), "\"-x\"");
  EXPECT_EQ(quote_word("a#b"), "\"a#b\"");
  EXPECT_EQ(quote_word("a>b"), "\"a>b\"");
  EXPECT_EQ(quote_word(""), "\"\"");
  EXPECT_EQ(quote_word("a\\b"), "\"a\\b\"");  // a bare backslash is an error
}

TEST(Print, ScenarioKeepsTheBootAsWritten) {
  EXPECT_EQ(to_string(parse("set pcs release\nunbind &pcs0\n")), "set pcs release\nunbind &pcs0\n");
  EXPECT_EQ(to_string(parse("set pcs release\nboot\nunbind &pcs0\n")),
            "set pcs release\nboot\nunbind &pcs0\n");
}

TEST(Print, RoundTripsAWholeScenario) {
  expect_round_trip(R"(# every command once
set phy-loss replay
set pcs release
module broadcom late 5s
module "odd name" absent
phy-id &phy0 0x600d8595
mac-facts &genet axienet-v5.2
boot
ip link set eth0 up
cable eth0 plug 1000/full
wait 2s
echo -n "stmmac-0:01" > "/sys/bus/mdio_bus/drivers/Broadcom BCM54213PE/unbind"
echo stmmac-0:01 > /sys/bus/mdio_bus/drivers/bcm/bind
unbind &phy0
bind &phy0 broadcom bus mdio_bus
bind x "bus"
bind x "we\ird # name"
rmmod broadcom
modprobe -r broadcom
modprobe broadcom
ethtool -s eth0 speed 100 duplex half autoneg off
ethtool -s eth0 advertise 0x80000000002f autoneg on
ethtool -s eth0 advertise 1000baseT/Full 2500baseT/Full
ethtool -s eth0 wol umg
ethtool -s eth0 wol d
ethtool eth0
ethtool --show-eee eth0
ethtool -i eth0
ethtool --show-pause eth0
expect fail ENODEV ethtool --show-eee eth0
sfp &sfp0 insert copper-1000base-t
sfp &sfp0 los on
sfp &sfp0 tx-fault off
sfp &sfp0 remove
cable &phy1 plug
cable eth0 unplug
wait 1.234567ms
settle
concurrently
  unbind &phy0
  thread
    wait 100us
    ip link set eth0 down
  end
  expect no-finding oops
end
expect carrier eth0 off
expect link eth0 down
expect link eth0 up
expect link eth0 100/half
expect bound &phy0 "Generic PHY"
expect bound &phy0
expect unbound &phy0
expect netdev eth0 present
expect phy eth0 none
expect phy eth0 "none"
expect phy eth0 &phy0
expect finding none
expect finding deadlock
)");
}

TEST(Print, RoundTripsImplicitBoots) {
  expect_round_trip("");
  expect_round_trip("set probe event\n");
  expect_round_trip("set probe event\nconcurrently\n rmmod a\nend\n");
}

TEST(Print, CommandWords) {
  Scenario s =
      parse("echo x > /sys/bus/a/drivers/b/unbind\nethtool -s eth0 wol g\nexpect finding none");
  EXPECT_EQ(command_word(s.commands[0].body), "boot");
  EXPECT_EQ(command_word(s.commands[1].body), "unbind");
  EXPECT_EQ(command_word(s.commands[2].body), "ethtool");
  EXPECT_EQ(command_word(s.commands[3].body), "expect");
  Scenario g = parse("mac-facts &genet lan78xx-v4.14\nethtool --show-eee eth0");
  EXPECT_EQ(command_word(g.commands[0].body), "mac-facts");
  EXPECT_EQ(command_word(g.commands[2].body), "ethtool");
}

}  // namespace
}  // namespace lifeline::scenario
