// SPDX-License-Identifier: GPL-2.0-only
// The audit's discovery (one boot, read while the model is alive), its plan
// (a scenario per provider, template and knob value) and its runs, in
// parallel. Each worker thread has its own engine (runner_engine() is per
// thread, as is every "current" pointer of the model: the engine, the
// kernel, the net, the DSA switches) and its own copy of the board, because
// a run writes into its board's firmware tree (fwnode->dev, memos).
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/knobs.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/scenario/audit.h"
#include "lifeline/scenario/execution.h"
#include "lifeline/scenario/parser.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

bool below(const core::Device* anc, const core::Device* d) {
  for (; d; d = d->parent)
    if (d == anc) return true;
  return false;
}

// The PHY a netdev uses, or would use (its node's phy-handle), as
// scenario/metrics.cc reads it.
const core::Device* phy_of(const net::NetDevice* nd) {
  if (net::PhyDevice* p = nd->phydev.get(); p && !p->freed()) return p;
  if (!nd->of_node) return nullptr;
  core::FwNode* phy = net::fwnode_get_phy_node(nd->of_node);
  return phy && phy->dev && !phy->dev->freed() ? phy->dev : nullptr;
}

// The default consumer rule: a netdev uses a provider when its PHY or its
// owning device is the provider or below it, and a DSA user port uses what
// its CPU port's conduit uses (the conduit going away closes it).
bool uses(const core::Device& d, const net::NetDevice* nd, int depth = 0) {
  if (below(&d, phy_of(nd)) || below(&d, nd->parent)) return true;
  if (depth > 4) return false;
  if (const net::DsaPort* dp = net::dsa_user_to_port(nd); dp && dp->cpu_dp && dp->cpu_dp->conduit)
    return uses(d, dp->cpu_dp->conduit, depth + 1);
  return false;
}

std::vector<const net::NetDevice*> default_consumers(const core::Device& d, const net::Net& n) {
  std::vector<const net::NetDevice*> out;
  for (const net::NetDevice* nd : n.netdevs)
    if (!nd->freed() && nd->reg_state == net::NetregState::NETREG_REGISTERED && uses(d, nd))
      out.push_back(nd);
  return out;
}

// How a scenario names a node: its first label, else its path.
std::string node_ref(const core::FwNode* node) {
  return node->labels.empty() ? node->full_path : "&" + node->labels.front();
}

// The module a cage on a port carrying `interface` gets: one its upstream
// accepts (sfp_select_interface() finds that interface in its modes).
const char* module_for(net::phy_interface_t interface) {
  switch (interface) {
    case net::PHY_INTERFACE_MODE_10GBASER:
    case net::PHY_INTERFACE_MODE_5GBASER:
    case net::PHY_INTERFACE_MODE_USXGMII:
      return "fiber-10gbase-r";
    case net::PHY_INTERFACE_MODE_2500BASEX:
      return "fiber-2500base-x";
    default:
      return "fiber-1000base-x";
  }
}

// The cage on a netdev's port (pl->sfp_bus), if it has one.
const core::FwNode* cage_of(const net::NetDevice* nd, const net::Phylink** pl_out) {
  const net::Phylink* pl = nd->phylink;
  if (const net::DsaPort* dp = net::dsa_user_to_port(nd); !pl && dp) pl = dp->pl;
  *pl_out = pl;
  return pl && pl->sfp_bus ? pl->sfp_bus->fwnode : nullptr;
}

