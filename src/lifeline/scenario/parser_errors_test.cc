// SPDX-License-Identifier: GPL-2.0-only
// Every message the parser gives for a bad scenario, with the file, line and
// column it points at.
#include <gtest/gtest.h>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/test_util.h"

namespace lifeline::scenario {
namespace {

using testing::fails_with;

const std::string kKnobs =
    "(phy-loss, pse, pcs, genphy, sfp-lock, probe, CONFIG_LED_TRIGGER_PHY, "
    "CONFIG_INIT_ON_FREE_DEFAULT_ON)";
const std::string kKinds =
    "(oops, use-after-free, warn, deadlock, hung-task, lockdep, refcount, invariant)";

TEST(ParserErrors, TheIssuesExample) {
  const char* text =
      "# s1: the PHY goes away under an up interface\n"
      "set phy-loss mainline\n"
      "\n"
      "ip link set eth10 up\n"
      "cable eth10 plug\n"
      "unbind &phy0\n"
      "ip link set eth10 upp\n";
  try {
    parse_scenario(text, "s1.scn");
    FAIL() << "expected an error";
  } catch (const sim::UserError& e) {
    EXPECT_STREQ(e.what(),
                 "s1.scn:7:19: expected 'up' or 'down' after the interface name, got 'upp' (did "
                 "you mean 'up'?)");
  }
}

// ---- the lexer ----

TEST(ParserErrors, Quotes) {
  EXPECT_TRUE(fails_with(
      "echo unimac-mdio-0:01 > /sys/bus/mdio_bus/drivers/Broadcom\\ BCM54213PE/unbind", 1, 59,
      "expected quotes around a word with blanks, not a backslash escape, got "
      "'/sys/bus/mdio_bus/drivers/Broadcom\\'"));
  EXPECT_TRUE(
      fails_with("unbind \"abc", 1, 8, "expected a closing \" for the quote, got end of line"));
  EXPECT_TRUE(
      fails_with("unbind 'abc\"", 1, 8, "expected a closing ' for the quote, got end of line"));
  EXPECT_TRUE(
      fails_with("unbind \"abc\"def", 1, 13, "expected a blank after the closing \", got 'd'"));
  EXPECT_TRUE(fails_with("unbind ab\"c\"", 1, 10,
                         "expected a quote only around a whole word, got \" inside 'ab\"'"));
}

// ---- commands ----

TEST(ParserErrors, UnknownCommand) {
  EXPECT_TRUE(
      fails_with("boot\n  unbnd &phy0", 2, 3, "unknown command 'unbnd' (did you mean 'unbind'?)"));
  EXPECT_TRUE(
      fails_with("modprob x", 1, 1, "unknown command 'modprob' (did you mean 'modprobe'?)"));
  EXPECT_TRUE(fails_with("frobnicate", 1, 1,
                         "unknown command 'frobnicate'; commands are: set, module, phy-id, "
                         "mac-facts, boot, unbind, bind, rmmod, modprobe, echo, ip, ethtool, "
                         "cable, sfp, wait, settle, expect, concurrently, thread, end"));
}

TEST(ParserErrors, ExtraWords) {
  EXPECT_TRUE(fails_with("boot now", 1, 6, "expected end of line, got 'now'"));
  EXPECT_TRUE(fails_with("settle 1s", 1, 8, "expected end of line, got '1s'"));
  EXPECT_TRUE(fails_with("rmmod a b", 1, 9, "expected end of line, got 'b'"));
  EXPECT_TRUE(fails_with("expect unbound &phy0 now", 1, 22, "expected end of line, got 'now'"));
  EXPECT_TRUE(fails_with("expect bound &phy0 drv now", 1, 24, "expected end of line, got 'now'"));
  EXPECT_TRUE(
      fails_with("cable eth0 unplug 1000/full", 1, 19, "expected end of line, got '1000/full'"));
}

TEST(ParserErrors, SetKnob) {
  EXPECT_TRUE(fails_with("set", 1, 4, "expected a knob " + kKnobs + ", got end of line"));
  EXPECT_TRUE(
      fails_with("set phy-los holdover", 1, 5,
                 "expected a knob " + kKnobs + ", got 'phy-los' (did you mean 'phy-loss'?)"));
  EXPECT_TRUE(fails_with("set colour red", 1, 5, "expected a knob " + kKnobs + ", got 'colour'"));
  const std::string values = "(mainline, holdover, devlink, port-device, notify-down, replay)";
  EXPECT_TRUE(fails_with("set phy-loss", 1, 13,
                         "expected a value for 'phy-loss' " + values + ", got end of line"));
  EXPECT_TRUE(fails_with(
      "set phy-loss holdovr", 1, 14,
      "expected a value for 'phy-loss' " + values + ", got 'holdovr' (did you mean 'holdover'?)"));
  EXPECT_TRUE(fails_with("set sfp-lock rtnl mutex", 1, 19, "expected end of line, got 'mutex'"));
  EXPECT_TRUE(fails_with("set pcs release\nset pcs devlink", 2, 5,
                         "knob 'pcs' is set twice (first on line 1)"));
}

TEST(ParserErrors, Module) {
  EXPECT_TRUE(fails_with("module", 1, 7, "expected a module name after 'module', got end of line"));
  EXPECT_TRUE(
      fails_with("module broadcom", 1, 16,
                 "expected 'builtin', 'late' or 'absent' after the module name, got end of line"));
  EXPECT_TRUE(fails_with("module broadcom lat 5s", 1, 17,
                         "expected 'builtin', 'late' or 'absent' after the module name, got 'lat' "
                         "(did you mean 'late'?)"));
  EXPECT_TRUE(fails_with("module broadcom late", 1, 21,
                         "expected a duration such as '250ms', '1.5s' or '100us' after 'late', got "
                         "end of line"));
  EXPECT_TRUE(fails_with("module broadcom late 5\n", 1, 22,
                         "expected a duration such as '250ms', '1.5s' or '100us' after 'late', got "
                         "'5' (a unit is needed: h, min, s, ms, us or ns)"));
  EXPECT_TRUE(fails_with("module broadcom builtin 5s", 1, 25, "expected end of line, got '5s'"));
  EXPECT_TRUE(fails_with("module a absent\nmodule a builtin", 2, 8,
                         "module 'a' is configured twice (first on line 1)"));
}

TEST(ParserErrors, PhyId) {
  EXPECT_TRUE(fails_with("phy-id", 1, 7, "expected a PHY device after 'phy-id', got end of line"));
  EXPECT_TRUE(
      fails_with("phy-id &phy0", 1, 13,
                 "expected a PHY ID such as '0x001cc916' after the device, got end of line"));
  EXPECT_TRUE(fails_with("phy-id &phy0 1234", 1, 14,
                         "expected a PHY ID such as '0x001cc916' after the device, got '1234'"));
  EXPECT_TRUE(fails_with("phy-id &phy0 0xzz", 1, 14,
                         "expected a PHY ID such as '0x001cc916' after the device, got '0xzz'"));
  EXPECT_TRUE(fails_with("phy-id &phy0 0x1001cc916", 1, 14,
                         "expected a PHY ID that fits in 32 bits, got '0x1001cc916'"));
  EXPECT_TRUE(fails_with("phy-id &phy0 0x11112222333344445555", 1, 14,
                         "expected a PHY ID that fits in 32 bits, got '0x11112222333344445555'"));
  EXPECT_TRUE(fails_with("phy-id &phy0 0x1\nphy-id &phy0 0x2", 2, 8,
                         "the PHY ID of '&phy0' is given twice (first on line 1)"));
}

TEST(ParserErrors, MacFacts) {
  const std::string names = "the facts of a driver (lan78xx-v4.14, axienet-v5.2)";
  EXPECT_TRUE(
      fails_with("mac-facts", 1, 10, "expected a MAC device after 'mac-facts', got end of line"));
  EXPECT_TRUE(fails_with("mac-facts &genet", 1, 17, "expected " + names + ", got end of line"));
  EXPECT_TRUE(fails_with("mac-facts &genet lan78xx", 1, 18,
                         "expected " + names + ", got 'lan78xx' (did you mean 'lan78xx-v4.14'?)"));
  EXPECT_TRUE(
      fails_with("mac-facts &genet ftgmac100", 1, 18, "expected " + names + ", got 'ftgmac100'"));
  EXPECT_TRUE(
      fails_with("mac-facts &genet lan78xx-v4.41", 1, 18,
                 "expected " + names + ", got 'lan78xx-v4.41' (did you mean 'lan78xx-v4.14'?)"));
  EXPECT_TRUE(
      fails_with("mac-facts &genet axienet-v5.2 now", 1, 31, "expected end of line, got 'now'"));
  EXPECT_TRUE(fails_with("mac-facts &genet axienet-v5.2\nmac-facts &genet lan78xx-v4.14", 2, 11,
                         "the MAC facts of '&genet' are given twice (first on line 1)"));
  EXPECT_TRUE(fails_with("wait 1s\nmac-facts &genet axienet-v5.2", 2, 1,
                         "'mac-facts' must come before the first action (line 1)"));
}

TEST(ParserErrors, BootAndConfigurationOrder) {
  EXPECT_TRUE(fails_with("boot\n\nboot", 3, 1, "'boot' is given twice (first on line 1)"));
  EXPECT_TRUE(fails_with("set pcs release\nunbind &phy0\nboot", 3, 1,
                         "'boot' must come before the first action (line 2)"));
  EXPECT_TRUE(fails_with("boot\nset pcs release", 2, 1, "'set' must come before 'boot' (line 1)"));
  EXPECT_TRUE(
      fails_with("boot\nmodule a absent", 2, 1, "'module' must come before 'boot' (line 1)"));
  EXPECT_TRUE(fails_with("wait 1s\nphy-id &phy0 0x1", 2, 1,
                         "'phy-id' must come before the first action (line 1)"));
  EXPECT_TRUE(fails_with("concurrently\n rmmod a\nend\nset pcs release", 4, 1,
                         "'set' must come before the first action (line 1)"));
}

TEST(ParserErrors, BindAndUnbind) {
  EXPECT_TRUE(fails_with("unbind", 1, 7, "expected a device after 'unbind', got end of line"));
  EXPECT_TRUE(fails_with("unbind -f", 1, 8, "expected a device after 'unbind', got '-f'"));
  EXPECT_TRUE(fails_with("unbind \"\"", 1, 8, "expected a device after 'unbind', got ''"));
  EXPECT_TRUE(fails_with("bind", 1, 5, "expected a device after 'bind', got end of line"));
  EXPECT_TRUE(
      fails_with("bind &phy0 -x", 1, 12,
                 "expected a driver name, 'bus' or end of line after the device, got '-x'"));
  EXPECT_TRUE(
      fails_with("bind &phy0 drv extra", 1, 16, "expected 'bus' or end of line, got 'extra'"));
  EXPECT_TRUE(
      fails_with("bind &phy0 bus", 1, 15, "expected a bus name after 'bus', got end of line"));
  EXPECT_TRUE(
      fails_with("unbind &phy0 drv bus mdio_bus x", 1, 31, "expected end of line, got 'x'"));
}

TEST(ParserErrors, Modules) {
  EXPECT_TRUE(fails_with("rmmod", 1, 6, "expected a module name after 'rmmod', got end of line"));
  EXPECT_TRUE(fails_with("rmmod -f x", 1, 7, "expected a module name after 'rmmod', got '-f'"));
  EXPECT_TRUE(
      fails_with("modprobe", 1, 9, "expected a module name after 'modprobe', got end of line"));
  EXPECT_TRUE(fails_with("modprobe -r", 1, 12,
                         "expected a module name after 'modprobe -r', got end of line"));
  EXPECT_TRUE(fails_with("modprobe x debug=1", 1, 12, "expected end of line, got 'debug=1'"));
}

TEST(ParserErrors, SysfsWrites) {
  EXPECT_TRUE(fails_with("echo", 1, 5, "expected a device name after 'echo', got end of line"));
  EXPECT_TRUE(fails_with("echo -e x > /sys/bus/a/drivers/b/bind", 1, 6,
                         "expected a device name after 'echo', got '-e'"));
  EXPECT_TRUE(fails_with("echo x /sys/bus/a/drivers/b/bind", 1, 8,
                         "expected '>' after the device name, got '/sys/bus/a/drivers/b/bind'"));
  EXPECT_TRUE(fails_with("echo x >", 1, 9, "expected a sysfs path after '>', got end of line"));
  const std::string path =
      "expected a path like /sys/bus/BUS/drivers/DRIVER/unbind or .../bind, got ";
  EXPECT_TRUE(fails_with("echo x > /sys/bus/platform/drivers/stmmaceth/unbnd", 1, 10,
                         path + "'/sys/bus/platform/drivers/stmmaceth/unbnd'"));
  EXPECT_TRUE(fails_with("echo x > /sys/bus/platform/drivers_probe", 1, 10,
                         path + "'/sys/bus/platform/drivers_probe'"));
  EXPECT_TRUE(fails_with("echo x > /sys/bus/platform/drivers//bind", 1, 10,
                         path + "'/sys/bus/platform/drivers//bind'"));
  EXPECT_TRUE(fails_with("echo x > sys/bus/platform/drivers/a/bind", 1, 10,
                         path + "'sys/bus/platform/drivers/a/bind'"));
  EXPECT_TRUE(fails_with("echo x > /sys/bus/a/drivers/b/bind now", 1, 36,
                         "expected end of line, got 'now'"));
}

TEST(ParserErrors, IpLink) {
  EXPECT_TRUE(fails_with("ip", 1, 3, "expected 'link' after 'ip', got end of line"));
  EXPECT_TRUE(fails_with("ip addr add", 1, 4, "expected 'link' after 'ip', got 'addr'"));
  EXPECT_TRUE(fails_with("ip link sett eth0 up", 1, 9,
                         "expected 'set' after 'ip link', got 'sett' (did you mean 'set'?)"));
  EXPECT_TRUE(fails_with("ip link set", 1, 12,
                         "expected an interface name after 'ip link set', got end of line"));
  EXPECT_TRUE(fails_with("ip link set dev", 1, 16,
                         "expected an interface name after 'dev', got end of line"));
  EXPECT_TRUE(fails_with("ip link set eth0", 1, 17,
                         "expected 'up' or 'down' after the interface name, got end of line"));
  EXPECT_TRUE(fails_with("ip link set eth0 dwn", 1, 18,
                         "expected 'up' or 'down' after the interface name, got 'dwn' (did you "
                         "mean 'down'?)"));
  EXPECT_TRUE(fails_with("ip link set eth0 up mtu", 1, 21, "expected end of line, got 'mtu'"));
}

TEST(ParserErrors, EthtoolSettings) {
  const std::string setting =
      "expected a setting ('speed', 'duplex', 'autoneg', 'advertise' or 'wol'), got ";
  const std::string option =
      "expected '-s', '--show-eee', '-i', '--show-pause', '-m', '--show-pse', '--set-pse' or an "
      "interface name after 'ethtool', got ";
  EXPECT_TRUE(fails_with("ethtool", 1, 8, option + "end of line"));
  EXPECT_TRUE(
      fails_with("ethtool -S eth0", 1, 9, option + "'-S' (did you mean '-s', '-i', '-a'?)"));
  EXPECT_TRUE(
      fails_with("ethtool -s", 1, 11, "expected an interface name after '-s', got end of line"));
  EXPECT_TRUE(fails_with("ethtool -s eth0", 1, 16, setting + "end of line"));
  EXPECT_TRUE(
      fails_with("ethtool -s eth0 sped 100", 1, 17, setting + "'sped' (did you mean 'speed'?)"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 speed 100 mtu 1500", 1, 27, setting + "'mtu'"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 speed", 1, 22,
                         "expected a speed in Mb/s greater than 0 after 'speed', got end of line"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 speed fast", 1, 23,
                         "expected a speed in Mb/s greater than 0 after 'speed', got 'fast'"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 speed 0", 1, 23,
                         "expected a speed in Mb/s greater than 0 after 'speed', got '0'"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 speed -100", 1, 23,
                         "expected a speed in Mb/s greater than 0 after 'speed', got '-100'"));
  EXPECT_TRUE(
      fails_with("ethtool -s eth0 speed 99999999999", 1, 23,
                 "expected a speed in Mb/s greater than 0 after 'speed', got '99999999999'"));
  EXPECT_TRUE(
      fails_with("ethtool -s eth0 duplex ful", 1, 24,
                 "expected 'half' or 'full' after 'duplex', got 'ful' (did you mean 'full'?)"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 autoneg yes", 1, 25,
                         "expected 'on' or 'off' after 'autoneg', got 'yes'"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 speed 100 duplex full speed 10", 1, 39,
                         "'speed' is given twice"));
}

TEST(ParserErrors, EthtoolAdvertise) {
  const std::string what =
      "expected a hex mask such as '0x020' or link mode names such as '1000baseT/Full' after "
      "'advertise', got ";
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise", 1, 26, what + "end of line"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise autoneg on", 1, 27, what + "'autoneg'"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise 32", 1, 27,
                         what + "'32' (a mask is hex and starts with '0x')"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise 0x2g", 1, 27,
                         "expected a hex mask such as '0x020' after 'advertise', got '0x2g'"));
  const std::string bit103 = "0x8" + std::string(25, '0');  // 103 = 25 * 4 + 3
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise " + bit103, 1, 27,
                         "advertise mask '" + bit103 +
                             "' sets bit 103, which is not a link mode of Linux 6.12 (the last "
                             "is bit 102; see docs/scenarios.md)"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise 1000baseT/Full 1000baseT/Ful", 1, 42,
                         "expected a link mode name such as '1000baseT/Full', got '1000baseT/Ful' "
                         "(did you mean '1000baseT/Full', '100baseT/Full', '10000baseT/Full'?)"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 advertise 1000baseT/Full on", 1, 42,
                         "expected a link mode name such as '1000baseT/Full', got 'on' (list the "
                         "modes to advertise, without on/off)"));
}

