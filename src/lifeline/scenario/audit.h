// SPDX-License-Identifier: GPL-2.0-only
// `lifeline audit BOARD`: every provider of a booted board taken away, under
// every design of the knob that concerns it, in one report.
//
// The audit is generic over provider kinds. A kind is one row of
// provider_kinds() (audit_kinds.cc):
//   (a) which devices of the booted model are its providers (is_provider,
//       read from the model's devices, drivers and netdevs, never from a
//       board's name) and, when the default rule does not fit, which netdevs
//       consume one (consumers);
//   (b) its lifecycle templates: scenarios in the ordinary language
//       (docs/scenarios.md), generated per provider (audit_templates.cc);
//   (c) the knob whose values are its columns; every other knob stays at
//       its default.
// Adding a provider kind (an SFP cage: knob sfp-lock, a PCS: pcs, a PSE
// controller: pse) is one row in kKinds plus, for lifecycle steps the
// driver-unbind templates do not cover (a module pulled from a cage and
// reinserted), its templates in audit_templates.cc. The outcome of a cell
// (audit_outcome.cc) is read from the run's result only: findings, the
// netdevs and links the provider took, what came back.
#ifndef LIFELINE_SCENARIO_AUDIT_H_
#define LIFELINE_SCENARIO_AUDIT_H_

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lifeline/scenario/run_result.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::core {
class Device;
}
namespace lifeline::net {
class Net;
class NetDevice;
}  // namespace lifeline::net

