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
#include <span>
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
  // Findings, a failed expect or step, or a run that did not reach its end.
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
  // Runs commands in order until one fails or the run stops; false then.
  // `background`: a task of a concurrently block, whose failures do not stop
  // the run (as a shell's background jobs).
  bool run_commands(std::span<const Command> commands, bool background);
  // Returns the command's error (a negative errno), 0 when it succeeded.
  int execute(const Command& command);
  // execute() in a task of its own, as a shell runs a command in a process;
  // -EFAULT when an oops killed it.
  int run_in_process(const Command& command, const std::string& name);
  // False when the system was still changing at the settle bound.
  bool settle();
  void expect(const Command& command, const Expect& e);
  void expect_fail(const Command& command, const ExpectFail& f, ExpectResult& res);
  void stop(StopReason reason, const Command& at, std::string detail);
  // Why the engine ended the run before the scenario's end.
  RunStop engine_stop(const sim::Engine& e) const;
  std::vector<ExpectResult> not_reached() const;
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
  std::vector<FailedStep> failed_steps_;
  std::optional<RunStop> stop_;       // a stop the scenario task saw (failed step, settle bound)
  const Command* current_ = nullptr;  // the scenario task's command
  const sim::Task* scenario_task_ = nullptr;
  bool finished_ = false;   // the scenario task ran its last command
  std::string last_error_;  // what the last failed command printed
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
