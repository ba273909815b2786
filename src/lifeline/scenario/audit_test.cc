// SPDX-License-Identifier: GPL-2.0-only
// The audit agrees with the acceptance scenarios (scenarios/s*-*/): for each
// scenario that unbinds a provider the audit finds, the expects it makes
// once the provider left (netdevs present or absent, carrier of the
// provider's consumers) and, when it binds the provider again at once, the
// expects after the bind (netdevs back, links back, no finding) must say
// what the audit's cell for that provider, template and design says. The
// comparison is of outcomes (the cell's facts), not of text.
#include "lifeline/scenario/audit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "lifeline/core/errno.h"
#include "lifeline/net/knobs.h"
#include "lifeline/scenario/parser.h"

namespace lifeline::scenario {
namespace {

namespace fs = std::filesystem;

std::string header(const fs::path& file, const std::string& key) {
  std::ifstream in(file);
  std::string line, prefix = "# " + key + ": ";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "";
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// What an acceptance scenario says about a provider's loss, as phases.
struct Claims {
  std::string device;  // the provider it unbinds, as written
  std::string design = "mainline";
  bool consumers_up = false;  // some interface was up when it left
  std::vector<const Command*> after_left;
  bool rebinds_at_once = false;  // the next action is binding it again
  std::vector<const Command*> after_back;
};

bool is_passive(const Command& c) {
  return std::holds_alternative<Wait>(c.body) || std::holds_alternative<Settle>(c.body) ||
         std::holds_alternative<Expect>(c.body);
}

std::optional<Claims> claims_of(const Scenario& s) {
  Claims c;
  size_t i = 0;
  for (; i < s.commands.size(); ++i) {
    const Command& cmd = s.commands[i];
    if (const auto* k = std::get_if<SetKnob>(&cmd.body); k && k->knob.text == "phy-loss")
      c.design = k->value.text;
    if (const auto* l = std::get_if<LinkSet>(&cmd.body); l && l->up) c.consumers_up = true;
    if (const auto* u = std::get_if<Unbind>(&cmd.body)) {
      c.device = u->dev.text;
      break;
    }
  }
  if (c.device.empty()) return std::nullopt;
  for (++i; i < s.commands.size() && is_passive(s.commands[i]); ++i)
    if (std::holds_alternative<Expect>(s.commands[i].body)) c.after_left.push_back(&s.commands[i]);
  if (i < s.commands.size())
    if (const auto* b = std::get_if<Bind>(&s.commands[i].body); b && b->dev.text == c.device) {
      c.rebinds_at_once = true;
      for (++i; i < s.commands.size() && is_passive(s.commands[i]); ++i)
        if (std::holds_alternative<Expect>(s.commands[i].body))
          c.after_back.push_back(&s.commands[i]);
      // Only when the scenario ends there does its `expect finding none`
      // speak for the whole cell.
      if (i < s.commands.size()) c.after_back.clear();
    }
  return c;
}

// The cell facts an expect after the provider left speaks for; a message
// when they disagree, "" when they agree, nullopt when the expect says
// nothing the cell knows.
std::optional<std::string> check_after_left(const Expect& e, const AuditOutcome& o,
                                            const AuditProvider& p) {
  if (const auto* n = std::get_if<ExpectNetdev>(&e.check)) {
    bool lost = has(o.netdevs_lost, n->iface.text);
    if (lost == n->present) return "netdev " + n->iface.text + (lost ? " lost" : " kept");
    return "";
  }
  if (const auto* c = std::get_if<ExpectCarrier>(&e.check)) {
    const std::string& n = c->iface.text;
    if (!has(p.consumers, n) || (!has(o.carrier_lost, n) && !has(o.carrier_kept, n)))
      return std::nullopt;
    if (has(o.carrier_kept, n) != c->on) return "carrier " + n + (c->on ? " lost" : " kept");
    return "";
  }
  return std::nullopt;
}

std::optional<std::string> check_after_back(const Expect& e, const AuditCell& cell,
                                            const AuditProvider& p) {
  const AuditOutcome& o = cell.outcome;
  if (const auto* n = std::get_if<ExpectNetdev>(&e.check)) {
    if (!n->present || !has(o.netdevs_lost, n->iface.text)) return std::nullopt;
    if (has(o.netdevs_not_back, n->iface.text)) return "netdev " + n->iface.text + " not back";
    return "";
  }
  const std::string* link = nullptr;
  if (const auto* l = std::get_if<ExpectLink>(&e.check); l && l->up) link = &l->iface.text;
  if (const auto* c = std::get_if<ExpectCarrier>(&e.check); c && c->on) link = &c->iface.text;
  if (link) {
    if (!has(o.carrier_lost, *link)) return std::nullopt;
    // The cell's own probe of that interface, before its ifdown/ifup.
    for (const ExpectResult& x : cell.run.expects)
      if (x.text == "carrier " + *link + " on")
        return x.passed ? "" : "link " + *link + " not back by itself";
    return std::nullopt;
  }
  if (const auto* f = std::get_if<ExpectFinding>(&e.check); f && !f->kind && !f->present) {
    // The scenario ends after the bind: only what the cell found up to its
    // probes (before its own ifdown/ifup) speaks for it.
    // The timeline orders what happened at the same virtual time.
    size_t probes = 0;
    for (size_t i = 0; i < cell.run.timeline.size(); ++i)
      if (cell.run.timeline[i].text.rfind("expect ", 0) == 0) probes = i;
    if (probes == 0) return std::nullopt;
    for (size_t i = 0; i < probes; ++i)
      if (cell.run.timeline[i].kind == TimelineEntry::Kind::kFinding)
        return "finding: " + cell.run.timeline[i].text;
    return "";
  }
  return std::nullopt;
}

std::string consumers_of(const std::vector<AuditProvider>& ps, const std::string& kind,
                         const std::string& device) {
  for (const AuditProvider& p : ps)
    if (p.kind == kind && p.device == device) {
      std::string s;
      for (const std::string& c : p.consumers) s += (s.empty() ? "" : " ") + c;
      return s;
    }
  return "(not found)";
}

// Each kind's providers, and their consumers, read from the booted model.
TEST(Audit, FindsEveryKindOfProvider) {
  std::vector<AuditProvider> unconsumed;
  std::vector<AuditProvider> mcbin =
      discover_providers(load_board("armada-8040-mcbin"), {}, unconsumed);
  EXPECT_EQ(consumers_of(mcbin, "phy", "f212a200.mdio-mii:00"), "eth2");
  EXPECT_EQ(consumers_of(mcbin, "mdio", "f212a200.mdio"), "eth2");
  // CP1's packet processor owns three netdevs from its port nodes.
  EXPECT_EQ(consumers_of(mcbin, "mac", "f4000000.ethernet"), "eth1 eth2 eth3");
  std::vector<AuditProvider> clearfog =
      discover_providers(load_board("armada-388-clearfog-pro"), {}, unconsumed);
  EXPECT_EQ(consumers_of(clearfog, "dsa", "f1072004.mdio-mii:04"), "lan5 lan4 lan3 lan2 lan1 lan6");
  // The switch and its internal PHYs sit on the controller's bus.
  EXPECT_EQ(consumers_of(clearfog, "mdio", "f1072004.mdio"), "eth0 lan5 lan4 lan3 lan2 lan1 lan6");
  // The conduit's MAC takes the user ports with it.
  EXPECT_EQ(consumers_of(clearfog, "mac", "f1030000.ethernet"),
            "eth1 lan5 lan4 lan3 lan2 lan1 lan6");
  for (const AuditProvider& p : clearfog)
    if (p.kind == "phy" && p.device == "f1072004.mdio-mii:00") {
      EXPECT_EQ(p.label, "&phy_dedicated");
      EXPECT_EQ(p.module, "marvell");
    }
}

// The kinds that came with the SFP, PCS and PSE models, read from the
// booted model the same way.
TEST(Audit, FindsCagesPcsProvidersAndPseControllers) {
  std::vector<AuditProvider> unconsumed;
  auto find = [](const std::vector<AuditProvider>& ps, const std::string& kind,
                 const std::string& device) -> const AuditProvider* {
    for (const AuditProvider& p : ps)
      if (p.kind == kind && p.device == device) return &p;
    return nullptr;
  };
  std::vector<AuditProvider> mcbin =
      discover_providers(load_board("armada-8040-mcbin"), {}, unconsumed);
  // A MAC's cage (pl->sfp_bus: a 2500BASE-X port, so a 2.5G module) and one
  // its 88X3310 hosts (the PHY's "sfp").
  EXPECT_EQ(consumers_of(mcbin, "sfp", "sfp-eth3"), "eth3");
  EXPECT_EQ(consumers_of(mcbin, "sfp", "sfp-eth0"), "eth0");
  if (const AuditProvider* p = find(mcbin, "sfp", "sfp-eth3"); p) {
    EXPECT_EQ(p->cage, "&sfp_eth3");
    EXPECT_EQ(p->setup, std::vector<std::string>{"sfp &sfp_eth3 insert fiber-2500base-x"});
  }
  std::vector<AuditProvider> lx2160a =
      discover_providers(load_board("fsl-lx2160a-clearfog-cx"), {}, unconsumed);
  // The lynx PCS's MDIO device has no driver: its bus's controller is the
  // provider; eth0's cage gets a 10G module (its dpmac is 10GBASE-R).
  EXPECT_EQ(consumers_of(lx2160a, "pcs", "8c1f000.mdio"), "eth0");
  if (const AuditProvider* p = find(lx2160a, "pcs", "8c1f000.mdio"); p) {
    EXPECT_EQ(p->setup, std::vector<std::string>{"sfp &sfp0 insert fiber-10gbase-r"});
  }
  std::vector<AuditProvider> rzn1 =
      discover_providers(load_board("r9a06g032-rzn1d400-db"), {}, unconsumed);
  EXPECT_EQ(consumers_of(rzn1, "pcs", "44030000.eth-miic"), "lan0 lan1");
  if (const AuditProvider* p = find(rzn1, "pcs", "44030000.eth-miic"); p) {
    EXPECT_TRUE(p->unbind_hidden);
  }
  std::vector<AuditProvider> prtt1c =
      discover_providers(load_board("stm32mp151a-prtt1c"), {}, unconsumed);
  EXPECT_EQ(consumers_of(prtt1c, "pse", "ethernet-pse-1"), "t1l1");
  EXPECT_EQ(consumers_of(prtt1c, "pse", "ethernet-pse-2"), "t1l2");
  if (const AuditProvider* p = find(prtt1c, "pse", "ethernet-pse-1"); p) {
    EXPECT_EQ(p->pse_control, "podl-pse-admin-control");
    EXPECT_EQ(p->holders, std::vector<std::string>{"/mdio"});
    EXPECT_EQ(p->module, "pse_regulator");
  }
}

TEST(Audit, AgreesWithTheAcceptanceScenarios) {
  const char* const kDirs[] = {"s1-clearfog",      "s3-clearfog", "s2-clearfog-dsa",
                               "s10-clearfog-dsa", "s10-mcbin",   "s10-ls1028a-felix"};
  struct Case {
    fs::path file;
    std::shared_ptr<Scenario> scenario;  // what `claims` points into
    Claims claims;
    std::string up_cell, rebind_cell;
  };
  std::map<std::string, std::vector<Case>> by_board;
  std::map<std::string, std::vector<std::string>> cells;
  std::map<std::string, Board> boards;
  std::map<std::string, std::vector<AuditProvider>> providers;
  std::vector<Case> all;
  for (const char* dir : kDirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(LIFELINE_SOURCE_DIR) / "scenarios" / dir))
      if (e.path().extension() == ".scn") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::string board = header(f, "board");
      if (!boards.count(board)) {
        boards.emplace(board, load_board(board));
        std::vector<AuditProvider> unconsumed;
        providers[board] = discover_providers(boards.at(board), {}, unconsumed);
      }
      auto s = std::make_shared<Scenario>(load_scenario(f.string()));
      std::optional<Claims> c = claims_of(*s);
      ASSERT_TRUE(c) << f << " unbinds nothing";
      const AuditProvider* p = nullptr;
      for (const AuditProvider& x : providers[board])
        if (x.device == c->device || x.label == c->device) p = &x;
      ASSERT_TRUE(p) << f << ": the audit does not find " << c->device << " on " << board;
      std::string base = p->kind + "/" + p->device + "/";
      Case k{f, s, *c, base + (c->consumers_up ? "up/" : "down/") + c->design,
             c->rebinds_at_once && c->consumers_up ? base + "rebind/" + c->design : ""};
      cells[board].push_back(k.up_cell);
      if (!k.rebind_cell.empty()) cells[board].push_back(k.rebind_cell);
      by_board[board].push_back(k);
    }
  }
  int compared = 0;
  std::set<std::string> dirs_compared;
  for (auto& [board, cases] : by_board) {
    AuditOptions o;
    o.jobs = 1;
    o.only_cells = cells[board];
    AuditResult r = run_audit(boards.at(board), o);
    auto cell = [&](const std::string& id) -> const AuditCell* {
      for (const AuditCell& c : r.cells)
        if (c.id == id) return &c;
      return nullptr;
    };
    for (const Case& k : cases) {
      const AuditCell* up = cell(k.up_cell);
      ASSERT_TRUE(up) << k.up_cell;
      const AuditProvider& p = r.providers[up->provider];
      for (const Command* c : k.claims.after_left) {
        auto v = check_after_left(std::get<Expect>(c->body), up->outcome, p);
        if (!v) continue;
        ++compared;
        dirs_compared.insert(k.file.parent_path().filename().string());
        EXPECT_EQ(*v, "") << k.file.string() << ":" << c->loc.line << " `" << c->text
                          << "` but cell " << up->id << " says " << up->outcome.reason;
      }
      if (k.rebind_cell.empty()) continue;
      const AuditCell* rb = cell(k.rebind_cell);
      ASSERT_TRUE(rb) << k.rebind_cell;
      for (const Command* c : k.claims.after_back) {
        auto v = check_after_back(std::get<Expect>(c->body), *rb, p);
        if (!v) continue;
        ++compared;
        EXPECT_EQ(*v, "") << k.file.string() << ":" << c->loc.line << " `" << c->text
                          << "` but cell " << rb->id << " says " << rb->outcome.reason;
      }
    }
  }
  std::cout << compared << " expects compared with audit cells\n";
  // Every directory gives the comparison something to compare.
  EXPECT_EQ(dirs_compared.size(), std::size(kDirs));
  EXPECT_GE(compared, 40);
}

}  // namespace
}  // namespace lifeline::scenario