// What the templates need of the provider besides its consumers: a module
// in each cage on a consumer's port, the cage's own module, the PSE type.
void describe(AuditProvider& p, const core::Device& d,
              const std::vector<const net::NetDevice*>& consumers) {
  p.unbind_hidden = d.driver->suppress_bind_attrs;
  std::set<const core::FwNode*> cages;
  for (const net::NetDevice* nd : consumers) {
    const net::Phylink* pl = nullptr;
    const core::FwNode* cage = cage_of(nd, &pl);
    if (!cage || !cages.insert(cage).second) continue;
    const char* module = module_for(pl->link_interface);
    p.setup.push_back("sfp " + node_ref(cage) + " insert " + module);
    if (cage == d.fwnode) p.cage_module = module;
  }
  if (d.fwnode && dt::is_sfp_cage(*d.fwnode)) {
    p.cage = node_ref(d.fwnode);
    // A cage whose upstream is a PHY (the 88X3310 hosting its own cage)
    // takes the module that PHY's host side carries.
    if (p.cage_module.empty()) {
      p.cage_module = module_for(net::PHY_INTERFACE_MODE_10GBASER);
      for (const net::NetDevice* nd : consumers)
        if (nd->phylink) p.cage_module = module_for(nd->phylink->link_interface);
      // The templates play with the module in it, as on a MAC's cage.
      p.setup.push_back("sfp " + p.cage + " insert " + p.cage_module);
    }
  }
  if (d.fwnode && dt::is_pse_controller(*d.fwnode)) {
    p.pse_control = "podl-pse-admin-control";
    std::set<std::string> holders;
    for (const net::NetDevice* nd : consumers) {
      net::PhyDevice* phy = nd->phydev.get();
      if (!phy || phy->freed()) continue;
      if (net::PseControl* c = phy->psec.get(); c && !c->freed())
        if (net::PseControllerDev* pc = c->pcdev.get(); pc && !pc->freed())
          if (!(pc->types & net::ETHTOOL_PSE_PODL) && (pc->types & net::ETHTOOL_PSE_C33))
            p.pse_control = "c33-pse-admin-control";
      if (net::MiiBus* bus = phy->bus.get(); bus && bus->parent_dev && bus->parent_dev->fwnode)
        if (holders.insert(bus->parent_dev->fwnode->full_path).second)
          p.holders.push_back(bus->parent_dev->fwnode->full_path);
    }
  }
}

std::vector<AuditProvider> read_providers(std::vector<AuditProvider>& unconsumed) {
  std::vector<AuditProvider> out;
  core::Kernel* k = core::Kernel::current_or_null();
  net::Net* n = net::Net::current_or_null();
  if (!k || !n) return out;
  for (const ProviderKind& kind : provider_kinds()) {
    for (const core::Device* d : k->devices) {
      if (d->freed() || !d->registered || !d->driver) continue;
      if (!kind.is_provider(*d, *n)) continue;
      AuditProvider p;
      p.kind = kind.name;
      p.device = d->name();
      p.target = p.device;
      for (const core::Device* o : k->devices)
        if (o != d && !o->freed() && o->registered && o->name() == d->name() && d->fwnode)
          p.target = d->fwnode->full_path;
      if (d->fwnode && !d->fwnode->labels.empty()) p.label = "&" + d->fwnode->labels.front();
      p.driver = d->driver->name();
      // phylib itself (libphy, whose generic drivers bind where no other
      // does) is what every PHY and MAC driver links against: not a module
      // of this provider's own.
      if (const core::Module* m = d->driver->owner; m && m != n->libphy) p.module = m->name();
      auto consumers = kind.consumers ? kind.consumers(*d, *n) : default_consumers(*d, *n);
      for (const net::NetDevice* nd : consumers) p.consumers.push_back(nd->name());
      describe(p, *d, consumers);
      if (const core::Module* m = d->driver->owner; m && !p.module.empty())
        for (const net::NetDevice* nd : n->netdevs) {
          if (nd->freed() || nd->reg_state != net::NetregState::NETREG_REGISTERED) continue;
          for (const core::Device* o : k->devices)
            if (!o->freed() && o->driver && o->driver->owner == m && uses(*o, nd)) {
              p.module_consumers.push_back(nd->name());
              break;
            }
        }
      // A provider nobody consumes has no template to play.
      (p.consumers.empty() ? unconsumed : out).push_back(std::move(p));
    }
  }
  return out;
}

std::vector<std::string> knob_values(const char* knob) {
  const net::KnobInfo* k = net::find_knob(knob);
  std::vector<std::string> v;
  if (!k || !k->modelled) return {k ? std::string(k->default_value) : "mainline"};
  for (const net::KnobValue& x : k->values) v.emplace_back(x.name);
  return v;
}