TEST(ParserErrors, EthtoolWol) {
  EXPECT_TRUE(fails_with("ethtool -s eth0 wol", 1, 20,
                         "expected wake-on-LAN flags (p, u, m, b, a, g, s; or d to disable) after "
                         "'wol', got end of line"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 wol gx", 1, 22,
                         "expected a wake-on-LAN flag (p, u, m, b, a, g, s; or d to disable), got "
                         "'x' in 'gx'"));
  EXPECT_TRUE(fails_with("ethtool -s eth0 wol gd", 1, 21,
                         "expected 'd' alone: it disables wake-on-LAN and cannot be combined with "
                         "other flags, got 'gd'"));
  const std::string mixed =
      "'wol' cannot share a line with link settings; write it on its own 'ethtool -s' line";
  EXPECT_TRUE(fails_with("ethtool -s eth0 autoneg on wol g", 1, 28, mixed));
  EXPECT_TRUE(fails_with("ethtool -s eth0 wol g speed 100", 1, 23, mixed));
}

TEST(ParserErrors, Cable) {
  EXPECT_TRUE(
      fails_with("cable", 1, 6, "expected an interface or device after 'cable', got end of line"));
  EXPECT_TRUE(
      fails_with("cable eth0", 1, 11,
                 "expected 'plug' or 'unplug' after the interface or device, got end of line"));
  EXPECT_TRUE(
      fails_with("cable eth0 plugged", 1, 12,
                 "expected 'plug' or 'unplug' after the interface or device, got 'plugged'"));
  const std::string sd =
      "expected SPEED/DUPLEX such as '1000/full' or '100/half', or end of line, after 'plug', got ";
  EXPECT_TRUE(fails_with("cable eth0 plug 1000", 1, 17, sd + "'1000'"));
  EXPECT_TRUE(
      fails_with("cable eth0 plug 1000/ful", 1, 17, sd + "'1000/ful' (did you mean '1000/full'?)"));
  EXPECT_TRUE(fails_with("cable eth0 plug 0/full", 1, 17, sd + "'0/full'"));
  EXPECT_TRUE(fails_with("cable eth0 plug fast/full", 1, 17, sd + "'fast/full'"));
}

