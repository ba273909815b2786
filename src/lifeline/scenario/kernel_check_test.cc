// SPDX-License-Identifier: GPL-2.0-only
// kernel-check without QEMU: the translation of scenarios to guest shell
// commands, the parser of the guest's serial log, and the comparison, on
// logs recorded from real runs of Linux 6.12 in QEMU (tests/kernel-check/,
// captured with `lifeline kernel-check` and trimmed to the scenario's part).
#include "lifeline/scenario/kernel_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "lifeline/scenario/guest_script.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

std::string source(const std::string& rel) { return std::string(LIFELINE_SOURCE_DIR) + "/" + rel; }

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Board& versal() {
  static const Board b = load_board("xlnx-versal-virt");
  return b;
}

Scenario s1() { return load_scenario(source("scenarios/kernel-check/s1-versal.scn")); }
Scenario s3() { return load_scenario(source("scenarios/kernel-check/s3-versal.scn")); }

const GuestStep* step_with(const GuestScript& g, const std::string& text) {
  for (const GuestStep& s : g.steps)
    if (s.text == text) return &s;
  return nullptr;
}

RunOptions init_on_free(bool on) {
  RunOptions o;
  o.knobs["CONFIG_INIT_ON_FREE_DEFAULT_ON"] = on ? "y" : "n";
  return o;
}

const CompareRow* row(const KernelCheckResult& r, const std::string& point_prefix,
                      const std::string& what) {
  for (const CompareRow& x : r.rows)
    if (x.what == what && x.point.find(point_prefix) != std::string::npos) return &x;
  return nullptr;
}

std::string dump(const KernelCheckResult& r) {
  std::string s;
  for (const CompareRow& x : r.rows)
    s += x.point + " | " + x.what + " | " + x.kernel + " | " + x.model + " | " +
         verdict_name(x.verdict) + "\n";
  return s;
}

// ---- translation

TEST(GuestScript, S1BecomesTheCommandsAUserTypes) {
  GuestScript g = translate_for_guest(s1());
  EXPECT_NE(g.shell.find("\nlink eth0 up\n"), std::string::npos) << g.shell;
  EXPECT_NE(g.shell.find("\nrun ethtool -s eth0 speed 100 duplex full autoneg on\n"),
            std::string::npos)
      << g.shell;
  EXPECT_NE(g.shell.find("\nunbind ff0c0000.ethernet-ffffffff:17 'Marvell 88E1111' mdio_bus\n"),
            std::string::npos)
      << g.shell;
  EXPECT_NE(g.shell.find("\nsleep 2\n"), std::string::npos) << g.shell;
  EXPECT_NE(g.shell.find("\nsettle 20\n"), std::string::npos) << g.shell;
  // A check point after each wait and settle; an expect after one shares it,
  // an expect about findings observes nothing.
  const GuestStep* wait = step_with(g, "wait 2s");
  ASSERT_NE(wait, nullptr);
  EXPECT_EQ(wait->checkpoint, wait->index);
  EXPECT_NE(g.shell.find("snap " + std::to_string(wait->index) + "\n"), std::string::npos);
  const GuestStep* carrier = step_with(g, "expect carrier eth0 on");
  ASSERT_NE(carrier, nullptr);
  EXPECT_GT(carrier->checkpoint, 0);
  EXPECT_NE(carrier->checkpoint, carrier->index);
  const GuestStep* finding = step_with(g, "expect finding use-after-free");
  ASSERT_NE(finding, nullptr);
  EXPECT_EQ(finding->checkpoint, 0);
  // The plain plug is the emulated machine's own state: no guest command.
  EXPECT_EQ(g.steps.front().kind, GuestStep::Kind::kNoop);
  EXPECT_TRUE(g.steps.front().guest.empty());
}

TEST(GuestScript, BindWithoutDriverProbesAndModprobeInsmods) {
  Scenario sc = parse_scenario(
      "boot\nbind ff0c0000.ethernet\nmodprobe marvell-phy\nrmmod macb\nethtool -s eth0 wol g\n",
      "t.scn");
  GuestScript g = translate_for_guest(sc);
  EXPECT_NE(g.shell.find("\nbind ff0c0000.ethernet '' ''\n"), std::string::npos) << g.shell;
  EXPECT_NE(g.shell.find("\nrun insmod /lib/modules/marvell_phy.ko\n"), std::string::npos);
  EXPECT_NE(g.shell.find("\nrun rmmod macb\n"), std::string::npos);
  EXPECT_NE(g.shell.find("\nrun ethtool -s eth0 wol g\n"), std::string::npos);
}

TEST(GuestScript, EthtoolGetRequestsAreTheRealEthtool) {
  Scenario sc = parse_scenario(
      "boot\nethtool eth0\nethtool --show-eee eth0\nethtool --driver eth0\n"
      "expect fail ethtool -a eth0\n",
      "t.scn");
  GuestScript g = translate_for_guest(sc);
  EXPECT_NE(g.shell.find("\nrun ethtool eth0\n"), std::string::npos) << g.shell;
  EXPECT_NE(g.shell.find("\nrun ethtool --show-eee eth0\n"), std::string::npos) << g.shell;
  EXPECT_NE(g.shell.find("\nrun ethtool -i eth0\n"), std::string::npos) << g.shell;
  EXPECT_NE(g.shell.find("\nrun ethtool --show-pause eth0\n"), std::string::npos) << g.shell;
}