namespace lifeline::scenario {

// A provider found on the booted board.
struct AuditProvider {
  std::string kind;    // its ProviderKind's name ("phy", "mdio", "mac", "dsa", "sfp", "pcs", "pse")
  std::string device;  // kernel device name
  // What the templates unbind and bind: the device name, or its node's path
  // where another device has the same name (an ENETC MDIO function and its
  // mii_bus are both 0000:00:00.3).
  std::string target;
  std::string label;   // "&phy0": the first label of its node, "" when none
  std::string driver;  // the driver bound after boot
  // That driver's module ("" for phylib's own drivers, libphy). The boot
  // profile builds every module in; the rmmod template loads it from the
  // root file system instead, as a distribution kernel does.
  std::string module;
  std::vector<std::string> consumers;  // the netdevs that use it, in allocation order
  // The netdevs that use any device bound to a driver of `module`: what an
  // rmmod may take with it besides the provider's own consumers.
  std::vector<std::string> module_consumers;
  // Its driver hides the sysfs bind/unbind files (suppress_bind_attrs: the
  // RZ/N1 MIIC): only rmmod takes it away.
  bool unbind_hidden = false;
  // Lines before the consumers' cables are plugged: a module in each cage
  // on a consumer's port ("sfp &sfp0 insert fiber-10gbase-r"), since phylink
  // holds such a port down until a module clears PHYLINK_DISABLE_LINK.
  std::vector<std::string> setup;
  // An SFP cage: how the `sfp` command names it and the module profile its
  // templates pull and insert again (the one `setup` inserts).
  std::string cage, cage_module;
  // A PSE controller: the admin control its type takes
  // ("podl-pse-admin-control"), and the devices whose unbind removes the
  // consumers' PHYs (their MDIO controllers), which puts the pse_control
  // each PHY holds (phy_device_remove() -> pse_control_put()).
  std::string pse_control;
  std::vector<std::string> holders;
};

// One lifecycle template: a scenario's actions for a provider.
struct AuditTemplate {
  const char* name;   // "up", "down", "rebind", "rmmod"
  const char* title;  // "unbound while its consumers are up with link"
  // Configuration lines before `boot` ("module marvell late 1s"), or null.
  std::string (*config)(const AuditProvider& p);
  // It removes the driver's module, and with it every device of its drivers
  // (a netdev those use is not "unrelated" when it goes).
  bool takes_module;
  // The actions after `boot`, or "" when the template does not apply to
  // this provider (rmmod of a driver built into the kernel).
  std::string (*actions)(const AuditProvider& p);
  // The provider's driver stays bound: what leaves is the hardware it
  // drives (a module pulled from its cage). The run's metrics see no
  // provider leave; the template's probes (its expects) say what came back.
  bool physical;
  // The same actions with the first removal racing an ifup of each consumer
  // in one `concurrently` block, for `--explore`; null or "" when the
  // template has no such variant.
  std::string (*concurrent)(const AuditProvider& p);
};

struct ProviderKind {
  const char* name;   // "phy"
  const char* title;  // "PHYs", the matrix's heading
  const char* knob;   // the knob whose every value is a column
  // Is `d`, a registered device of the booted model, a provider of this kind?
  bool (*is_provider)(const core::Device& d, const net::Net& n);
  // The netdevs that use provider `d`; null: those whose PHY (attached, or
  // named by their node's phy-handle) or owning device is `d` or below it.
  std::vector<const net::NetDevice*> (*consumers)(const core::Device& d, const net::Net& n);
  std::span<const AuditTemplate> templates;
};
std::span<const ProviderKind> provider_kinds();
const ProviderKind* find_provider_kind(std::string_view name);

// Templates shared by every kind whose providers are drivers bound to
// devices (audit_templates.cc), and those of the kinds with lifecycle steps
// of their own: a cage's module pulled and inserted again, a PSE
// controller's PHYs removed while it is gone.
std::span<const AuditTemplate> driver_templates();
std::span<const AuditTemplate> sfp_templates();
std::span<const AuditTemplate> pse_templates();

// The outcome of a cell, from worst to best.
enum class OutcomeClass {
  kDeadlock,       // the run stopped: deadlock, hung task, oops in the scenario, ...
  kCrash,          // oops or use-after-free
  kFinding,        // another finding: WARN, lockdep, refcount, invariant
  kNetdevsLost,    // netdevs that did not use the provider went with it
  kLinkLost,       // a consumer lost its link (or netdev) and did not get it back by itself
  kRecoveredIfup,  // back only after the user's ifdown/ifup
  kRecovered,      // lost, and back by itself once the provider returned
  kSurvives,       // nothing lost
  kRefused,        // the removal was refused (rmmod of a module in use)
  kNotRun,         // the cell's scenario could not run on this board (a netdev it names is absent)
};
const char* outcome_class_name(OutcomeClass c);  // "deadlock", "crash", ...

// What a cell's run did, as facts the reports and the agreement test read.
struct AuditOutcome {
  OutcomeClass cls = OutcomeClass::kSurvives;
  std::string reason;                 // "link back in 2.1s", "3 netdevs lost (eth1 eth2 eth3)"
  std::vector<std::string> findings;  // "use-after-free in phy_detach", one per finding
  std::string stopped;  // "deadlock in rtnl_lock at line 9", "" when it ran to its end
  bool provider_left = false;
  std::vector<std::string> netdevs_lost;      // registered before it left, gone after
  std::vector<std::string> unrelated_lost;    // ... of those, netdevs that did not use it
  std::vector<std::string> netdevs_not_back;  // lost and still absent at the end
  std::vector<std::string> carrier_lost;      // consumers with carrier before, none after it left
  std::vector<std::string> carrier_kept;      // consumers with carrier before and after it left
  bool provider_back = false;
  bool link_back_by_itself = false;  // every lost link back before the user's ifdown/ifup
  std::optional<sim::Time> recovery_time;
  std::string refused;  // the errno name when the removal was refused ("EBUSY")
  std::string not_run;  // why the scenario could not run, as `lifeline run` says it
};
AuditOutcome audit_outcome(const RunResult& r, const AuditProvider& p, const AuditTemplate& t);
// A finding as the cells name it: its kind and the model function that hit
// it ("use-after-free in __pse_control_release", "livelock in
// deferred_probe_work_func").
std::string audit_finding_text(const sim::Finding& f);

// `--explore`: the bounded explorer run of a cell's racing variant.
struct AuditExplore {
  std::string scenario;  // the racing variant, as `--explore --print-scenarios` prints it
  std::string strategy;
  uint64_t budget = 0;
  uint64_t executions = 0;
  bool complete = false;  // every schedule there is was tried
  bool found = false;     // a schedule with a finding the default schedule does not have
  std::vector<std::string> findings;  // the failing schedule's, "oops in phy_attach_direct"
  std::optional<OutcomeClass> cls;    // kCrash, kFinding or kDeadlock when found
  size_t choices = 0;                 // the shrunk failing schedule's length
  bool decides = false;  // the cell's class and reason are the racing schedule's (worse)
};

struct AuditCell {
  std::string id;       // "phy/f1072004.mdio-mii:00/up/notify-down": --cell ID
  size_t provider = 0;  // index in AuditResult::providers
  std::string template_name;
  std::string value;     // the knob's value in this cell
  std::string scenario;  // the cell's scenario text, as --print-scenarios prints it
  AuditOutcome outcome;
  RunResult run;                        // with its timeline and final state
  std::optional<AuditExplore> explore;  // --explore, for a template with a racing variant
};

struct AuditOptions {
  RunOptions run;  // --set knobs (not a knob a kind varies), --phy-id
  // -j: worker threads at most (0: every core); a small audit uses fewer,
  // as each extra thread loads its own copy of the board.
  unsigned jobs = 0;
  std::vector<std::string> only_cells;  // --cell ID: generate (and run) only these cells
  // --explore: each template with a racing variant also runs it under the
  // explorer (strategy, at most `explore_budget` executions): the same
  // input, the same schedules, the same result.
  bool explore = false;
  std::string explore_strategy = "dpor";
  uint64_t explore_budget = 48;
  // Called after each cell, from the thread that ran it, under a lock.
  std::function<void(size_t done, size_t total)> progress;
};

struct AuditResult {
  std::string board;
  std::vector<AuditProvider> providers;   // kind order of provider_kinds(), then device order
  std::vector<AuditProvider> unconsumed;  // providers no netdev uses: nothing to audit
  std::vector<AuditCell> cells;           // provider, template, value order
};

// Boots the board and finds its providers, kind by kind; those no netdev
// uses go to `unconsumed`.
std::vector<AuditProvider> discover_providers(const Board& board, const RunOptions& options,
                                              std::vector<AuditProvider>& unconsumed);
// The cells: every template of each provider under every value of its
// kind's knob, with their scenarios (and, with `explore`, the racing
// variants); nothing runs.
AuditResult plan_audit(const Board& board, const AuditOptions& options);
// plan_audit(), then every cell run, in parallel on `jobs` threads (each
// with its own engine and its own copy of the board).
AuditResult run_audit(const Board& board, const AuditOptions& options);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_AUDIT_H_