TEST(ParserErrors, ProbeStorm) {
  EXPECT_TRUE(fails_with("expect probe-storm", 1, 19,
                         "expected the MDIO bus driver's device after 'probe-storm', got end of "
                         "line"));
  EXPECT_TRUE(fails_with("expect probe-storm /mdio probes x cycles 3", 1, 33,
                         "expected a number after 'probes', got 'x'"));
  EXPECT_TRUE(fails_with("expect probe-storm /mdio probes 3", 1, 34,
                         "expected 'cycles' after the probe attempts, got end of line"));
}

TEST(ParserErrors, Sfp) {
  EXPECT_TRUE(fails_with("sfp", 1, 4, "expected an SFP cage after 'sfp', got end of line"));
  EXPECT_TRUE(fails_with("sfp &sfp0 insrt copper-1000base-t", 1, 11,
                         "expected 'insert', 'remove', 'los' or 'tx-fault' after the cage, got "
                         "'insrt' (did you mean 'insert'?)"));
  EXPECT_TRUE(fails_with("sfp &sfp0 insert", 1, 17,
                         "expected a module profile such as 'copper-1000base-t' after 'insert', "
                         "got end of line"));
  EXPECT_TRUE(
      fails_with("sfp &sfp0 los maybe", 1, 15, "expected 'on' or 'off' after 'los', got 'maybe'"));
  EXPECT_TRUE(fails_with("sfp &sfp0 tx-fault", 1, 19,
                         "expected 'on' or 'off' after 'tx-fault', got end of line"));
  EXPECT_TRUE(fails_with("sfp &sfp0 remove now", 1, 18, "expected end of line, got 'now'"));
}

