// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/snapshot_text.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <type_traits>

#include "lifeline/report/table.h"
#include "lifeline/report/text_util.h"

namespace lifeline::report {

namespace {

constexpr std::string_view kIndent = "  ";

// A device on no bus (a class device: an mii_bus, an i2c adapter's
// i2c-dev, a net device's parent) never has a driver; "unbound" would read as
// something missing.
bool class_device(const check::DeviceRow& d) { return d.bus.empty() && d.driver.empty(); }

std::string device_state(const check::DeviceRow& d) {
  if (!d.registered) return "removed";
  if (class_device(d) && d.state == "unbound") return "class";
  return or_dash(d.state);
}

// "58 bound, 3 deferred, 2 unbound": the usual states first, in the order a
// device goes through them, then any other state alphabetically.
std::string state_counts(const check::Snapshot& s) {
  static const std::vector<std::string> kOrder = {"bound",     "probing", "deferred", "unbound",
                                                  "unbinding", "removed", "class"};
  std::map<std::string, int> counts;
  for (const auto& d : s.devices) ++counts[device_state(d)];
  std::vector<std::string> parts;
  for (const auto& state : kOrder) {
    auto it = counts.find(state);
    if (it == counts.end()) continue;
    parts.push_back(
        std::to_string(it->second) + " " +
        (state == "class" ? (it->second == 1 ? "class device" : "class devices") : state));
    counts.erase(it);
  }
  for (const auto& [state, n] : counts) parts.push_back(std::to_string(n) + " " + state);
  return join(parts, ", ");
}

}  // namespace

std::string format_devices(const check::Snapshot& s) {
  if (s.devices.empty()) return "DEVICES: none\n";
  int attempts = 0;
  for (const auto& d : s.devices) attempts += d.probe_attempts;
  std::string out = "DEVICES: " + std::to_string(s.devices.size()) + " (" + state_counts(s) +
                    "), " + count_of(attempts, "probe attempt", "probe attempts") + "\n";
  Table t({{"DEVICE"},
           {"BUS"},
           {"DRIVER"},
           {"STATE"},
           {"PROBES", Align::kRight},
           {"DEFERRED BECAUSE"}});
  for (const auto& d : s.devices)
    t.add_row({d.name, or_dash(d.bus), or_dash(d.driver), device_state(d),
               std::to_string(d.probe_attempts), d.state == "deferred" ? d.deferred_reason : ""});
  return out + t.render(kIndent);
}

std::string format_netdevs(const check::Snapshot& s) {
  if (s.netdevs.empty()) return "NETDEVS: none\n";
  Table t({{"NETDEV"},
           {"DEVICE"},
           {"ADMIN"},
           {"CARRIER"},
           {"OPER"},
           {"LINK"},
           {"PHY"},
           {"AN"},
           {"PCS"},
           {"SFP"}});
  for (const auto& n : s.netdevs)
    t.add_row({n.name, or_dash(n.device), n.admin_up ? "up" : "down", n.carrier ? "on" : "off",
               or_dash(n.operstate), or_dash(n.link), or_dash(n.phy), or_dash(n.an_mode),
               or_dash(n.pcs), or_dash(n.sfp)});
  return "NETDEVS\n" + t.render(kIndent);
}

std::string format_dsa_ports(const check::Snapshot& s) {
  if (s.dsa_ports.empty()) return "";
  Table t(
      {{"SWITCH"}, {"PORT", Align::kRight}, {"TYPE"}, {"LABEL"}, {"NETDEV"}, {"PHY"}, {"CONDUIT"}});
  for (const auto& p : s.dsa_ports)
    t.add_row({p.switch_device, std::to_string(p.index),
               p.lost ? p.type + " (setup failed)" : p.type, or_dash(p.label), or_dash(p.netdev),
               or_dash(p.phy), or_dash(p.conduit)});
  std::string out = "DSA PORTS\n" + t.render(kIndent);
  std::string last;
  for (const auto& p : s.dsa_ports)
    if (p.default_model && p.switch_device != last) {
      out += std::string(kIndent) + p.switch_device +
             ": no catalog entry for its compatible: lifeline's default switch model\n";
      last = p.switch_device;
    }
  return out;
}

std::string format_default_models(const check::Snapshot& s) {
  if (s.default_models.empty()) return "";
  std::string out = "DEFAULT MODELS (no catalog entry for the compatible)\n";
  for (const std::string& line : s.default_models) out += std::string(kIndent) + line + "\n";
  return out;
}

std::string format_sfp_cages(const check::Snapshot& s) {
  if (s.sfp_cages.empty()) return "";
  Table t({{"CAGE"},
           {"DEVICE"},
           {"BUS"},
           {"UPSTREAM"},
           {"MODULE"},
           {"MOD STATE"},
           {"DEV"},
           {"SM"},
           {"MODULE PHY"}});
  for (const auto& c : s.sfp_cages)
    t.add_row({c.cage,
               c.disabled         ? "(disabled)"
               : c.device.empty() ? "-"
                                  : c.device + (c.bound ? "" : " (unbound)"),
               or_dash(c.bus), or_dash(c.upstream), c.module.empty() ? "empty" : c.module,
               or_dash(c.mod_state), or_dash(c.dev_state), or_dash(c.sm_state), or_dash(c.phy)});
  return "SFP CAGES\n" + t.render(kIndent);
}

std::string format_links(const check::Snapshot& s) {
  if (s.links.empty()) return "DEVICE LINKS: none\n";
  Table t({{"SUPPLIER"}, {""}, {"CONSUMER"}, {"FLAGS"}, {"STATE"}});
  for (const auto& l : s.links)
    t.add_row({l.supplier, "->", l.consumer, or_dash(l.flags), or_dash(l.state)});
  return "DEVICE LINKS: " + std::to_string(s.links.size()) + "\n" + t.render(kIndent);
}

std::string format_phys(const check::Snapshot& s) {
  if (s.phys.empty()) return "PHYS: none\n";
  Table t({{"PHY"}, {"ID"}, {"DRIVER"}, {"STATE"}, {"ATTACHED"}, {"LINK"}});
  for (const auto& p : s.phys)
    t.add_row({p.name, or_dash(p.id), or_dash(p.driver),
               p.registered ? or_dash(p.state) : "removed", or_dash(p.attached_to),
               or_dash(p.link)});
  std::string out = "PHYS\n" + t.render(kIndent);
  // A PHY whose ID nothing states gets genphy at attach: say how to state it.
  Table unknown({{""}, {""}});
  for (const auto& p : s.phys)
    if (p.registered && p.id == "unknown" && !p.node.empty()) unknown.add_row({p.name, p.node});
  if (unknown.rows() > 0)
    out +=
        "  PHY ID unknown: state it with `phy-id DEV 0xID` (--phy-id DEV=0xID on the command "
        "line):\n" +
        unknown.render("    ");
  return out;
}

std::string format_modules(const check::Snapshot& s) {
  if (s.modules.empty()) return "MODULES: none\n";
  // Built-in modules cannot be removed: their names are listed, not tabled,
  // so the loadable ones (what rmmod and modprobe act on) stand out.
  std::vector<std::string> builtin;
  Table t({{"MODULE"}, {"STATE"}, {"REFS", Align::kRight}});
  for (const auto& m : s.modules) {
    if (m.builtin)
      builtin.push_back(m.name);
    else
      t.add_row({m.name, or_dash(m.state), std::to_string(m.refcnt)});
  }
  std::string out = "MODULES: " + std::to_string(builtin.size()) + " built in, " +
                    std::to_string(t.rows()) + " loadable\n";
  if (!builtin.empty()) out += wrap_words("built in: " + join(builtin, ", "), 98, "  ", "    ");
  if (t.rows() > 0) out += t.render(kIndent);
  return out;
}

namespace {

// Rows of two snapshots matched by key: the changed and new rows in the
// order of `after`, then the rows that disappeared in the order of `before`.
template <typename Row, typename Key>
void matched(const std::vector<Row>& before, const std::vector<Row>& after, Key key,
             const std::function<void(const Row*, const Row*)>& visit) {
  using K = std::invoke_result_t<Key, const Row&>;
  std::map<K, const Row*> old;
  for (const Row& r : before) old.emplace(key(r), &r);
  std::set<K> seen;
  for (const Row& r : after) {
    auto it = old.find(key(r));
    visit(it == old.end() ? nullptr : it->second, &r);
    seen.insert(key(r));
  }
  for (const Row& r : before)
    if (!seen.count(key(r))) visit(&r, nullptr);
}

std::string device_summary(const check::DeviceRow* d) {
  if (!d) return "removed";
  std::string s = device_state(*d);
  if (!d->driver.empty()) s += " " + d->driver;
  return s;
}

std::string unchanged_note(size_t unchanged) {
  if (unchanged == 0) return "";
  return " (" + std::to_string(unchanged) + (unchanged == 1 ? " other" : " others") + " unchanged)";
}

}  // namespace

std::string format_device_changes(const check::Snapshot& before, const check::Snapshot& after) {
  Table t({{"DEVICE"},
           {"BUS"},
           {"AFTER BOOT"},
           {"NOW"},
           {"PROBES", Align::kRight},
           {"DEFERRED BECAUSE"}});
  size_t unchanged = 0;
  matched<check::DeviceRow>(
      before.devices, after.devices, [](const check::DeviceRow& d) { return d.name; },
      [&](const check::DeviceRow* was, const check::DeviceRow* now) {
        if (was && now && device_summary(was) == device_summary(now) &&
            was->probe_attempts == now->probe_attempts &&
            was->deferred_reason == now->deferred_reason) {
          ++unchanged;
          return;
        }
        const check::DeviceRow& any = now ? *now : *was;
        std::string probes = std::to_string(any.probe_attempts);
        if (was && now && was->probe_attempts != now->probe_attempts)
          probes = std::to_string(was->probe_attempts) + " -> " + probes;
        t.add_row({any.name, or_dash(any.bus), was ? device_summary(was) : "-", device_summary(now),
                   probes, now && now->state == "deferred" ? now->deferred_reason : ""});
      });
  if (t.rows() == 0) return "";
  return "DEVICES changed since boot" + unchanged_note(unchanged) + "\n" + t.render(kIndent);
}

std::string format_link_changes(const check::Snapshot& before, const check::Snapshot& after) {
  Table t({{"SUPPLIER"}, {""}, {"CONSUMER"}, {"FLAGS"}, {"AFTER BOOT"}, {"NOW"}});
  size_t unchanged = 0;
  matched<check::LinkRow>(
      before.links, after.links,
      [](const check::LinkRow& l) { return std::make_pair(l.supplier, l.consumer); },
      [&](const check::LinkRow* was, const check::LinkRow* now) {
        if (was && now && was->state == now->state && was->flags == now->flags) {
          ++unchanged;
          return;
        }
        const check::LinkRow& any = now ? *now : *was;
        t.add_row({any.supplier, "->", any.consumer, or_dash(any.flags),
                   was ? or_dash(was->state) : "-", now ? or_dash(now->state) : "deleted"});
      });
  if (t.rows() == 0) return "";
  return "DEVICE LINKS changed since boot" + unchanged_note(unchanged) + "\n" + t.render(kIndent);
}

std::string format_module_changes(const check::Snapshot& before, const check::Snapshot& after) {
  Table t({{"MODULE"}, {"AFTER BOOT"}, {"NOW"}, {"REFS", Align::kRight}});
  size_t unchanged = 0;
  auto state = [](const check::ModuleRow* m) -> std::string {
    if (!m) return "-";
    return m->builtin ? "builtin" : or_dash(m->state);
  };
  matched<check::ModuleRow>(
      before.modules, after.modules, [](const check::ModuleRow& m) { return m.name; },
      [&](const check::ModuleRow* was, const check::ModuleRow* now) {
        // A built-in module's references stop nothing (it cannot be removed).
        if (was && now && state(was) == state(now) &&
            (was->refcnt == now->refcnt || (was->builtin && now->builtin))) {
          ++unchanged;
          return;
        }
        const check::ModuleRow& any = now ? *now : *was;
        std::string refs = std::to_string(any.refcnt);
        if (was && now && was->refcnt != now->refcnt)
          refs = std::to_string(was->refcnt) + " -> " + refs;
        t.add_row({any.name, state(was), now ? state(now) : "gone", refs});
      });
  if (t.rows() == 0) return "";
  return "MODULES changed since boot" + unchanged_note(unchanged) + "\n" + t.render(kIndent);
}

}  // namespace lifeline::report
