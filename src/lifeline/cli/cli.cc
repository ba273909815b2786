// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/cli.h"

#include "lifeline/cli/args.h"
#include "lifeline/cli/commands.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const Backend& backend) {
  try {
    Parsed p = parse_args(args, backend.bundled_boards(), out);
    if (!p.args) return p.exit;
    Context c{*p.args, backend, out, err};
    const std::string& cmd = p.args->command;
    if (cmd == "boot") return cmd_boot(c);
    if (cmd == "run") return cmd_run(c);
    if (cmd == "compare") return cmd_compare(c);
    if (cmd == "explore") return cmd_explore(c);
    if (cmd == "graph") return cmd_graph(c);
    if (cmd == "audit") return cmd_audit(c);
    if (cmd == "kernel-check") return cmd_kernel_check(c);
    if (cmd == "merge") return cmd_merge(c);
    return cmd_demo(c);
  } catch (const sim::UserError& e) {
    out.flush();
    err << "lifeline: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    // Not the user's fault: say so, rather than abort() with a bare what().
    out.flush();
    err << "lifeline: internal error (a bug in lifeline; please report it with the command "
           "line): "
        << e.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace lifeline::cli