TEST(ParserErrors, Wait) {
  const std::string what =
      "expected a duration such as '250ms', '1.5s' or '100us' after 'wait', got ";
  EXPECT_TRUE(fails_with("wait", 1, 5, what + "end of line"));
  EXPECT_TRUE(fails_with("wait 2", 1, 6, what + "'2' (a unit is needed: h, min, s, ms, us or ns)"));
  EXPECT_TRUE(fails_with("wait 2d", 1, 6, what + "'2d'"));
  EXPECT_TRUE(fails_with("wait soon", 1, 6, what + "'soon'"));
  EXPECT_TRUE(fails_with("wait 1.s", 1, 6, what + "'1.s'"));
  EXPECT_TRUE(
      fails_with("wait 99999999999s", 1, 6,
                 "expected a duration of at most 9223372036s after 'wait', got '99999999999s'"));
  EXPECT_TRUE(fails_with("wait 123456789012345678901234567890ns", 1, 6,
                         "expected a duration of at most 9223372036s after 'wait', got "
                         "'123456789012345678901234567890ns'"));
}

TEST(ParserErrors, Expect) {
  EXPECT_TRUE(fails_with(
      "expect", 1, 7,
      "expected 'carrier', 'link', 'bound', 'unbound', 'netdev', 'phy', "
      "'finding', 'no-finding', 'sfp' or 'probe-storm' after 'expect', got end of line"));
  EXPECT_TRUE(fails_with(
      "expect carier eth0 on", 1, 8,
      "expected 'carrier', 'link', 'bound', 'unbound', 'netdev', 'phy', "
      "'finding', 'no-finding', 'sfp' or 'probe-storm' after 'expect', got 'carier' (did "
      "you mean "
      "'carrier'?)"));
  EXPECT_TRUE(fails_with("expect carrier", 1, 15,
                         "expected an interface name after 'carrier', got end of line"));
  EXPECT_TRUE(fails_with("expect carrier eth0", 1, 20,
                         "expected 'on' or 'off' after the interface name, got end of line"));
  const std::string link =
      "expected SPEED/DUPLEX such as '1000/full', 'up' or 'down' after the interface name, got ";
  EXPECT_TRUE(fails_with("expect link eth0", 1, 17, link + "end of line"));
  EXPECT_TRUE(fails_with("expect link eth0 1000", 1, 18, link + "'1000'"));
  EXPECT_TRUE(fails_with("expect link eth0 dwon", 1, 18, link + "'dwon' (did you mean 'down'?)"));
  EXPECT_TRUE(
      fails_with("expect link eth0 100/hlf", 1, 18, link + "'100/hlf' (did you mean '100/half'?)"));
  EXPECT_TRUE(
      fails_with("expect bound", 1, 13, "expected a device after 'bound', got end of line"));
  EXPECT_TRUE(
      fails_with("expect unbound", 1, 15, "expected a device after 'unbound', got end of line"));
  EXPECT_TRUE(fails_with("expect netdev lan1 gone", 1, 20,
                         "expected 'present' or 'absent' after the interface name, got 'gone'"));
  EXPECT_TRUE(
      fails_with("expect phy eth0", 1, 16,
                 "expected a PHY device or 'none' after the interface name, got end of line"));
  EXPECT_TRUE(fails_with(
      "expect finding", 1, 15,
      "expected a finding kind " + kKinds + " or 'none' after 'finding', got end of line"));
  EXPECT_TRUE(fails_with("expect finding oopss", 1, 16,
                         "expected a finding kind " + kKinds +
                             " or 'none' after 'finding', got 'oopss' (did you mean 'oops'?)"));
  EXPECT_TRUE(fails_with("expect no-finding none", 1, 19,
                         "expected a finding kind " + kKinds + " after 'no-finding', got 'none'"));
  EXPECT_TRUE(fails_with("expect no-finding use-after-fre", 1, 19,
                         "expected a finding kind " + kKinds +
                             " after 'no-finding', got 'use-after-fre' (did you mean "
                             "'use-after-free'?)"));
}