TEST(GuestScript, RefusesCommandsWithNoGuestEquivalent) {
  const char* refused[] = {
      "boot\ncable eth0 unplug\n",
      "boot\ncable eth0 plug 100/full\n",
      "boot\nsfp sfp0 remove\n",
      "boot\nconcurrently\n  ip link set eth0 up\n  ip link set eth0 down\nend\n",
      "module macb late 2s\nboot\n",
      "mac-facts &gem0 axienet-v5.2\nboot\n",
  };
  for (const char* text : refused) {
    Scenario sc = parse_scenario(text, "t.scn");
    try {
      translate_for_guest(sc);
      ADD_FAILURE() << "not refused: " << text;
    } catch (const sim::UserError& e) {
      EXPECT_NE(e.message().find("kernel-check cannot play"), std::string::npos) << e.message();
      EXPECT_GT(e.line(), 0) << text;
    }
  }
}

TEST(GuestScript, QuotesWordsForTheShell) {
  EXPECT_EQ(guest_quote("eth0"), "eth0");
  EXPECT_EQ(guest_quote("Marvell 88E1111"), "'Marvell 88E1111'");
  EXPECT_EQ(guest_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(guest_quote(""), "''");
}

// ---- the serial log

TEST(KernelLog, S1RecordedRun) {
  GuestScript g = translate_for_guest(s1());
  SideRun k = parse_kernel_log(slurp(source("tests/kernel-check/s1-versal.log")), g);
  EXPECT_TRUE(k.booted);
  EXPECT_EQ(k.kernel, "6.12.117+deb12-arm64");
  const GuestStep* down = step_with(g, "ip link set eth0 down");
  const GuestStep* up = step_with(g, "ip link set eth0 up");
  ASSERT_NE(down, nullptr);
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(k.steps[down->index - 1].kind, StepOutcome::Kind::kKilled);
  EXPECT_EQ(k.steps[down->index - 1].rc, 139);
  // The first "ip link set eth0 up" is step 2; the one after the oops blocks.
  const GuestStep* reup = nullptr;
  for (const GuestStep& s : g.steps)
    if (s.text == "ip link set eth0 up" && s.index > down->index) reup = &s;
  ASSERT_NE(reup, nullptr);
  EXPECT_EQ(k.steps[reup->index - 1].kind, StepOutcome::Kind::kNeverReturned);
  EXPECT_EQ(k.steps.back().kind, StepOutcome::Kind::kNotReached);
  // After the unbind and 2 s: carrier still on, the PHY without a driver.
  const GuestStep* wait = step_with(g, "wait 2s");
  const Observation& o = k.checkpoints.at(wait->index);
  ASSERT_EQ(o.netdevs.size(), 1u);
  EXPECT_TRUE(o.netdevs[0].carrier);
  EXPECT_EQ(o.netdevs[0].operstate, "up");
  EXPECT_EQ(o.netdevs[0].link, "100/full");
  EXPECT_EQ(o.netdevs[0].phy, "ff0c0000.ethernet-ffffffff:17");
  ASSERT_EQ(o.phys.size(), 1u);
  EXPECT_EQ(o.phys[0].driver, "none");
  // The oops with its frames, and the task the watchdog found blocked.
  int oops = 0, hung = 0;
  for (const ClassFinding& f : k.findings) {
    if (f.cls == FindingClass::kOops) {
      ++oops;
      EXPECT_EQ(f.where, "led_set_brightness");
      ASSERT_GE(f.frames.size(), 5u);
      EXPECT_EQ(f.frames[2], "phy_led_trigger_change_speed");
      EXPECT_EQ(f.step, down->index);
    }
    if (f.cls == FindingClass::kHungTask) {
      ++hung;
      EXPECT_EQ(f.where, "linkwatch_event");
    }
  }
  EXPECT_EQ(oops, 1);
  EXPECT_EQ(hung, 1);
  EXPECT_NE(std::find(k.quirks.begin(), k.quirks.end(), "downshift"), k.quirks.end());
}

TEST(KernelLog, WarnLineNamesItsFunction) {
  Scenario sc = parse_scenario("boot\nip link set eth0 down\n", "t.scn");
  GuestScript g = translate_for_guest(sc);
  std::string log =
      "[    5.0] LK: scenario start uptime=5\n"
      "[    5.1] LK: step 1 begin\n"
      "[    5.2] WARNING: CPU: 0 PID: 513 at drivers/base/core.c:1234 "
      "pm_runtime_drop_link+0x1c/0x40\n"
      "[    5.2] Call trace:\n"
      "[    5.2]  pm_runtime_drop_link+0x1c/0x40\n"
      "[    5.2]  __device_link_del+0x30/0x80\n"
      "[    5.3] LK: out RTNETLINK answers: bad\n"
      "[    5.3] LK: step 1 rc 2\n"
      "[    5.4] LK: end uptime=6\n";
  SideRun k = parse_kernel_log(log, g);
  ASSERT_EQ(k.findings.size(), 1u);
  EXPECT_EQ(k.findings[0].cls, FindingClass::kWarn);
  EXPECT_EQ(k.findings[0].where, "pm_runtime_drop_link");
  EXPECT_EQ(k.steps[0].kind, StepOutcome::Kind::kError);
  EXPECT_EQ(k.steps[0].message, "RTNETLINK answers: bad");
}

// ---- the comparison, on the recorded runs

TEST(KernelCompare, S1AgreesWithTheRecordedKernel) {
  Scenario sc = s1();
  GuestScript g = translate_for_guest(sc);
  SideRun k = parse_kernel_log(slurp(source("tests/kernel-check/s1-versal.log")), g);
  SideRun m = model_side(versal(), sc, g, init_on_free(true));
  KernelCheckResult r = compare_sides({k}, m, g);
  EXPECT_TRUE(r.agree()) << dump(r);
  const CompareRow* oops = row(r, "findings", "oops/BUG in led_set_brightness");
  ASSERT_NE(oops, nullptr) << dump(r);
  EXPECT_EQ(oops->verdict, CompareRow::Verdict::kAgree);
  // QEMU's downshift is excluded, and only on that line.
  int excluded = 0;
  for (const CompareRow& x : r.rows)
    if (x.verdict == CompareRow::Verdict::kExcluded) {
      ++excluded;
      EXPECT_EQ(x.what, "eth0 link");
      EXPECT_EQ(x.kernel, "100/full");
    }
  EXPECT_EQ(excluded, 1) << dump(r);
}

TEST(KernelCompare, S1DiffersWhenTheModelDoesNotZeroFreedMemory) {
  // Without init_on_free the model's ifdown reads stale memory and returns:
  // the comparison must notice that the guest's `ip` was killed.
  Scenario sc = s1();
  GuestScript g = translate_for_guest(sc);
  SideRun k = parse_kernel_log(slurp(source("tests/kernel-check/s1-versal.log")), g);
  SideRun m = model_side(versal(), sc, g, init_on_free(false));
  KernelCheckResult r = compare_sides({k}, m, g);
  EXPECT_FALSE(r.agree());
  const CompareRow* down = row(r, "ip link set eth0 down", "result");
  ASSERT_NE(down, nullptr) << dump(r);
  EXPECT_EQ(down->verdict, CompareRow::Verdict::kDiffer);
  EXPECT_EQ(down->kernel, "killed (oops)");
  EXPECT_EQ(down->model, "ok");
}

TEST(KernelCompare, S1WithoutLedTriggersDoesNotCrash) {
  // The oops comes from the LED triggers phy_remove() frees: without
  // CONFIG_LED_TRIGGER_PHY the model's ifdown is clean.
  Scenario sc = s1();
  GuestScript g = translate_for_guest(sc);
  RunOptions o = init_on_free(true);
  o.knobs["CONFIG_LED_TRIGGER_PHY"] = "n";
  SideRun m = model_side(versal(), sc, g, o);
  for (const ClassFinding& f : m.findings) EXPECT_NE(f.cls, FindingClass::kOops) << f.text;
}

TEST(KernelCompare, AValueSeenInSomeRunsIsIntermittent) {
  Scenario sc = s1();
  GuestScript g = translate_for_guest(sc);
  SideRun crashed = parse_kernel_log(slurp(source("tests/kernel-check/s1-versal.log")), g);
  SideRun clean = crashed;
  const GuestStep* down = step_with(g, "ip link set eth0 down");
  clean.steps[down->index - 1].kind = StepOutcome::Kind::kOk;
  SideRun m = model_side(versal(), sc, g, init_on_free(true));
  KernelCheckResult r = compare_sides({crashed, clean, crashed}, m, g);
  const CompareRow* x = row(r, "ip link set eth0 down", "result");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->kernel, "intermittent: killed (oops) (2/3), ok (1/3)");
  EXPECT_EQ(x->seen, 2);
  EXPECT_EQ(x->verdict, CompareRow::Verdict::kAgree);
}

TEST(KernelCompare, S3AgreesWithTheRecordedKernel) {
  Scenario sc = s3();
  GuestScript g = translate_for_guest(sc);
  SideRun k = parse_kernel_log(slurp(source("tests/kernel-check/s3-versal.log")), g);
  SideRun m = model_side(versal(), sc, g, init_on_free(true));
  KernelCheckResult r = compare_sides({k}, m, g);
  EXPECT_TRUE(r.agree()) << dump(r);
  // The netdev is gone after the unbind, on both sides.
  const CompareRow* gone = row(r, "wait 2s", "netdevs");
  ASSERT_NE(gone, nullptr) << dump(r);
  EXPECT_EQ(gone->kernel, "none");
  EXPECT_EQ(gone->model, "none");
}

}  // namespace
}  // namespace lifeline::scenario
