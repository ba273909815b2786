// SPDX-License-Identifier: GPL-2.0-only
// What each command parses to. The messages for bad lines are in
// parser_errors_test.cc.
#include "lifeline/scenario/parser.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <fstream>

#include "lifeline/scenario/test_util.h"

namespace lifeline::scenario {
namespace {

using testing::only;
using testing::only_action;
using testing::only_check;
using testing::parse;

Loc at(int line, int column) { return {line, column}; }

// ---- file structure and the boot ----

TEST(Parser, EmptyScenarioStillBoots) {
  Scenario s = parse("# nothing but a comment\n\n");
  EXPECT_EQ(s.file, "s.scn");
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<Boot>(s.commands[0].body));
  EXPECT_FALSE(s.explicit_boot);
  EXPECT_EQ(s.boot_index, 0u);
  EXPECT_EQ(s.commands[0].loc, Loc{});
  EXPECT_EQ(s.commands[0].text, "boot");
}

TEST(Parser, ImplicitBootGoesBeforeTheFirstAction) {
  Scenario s = parse("set pcs release\nmodule broadcom late 5s\nunbind &phy0\nwait 1s\n");
  ASSERT_EQ(s.commands.size(), 5u);
  EXPECT_FALSE(s.explicit_boot);
  EXPECT_EQ(s.boot_index, 2u);
  EXPECT_TRUE(std::holds_alternative<SetKnob>(s.commands[0].body));
  EXPECT_TRUE(std::holds_alternative<ModuleCmd>(s.commands[1].body));
  EXPECT_TRUE(std::holds_alternative<Boot>(s.commands[2].body));
  EXPECT_TRUE(std::holds_alternative<Unbind>(s.commands[3].body));
  EXPECT_EQ(s.commands[3].loc, at(3, 1));
}

TEST(Parser, ImplicitBootAfterConfigurationOnly) {
  Scenario s = parse("set probe event\n");
  ASSERT_EQ(s.commands.size(), 2u);
  EXPECT_EQ(s.boot_index, 1u);
  EXPECT_TRUE(std::holds_alternative<Boot>(s.commands[1].body));
}

TEST(Parser, ExplicitBoot) {
  Scenario s = parse("set probe event\n  boot  # now\nunbind &phy0\n");
  ASSERT_EQ(s.commands.size(), 3u);
  EXPECT_TRUE(s.explicit_boot);
  EXPECT_EQ(s.boot_index, 1u);
  EXPECT_EQ(s.commands[1].loc, at(2, 3));
  EXPECT_EQ(s.commands[1].text, "boot");
}

TEST(Parser, CommandKeepsItsTrimmedLineWithoutComment) {
  const Scenario s = parse("\n\t unbind   &phy0   # the PHY\n");
  const Command& c = only_action(s);
  EXPECT_EQ(c.text, "unbind   &phy0");
  EXPECT_EQ(c.loc, at(2, 3));
  EXPECT_EQ(std::get<Unbind>(c.body).dev.loc, at(2, 12));
}

TEST(Parser, WindowsLineEndings) {
  Scenario s = parse("set pcs release\r\nunbind &pcs0\r\n");
  ASSERT_EQ(s.commands.size(), 3u);
  EXPECT_EQ(std::get<SetKnob>(s.commands[0].body).value.text, "release");
  EXPECT_EQ(std::get<Unbind>(s.commands[2].body).dev.text, "&pcs0");
}

// ---- configuration ----

TEST(Parser, SetKnob) {
  Scenario s = parse("set phy-loss holdover\nset sfp-lock mutex");
  const auto& set = std::get<SetKnob>(s.commands[0].body);
  EXPECT_EQ(set.knob.text, "phy-loss");
  EXPECT_EQ(set.knob.loc, at(1, 5));
  EXPECT_EQ(set.value.text, "holdover");
  EXPECT_EQ(set.value.loc, at(1, 14));
  EXPECT_EQ(std::get<SetKnob>(s.commands[1].body).value.text, "mutex");
}

TEST(Parser, Module) {
  Scenario s = parse(
      "module broadcom late 5s\nmodule realtek builtin\nmodule pse_tps23881 absent\n"
      "module marvell10g late 1.5s\n");
  const auto& late = std::get<ModuleCmd>(s.commands[0].body);
  EXPECT_EQ(late.module.text, "broadcom");
  EXPECT_EQ(late.mode, ModuleMode::kLate);
  EXPECT_EQ(late.time, 5 * sim::kSec);
  EXPECT_EQ(std::get<ModuleCmd>(s.commands[1].body).mode, ModuleMode::kBuiltin);
  EXPECT_EQ(std::get<ModuleCmd>(s.commands[2].body).mode, ModuleMode::kAbsent);
  EXPECT_EQ(std::get<ModuleCmd>(s.commands[3].body).time, 1500 * sim::kMsec);
}

TEST(Parser, PhyId) {
  Scenario s = parse(
      "phy-id &phy0 0x001cc916\nphy-id stmmac-0:01 0XFFFFFFFF\n"
      "phy-id /soc/mdio/ethernet-phy@1 0x0000000000141\n");
  const auto& p = std::get<PhyId>(s.commands[0].body);
  EXPECT_EQ(p.dev.text, "&phy0");
  EXPECT_EQ(p.id, 0x001cc916u);
  EXPECT_EQ(std::get<PhyId>(s.commands[1].body).id, 0xffffffffu);
  EXPECT_EQ(std::get<PhyId>(s.commands[2].body).id, 0x141u);
}

TEST(Parser, MacFacts) {
  Scenario s = parse("mac-facts &genet lan78xx-v4.14\nmac-facts /soc/ethernet@1 axienet-v5.2\n");
  const auto& f = std::get<MacFacts>(s.commands[0].body);
  EXPECT_EQ(f.dev.text, "&genet");
  EXPECT_EQ(f.variant.text, "lan78xx-v4.14");
  EXPECT_EQ(f.variant.loc.column, 18);
  EXPECT_EQ(std::get<MacFacts>(s.commands[1].body).variant.text, "axienet-v5.2");
  EXPECT_TRUE(is_configuration(s.commands[0].body));
  EXPECT_EQ(s.boot_index, 2u);
}

// ---- driver lifecycle ----

TEST(Parser, UnbindShortForms) {
  auto u = only<Unbind>("unbind &phy0");
  EXPECT_EQ(u.dev.text, "&phy0");
  EXPECT_FALSE(u.driver);
  EXPECT_FALSE(u.bus);

  u = only<Unbind>("unbind stmmac-0:01 \"RTL8211F Gigabit Ethernet\" bus mdio_bus");
  EXPECT_EQ(u.dev.text, "stmmac-0:01");
  ASSERT_TRUE(u.driver);
  EXPECT_EQ(u.driver->text, "RTL8211F Gigabit Ethernet");
  EXPECT_EQ(u.driver->loc, at(1, 21));
  ASSERT_TRUE(u.bus);
  EXPECT_EQ(u.bus->text, "mdio_bus");
  EXPECT_EQ(u.bus->loc, at(1, 52));

  u = only<Unbind>("unbind /soc/ethernet@ff540000 bus platform");
  EXPECT_FALSE(u.driver);
  EXPECT_EQ(u.bus->text, "platform");
}

TEST(Parser, BindShortForms) {
  auto b = only<Bind>("bind stmmac-0:01");
  EXPECT_FALSE(b.driver);
  b = only<Bind>("bind stmmac-0:01 'Generic PHY'");
  EXPECT_EQ(b.driver->text, "Generic PHY");
  EXPECT_FALSE(b.bus);
  // A quoted "bus" is a driver's name, not the keyword.
  b = only<Bind>("bind x \"bus\" bus platform");
  EXPECT_EQ(b.driver->text, "bus");
  EXPECT_EQ(b.bus->text, "platform");
}

TEST(Parser, SysfsUnbind) {
  auto u = only<Unbind>("echo ff540000.ethernet > /sys/bus/platform/drivers/rk_gmac-dwmac/unbind");
  EXPECT_EQ(u.dev.text, "ff540000.ethernet");
  EXPECT_EQ(u.dev.loc, at(1, 6));
  EXPECT_EQ(u.bus->text, "platform");
  EXPECT_EQ(u.bus->loc, at(1, 35));
  EXPECT_EQ(u.driver->text, "rk_gmac-dwmac");
  EXPECT_EQ(u.driver->loc, at(1, 52));
}

TEST(Parser, SysfsBindWithTheUsualShellVariants) {
  for (const char* line : {
           "echo stmmac-0:01 > /sys/bus/mdio_bus/drivers/RTL8211F/bind",
           "echo -n stmmac-0:01 > /sys/bus/mdio_bus/drivers/RTL8211F/bind",
           "echo \"stmmac-0:01\" > /sys/bus/mdio_bus/drivers/RTL8211F/bind",
           "echo -n 'stmmac-0:01' >/sys/bus/mdio_bus/drivers/RTL8211F/bind",
           "echo \"stmmac-0:01\">/sys/bus/mdio_bus/drivers/RTL8211F/bind",
           "echo stmmac-0:01 >> /sys/bus/mdio_bus/drivers/RTL8211F/bind",
           "  echo\tstmmac-0:01  >  /sys/bus/mdio_bus/drivers/RTL8211F/bind  # again",
       }) {
    SCOPED_TRACE(line);
    auto b = only<Bind>(line);
    EXPECT_EQ(b.dev.text, "stmmac-0:01");
    EXPECT_EQ(b.bus->text, "mdio_bus");
    EXPECT_EQ(b.driver->text, "RTL8211F");
  }
}

TEST(Parser, SysfsPathWithSpacesIsQuoted) {
  auto u = only<Unbind>(
      "echo stmmac-0:01 > \"/sys/bus/mdio_bus/drivers/RTL8211F Gigabit Ethernet/unbind\"");
  EXPECT_EQ(u.driver->text, "RTL8211F Gigabit Ethernet");
  EXPECT_EQ(u.driver->loc, at(1, 47));  // inside the quotes
}

TEST(Parser, Modules) {
  EXPECT_EQ(only<Rmmod>("rmmod broadcom").module.text, "broadcom");
  EXPECT_EQ(only<Rmmod>("modprobe -r broadcom").module.text, "broadcom");
  auto m = only<Modprobe>("modprobe  pse_tps23881");
  EXPECT_EQ(m.module.text, "pse_tps23881");
  EXPECT_EQ(m.module.loc, at(1, 11));
}

// ---- network configuration ----

TEST(Parser, IpLinkSet) {
  auto l = only<LinkSet>("ip link set eth0 up");
  EXPECT_EQ(l.iface.text, "eth0");
  EXPECT_TRUE(l.up);
  l = only<LinkSet>("ip link set dev lan1 down");
  EXPECT_EQ(l.iface.text, "lan1");
  EXPECT_EQ(l.iface.loc, at(1, 17));
  EXPECT_FALSE(l.up);
  l = only<LinkSet>("ip link set &cp0_eth1 up");
  EXPECT_EQ(l.iface.text, "&cp0_eth1");
}

TEST(Parser, EthtoolSettingsInAnyOrderAndSubset) {
  auto e = only<EthtoolSettings>("ethtool -s eth0 speed 100 duplex full autoneg off");
  EXPECT_EQ(e.iface.text, "eth0");
  EXPECT_EQ(e.speed, 100);
  EXPECT_EQ(e.duplex, net::DUPLEX_FULL);
  EXPECT_EQ(e.autoneg, false);
  EXPECT_FALSE(e.advertise);

  e = only<EthtoolSettings>("ethtool -s eth0 autoneg off duplex half speed 10");
  EXPECT_EQ(e.speed, 10);
  EXPECT_EQ(e.duplex, net::DUPLEX_HALF);
  EXPECT_EQ(e.autoneg, false);

  e = only<EthtoolSettings>("ethtool --change eth1 duplex half");
  EXPECT_EQ(e.iface.text, "eth1");
  EXPECT_FALSE(e.speed);
  EXPECT_EQ(e.duplex, net::DUPLEX_HALF);
  EXPECT_FALSE(e.autoneg);

  e = only<EthtoolSettings>("ethtool -s eth0 autoneg on");
  EXPECT_EQ(e.autoneg, true);
  EXPECT_FALSE(e.speed);
  EXPECT_FALSE(e.duplex);
}

TEST(Parser, EthtoolAdvertiseHexMask) {
  auto e = only<EthtoolSettings>("ethtool -s eth0 advertise 0x020");
  ASSERT_TRUE(e.advertise);
  EXPECT_EQ(e.advertise->modes, net::LinkModes().set(5));
  EXPECT_TRUE(e.advertise->names.empty());
  e = only<EthtoolSettings>("ethtool -s eth0 advertise 0x80000000002F");
  EXPECT_EQ(net::format_link_mode_mask(e.advertise->modes), "0x80000000002f");
}

TEST(Parser, EthtoolAdvertiseModeNames) {
  auto e = only<EthtoolSettings>("ethtool -s eth0 advertise 100baseT/Full 1000baseT/Full");
  ASSERT_TRUE(e.advertise);
  EXPECT_EQ(e.advertise->modes, net::LinkModes().set(3).set(5));
  ASSERT_EQ(e.advertise->names.size(), 2u);
  EXPECT_EQ(e.advertise->names[1].text, "1000baseT/Full");
  EXPECT_EQ(e.advertise->names[1].loc, at(1, 41));
}

TEST(Parser, EthtoolAdvertiseWithOtherSettings) {
  auto e = only<EthtoolSettings>(
      "ethtool -s eth0 advertise 1000baseT/Full 2500baseT/Full autoneg on speed 2500");
  EXPECT_EQ(e.advertise->modes, net::LinkModes().set(5).set(47));
  EXPECT_EQ(e.autoneg, true);
  EXPECT_EQ(e.speed, 2500);
  e = only<EthtoolSettings>("ethtool -s eth0 autoneg on advertise 0x8");
  EXPECT_EQ(e.advertise->modes, net::LinkModes().set(3));
}

TEST(Parser, EthtoolWol) {
  auto w = only<EthtoolWol>("ethtool -s eth0 wol g");
  EXPECT_EQ(w.iface.text, "eth0");
  EXPECT_EQ(w.flags, kWakeMagic);
  EXPECT_EQ(only<EthtoolWol>("ethtool -s eth0 wol d").flags, 0u);
  EXPECT_EQ(only<EthtoolWol>("ethtool -s eth0 wol pumbags").flags, 0x7fu);
  EXPECT_EQ(only<EthtoolWol>("ethtool -s eth0 wol gp").flags, kWakeMagic | kWakePhy);
}

TEST(Parser, EthtoolGet) {
  struct {
    const char* text;
    EthtoolQuery query;
  } cases[] = {
      {"ethtool eth0", EthtoolQuery::kLinkSettings},
      {"ethtool --show-eee eth0", EthtoolQuery::kEee},
      {"ethtool -i eth0", EthtoolQuery::kDriverInfo},
      {"ethtool --driver eth0", EthtoolQuery::kDriverInfo},
      {"ethtool --show-pause eth0", EthtoolQuery::kPause},
      {"ethtool -a eth0", EthtoolQuery::kPause},
  };
  for (const auto& c : cases) {
    auto g = only<EthtoolGet>(c.text);
    EXPECT_EQ(g.query, c.query) << c.text;
    EXPECT_EQ(g.iface.text, "eth0") << c.text;
  }
  // A quoted word is an interface, even one that looks like an option.
  auto g = only<EthtoolGet>("ethtool \"-i\"");
  EXPECT_EQ(g.query, EthtoolQuery::kLinkSettings);
  EXPECT_EQ(g.iface.text, "-i");
  // A get request can be expected to fail.
  auto f = only_check<ExpectFail>("expect fail ENODEV ethtool --show-eee eth0");
  EXPECT_EQ(f.err, ENODEV);
  EXPECT_EQ(std::get<EthtoolGet>(f.command->body).query, EthtoolQuery::kEee);
}

// ---- physical world ----

TEST(Parser, Cable) {
  auto c = only<Cable>("cable eth0 plug");
  EXPECT_EQ(c.target.text, "eth0");
  EXPECT_TRUE(c.plug);
  EXPECT_FALSE(c.partner);
  c = only<Cable>("cable &phy0 plug 1000/full");
  EXPECT_EQ(c.target.text, "&phy0");
  EXPECT_EQ(c.partner, (SpeedDuplex{1000, net::DUPLEX_FULL}));
  c = only<Cable>("cable lan2 plug 100/half");
  EXPECT_EQ(c.partner, (SpeedDuplex{100, net::DUPLEX_HALF}));
  c = only<Cable>("cable lan2 unplug");
  EXPECT_FALSE(c.plug);
}

TEST(Parser, Sfp) {
  auto s = only<Sfp>("sfp &sfp0 insert copper-1000base-t");
  EXPECT_EQ(s.cage.text, "&sfp0");
  EXPECT_EQ(s.action, SfpAction::kInsert);
  ASSERT_TRUE(s.profile);
  EXPECT_EQ(s.profile->text, "copper-1000base-t");
  EXPECT_EQ(s.profile->loc, at(1, 18));
  s = only<Sfp>("sfp /sfp-1 remove");
  EXPECT_EQ(s.action, SfpAction::kRemove);
  EXPECT_FALSE(s.profile);
  s = only<Sfp>("sfp &sfp0 los on");
  EXPECT_EQ(s.action, SfpAction::kLos);
  EXPECT_TRUE(s.on);
  s = only<Sfp>("sfp &sfp0 tx-fault off");
  EXPECT_EQ(s.action, SfpAction::kTxFault);
  EXPECT_FALSE(s.on);
}

// ---- time ----

TEST(Parser, WaitAndSettle) {
  EXPECT_EQ(only<Wait>("wait 250ms").duration, 250 * sim::kMsec);
  EXPECT_EQ(only<Wait>("wait 2s").duration, 2 * sim::kSec);
  EXPECT_EQ(only<Wait>("wait 1.5s").duration, 1500 * sim::kMsec);
  EXPECT_EQ(only<Wait>("wait 100us").duration, 100 * sim::kUsec);
  EXPECT_EQ(only<Wait>("wait 0s").duration, 0);
  only<Settle>("settle");
}

// ---- checks ----

TEST(Parser, ExpectCarrierAndLink) {
  auto c = only_check<ExpectCarrier>("expect carrier eth0 on");
  EXPECT_EQ(c.iface.text, "eth0");
  EXPECT_TRUE(c.on);
  EXPECT_FALSE(only_check<ExpectCarrier>("expect carrier eth0 off").on);

  auto l = only_check<ExpectLink>("expect link eth0 1000/full");
  EXPECT_TRUE(l.up);
  EXPECT_EQ(l.mode, (SpeedDuplex{1000, net::DUPLEX_FULL}));
  l = only_check<ExpectLink>("expect link eth0 down");
  EXPECT_FALSE(l.up);
  EXPECT_FALSE(l.mode);
  l = only_check<ExpectLink>("expect link eth0 up");
  EXPECT_TRUE(l.up);
  EXPECT_FALSE(l.mode);
  // Only keywords can stand there, so quoting them changes nothing.
  EXPECT_FALSE(only_check<ExpectLink>("expect link eth0 'down'").up);
  EXPECT_TRUE(only<LinkSet>("ip link set eth0 \"up\"").up);
}

TEST(Parser, ExpectBinding) {
  auto b = only_check<ExpectBound>("expect bound &phy0");
  EXPECT_EQ(b.dev.text, "&phy0");
  EXPECT_FALSE(b.driver);
  b = only_check<ExpectBound>("expect bound &phy0 \"Generic PHY\"");
  EXPECT_EQ(b.driver->text, "Generic PHY");
  EXPECT_EQ(only_check<ExpectUnbound>("expect unbound ff540000.ethernet").dev.text,
            "ff540000.ethernet");
}

TEST(Parser, ExpectNetdevAndPhy) {
  EXPECT_TRUE(only_check<ExpectNetdev>("expect netdev lan1 present").present);
  EXPECT_FALSE(only_check<ExpectNetdev>("expect netdev lan1 absent").present);
  auto p = only_check<ExpectPhy>("expect phy eth0 &phy0");
  EXPECT_EQ(p.phy->text, "&phy0");
  EXPECT_FALSE(only_check<ExpectPhy>("expect phy eth0 none").phy);
  EXPECT_EQ(only_check<ExpectPhy>("expect phy eth0 'none'").phy->text, "none");
}

TEST(Parser, ExpectFindings) {
  auto f = only_check<ExpectFinding>("expect finding none");
  EXPECT_FALSE(f.kind);
  EXPECT_FALSE(f.present);
  f = only_check<ExpectFinding>("expect finding use-after-free");
  EXPECT_EQ(f.kind, sim::FindingKind::kUseAfterFree);
  EXPECT_TRUE(f.present);
  f = only_check<ExpectFinding>("expect no-finding warn");
  EXPECT_EQ(f.kind, sim::FindingKind::kWarn);
  EXPECT_FALSE(f.present);
  for (sim::FindingKind k : sim::kAllFindingKinds)
    EXPECT_EQ(
        only_check<ExpectFinding>(std::string("expect finding ") + sim::finding_kind_name(k)).kind,
        k);
}

// ---- concurrency ----

TEST(Parser, ConcurrentlyLinesAndThreads) {
  Scenario s = parse(
      "ip link set eth0 up\n"
      "concurrently   # race the unbind against ifdown\n"
      "  unbind &phy0\n"
      "  thread\n"
      "    wait 1ms\n"
      "    ip link set eth0 down\n"
      "  end\n"
      "  expect finding none\n"
      "end\n"
      "expect carrier eth0 off\n");
  ASSERT_EQ(s.commands.size(), 4u);
  const Command& block = s.commands[2];
  EXPECT_EQ(block.loc, at(2, 1));
  EXPECT_EQ(block.text, "concurrently");
  const auto& c = std::get<Concurrently>(block.body);
  ASSERT_EQ(c.threads.size(), 3u);
  EXPECT_FALSE(c.threads[0].block);
  EXPECT_EQ(c.threads[0].loc, at(3, 3));
  ASSERT_EQ(c.threads[0].commands.size(), 1u);
  EXPECT_EQ(std::get<Unbind>(c.threads[0].commands[0].body).dev.text, "&phy0");
  EXPECT_TRUE(c.threads[1].block);
  EXPECT_EQ(c.threads[1].loc, at(4, 3));
  ASSERT_EQ(c.threads[1].commands.size(), 2u);
  EXPECT_EQ(c.threads[1].commands[1].text, "ip link set eth0 down");
  EXPECT_EQ(c.threads[1].commands[1].loc, at(6, 5));
  EXPECT_TRUE(std::holds_alternative<Expect>(c.threads[2].commands[0].body));
  EXPECT_TRUE(std::holds_alternative<Expect>(s.commands[3].body));
}

TEST(Parser, ConcurrentlyFirstStillBootsBeforeIt) {
  Scenario s = parse("set pcs release\nconcurrently\n rmmod a\n rmmod b\nend\n");
  ASSERT_EQ(s.commands.size(), 3u);
  EXPECT_EQ(s.boot_index, 1u);
  EXPECT_TRUE(std::holds_alternative<Concurrently>(s.commands[2].body));
}

// ---- equality is about meaning ----

TEST(Parser, EqualityIgnoresPositions) {
  Scenario a = parse("unbind &phy0");
  Scenario b = parse("\n\n   unbind    &phy0   # same\n");
  EXPECT_EQ(a.commands, b.commands);
  EXPECT_NE(a.commands, parse("unbind &phy1").commands);
  EXPECT_NE(a.commands, parse("bind &phy0").commands);
}

// ---- files ----

TEST(Parser, LoadsAFile) {
  std::string path = std::string(LIFELINE_BINARY_DIR) + "/scenario_parser_test.scn";
  {
    std::ofstream out(path);
    out << "unbind &phy0\nip link set eth0 dwn\n";
  }
  try {
    load_scenario(path);
    FAIL() << "expected an error";
  } catch (const sim::UserError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 18);
  }
  {
    std::ofstream out(path);
    out << "unbind &phy0\n";
  }
  Scenario s = load_scenario(path);
  EXPECT_EQ(s.file, path);
  EXPECT_EQ(std::get<Unbind>(only_action(s).body).dev.text, "&phy0");
  std::remove(path.c_str());
}

TEST(Parser, MissingFileIsAUserError) {
  const std::string path = "/nonexistent/lifeline/s.scn";
  try {
    load_scenario(path);
    FAIL() << "expected an error";
  } catch (const sim::UserError& e) {
    EXPECT_STREQ(
        e.what(),
        "/nonexistent/lifeline/s.scn: cannot read the scenario: No such file or directory");
    EXPECT_EQ(e.line(), 0);
  }
  try {
    load_scenario(LIFELINE_BINARY_DIR);
    FAIL() << "expected an error";
  } catch (const sim::UserError& e) {
    EXPECT_EQ(e.message(), "cannot read the scenario: it is a directory");
  }
}

}  // namespace
}  // namespace lifeline::scenario
