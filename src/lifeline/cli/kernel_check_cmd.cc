// SPDX-License-Identifier: GPL-2.0-only
// `lifeline kernel-check BOARD SCENARIO`: the scenario on Linux in QEMU and
// on the model, compared (scenario/kernel_check.h).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/commands.h"
#include "lifeline/cli/kernel_check_guest.h"
#include "lifeline/cli/options.h"
#include "lifeline/report/kernel_check_text.h"
#include "lifeline/scenario/kernel_check.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

// The guest's watchdog: how long one step may take before the guest lists
// its blocked tasks and powers off.
constexpr int kStepWatchdogS = 40;

bool is_versal(const scenario::Board& b) { return b.name.rfind("xlnx-versal-virt", 0) == 0; }

}  // namespace

int cmd_kernel_check(const Context& c) {
  const Args& a = c.args;
  scenario::RunOptions o = run_options(a);
  scenario::Board board = c.backend.load_board(a.positionals[0]);
  if (!is_versal(board))
    throw sim::UserError(
        "kernel-check boots one machine, QEMU's xlnx-versal-virt: BOARD must be "
        "xlnx-versal-virt or xlnx-versal-virt-shared-mdio (or a device tree of "
        "that machine named so), not '" +
        board.name + "'");
  if (a.positionals.size() < 2)
    throw sim::UserError(
        "kernel-check: expected BOARD and SCENARIO; usage: lifeline kernel-check "
        "BOARD SCENARIO [OPTIONS]");
  scenario::Scenario scn = c.backend.load_scenario(a.positionals[1]);
  scenario::GuestScript script = scenario::translate_for_guest(scn);
  int repeat = a.repeat ? static_cast<int>(parse_number("--repeat", *a.repeat, 1)) : 1;
  bool init_on_free = !a.no_init_on_free;
  // The guest boots with init_on_free=1: the model frees memory the same way.
  if (!o.knobs.count("CONFIG_INIT_ON_FREE_DEFAULT_ON"))
    o.knobs["CONFIG_INIT_ON_FREE_DEFAULT_ON"] = init_on_free ? "y" : "n";

  bool show = !a.json && isatty(STDERR_FILENO);
  auto progress = [&](const std::string& line) {
    if (show) c.err << "kernel-check: " << line << "\n" << std::flush;
  };

  // The model first: bad input in the scenario is found before any download.
  progress("running the scenario on the model");
  scenario::SideRun model = scenario::model_side(board, scn, script, o);
  scenario::RunResult booted = c.backend.boot(board, o);
  size_t netdevs = 0;
  for (const auto& n : booted.after_boot.netdevs)
    if (n.registered) ++netdevs;

  std::vector<scenario::SideRun> kernel;
  std::string cmdline = "init_on_free=" + std::string(init_on_free ? "1" : "0");
  try {
    GuestSetup setup;
    setup.cache = a.cache ? *a.cache : default_kernel_check_cache();
    setup.kernel = a.kernel.value_or("");
    setup.modules = a.modules.value_or("");
    setup.progress = progress;
    std::string out = prepare_guest(setup);
    std::string logs = a.log_dir ? *a.log_dir : setup.cache + "/logs";
    std::filesystem::create_directories(logs);
    std::string append = cmdline + " lk.wd=" + std::to_string(kStepWatchdogS) +
                         " lk.netdevs=" + std::to_string(netdevs);
    int timeout = 90 + static_cast<int>(script.budget_s) + 2 * kStepWatchdogS;
    for (int i = 1; i <= repeat; ++i) {
      progress("booting Linux in QEMU, run " + std::to_string(i) + " of " + std::to_string(repeat) +
               " (" + std::to_string(script.steps.size()) + " steps)");
      std::string log_path = logs + "/" + board.name + "-" +
                             std::filesystem::path(scn.file).stem().string() + "-" +
                             std::to_string(i) + ".log";
      auto on_step = [&](int n) {
        if (n < 1 || static_cast<size_t>(n) > script.steps.size()) return;
        const scenario::GuestStep& st = script.steps[static_cast<size_t>(n) - 1];
        progress("step " + std::to_string(n) + " of " + std::to_string(script.steps.size()) + ": " +
                 st.text);
      };
      std::string log = boot_guest(out, board.path, script.shell, append, timeout, log_path,
                                   show ? std::function<void(int)>(on_step) : nullptr);
      scenario::SideRun k = scenario::parse_kernel_log(log, script);
      if (!k.booted)
        throw GuestError{"the guest did not reach the scenario; its serial log is " + log_path};
      progress("log: " + log_path);
      kernel.push_back(std::move(k));
    }
  } catch (const GuestError& e) {
    c.out.flush();
    c.err << "lifeline: kernel-check: " << e.message << "\n";
    return kExitBadInput;
  }
  scenario::KernelCheckResult r = scenario::compare_sides(kernel, model, script);
  r.board = board.path;
  r.scenario = scn.file;
  r.knobs = booted.knobs;
  r.cmdline = cmdline;
  if (a.json)
    c.out << report::kernel_check_json(r);
  else
    c.out << report::format_kernel_check(r);
  return r.agree() ? kExitOk : kExitFailed;
}

}  // namespace lifeline::cli