// ---- blocks ----

TEST(ParserErrors, EndWithoutBlock) {
  EXPECT_TRUE(fails_with("wait 1s\nend", 2, 1, "'end' without an open 'concurrently' or 'thread'"));
  EXPECT_TRUE(fails_with("concurrently\n rmmod a\nend\nend", 4, 1,
                         "'end' without an open 'concurrently' or 'thread'"));
  EXPECT_TRUE(
      fails_with("concurrently\n rmmod a\nend now", 3, 5, "expected end of line, got 'now'"));
}

TEST(ParserErrors, UnterminatedBlocks) {
  EXPECT_TRUE(fails_with("boot\n concurrently\n  unbind &phy0\n", 2, 2,
                         "'concurrently' is never closed; expected 'end'"));
  EXPECT_TRUE(fails_with("concurrently\n thread\n  wait 1ms\n", 2, 2,
                         "'thread' is never closed; expected 'end'"));
  EXPECT_TRUE(fails_with("concurrently\n thread\n  wait 1ms\n end\n rmmod a\n", 1, 1,
                         "'concurrently' is never closed; expected 'end' (each 'thread' needs its "
                         "own 'end')"));
}

TEST(ParserErrors, Nesting) {
  EXPECT_TRUE(
      fails_with("concurrently\n rmmod a\n concurrently\n", 3, 2,
                 "'concurrently' cannot be nested; close the one on line 1 with 'end' first"));
  EXPECT_TRUE(
      fails_with("concurrently\n thread\n  concurrently\n", 3, 3,
                 "'concurrently' cannot be nested; close the one on line 1 with 'end' first"));
  EXPECT_TRUE(fails_with("thread\n", 1, 1, "'thread' is only allowed inside 'concurrently'"));
  EXPECT_TRUE(fails_with("concurrently\n thread\n  thread\n", 3, 3,
                         "'thread' cannot be nested; close the one on line 2 with 'end' first"));
  EXPECT_TRUE(fails_with("concurrently now", 1, 14, "expected end of line, got 'now'"));
  EXPECT_TRUE(fails_with("concurrently\n thread 2", 2, 9, "expected end of line, got '2'"));
}