namespace lifeline::scenario {
namespace {

// A cell's class and reason from hand-made run facts: each class from the
// facts that make it, whatever the board or design.
const AuditTemplate& tmpl(const char* name) {
  for (const AuditTemplate& t : driver_templates())
    if (std::string(t.name) == name) return t;
  return driver_templates().front();
}

AuditProvider eth0_phy() {
  AuditProvider p;
  p.kind = "phy";
  p.device = p.target = "stmmac-0:01";
  p.consumers = {"eth0"};
  return p;
}

RunResult left(bool carrier_after) {
  RunResult r;
  r.metrics.provider_left = true;
  r.metrics.carrier_after_left["eth0"] = carrier_after;
  return r;
}

TEST(AuditOutcome, ClassesFromTheRunFacts) {
  AuditProvider p = eth0_phy();
  {
    RunResult r = left(true);
    sim::Finding f{sim::FindingKind::kDeadlock, "deadlock", 0, "scenario"};
    f.stack = {"dev_close", "rtnl_lock"};
    r.findings.push_back(f);
    r.stopped = RunStop{StopReason::kDeadlock, 9, "ip link set eth0 down", 0, ""};
    AuditOutcome o = audit_outcome(r, p, tmpl("up"));
    EXPECT_EQ(o.cls, OutcomeClass::kDeadlock);
    EXPECT_EQ(o.reason, "deadlock in rtnl_lock at line 9");
  }
  {
    RunResult r = left(true);
    sim::Finding w{sim::FindingKind::kWarn, "WARNING", 0, "scenario"};
    w.stack = {"phy_stop"};
    sim::Finding u{sim::FindingKind::kUseAfterFree, "KASAN", 0, "scenario"};
    u.stack = {"phy_detach"};
    r.findings = {w, u};
    AuditOutcome o = audit_outcome(r, p, tmpl("up"));
    EXPECT_EQ(o.cls, OutcomeClass::kCrash);
    EXPECT_EQ(o.reason, "use-after-free in phy_detach (+1 more)");
    EXPECT_EQ(o.findings,
              (std::vector<std::string>{"warn in phy_stop", "use-after-free in phy_detach"}));
  }
  {
    RunResult r = left(true);
    r.metrics.netdevs_lost = {"eth1", "eth2"};
    AuditOutcome o = audit_outcome(r, p, tmpl("up"));
    EXPECT_EQ(o.cls, OutcomeClass::kNetdevsLost);
    EXPECT_EQ(o.reason, "2 netdevs lost (eth1 eth2)");
  }
  {
    AuditOutcome o = audit_outcome(left(false), p, tmpl("up"));
    EXPECT_EQ(o.cls, OutcomeClass::kLinkLost);
    EXPECT_EQ(o.reason, "link lost (eth0)");
  }
  {
    AuditOutcome o = audit_outcome(left(true), p, tmpl("up"));
    EXPECT_EQ(o.cls, OutcomeClass::kSurvives);
  }
  {
    // Back by itself: the probes before the user's ifdown/ifup passed.
    RunResult r = left(false);
    r.metrics.provider_back = true;
    r.metrics.recovery_time = 2 * sim::kSec;
    r.expects.push_back(ExpectResult{10, "expect carrier eth0 on", true});
    check::NetdevRow row;
    row.name = "eth0";
    row.carrier = true;
    r.final_state.netdevs.push_back(row);
    AuditOutcome o = audit_outcome(r, p, tmpl("rebind"));
    EXPECT_EQ(o.cls, OutcomeClass::kRecovered);
    EXPECT_EQ(o.reason, "link back in 2s");
    // Back only after them.
    r.expects[0].passed = false;
    o = audit_outcome(r, p, tmpl("rebind"));
    EXPECT_EQ(o.cls, OutcomeClass::kRecoveredIfup);
    EXPECT_EQ(o.reason, "link lost until ifup");
  }
  {
    RunResult r = left(true);
    r.failed_steps.push_back(FailedStep{12, "rmmod marvell", -EAGAIN, "in use", 0, true});
    AuditOutcome o = audit_outcome(r, p, tmpl("rmmod"));
    EXPECT_EQ(o.cls, OutcomeClass::kRefused);
    EXPECT_EQ(o.reason, "rmmod refused (EAGAIN)");
    EXPECT_FALSE(o.provider_left);
  }
  {
    // The set-up failed before the provider was touched.
    RunResult r;
    r.stopped = RunStop{StopReason::kFailedStep, 7, "ip link set eth0 up", 0, "No such device"};
    AuditOutcome o = audit_outcome(r, p, tmpl("up"));
    EXPECT_EQ(o.cls, OutcomeClass::kNotRun);
    EXPECT_EQ(o.reason, "not run: line 7: No such device");
  }
}

}  // namespace
}  // namespace lifeline::scenario

