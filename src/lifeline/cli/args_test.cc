// SPDX-License-Identifier: GPL-2.0-only
// The command line's words: help, commands, options, arguments, and every
// message about a bad one (exit status 2).
#include <gtest/gtest.h>

#include "lifeline/cli/help.h"
#include "lifeline/cli/test_backend.h"

namespace lifeline::cli {
namespace {

using testing::cli;

TEST(Help, ProgramHelpExplainsEveryCommandKnobAndExitStatus) {
  auto o = cli({"--help"});
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.err, "");
  for (const char* word :
       {"Usage: lifeline COMMAND [OPTIONS]", "\n  boot ", "\n  run ", "\n  compare ",
        "\n  explore ", "\n  graph ", "\n  demo ", "--set KNOB=VALUE", "--json", "--seed N",
        "-v,--verbose", "--phy-id DEV=0xID",
        "phy-loss: what happens when a PHY goes away while attached",
        "    notify-down  PHY-going-away notifier", "  probe: the deferred-probe algorithm",
        "bundled board: imx8mp-evk, bcm2711-rpi-4-b.", "Exit status: 0 ok; 1 an expect failed",
        "2 bad input", "docs/scenarios.md"})
    EXPECT_NE(o.out.find(word), std::string::npos) << word << "\n" << o.out;
  EXPECT_EQ(cli({"-h"}).out, o.out);
  // What the help claims is modelled is.
  EXPECT_EQ(o.out.find("phylink, SFP, PCS, PSE and DSA"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("PSE controllers are modelled"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("SFP cages and modules are modelled"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("PCSs are modelled"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("DSA switches are modelled"), std::string::npos) << o.out;
  // Every provider a knob is about is modelled now: none is refused.
  EXPECT_EQ(o.out.find("(not modelled yet: refused)"), std::string::npos) << o.out;
  for (const char* knob : {"  pse: ", "  pcs: ", "  sfp-lock: "})
    EXPECT_NE(o.out.find(knob), std::string::npos) << knob;
}

TEST(Help, HelpLinesFitTheScreen) {
  for (const char* cmd : {"boot", "run", "compare", "explore", "graph", "demo"}) {
    std::string text = cli({cmd, "--help"}).out + cli({"--help"}).out;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      EXPECT_LE(end - start, kHelpWidth) << text.substr(start, end - start);
      start = end + 1;
    }
  }
}

TEST(Help, EachCommandsHelp) {
  struct Case {
    const char* command;
    std::vector<const char*> words;
  };
  for (const Case& c : std::vector<Case>{
           {"boot", {"Usage: lifeline boot BOARD [OPTIONS]", "devices_deferred", "defer-probe"}},
           {"run",
            {"Usage: lifeline run BOARD SCENARIO [OPTIONS]", "--replay FILE", "PASS or FAIL",
             "Exit status 1"}},
           {"compare",
            {"Usage: lifeline compare BOARD SCENARIO --vary KNOB=V1,V2,... [OPTIONS]",
             "--vary KNOB=V1,V2,...", "carrier after the provider"}},
           {"explore",
            {"--strategy dfs|dpor|pct|random", "--bound K", "--budget N", "--replay-out FILE",
             "seed of the pct and random strategies' choices (default 1)", "replay file"}},
           {"graph", {"--format dot|svg|json", "--all", "phy-handle, sfp, pcs-handle, pses"}},
           {"demo", {"Usage: lifeline demo [OPTIONS]", "make demo"}},
       }) {
    auto o = cli({c.command, "--help"});
    EXPECT_EQ(o.status, 0) << c.command;
    for (const char* w : c.words) EXPECT_NE(o.out.find(w), std::string::npos) << w << "\n" << o.out;
    // The common options everywhere; --seed only where there are random
    // choices (explore), -v only where there is a timeline to widen (run) or
    // a schedule to draw (explore),
    // --phy-id wherever there is a board.
    std::string cmd = c.command;
    for (const char* w : {"--set KNOB=VALUE", "--json", "Examples:"})
      EXPECT_NE(o.out.find(w), std::string::npos) << c.command << ": " << w;
    EXPECT_EQ(o.out.find("--seed N") != std::string::npos, cmd == "explore") << cmd;
    EXPECT_EQ(o.out.find("-v,--verbose") != std::string::npos, cmd == "run" || cmd == "explore")
        << cmd;
    EXPECT_EQ(o.out.find("--phy-id DEV=0xID") != std::string::npos, cmd != "demo") << cmd;
    EXPECT_EQ(o.out.find("TEXT"), std::string::npos) << o.out;  // CLI11's type names
  }
}

TEST(Help, Version) {
  auto o = cli({"--version"});
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.out, std::string("lifeline ") + kVersion + "\n");
}

struct BadCase {
  std::vector<std::string> args;
  std::string message;
};

// Every message about a bad command line: exit 2, nothing on stdout, the
// message on stderr after "lifeline: ".
void expect_bad(const BadCase& c) {
  auto o = cli(c.args);
  std::string line;
  for (const auto& a : c.args) line += " " + a;
  EXPECT_EQ(o.status, 2) << line;
  EXPECT_EQ(o.out, "") << line;
  EXPECT_EQ(o.err, "lifeline: " + c.message + "\n") << line;
}

TEST(Args, Commands) {
  for (const BadCase& c : std::vector<BadCase>{
           {{},
            "expected a command (boot, run, compare, explore, merge, graph, audit, kernel-check, "
            "demo); "
            "lifeline --help explains them"},
           {{"bot", "imx8mp-evk"},
            "unknown command 'bot', expected one of boot, run, compare, explore, merge, graph, "
            "audit, kernel-check, demo "
            "(did you mean 'boot'?)"},
           {{"simulate"},
            "unknown command 'simulate', expected one of boot, run, compare, explore, merge, "
            "graph, "
            "audit, kernel-check, demo"},
           {{"--json", "boot", "x"},
            "unknown option '--json': options follow the command (lifeline COMMAND --help)"},
           {{"--sett", "boot", "x"},
            "unknown option '--sett': options follow the command (lifeline COMMAND --help)"},
           {{"imx8mp-evk", "boot"},
            "unknown command 'imx8mp-evk', expected one of boot, run, compare, explore, merge, "
            "graph, "
            "audit, kernel-check, demo"},
       })
    expect_bad(c);
}

TEST(Args, Arguments) {
  for (const BadCase& c : std::vector<BadCase>{
           {{"boot"}, "boot: expected BOARD; usage: lifeline boot BOARD [OPTIONS]"},
           {{"boot", "a", "b"},
            "boot: unexpected argument 'b'; usage: lifeline boot BOARD [OPTIONS]"},
           {{"compare", "a"},
            "compare: expected SCENARIO; usage: lifeline compare BOARD SCENARIO --vary "
            "KNOB=V1,V2,... [OPTIONS]"},
           {{"explore"},
            "explore: expected BOARD and SCENARIO; usage: lifeline explore BOARD SCENARIO "
            "[--strategy dfs|dpor|pct|random] [OPTIONS]"},
           {{"run", "a"},
            "run: expected SCENARIO (or --replay FILE alone); usage: lifeline run BOARD "
            "SCENARIO [OPTIONS]"},
           {{"run"},
            "run: expected BOARD and SCENARIO (or --replay FILE alone); usage: lifeline run "
            "BOARD SCENARIO [OPTIONS]"},
           {{"demo", "imx8mp-evk"},
            "demo: unexpected argument 'imx8mp-evk'; usage: lifeline "
            "demo [OPTIONS]"},
       })
    expect_bad(c);
}

TEST(Args, UnknownOptionsGetSuggestions) {
  for (const BadCase& c : std::vector<BadCase>{
           {{"run", "b", "s", "--sett", "phy-loss=replay"},
            "run: unknown option '--sett' (did you mean '--set'?)"},
           {{"explore", "b", "s", "--sed", "1"},
            "explore: unknown option '--sed' (did you mean '--set', '--seed'?)"},
           // Not offered where they would do nothing.
           {{"boot", "b", "--seed", "1"}, "boot: unknown option '--seed' (did you mean '--set'?)"},
           {{"compare", "b", "s", "--vary", "genphy", "-v"},
            "compare: unknown option '-v' (did you mean '-h'?)"},
           {{"graph", "b", "--verbose"}, "graph: unknown option '--verbose'"},
           {{"demo", "--phy-id", "x=0x1"}, "demo: unknown option '--phy-id'"},
           {{"boot", "b", "--jsno"}, "boot: unknown option '--jsno' (did you mean '--json'?)"},
           {{"compare", "b", "s", "--vary=phy-loss", "--very=x"},
            "compare: unknown option '--very' (did you mean '--vary'?)"},
           {{"explore", "b", "s", "--stratgy", "dfs"},
            "explore: unknown option '--stratgy' (did you mean '--strategy'?)"},
           {{"graph", "b", "--fromat", "svg"},
            "graph: unknown option '--fromat' (did you mean '--format'?)"},
           // An option of another command.
           {{"boot", "b", "--replay", "f"}, "boot: unknown option '--replay'"},
           {{"demo", "-x"}, "demo: unknown option '-x' (did you mean '-h'?)"},
       })
    expect_bad(c);
}

TEST(Args, OptionsThatNeedAValue) {
  expect_bad({{"run", "b", "s", "--set"}, "run: option --set needs a value"});
  expect_bad({{"explore", "b", "s", "--budget"}, "explore: option --budget needs a value"});
}

TEST(Args, BadValues) {
  for (const BadCase& c : std::vector<BadCase>{
           {{"boot", "b", "--set", "phy-los=replay"},
            "--set phy-los=replay: expected a knob (phy-loss, pse, pcs, genphy, sfp-lock, probe, "
            "CONFIG_LED_TRIGGER_PHY, "
            "CONFIG_INIT_ON_FREE_DEFAULT_ON), got 'phy-los' (did you mean 'phy-loss'?)"},
           {{"boot", "b", "--set=phy-loss=holdovr"},
            "--set phy-loss=holdovr: expected a value for 'phy-loss' (mainline, holdover, "
            "devlink, port-device, notify-down, replay), got 'holdovr' (did you mean "
            "'holdover'?)"},
           {{"explore", "b", "s", "--seed", "x1"}, "--seed: expected a number, got 'x1'"},
           {{"boot", "b", "--phy-id", "&phy0"},
            "--phy-id &phy0: expected DEV=0xID, for example --phy-id &phy0=0x001cc916"},
           {{"graph", "b", "--phy-id", "&phy0=1234"},
            "--phy-id &phy0=1234: expected a PHY ID such as '0x001cc916' after '=', got '1234'"},
           {{"run", "b", "s", "--phy-id", "&phy0=0x123456789"},
            "--phy-id &phy0=0x123456789: expected a PHY ID that fits in 32 bits, got "
            "'0x123456789'"},
           {{"compare", "b", "s"},
            "compare: expected --vary KNOB=V1,V2,... (or --vary KNOB for every value), for "
            "example --vary phy-loss=mainline,replay"},
           {{"compare", "b", "s", "--vary", "genphy=mainline,defr"},
            "--vary genphy=mainline,defr: expected a value for 'genphy' (mainline, defer, "
            "opt-in), got 'defr' (did you mean 'defer'?)"},
           {{"compare", "b", "s", "--vary", "phy-loss", "--set", "phy-loss=replay"},
            "--set phy-loss=replay: knob 'phy-loss' is what compare varies; set it or vary it, "
            "not both"},
           {{"demo", "--set", "phy-loss=replay"},
            "--set phy-loss=replay: knob 'phy-loss' is what demo varies; set it or vary it, not "
            "both"},
           {{"explore", "b", "s", "--strategy", "bfs"},
            "--strategy: expected one of (dfs, dpor, pct, random), got 'bfs' (did you mean "
            "'dfs'?)"},
           {{"explore", "b", "s", "--bound", "two"}, "--bound: expected a number, got 'two'"},
           {{"explore", "b", "s", "--budget", "0"},
            "--budget: expected a number of at least 1, got '0'"},
           {{"graph", "b", "--format", "png"},
            "--format: expected one of (dot, svg, json), got 'png' (did you mean 'svg'?)"},
           {{"graph", "b", "--format", "dot", "--json"},
            "--json and --format dot disagree; give one of them"},
       })
    expect_bad(c);
}

}  // namespace
}  // namespace lifeline::cli
