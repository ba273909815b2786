// SPDX-License-Identifier: GPL-2.0-only
// The audit's lifecycle templates: what a user does to a provider's driver,
// written in the scenario language so that every cell can be printed and run
// again with `lifeline run`. A template's steps are the same for every kind
// of provider bound to a driver; what differs is the device and which
// netdevs consume it. SFP cages add a module pulled and inserted again, PSE
// controllers the removal of the PHYs that hold their pse_controls.
//
// After the provider left, every command on a consumer runs in a
// `concurrently` block of its own: a design may have unregistered the netdev
// (`Cannot find device`), and a background job's failure ends that job only,
// so the template goes on to its next step (docs/scenarios.md, "The verdict").
//
// A template with a racing variant (`concurrent`) gives `audit --explore`
// its scenario: the consumers' ifup and the removal in one `concurrently`
// block, whose interleavings the explorer tries.
#include <string>

#include "lifeline/scenario/audit.h"

namespace lifeline::scenario {

namespace {

std::string bg(const std::string& command) { return "concurrently\n  " + command + "\nend\n"; }

// A module in every cage on a consumer's port, then the cables: each
// consumer's port has something to get a link from.
std::string plug(const AuditProvider& p) {
  std::string s;
  for (const std::string& line : p.setup) s += line + "\n";
  for (const std::string& c : p.consumers) s += "cable " + c + " plug\n";
  return s;
}

// Cable plugged into every consumer, every consumer up, settled: each has
// its link before the provider is touched.
std::string plug_and_up(const AuditProvider& p) {
  std::string s = plug(p);
  for (const std::string& c : p.consumers) s += "ip link set " + c + " up\n";
  return s + "settle\n";
}

std::string each(const AuditProvider& p, const std::string& prefix, const std::string& suffix) {
  std::string s;
  for (const std::string& c : p.consumers) s += bg(prefix + c + suffix);
  return s;
}

// The probes of a template whose provider is back: each consumer's link
// before the user's ifdown/ifup (audit_outcome.cc reads them).
std::string probes(const AuditProvider& p) {
  std::string s;
  for (const std::string& c : p.consumers) s += "expect carrier " + c + " on\n";
  return s;
}

// The removal and the consumers' ifup in one block: the explorer's
// interleavings of the two (scenarios/race-ifup-unbind-clearfog.scn).
std::string racing_ifup(const AuditProvider& p, const std::string& removal) {
  std::string s = "concurrently\n";
  for (const std::string& c : p.consumers) s += "  ip link set " + c + " up\n";
  return s + "  " + removal + "\nend\n";
}

// The driver unbound under a running interface (S1), then the user takes
// the interface down: what phylib and phylink do with a PHY whose driver
// left (phy_detach(), phy_stop()).
std::string unbind_up(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug_and_up(p) + "unbind " + p.target + "\nwait 2s\n" + each(p, "ip link set ", " down") +
         "settle\n";
}

// The driver unbound while the interfaces are down, then ifup (S2): what
// phy_start() or the MAC's ndo_open finds.
std::string unbind_down(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug(p) + "settle\nunbind " + p.target + "\nwait 2s\n" + each(p, "ip link set ", " up") +
         "settle\n";
}

// The same two steps racing: ifup attaching or starting what the unbind
// tears down.
std::string unbind_racing_ifup(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug(p) + "settle\n" + racing_ifup(p, "unbind " + p.target) + "settle\n";
}

// Unbound under running interfaces and bound again: does the link come back
// by itself (the expects after the bind say), and after the user's
// ifdown/ifup if not?
std::string unbind_rebind(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  std::string s =
      plug_and_up(p) + "unbind " + p.target + "\nwait 2s\n" + bg("bind " + p.target) + "settle\n";
  return s + probes(p) + each(p, "ip link set ", " down") + each(p, "ip link set ", " up") +
         "settle\n";
}

// The driver's module, loaded from the root file system a second after
// boot, removed under running interfaces: refused while a reference is held
// (try_module_get()), else every device of its drivers unbinds.
std::string module_late(const AuditProvider& p) {
  return p.module.empty() ? "" : "module " + p.module + " late 1s\n";
}

std::string pse_on(const AuditProvider& p);
std::string pse_asked(const AuditProvider& p);

std::string remove_module(const AuditProvider& p) {
  if (p.module.empty()) return "";
  return "settle\n" + plug_and_up(p) + pse_on(p) + bg("rmmod " + p.module) + "wait 2s\n" +
         pse_asked(p) + each(p, "ip link set ", " down") + "settle\n";
}

// ---- SFP cages

// The module pulled from the cage under running interfaces and inserted
// again (S6): the cage's REMOVE and INSERT events, the upstream's
// module_remove/module_insert, a module PHY torn down and probed anew. The
// `carrier off` probes say whose link went with the module (a PHY that
// hosts the cage keeps its copper link), the `on` ones whose came back.
std::string pull_module(const AuditProvider& p) {
  if (p.cage.empty()) return "";
  std::string gone;
  for (const std::string& c : p.consumers) gone += "expect carrier " + c + " off\n";
  return plug_and_up(p) + "sfp " + p.cage + " remove\nwait 1s\n" + gone + "sfp " + p.cage +
         " insert " + p.cage_module + "\nwait 4s\n" + probes(p) + each(p, "ip link set ", " down") +
         each(p, "ip link set ", " up") + "settle\n";
}

// The same pull racing the consumers' ifup (phylink_start() against the
// cage's REMOVE).
std::string pull_racing_ifup(const AuditProvider& p) {
  if (p.cage.empty()) return "";
  return plug(p) + "settle\n" + racing_ifup(p, "sfp " + p.cage + " remove") + "settle\n";
}

// ---- PSE controllers

// The consumers' PSE enabled (each PHY then uses its pse_control) before
// the controller is touched.
std::string pse_on(const AuditProvider& p) {
  std::string s;
  if (p.pse_control.empty()) return s;
  for (const std::string& c : p.consumers)
    s += "ethtool --set-pse " + c + " " + p.pse_control + " enable\n";
  return s;
}

// What the PHYs are asked after the controller left: ethtool --show-pse
// reads the controller through phydev->psec.
std::string pse_asked(const AuditProvider& p) {
  return p.pse_control.empty() ? "" : each(p, "ethtool --show-pse ", "");
}

// The controller unbound while its PHYs hold pse_controls and the
// interfaces are up (S9): ethtool asks for the PSE, then ifdown.
std::string pse_unbind_up(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug_and_up(p) + pse_on(p) + "unbind " + p.target + "\nwait 1s\n" + pse_asked(p) +
         each(p, "ip link set ", " down") + "settle\n";
}

// The same with the interfaces down, then ifup.
std::string pse_unbind_down(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug(p) + "settle\n" + pse_on(p) + "unbind " + p.target + "\nwait 1s\n" + pse_asked(p) +
         each(p, "ip link set ", " up") + "settle\n";
}

// Unbound and bound again: do the PHYs get a pse_control again (ethtool
// --show-pse answers), and is their link untouched?
std::string pse_rebind(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug_and_up(p) + pse_on(p) + "unbind " + p.target + "\nwait 1s\n" +
         bg("bind " + p.target) + "settle\n" + probes(p) + pse_asked(p) + "settle\n";
}

// Unbound while the consumers are down, then the PHYs that held its
// pse_controls removed (their MDIO controllers unbound: phy_device_remove()
// puts the pse_control), then both bound again (S9's second half). No ifup
// after: what the new PHYs' ifup meets is the PHY kind's question.
std::string pse_phys_removed(const AuditProvider& p) {
  if (p.unbind_hidden || p.holders.empty()) return "";
  std::string s = plug(p) + "settle\n" + pse_on(p) + "unbind " + p.target + "\nwait 1s\n";
  for (const std::string& h : p.holders) s += bg("unbind " + h);
  s += "settle\n" + bg("bind " + p.target);
  for (const std::string& h : p.holders) s += bg("bind " + h);
  return s + "settle\n";
}

// The controller unbound while the PHYs' ifup is attaching them.
std::string pse_racing_ifup(const AuditProvider& p) {
  if (p.unbind_hidden) return "";
  return plug(p) + "settle\n" + pse_on(p) + racing_ifup(p, "unbind " + p.target) + "settle\n";
}

const AuditTemplate kDriverTemplates[] = {
    {"up", "unbound while its consumers are up with link", nullptr, false, unbind_up, false,
     nullptr},
    {"down", "unbound while its consumers are down, then ifup", nullptr, false, unbind_down, false,
     unbind_racing_ifup},
    {"rebind", "unbound under running consumers, then bound again", nullptr, false, unbind_rebind,
     false, nullptr},
    {"rmmod", "its module (loaded from the root file system) removed under running consumers",
     module_late, true, remove_module, false, nullptr},
};

const AuditTemplate kSfpTemplates[] = {
    {"up", "cage driver unbound while its consumers are up with link", nullptr, false, unbind_up,
     false, nullptr},
    {"down", "cage driver unbound while its consumers are down, then ifup", nullptr, false,
     unbind_down, false, unbind_racing_ifup},
    {"rebind", "cage driver unbound under running consumers, then bound again", nullptr, false,
     unbind_rebind, false, nullptr},
    {"rmmod", "module sfp (loaded from the root file system) removed under running consumers",
     module_late, true, remove_module, false, nullptr},
    {"pull", "the SFP module pulled under running consumers and inserted again", nullptr, false,
     pull_module, true, pull_racing_ifup},
};

const AuditTemplate kPseTemplates[] = {
    {"up", "unbound while its PHYs hold pse_controls, consumers up", nullptr, false, pse_unbind_up,
     false, nullptr},
    {"down", "unbound while its PHYs hold pse_controls, consumers down, then ifup", nullptr, false,
     pse_unbind_down, false, pse_racing_ifup},
    {"rebind", "unbound while its PHYs hold pse_controls, then bound again", nullptr, false,
     pse_rebind, false, nullptr},
    {"phys", "unbound, then the PHYs holding its pse_controls removed, then both bound again",
     nullptr, false, pse_phys_removed, false, nullptr},
    {"rmmod",
     "its module (loaded from the root file system) removed while its PHYs hold "
     "pse_controls",
     module_late, true, remove_module, false, nullptr},
};

}  // namespace

std::span<const AuditTemplate> driver_templates() { return kDriverTemplates; }
std::span<const AuditTemplate> sfp_templates() { return kSfpTemplates; }
std::span<const AuditTemplate> pse_templates() { return kPseTemplates; }

}  // namespace lifeline::scenario