TEST(ParserErrors, EmptyBlocks) {
  EXPECT_TRUE(fails_with("concurrently\n# nothing\nend", 3, 1,
                         "expected a command inside 'concurrently', got 'end'"));
  EXPECT_TRUE(fails_with("concurrently\n thread\n end\nend", 3, 2,
                         "expected a command inside 'thread', got 'end'"));
}

TEST(ParserErrors, NotInsideConcurrently) {
  EXPECT_TRUE(
      fails_with("concurrently\n boot\nend", 2, 2, "'boot' is not allowed inside 'concurrently'"));
  EXPECT_TRUE(fails_with("concurrently\n set pcs release\nend", 2, 2,
                         "'set' is not allowed inside 'concurrently'"));
  EXPECT_TRUE(fails_with("concurrently\n thread\n  module a absent\n", 3, 3,
                         "'module' is not allowed inside 'concurrently'"));
  EXPECT_TRUE(fails_with("concurrently\n phy-id &phy0 0x1\nend", 2, 2,
                         "'phy-id' is not allowed inside 'concurrently'"));
  EXPECT_TRUE(fails_with("concurrently\n thread\n  rmmod a\n  settle\n", 4, 3,
                         "'settle' is not allowed inside 'concurrently': it waits for every task, "
                         "its own included"));
}

