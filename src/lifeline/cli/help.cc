// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/help.h"

#include <algorithm>

#include "lifeline/net/knobs.h"

namespace lifeline::cli {

std::string wrap(std::string_view text, size_t width) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!out.empty()) out += '\n';
    if (line.empty() || line.front() == ' ') {
      out += line;  // a blank line or a preformatted one: kept
    } else {
      size_t col = 0;
      size_t i = 0;
      while (i < line.size()) {
        size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        std::string_view word = line.substr(i, j - i);
        if (!word.empty()) {
          if (col > 0 && col + 1 + word.size() > width) {
            out += '\n';
            col = 0;
          } else if (col > 0) {
            out += ' ';
            ++col;
          }
          out += word;
          col += word.size();
        }
        i = j + 1;
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string describe(std::string_view text) { return wrap(text, kHelpWidth - kHelpColumn); }

std::string program_description() {
  return wrap(
      "lifeline: what happens on your board when a PHY or its MDIO bus goes away, and comes "
      "back.\n"
      "\n"
      "It loads the board's device tree, boots a model of the driver core (probe, deferred "
      "probe, device links, fw_devlink) and of MDIO, phylib, phylink and the MACs in virtual "
      "time, plays a scenario of sysfs unbind and bind, rmmod and modprobe, ip link, ethtool "
      "and cable events, and reports carrier, bound drivers, device links and findings (oops, "
      "use-after-free, WARN, deadlock, hung task, lockdep, refcount, invariant), under today's "
      "mainline behaviour or under a design proposed on netdev (--set phy-loss=..., see the "
      "knobs below). DSA switches are modelled (a default for a switch the catalog does not "
      "know): boot lists their ports. PCSs are modelled (lynx, the RZ/N1 MIIC, the mvneta and "
      "mvpp2 ones; --set pcs=...). SFP cages and modules are modelled (sfp-bus, the cage "
      "driver's state machines, module profiles, module PHYs; boot lists the cages). PSE "
      "controllers are modelled (the pse-pd core, podl-pse-regulator, a default for the "
      "others).",
      kHelpWidth);
}

std::string program_footer(const std::vector<std::string>& bundled_boards) {
  std::string s =
      "Options of the commands:\n"
      "  --set KNOB=VALUE        select the design a knob models (repeatable)\n"
      "  --json                  the report as one JSON document (docs/json.md)\n"
      "  --seed N                explore: seed of the pct and random strategies\n"
      "  -v,--verbose            run: every event of the timeline, every scheduling decision;\n"
      "                          explore, run --replay: the schedule as swimlanes in text\n"
      "  --graph FILE            run, compare: the provider graph at the end, what changed marked\n"
      "  --schedule-svg FILE     run, explore: the (shrunk failing) schedule as swimlanes\n"
      "  --phy-id DEV=0xID       the ID of a PHY the device tree does not give (repeatable; not "
      "demo)\n"
      "  --module NAME=MODE      builtin, late:TIME or absent, as a scenario's `module` line "
      "(not demo)\n"
      "\n"
      "Knobs (the first value is the default; `set KNOB VALUE` in a scenario does the same):\n";
  for (const net::KnobInfo& k : net::knob_table()) {
    s += "  " + std::string(k.name) + ": " + std::string(k.help) +
         (k.modelled ? "" : " (not modelled yet: refused)") + "\n";
    size_t w = 0;
    for (const net::KnobValue& v : k.values) w = std::max(w, v.name.size());
    std::string_view source;
    for (const net::KnobValue& v : k.values) {
      std::string name(v.name);
      name.resize(w, ' ');
      s += "    " + name + "  " + std::string(v.design) + "\n";
      // Where the design comes from (the registry's source), when it changes.
      if (v.source != source && !v.source.empty())
        s += wrap(std::string(w + 6, ' ') + "from " + std::string(v.source), kHelpWidth) + "\n";
      source = v.source;
    }
  }
  s += "\n";
  std::string boards = "Boards: a .dts or .dtb file, or a bundled board:";
  for (size_t i = 0; i < bundled_boards.size(); ++i) boards += (i ? ", " : " ") + bundled_boards[i];
  s += wrap(boards + ".", kHelpWidth) + "\n\n";
  s += wrap(
           "Exit status: 0 ok; 1 an expect failed (run, compare) or explore found a failure; 2 "
           "bad input (a bad scenario line, an unknown device, netdev, module, knob or option, a "
           "missing file); 3 a bug in lifeline.",
           kHelpWidth) +
       "\n\n";
  s += "Examples:\n"
       "  lifeline boot imx8mp-evk\n"
       "  lifeline run armada-388-clearfog-pro scenarios/s1-clearfog.scn --set phy-loss=replay\n"
       "  lifeline compare armada-388-clearfog-pro scenarios/s1-clearfog.scn --vary phy-loss\n"
       "  lifeline explore armada-388-clearfog-pro scenarios/race-ifup-unbind-clearfog.scn \\\n"
       "      --bound 1    # exits 1: it finds the race, and prints how to replay it\n"
       "  lifeline graph imx8mp-evk --format svg > imx8mp-evk.svg\n"
       "  lifeline audit armada-388-clearfog-pro\n"
       "  lifeline demo\n"
       "\n"
       "lifeline COMMAND --help explains a command and its options; docs/scenarios.md the "
       "scenario language.";
  return s;
}

const std::vector<CommandHelp>& command_help() {
  static const std::vector<CommandHelp> kHelp = {
      {"boot", "lifeline boot BOARD [OPTIONS]",
       "boot a board and show its devices, netdevs, device links, findings",
       "Boot BOARD and let it settle, then print the findings; the devices with their bus, "
       "driver, state (bound, deferred and why, as /sys/kernel/debug/devices_deferred says it, "
       "unbound) and probe attempts; the netdevs with admin state, carrier, link, PHY, AN mode, "
       "PCS and SFP; the device links with flags and state; the PHYs; the modules. Answers "
       "\"why does my board defer-probe, and who waits for whom?\"",
       "  lifeline boot imx8mp-evk\n"
       "  lifeline boot fsl-ls1028a-rdb --set probe=event\n"
       "  lifeline boot k3-am642-evm --phy-id /mdio-mux-1/mdio@1/ethernet-phy@3=0x2000a231\n"
       "  lifeline boot imx8mp-evk --json > boot.json"},
      {"run", "lifeline run BOARD SCENARIO [OPTIONS]",
       "boot, run a scenario, show the timeline, final state and findings",
       "Boot BOARD, run SCENARIO (a .scn file: docs/scenarios.md) and print the findings, each "
       "expect with PASS or FAIL (and what was there instead), the timeline ([time] task: event; "
       "scenario commands marked $, findings ***), the netdevs and PHYs at the end and what "
       "changed since boot. Exit status 1 when an expect failed.",
       "  lifeline run armada-388-clearfog-pro scenarios/s1-clearfog.scn\n"
       "  lifeline run armada-388-clearfog-pro scenarios/s1-clearfog.scn --set phy-loss=replay -v\n"
       "  lifeline run --replay FILE    (the command `lifeline explore` prints)\n"
       "  lifeline run armada-388-clearfog-pro scenarios/s3-clearfog.scn --graph s3.svg"},
      {"compare", "lifeline compare BOARD SCENARIO --vary KNOB=V1,V2,... [OPTIONS]",
       "run a scenario once per design and compare them in one table",
       "Run SCENARIO once per value of a knob and print one table with a column per value. "
       "Rows: findings by kind; expects failed; carrier after the provider (the first device or "
       "module the scenario unbinds or removes) left; netdevs lost that did not depend on it; "
       "recovered after it came back, and how long that took in virtual time; configuration "
       "(link settings) lost. Exit status 1 when an expect failed in any column.",
       "  lifeline compare armada-388-clearfog-pro scenarios/s1-clearfog.scn --vary phy-loss\n"
       "  lifeline compare bcm2711-rpi-4-b scenarios/s1-rpi4.scn "
       "--vary phy-loss=mainline,notify-down,replay"},
      {"explore", "lifeline explore BOARD SCENARIO [--strategy dfs|dpor|pct|random] [OPTIONS]",
       "search the schedules of a scenario's concurrently blocks for a failure",
       "Run SCENARIO under many schedules of its `concurrently` blocks. Stop at the first "
       "finding or failed expect, shrink the schedule to the fewest choices that still fail, "
       "print the failing run, and write a replay file that `lifeline run ... --replay FILE` "
       "shows again. Exit status 1 when something was found, 0 when the strategy explored every "
       "schedule within the bound, or spent its budget, without a failure.",
       "  lifeline explore armada-388-clearfog-pro scenarios/race-ifup-unbind-clearfog.scn \\\n"
       "      --strategy dfs --bound 1    # exits 1: it finds the race\n"
       "  lifeline explore armada-388-clearfog-pro scenarios/race-ifup-unbind-clearfog.scn \\\n"
       "      --strategy pct --bound 3 --budget 500 --seed 7    # exits 1: it finds the race\n"
       "  lifeline explore armada-388-clearfog-pro scenarios/race-ifup-unbind-clearfog.scn \\\n"
       "      --schedule-svg race.svg -v    # exits 1: it finds the race, and draws it"},
      {"merge", "lifeline merge FILE... [--replay-out FILE] [OPTIONS]",
       "one verdict from the shards of `explore --shard`",
       "Combine the JSON results of `lifeline explore ... --shard K/N`, one per shard K of N, "
       "into the verdict one `lifeline explore` would have given: found when a shard found, "
       "the first finding in the fixed order of the subtrees (its shrunk schedule, replayed "
       "on the board and scenario the shards name, and written to a replay file), the "
       "executions summed as explore counts them, exhausted when every shard was. Refuses "
       "(exit 2) shards of different scenarios, boards, knobs, strategies, bounds or "
       "budgets, and a shard missing or given twice. Exit status as explore's.",
       "  mpirun -np 4 lifeline explore armada-388-clearfog-pro \\\n"
       "      scenarios/race-ifup-unbind-clearfog.scn --bound 2 --shard mpi --shard-out s%K.json\n"
       "  lifeline explore armada-388-clearfog-pro scenarios/race-ifup-unbind-clearfog.scn \\\n"
       "      --bound 1 --shard 0/1 --shard-out s0.json && lifeline merge s0.json"
       "    # exits 1: it finds the race"},
      {"graph", "lifeline graph BOARD [--format dot|svg|json] [OPTIONS]",
       "the provider graph of a booted board, for Graphviz",
       "Print the provider graph of BOARD once booted, by link: one cluster per network link, "
       "left to right (netdev -> MAC -> PCS -> PHY -> MDIO bus -> controller; SFP cage -> "
       "module; DSA port -> switch -> conduit; PHY -> PSE controller), phandles by colour "
       "(phy-handle, sfp, pcs-handle, pses, DSA conduit), device states by colour with a legend "
       "(bound, deferred with its reason, unbound), and the suppliers that are not network "
       "providers (clocks, pinctrl, GPIO, regulators) folded into one node per cluster. --all "
       "draws every device and every device link with its flags.",
       "  lifeline graph imx8mp-evk | dot -Tpng > imx8mp-evk.png\n"
       "  lifeline graph imx8mp-evk --format svg > imx8mp-evk.svg\n"
       "  lifeline graph fsl-ls1028a-rdb --all --format json"},
      {"audit",
       "lifeline audit BOARD [--print-scenarios] [--cell ID] [-j N] [--html FILE] [--explore "
       "[--budget N]] [OPTIONS]",
       "every provider of a board taken away, under every design, in one report",
       "Boot BOARD, find its providers (each PHY, MDIO controller, MAC driver, DSA switch, SFP "
       "cage, PCS provider and PSE controller that a netdev uses) and run, for each, the "
       "lifecycle templates (unbound while its consumers are up with link; while they are "
       "down, then ifup; unbound and bound again; its module removed; a cage's module pulled "
       "and inserted again; a PSE controller's PHYs removed while it is gone) under every "
       "value of the knob of its designs. Prints one matrix "
       "per provider kind (rows: provider and template; columns: designs; cells: outcome class "
       "and reason), the worst cells with the commands that show each, and a summary line per "
       "design. --print-scenarios prints the generated scenarios instead of running them (each "
       "one runs again with `lifeline run`); --cell ID keeps one cell; -j N runs N at once "
       "(default: every core); --html FILE writes one self-contained page (the graph, the "
       "matrices, every cell's timeline); --explore also runs the explorer (dpor, --budget N "
       "executions, default 48) on each template's racing variant (ifup racing the removal).",
       "  lifeline audit armada-388-clearfog-pro\n"
       "  lifeline audit armada-8040-mcbin --html mcbin.html\n"
       "  lifeline audit armada-388-clearfog-pro --print-scenarios \\\n"
       "      --cell phy/f1072004.mdio-mii:00/up/mainline > cell.scn"},
      {"kernel-check", "lifeline kernel-check BOARD SCENARIO [OPTIONS]",
       "the scenario on Linux 6.12 in QEMU and on the model, compared",
       "Play SCENARIO on the real kernel and on the model, and compare them. The guest is "
       "Debian's Linux 6.12 arm64 kernel (or --kernel) on QEMU's xlnx-versal-virt machine "
       "(macb with phylink and QEMU's Marvell 88E1111), booted with init_on_free=1; the Debian "
       "packages are fetched once into a cache through a private apt configuration. Each "
       "scenario command becomes the shell command a user would type in the guest; after every "
       "wait, settle and expect the guest's state is observed. The table compares each step's "
       "result, each check point (netdevs, carrier, operstate, link, attached PHY, the driver "
       "of each PHY) and each finding class (WARN by function, oops by top frame, hung task). "
       "Exit 0 when they agree, 1 when they differ, 2 for bad input or a harness failure. "
       "docs/kernel-check.md says what it checks and its limits.",
       "  lifeline kernel-check xlnx-versal-virt scenarios/kernel-check/s1-versal.scn\n"
       "  lifeline kernel-check xlnx-versal-virt scenarios/kernel-check/s3-versal.scn --repeat 3\n"
       "  lifeline kernel-check xlnx-versal-virt my.scn --kernel arch/arm64/boot/Image \\\n"
       "      --modules /tmp/mods/lib/modules/6.12.0"},
      {"demo", "lifeline demo [OPTIONS]",
       "the bundled ClearFog Pro scenario across every phy-loss design",
       "Compare the bundled ClearFog Pro board and scenario (the PHY under a running interface "
       "is unbound and bound again) across every phy-loss design: today's mainline and each "
       "design proposed on netdev. No arguments; this is what `make demo` runs.",
       "  lifeline demo\n"
       "  lifeline demo --json"},
  };
  return kHelp;
}

const CommandHelp& command_help(std::string_view name) {
  for (const CommandHelp& h : command_help())
    if (h.name == name) return h;
  return command_help().front();
}

}  // namespace lifeline::cli
