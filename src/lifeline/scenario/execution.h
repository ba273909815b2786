// SPDX-License-Identifier: GPL-2.0-only
// One execution of a scenario on a board: the program an engine runs (an
// init task that boots the board, a scenario task that runs the commands)
// and what it observed. The same Execution runs many times when exploring.
#ifndef LIFELINE_SCENARIO_EXECUTION_H_
#define LIFELINE_SCENARIO_EXECUTION_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lifeline/net/system.h"
#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/run_result.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/completion.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::core {
class Device;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {
class NetDevice;
}

namespace lifeline::scenario {

class Resolver;

class Execution {
 public:
  // Validates the scenario's configuration against the board (knobs,
  // phy-id nodes); bad input is a sim::UserError.
  Execution(const Board& board, const Scenario& scenario, const RunOptions& options);
  ~Execution();

  // Spawns the tasks into a freshly reset engine.
  void setup(sim::Engine& e);
  // After Engine::run(): the user error the run hit (rethrow it), if any.
  const std::optional<sim::UserError>& user_error() const { return user_error_; }
  // Findings, or a failed expect.
  bool failed(const sim::Engine& e) const;
  RunResult result(const sim::Engine& e) const;

 private:
  struct NetdevBefore {
    std::string name;
    bool carrier = false;
    std::string link;
    bool depends = false;
  };

  void init_main();
  void scenario_main();
  void run_commands(const std::vector<Command>& commands, bool in_thread = false);
  void execute(const Command& command);
  void settle();
  void expect(const Command& command, const Expect& e);
  // check/invariants.h: every invariant at a quiescent point, only those
  // that hold at every step otherwise.
  void check_invariants(bool quiescent = true);
  void report_invariant(const std::string& message);
  void provider_leaving(core::Device* dev, core::Module* mod);
  void provider_back();
  void sample_after_left();
  void finish_metrics();
  int command_error(const Command& command, int err, const std::string& what);

  const Board& board_;
  const Scenario& scenario_;
  RunOptions options_;
  net::SystemOptions system_options_;
  std::map<std::string, Loc> module_locs_;

  // Per execution.
  net::System* system_ = nullptr;
  std::unique_ptr<Resolver> resolver_;
  sim::Completion booted_;
  bool boot_ok_ = false;
  std::optional<sim::UserError> user_error_;
  std::vector<ExpectResult> expects_;
  std::set<std::string> invariants_reported_;
  check::Snapshot after_boot_, final_state_;
  ProviderMetrics metrics_;
  bool pending_after_left_ = false;
  std::vector<NetdevBefore> before_left_;
  // netdev name -> times its carrier came on.
  std::map<std::string, std::vector<sim::Time>> carrier_on_times_;
  sim::Time scenario_start_ = 0;
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_EXECUTION_H_
