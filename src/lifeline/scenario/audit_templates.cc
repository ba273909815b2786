// SPDX-License-Identifier: GPL-2.0-only
// The audit's lifecycle templates: what a user does to a provider's driver,
// written in the scenario language so that every cell can be printed and run
// again with `lifeline run`. A template's steps are the same for every kind
// of provider bound to a driver; what differs is the device and which
// netdevs consume it.
//
// After the provider left, every command on a consumer runs in a
// `concurrently` block of its own: a design may have unregistered the netdev
// (`Cannot find device`), and a background job's failure ends that job only,
// so the template goes on to its next step (docs/scenarios.md, "The verdict").
#include <string>

#include "lifeline/scenario/audit.h"

namespace lifeline::scenario {

namespace {

std::string bg(const std::string& command) { return "concurrently\n  " + command + "\nend\n"; }

// Cable plugged into every consumer, every consumer up, settled: each has
// its link before the provider is touched.
std::string plug_and_up(const AuditProvider& p) {
  std::string s;
  for (const std::string& c : p.consumers) s += "cable " + c + " plug\n";
  for (const std::string& c : p.consumers) s += "ip link set " + c + " up\n";
  return s + "settle\n";
}

std::string each(const AuditProvider& p, const std::string& prefix, const std::string& suffix) {
  std::string s;
  for (const std::string& c : p.consumers) s += bg(prefix + c + suffix);
  return s;
}

// The driver unbound under a running interface (S1), then the user takes
// the interface down: what phylib and phylink do with a PHY whose driver
// left (phy_detach(), phy_stop()).
std::string unbind_up(const AuditProvider& p) {
  return plug_and_up(p) + "unbind " + p.target + "\nwait 2s\n" + each(p, "ip link set ", " down") +
         "settle\n";
}

// The driver unbound while the interfaces are down, then ifup (S2): what
// phy_start() or the MAC's ndo_open finds.
std::string unbind_down(const AuditProvider& p) {
  std::string s;
  for (const std::string& c : p.consumers) s += "cable " + c + " plug\n";
  return s + "settle\nunbind " + p.target + "\nwait 2s\n" + each(p, "ip link set ", " up") +
         "settle\n";
}

// Unbound under running interfaces and bound again: does the link come back
// by itself (the expects after the bind say), and after the user's
// ifdown/ifup if not?
std::string unbind_rebind(const AuditProvider& p) {
  std::string s =
      plug_and_up(p) + "unbind " + p.target + "\nwait 2s\n" + bg("bind " + p.target) + "settle\n";
  for (const std::string& c : p.consumers) s += "expect carrier " + c + " on\n";
  return s + each(p, "ip link set ", " down") + each(p, "ip link set ", " up") + "settle\n";
}

// The driver's module, loaded from the root file system a second after
// boot, removed under running interfaces: refused while a reference is held
// (try_module_get()), else every device of its drivers unbinds.
std::string module_late(const AuditProvider& p) {
  return p.module.empty() ? "" : "module " + p.module + " late 1s\n";
}

std::string remove_module(const AuditProvider& p) {
  if (p.module.empty()) return "";
  return "settle\n" + plug_and_up(p) + bg("rmmod " + p.module) + "wait 2s\n" +
         each(p, "ip link set ", " down") + "settle\n";
}

const AuditTemplate kDriverTemplates[] = {
    {"up", "unbound while its consumers are up with link", nullptr, false, unbind_up},
    {"down", "unbound while its consumers are down, then ifup", nullptr, false, unbind_down},
    {"rebind", "unbound under running consumers, then bound again", nullptr, false, unbind_rebind},
    {"rmmod", "its module (loaded from the root file system) removed under running consumers",
     module_late, true, remove_module},
};

}  // namespace

std::span<const AuditTemplate> driver_templates() { return kDriverTemplates; }

}  // namespace lifeline::scenario