std::string cell_scenario(const std::string& board, const AuditCell& c, const AuditProvider& p,
                          const ProviderKind& kind, const AuditTemplate& t,
                          const std::string& actions, const RunOptions& o, bool racing = false) {
  std::string config = t.config ? t.config(p) : "";
  std::string s = "# SPDX-License-Identifier: GPL-2.0-only\n";
  s += "# lifeline audit " + board + ", cell " + c.id + (racing ? ", racing variant" : "") + "\n";
  s += fmt::format("# {} {}{}: {}, under {}={}\n", kind.name, p.device,
                   p.label.empty() ? "" : " (" + p.label + ")", t.title, kind.knob, c.value);
  if (racing)
    s += "# --explore: the consumers' ifup racing the removal; `lifeline explore` tries the\n"
         "# interleavings of the concurrently block.\n";
  if (net::find_knob(kind.knob) && net::find_knob(kind.knob)->modelled)
    s += fmt::format("set {} {}\n", kind.knob, c.value);
  for (const auto& [knob, value] : o.knobs) s += "set " + knob + " " + value + "\n";
  return s + config + "boot\n" + actions;
}

constexpr uint64_t kCellMaxSteps = 1'000'000;

bool is_stop(const sim::Finding& f) {
  return f.kind == sim::FindingKind::kDeadlock || f.kind == sim::FindingKind::kHungTask;
}

// The explorer on the cell's racing variant: the findings of a schedule
// other than the default one, and the cell's class when they are worse than
// what the default schedule of the plain template found.
void explore_cell(const Board& board, AuditCell& c, const AuditOptions& options) {
  AuditExplore& e = *c.explore;
  Scenario s = parse_scenario(e.scenario, c.id + ".race.scn");
  ExploreOptions eo;
  eo.strategy = e.strategy;
  eo.budget = e.budget;
  eo.run = options.run;
  eo.run.trace = false;
  ExploreResult x = explore_scenario(board, s, eo);
  e.executions = x.executions;
  e.complete = x.complete;
  if (!x.found || x.failing.findings.empty()) return;
  e.found = true;
  e.choices = x.ranks.size();
  std::set<std::string> seen;
  OutcomeClass worst = OutcomeClass::kFinding;
  for (const sim::Finding& f : x.failing.findings) {
    std::string text = audit_finding_text(f);
    if (seen.insert(text).second) e.findings.push_back(text);
    if (f.kind == sim::FindingKind::kOops || f.kind == sim::FindingKind::kUseAfterFree)
      worst = std::min(worst, OutcomeClass::kCrash);
    if (is_stop(f)) worst = OutcomeClass::kDeadlock;
  }
  e.cls = worst;
  if (worst < c.outcome.cls) {
    e.decides = true;
    c.outcome.cls = worst;
    c.outcome.reason =
        e.findings.front() + " when ifup races the removal; without the race: " + c.outcome.reason;
  }
}

}  // namespace

std::vector<AuditProvider> discover_providers(const Board& board, const RunOptions& options,
                                              std::vector<AuditProvider>& unconsumed) {
  Scenario s = parse_scenario("boot\n", "audit-discovery");
  RunOptions quiet = options;
  quiet.trace = false;
  Execution ex(board, s, quiet);
  sim::Engine engine;
  sim::EngineOptions eo;
  eo.record_trace = false;
  engine.reset(eo);
  ex.setup(engine);
  engine.run();
  if (ex.user_error()) {
    sim::UserError err = *ex.user_error();
    engine.reset();
    throw err;
  }
  std::vector<AuditProvider> providers = read_providers(unconsumed);
  engine.reset();
  return providers;
}