TEST(ParserErrors, EthtoolGet) {
  EXPECT_TRUE(fails_with("ethtool eth0 speed", 1, 14, "expected end of line, got 'speed'"));
  EXPECT_TRUE(fails_with("ethtool --show-eee", 1, 19,
                         "expected an interface name after '--show-eee', got end of line"));
  EXPECT_TRUE(
      fails_with("ethtool -i", 1, 11, "expected an interface name after '-i', got end of line"));
  EXPECT_TRUE(
      fails_with("ethtool --show-pause eth0 eth1", 1, 27, "expected end of line, got 'eth1'"));
  EXPECT_TRUE(fails_with("ethtool --show-eee -s", 1, 20,
                         "expected an interface name after '--show-eee', got '-s'"));
  EXPECT_TRUE(fails_with("ethtool --show-eeee eth0", 1, 9,
                         "expected '-s', '--show-eee', '-i', '--show-pause', '-m', '--show-pse', "
                         "'--set-pse' or an interface name after 'ethtool', got '--show-eeee' (did "
                         "you mean '--show-eee', '--show-pse', '--show-pause'?)"));
}

TEST(ParserErrors, ExpectFail) {
  EXPECT_TRUE(fails_with(
      "expect fail EXYZZY bind x\n", 1, 13,
      "unknown errno 'EXYZZY' (known: EPERM, ENOENT, EIO, ENXIO, EAGAIN, ENOMEM, EFAULT, EBUSY, "
      "EEXIST, ENODEV, EINVAL, ENOSPC, EOPNOTSUPP, ETIMEDOUT, ENETDOWN, ENOLINK, "
      "ENOTSUPP, EPROBE_DEFER)"));
  EXPECT_TRUE(
      fails_with("expect fail\n", 1, 12,
                 "expected a command after 'expect fail' (such as 'ethtool -s ...'), got end "
                 "of line"));
  EXPECT_TRUE(fails_with("expect fail wait 1s\n", 1, 13,
                         "'wait' cannot stand after 'expect fail': only commands that return an "
                         "error can (unbind, bind, rmmod, modprobe, ip link set, ethtool)"));
}

TEST(ParserErrors, FirstErrorWins) {
  // Line 2 is bad and so is line 3; the user hears about line 2.
  EXPECT_TRUE(fails_with("boot\nwait\nfrob\n", 2, 5,
                         "expected a duration such as '250ms', '1.5s' or '100us' after 'wait', got "
                         "end of line"));
}

}  // namespace
}  // namespace lifeline::scenario