namespace lifeline::scenario {
namespace {

// The provider kinds that landed after the PHY ones (SFP cages, PCS
// providers, PSE controllers) against their acceptance scenarios (S5, S6,
// S7, S8, S9). A scenario's first removal (an unbind, an rmmod or `expect
// fail ERR rmmod`, a module pulled from a cage) picks the cell: the
// provider (preferring the kind whose knob the scenario sets), the template
// (up or down by its consumers' state; rmmod; pull; a PSE controller's
// `phys` when the PHYs' MDIO controller is unbound before it is bound
// again) and the design. Then each expect of the phase right after the
// removal, of the phase after the provider came back, and of the whole
// scenario where a finding is claimed, must say what the cell says.
struct Removal {
  std::string device;   // as written: the unbound device or the cage
  std::string module;   // rmmod MODULE
  std::string refused;  // expect fail ERR rmmod: the errno name
  std::string action;   // "unbind", "rmmod", "pull"
  std::map<std::string, std::string> knobs;
  std::map<std::string, std::string> late;  // module -> "late" before boot
  std::set<std::string> up;                 // interfaces up when it left
  std::vector<const Command*> after_left;   // expects right after it left
  std::vector<const Command*> after_back;   // expects right after it came back
  bool back = false;                        // the next action brought it back
  std::string then_unbound;                 // another device unbound right after it
  std::vector<const Command*> after_then;   // every expect after that unbind
  std::vector<const Command*> boot_phase;   // expects before the first action
  bool ends_after_back = false;             // nothing but expects after the return
};

bool is_show_pse(const Command& c) {
  const auto* e = std::get_if<EthtoolGet>(&c.body);
  return e && e->query == EthtoolQuery::kPse;
}

Removal removal_of(const Scenario& s) {
  Removal r;
  size_t i = 0;
  bool acted = false;
  for (; i < s.commands.size(); ++i) {
    const Command& cmd = s.commands[i];
    if (const auto* k = std::get_if<SetKnob>(&cmd.body)) r.knobs[k->knob.text] = k->value.text;
    if (const auto* m = std::get_if<ModuleCmd>(&cmd.body); m && m->mode == ModuleMode::kLate)
      r.late[m->module.text] = "late";
    if (i > s.boot_index && !is_passive(cmd)) acted = true;
    if (i > s.boot_index && !acted && std::holds_alternative<Expect>(cmd.body))
      r.boot_phase.push_back(&cmd);
    if (const auto* l = std::get_if<LinkSet>(&cmd.body)) {
      if (l->up)
        r.up.insert(l->iface.text);
      else
        r.up.erase(l->iface.text);
    }
    if (const auto* u = std::get_if<Unbind>(&cmd.body)) {
      r.device = u->dev.text;
      r.action = "unbind";
      break;
    }
    if (const auto* m = std::get_if<Rmmod>(&cmd.body)) {
      r.module = m->module.text;
      r.action = "rmmod";
      break;
    }
    if (const auto* e = std::get_if<Expect>(&cmd.body))
      if (const auto* f = std::get_if<ExpectFail>(&e->check))
        if (const auto* m = std::get_if<Rmmod>(&f->command->body)) {
          r.module = m->module.text;
          r.action = "rmmod";
          r.refused = f->err ? core::errno_name(f->err) : "any";
          break;
        }
    if (const auto* c = std::get_if<Sfp>(&cmd.body); c && c->action == SfpAction::kRemove) {
      r.device = c->cage.text;
      r.action = "pull";
      break;
    }
  }
  if (r.action.empty()) return r;
  // What the templates do right after the removal too: ethtool asks for
  // the PSE.
  auto passive = [](const Command& c) { return is_passive(c) || is_show_pse(c); };
  for (++i; i < s.commands.size() && passive(s.commands[i]); ++i)
    if (std::holds_alternative<Expect>(s.commands[i].body)) r.after_left.push_back(&s.commands[i]);
  if (i >= s.commands.size()) return r;
  const Command& next = s.commands[i];
  const auto* b = std::get_if<Bind>(&next.body);
  const auto* ins = std::get_if<Sfp>(&next.body);
  if ((b && b->dev.text == r.device) ||
      (ins && ins->action == SfpAction::kInsert && ins->cage.text == r.device)) {
    r.back = true;
    for (++i; i < s.commands.size() && passive(s.commands[i]); ++i)
      if (std::holds_alternative<Expect>(s.commands[i].body))
        r.after_back.push_back(&s.commands[i]);
    r.ends_after_back = i == s.commands.size();
  }
  // Anywhere in the scenario: the provider unbound and, before anything
  // else, another device (S9: the PHYs' MDIO controller): every expect
  // after that speaks for the `phys` cell.
  for (size_t j = 0; j < s.commands.size() && r.action == "unbind"; ++j) {
    const auto* u = std::get_if<Unbind>(&s.commands[j].body);
    if (!u || u->dev.text != r.device) continue;
    size_t k = j + 1;
    while (k < s.commands.size() && passive(s.commands[k])) ++k;
    const auto* v = k < s.commands.size() ? std::get_if<Unbind>(&s.commands[k].body) : nullptr;
    if (!v) continue;
    r.then_unbound = v->dev.text;
    for (++k; k < s.commands.size(); ++k)
      if (std::holds_alternative<Expect>(s.commands[k].body))
        r.after_then.push_back(&s.commands[k]);
    break;
  }
  return r;
}

bool has_finding(const RunResult& r, sim::FindingKind k) {
  for (const sim::Finding& f : r.findings)
    if (f.kind == k) return true;
  return false;
}

// The cell's findings up to its next action after the removal: what an
// `expect finding none` right after the removal speaks for.
bool finding_before_next_action(const AuditCell& c) {
  bool left = false;
  for (const TimelineEntry& e : c.run.timeline) {
    bool removal = e.kind == TimelineEntry::Kind::kCommand &&
                   (e.text.rfind("unbind ", 0) == 0 || e.text.rfind("rmmod ", 0) == 0 ||
                    (e.text.rfind("sfp ", 0) == 0 && e.text.find(" remove") != std::string::npos));
    if (removal && !left) {
      left = true;
      continue;
    }
    if (!left) continue;
    if (e.kind == TimelineEntry::Kind::kFinding) return true;
    if (e.kind == TimelineEntry::Kind::kCommand && e.text.rfind("wait", 0) != 0 &&
        e.text.rfind("settle", 0) != 0 && e.text.rfind("expect", 0) != 0 &&
        e.text.rfind("ethtool --show-pse", 0) != 0 && e.text != "concurrently" && e.text != "end")
      return false;
  }
  return false;
}

// "" when the cell agrees, a message when not, nullopt when the expect says
// nothing the cell knows.
std::optional<std::string> check_left(const Expect& e, const AuditCell& cell,
                                      const AuditProvider& p) {
  const AuditOutcome& o = cell.outcome;
  if (const auto* f = std::get_if<ExpectFinding>(&e.check)) {
    if (f->present && f->kind)
      return has_finding(cell.run, *f->kind)
                 ? ""
                 : std::string("no ") + sim::finding_kind_name(*f->kind) + " finding";
    if (!f->present && !f->kind)
      return finding_before_next_action(cell) ? "a finding right after the removal" : std::string();
    return std::nullopt;
  }
  if (const auto* n = std::get_if<ExpectNetdev>(&e.check)) {
    if (!has(p.consumers, n->iface.text) && !has(p.module_consumers, n->iface.text) &&
        !has(o.netdevs_lost, n->iface.text))
      return std::nullopt;
    bool lost = has(o.netdevs_lost, n->iface.text);
    if (lost == n->present) return "netdev " + n->iface.text + (lost ? " lost" : " kept");
    return "";
  }
  if (const auto* c = std::get_if<ExpectCarrier>(&e.check)) {
    const std::string& n = c->iface.text;
    if (!has(p.consumers, n) || (!has(o.carrier_lost, n) && !has(o.carrier_kept, n)))
      return std::nullopt;
    if (has(o.carrier_kept, n) != c->on) return "carrier " + n + (c->on ? " lost" : " kept");
    return "";
  }
  if (const auto* f = std::get_if<ExpectFail>(&e.check)) {
    const auto* g = std::get_if<EthtoolGet>(&f->command->body);
    if (!g || g->query != EthtoolQuery::kPse) return std::nullopt;
    for (const FailedStep& s : cell.run.failed_steps)
      if (s.command == "ethtool --show-pse " + g->iface.text)
        return !f->err || -s.err == f->err ? "" : "show-pse failed with another errno";
    return "ethtool --show-pse " + g->iface.text + " did not fail";
  }
  return std::nullopt;
}

std::optional<std::string> check_back(const Expect& e, const AuditCell& cell,
                                      const AuditProvider& p, bool whole) {
  const AuditOutcome& o = cell.outcome;
  if (const auto* n = std::get_if<ExpectNetdev>(&e.check)) {
    if (!n->present || !has(o.netdevs_lost, n->iface.text)) return std::nullopt;
    return has(o.netdevs_not_back, n->iface.text) ? "netdev " + n->iface.text + " not back" : "";
  }
  const std::string* link = nullptr;
  if (const auto* l = std::get_if<ExpectLink>(&e.check); l && l->up) link = &l->iface.text;
  if (const auto* c = std::get_if<ExpectCarrier>(&e.check); c && c->on) link = &c->iface.text;
  if (link) {
    if (!has(p.consumers, *link)) return std::nullopt;
    // The cell's own probe of that interface, before its ifdown/ifup.
    for (const ExpectResult& x : cell.run.expects)
      if (x.text == "carrier " + *link + " on")
        return x.passed ? "" : "link " + *link + " not back by itself";
    return std::nullopt;
  }
  if (const auto* f = std::get_if<ExpectFinding>(&e.check)) {
    if (f->present && f->kind)
      return has_finding(cell.run, *f->kind)
                 ? ""
                 : std::string("no ") + sim::finding_kind_name(*f->kind) + " finding";
    if (!f->present && !f->kind && whole)
      return cell.run.findings.empty() ? "" : "finding: " + cell.outcome.findings.front();
  }
  return std::nullopt;
}

TEST(Audit, AgreesWithTheSfpPcsAndPseScenarios) {
  // Each directory, and how many of its expects the cells must speak for
  // at least (every one of them gives the comparison something).
  const std::pair<const char*, int> kDirs[] = {
      {"s5-clearfog", 1}, {"s6-clearfog", 3}, {"s7-lx2160a", 10},
      {"s7-rzn1", 4},     {"s8-prtt1c", 2},   {"s9-prtt1c", 8},
  };
  std::map<std::string, Board> boards;
  std::map<std::string, std::vector<AuditProvider>> providers;
  struct Case {
    fs::path file;
    std::shared_ptr<Scenario> scenario;
    Removal removal;
    const AuditProvider* provider = nullptr;
    std::string cell;       // the removal's cell
    std::string then_cell;  // pse: the `phys` cell
  };
  std::map<std::string, std::vector<Case>> by_board;
  std::map<std::string, std::set<std::string>> cells;
  for (const auto& [dir, least] : kDirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(LIFELINE_SOURCE_DIR) / "scenarios" / dir))
      if (e.path().extension() == ".scn") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::string board = header(f, "board");
      if (!boards.count(board)) {
        boards.emplace(board, load_board(board));
        std::vector<AuditProvider> unconsumed;
        providers[board] = discover_providers(boards.at(board), {}, unconsumed);
      }
      auto s = std::make_shared<Scenario>(load_scenario(f.string()));
      Removal removal = removal_of(*s);
      const Removal* r = removal.action.empty() ? nullptr : &removal;
      Case k{f, s, removal, nullptr, "", ""};
      // A scenario that removes nothing (S8's boot orders) speaks for the
      // rmmod cells, whose template loads the provider's module late.
      if (!r) {
        for (const auto& [m, _] : k.removal.late)
          for (const AuditProvider& x : providers[board])
            if (x.module == m && x.kind == "pse" && !k.provider) k.provider = &x;
        if (!k.provider) continue;
        k.removal.action = "boot";
      } else {
        for (const AuditProvider& x : providers[board]) {
          bool named = r->module.empty() ? (x.device == r->device || x.label == r->device ||
                                            x.target == r->device || x.cage == r->device)
                                         : x.module == r->module;
          if (!named) continue;
          const ProviderKind* kind = find_provider_kind(x.kind);
          if (!k.provider || r->knobs.count(kind->knob)) k.provider = &x;
        }
        ASSERT_TRUE(k.provider) << f << ": the audit does not find " << r->device << r->module
                                << " on " << board;
      }
      const ProviderKind& kind = *find_provider_kind(k.provider->kind);
      // The audit runs every other knob at its default (S8's probe=event
      // variants are not its cells).
      bool other_design = false;
      for (const auto& [knob, value] : k.removal.knobs)
        other_design |= knob != kind.knob && value != net::find_knob(knob)->default_value;
      if (other_design) continue;
      std::string design = k.removal.knobs.count(kind.knob)
                               ? k.removal.knobs.at(kind.knob)
                               : std::string(net::find_knob(kind.knob)->default_value);
      bool up = false;
      for (const std::string& c : k.provider->consumers) up |= k.removal.up.count(c) > 0;
      std::string tmpl = k.removal.action == "rmmod" || k.removal.action == "boot" ? "rmmod"
                         : k.removal.action == "pull"                              ? "pull"
                         : k.removal.back && up                                    ? "rebind"
                         : up                                                      ? "up"
                                                                                   : "down";
      std::string base = k.provider->kind + "/" + k.provider->device + "/";
      k.cell = base + tmpl + "/" + design;
      if (kind.knob == std::string("pse") && !k.removal.then_unbound.empty() &&
          has(k.provider->holders, k.removal.then_unbound))
        k.then_cell = base + "phys/" + design;
      cells[board].insert(k.cell);
      if (!k.then_cell.empty()) cells[board].insert(k.then_cell);
      by_board[board].push_back(std::move(k));
    }
  }
  std::map<std::string, int> compared;
  for (auto& [board, cases] : by_board) {
    AuditOptions o;
    o.jobs = 1;
    o.only_cells.assign(cells[board].begin(), cells[board].end());
    AuditResult r = run_audit(boards.at(board), o);
    auto cell = [&](const std::string& id) -> const AuditCell* {
      for (const AuditCell& c : r.cells)
        if (c.id == id) return &c;
      return nullptr;
    };
    for (const Case& k : cases) {
      std::string dir = k.file.parent_path().filename().string();
      const AuditCell* c = cell(k.cell);
      ASSERT_TRUE(c) << k.file << ": " << k.cell;
      const AuditProvider& p = r.providers[c->provider];
      auto report = [&](const Command* cmd, const std::optional<std::string>& v,
                        const AuditCell& x) {
        if (!v) return;
        ++compared[dir];
        {
          EXPECT_EQ(*v, "") << k.file.string() << ":" << cmd->loc.line << " `" << cmd->text
                            << "` but cell " << x.id << " says " << x.outcome.reason;
        }
      };
      if (k.removal.action == "boot") {
        // S8: the module loaded late. Under a design that leaves the
        // consumers' netdevs out until then, the rmmod cell cannot run;
        // under one that keeps them, it runs.
        for (const Command* cmd : k.removal.boot_phase) {
          const auto* n = std::get_if<ExpectNetdev>(&std::get<Expect>(cmd->body).check);
          if (!n) continue;
          // Not run: the consumers were not there for the template to
          // use, or the boot never got to its first command.
          bool reached = false;
          for (const TimelineEntry& e : c->run.timeline)
            reached |= e.kind == TimelineEntry::Kind::kCommand && e.text.rfind("cable ", 0) == 0;
          bool not_run = c->outcome.cls == OutcomeClass::kNotRun || !reached;
          report(cmd,
                 not_run == n->present ? std::optional<std::string>(
                                             "cell " + std::string(not_run ? "not run" : "ran"))
                                       : std::optional<std::string>(""),
                 *c);
        }
        continue;
      }
      if (!k.removal.refused.empty()) {
        ++compared[dir];
        EXPECT_EQ(c->outcome.cls, OutcomeClass::kRefused) << k.file << ": " << c->outcome.reason;
        if (k.removal.refused != "any") {
          EXPECT_EQ(c->outcome.refused, k.removal.refused) << k.file;
        }
        continue;
      }
      for (const Command* cmd : k.removal.after_left)
        report(cmd, check_left(std::get<Expect>(cmd->body), *c, p), *c);
      if (k.removal.back)
        for (const Command* cmd : k.removal.after_back)
          report(cmd, check_back(std::get<Expect>(cmd->body), *c, p, k.removal.ends_after_back),
                 *c);
      if (!k.then_cell.empty()) {
        const AuditCell* t = cell(k.then_cell);
        ASSERT_TRUE(t) << k.then_cell;
        for (const Command* cmd : k.removal.after_then)
          report(cmd, check_back(std::get<Expect>(cmd->body), *t, p, true), *t);
      }
    }
  }
  for (const auto& [dir, least] : kDirs) {
    std::cout << dir << ": " << compared[dir] << " expects compared with audit cells\n";
    EXPECT_GE(compared[dir], least) << dir;
  }
}

}  // namespace
}  // namespace lifeline::scenario