AuditResult plan_audit(const Board& board, const AuditOptions& options) {
  for (const ProviderKind& kind : provider_kinds())
    if (options.run.knobs.count(kind.knob))
      throw sim::UserError(
          fmt::format("--set {}={}: knob '{}' is what audit varies for {}; leave it out", kind.knob,
                      options.run.knobs.at(kind.knob), kind.knob, kind.title));
  AuditResult r;
  r.board = board.name;
  r.providers = discover_providers(board, options.run, r.unconsumed);
  for (size_t i = 0; i < r.providers.size(); ++i) {
    const AuditProvider& p = r.providers[i];
    const ProviderKind& kind = *find_provider_kind(p.kind);
    for (const AuditTemplate& t : kind.templates) {
      std::string actions = t.actions(p);
      if (actions.empty()) continue;
      for (const std::string& v : knob_values(kind.knob)) {
        AuditCell c;
        c.id = p.kind + "/" + p.device + "/" + t.name + "/" + v;
        if (!options.only_cells.empty() &&
            std::find(options.only_cells.begin(), options.only_cells.end(), c.id) ==
                options.only_cells.end())
          continue;
        c.provider = i;
        c.template_name = t.name;
        c.value = v;
        c.scenario = cell_scenario(board.name, c, p, kind, t, actions, options.run);
        if (std::string race = t.concurrent ? t.concurrent(p) : "";
            options.explore && !race.empty()) {
          AuditExplore e;
          e.strategy = options.explore_strategy;
          e.budget = options.explore_budget;
          e.scenario = cell_scenario(board.name, c, p, kind, t, race, options.run, true);
          c.explore = std::move(e);
        }
        r.cells.push_back(std::move(c));
      }
    }
  }
  for (const std::string& id : options.only_cells) {
    bool found = false;
    for (const AuditCell& c : r.cells) found |= c.id == id;
    if (!found)
      throw sim::UserError("--cell " + id +
                           ": no such cell on this board (audit --print-scenarios lists them)");
  }
  return r;
}

AuditResult run_audit(const Board& board, const AuditOptions& options) {
  AuditResult r = plan_audit(board, options);
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Each thread beyond the first loads its own copy of the board (dtc and
  // the tree's indexes: about as long as some tens of cells), so a small
  // audit does not start more threads than it has work for.
  constexpr size_t kCellsPerExtraThread = 48;
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, 1 + r.cells.size() / kCellsPerExtraThread));
  std::atomic<size_t> next{0};
  std::mutex lock;
  size_t done = 0;
  std::exception_ptr error;
  auto work = [&](const Board* own) {
    std::optional<Board> copy;
    try {
      if (!own) {
        copy = load_board(board.path);
        own = &*copy;
      }
      for (size_t i; (i = next.fetch_add(1)) < r.cells.size();) {
        AuditCell& c = r.cells[i];
        const AuditProvider& p = r.providers[c.provider];
        const ProviderKind& kind = *find_provider_kind(p.kind);
        Scenario s = parse_scenario(c.scenario, c.id + ".scn");
        RunOptions o = options.run;
        o.trace = true;  // the outcome reads the final state, which comes with the trace
        // A cell runs some thousands of scheduling points; one that passes a
        // million loops (a probe that registers children and defers, again
        // and again, before virtual time can move): a livelock all the same.
        o.max_steps = kCellMaxSteps;
        try {
          c.run = run_scenario(*own, s, o);
          for (const AuditTemplate& t : kind.templates)
            if (c.template_name == t.name) c.outcome = audit_outcome(c.run, p, t);
          if (c.explore) explore_cell(*own, c, options);
        } catch (const sim::UserError& e) {
          // The board under this cell's configuration is not the one the
          // plan was made on (a module loaded late leaves a netdev out):
          // an outcome to report, not an audit to abandon.
          c.outcome.cls = OutcomeClass::kNotRun;
          c.outcome.not_run = e.what();
          c.outcome.reason = "not run: " + c.outcome.not_run;
        }
        std::lock_guard<std::mutex> g(lock);
        ++done;
        if (options.progress) options.progress(done, r.cells.size());
      }
    } catch (...) {
      std::lock_guard<std::mutex> g(lock);
      if (!error) error = std::current_exception();
      next = r.cells.size();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work, nullptr);
  if (jobs) work(&board);
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return r;
}

}  // namespace lifeline::scenario
