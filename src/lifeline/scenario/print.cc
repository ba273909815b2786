// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/print.h"

#include "lifeline/core/errno.h"
#include "lifeline/scenario/values.h"
#include "lifeline/sim/finding.h"

namespace lifeline::scenario {

namespace {

std::string word(const Name& n) { return quote_word(n.text); }

// A name in a place where a bare keyword would mean something else
// (`bind DEV bus`, `expect phy IF none`): quoted, as the parser wants.
std::string word_unless(const Name& n, std::string_view keyword) {
  return n.text == keyword ? "\"" + n.text + "\"" : word(n);
}

std::string speed_duplex(const SpeedDuplex& sd) {
  return std::to_string(sd.speed) + "/" + net::duplex_name(sd.duplex);
}

// format_duration() rounds to three decimals; a duration it would round is
// written exactly in the largest unit that divides it.
std::string duration(sim::Time t) {
  std::string nice = sim::format_duration(t);
  if (sim::parse_duration(nice) == t) return nice;
  for (auto [scale, unit] : {std::pair{sim::kSec, "s"}, {sim::kMsec, "ms"}, {sim::kUsec, "us"}})
    if (t % scale == 0) return std::to_string(t / scale) + unit;
  return std::to_string(t) + "ns";
}

std::string on_off(bool on) { return on ? "on" : "off"; }

template <typename T>
std::string bind_args(const T& cmd) {
  std::string s = word(cmd.dev);
  if (cmd.driver) s += " " + word_unless(*cmd.driver, "bus");
  if (cmd.bus) s += " bus " + word(*cmd.bus);
  return s;
}

std::string ethtool(const EthtoolSettings& e) {
  std::string s = "ethtool -s " + word(e.iface);
  if (e.speed) s += " speed " + std::to_string(*e.speed);
  if (e.duplex) s += std::string(" duplex ") + net::duplex_name(*e.duplex);
  if (e.autoneg) s += " autoneg " + on_off(*e.autoneg);
  if (e.advertise) {
    s += " advertise";
    if (e.advertise->names.empty()) s += " " + net::format_link_mode_mask(e.advertise->modes);
    for (const Name& n : e.advertise->names) s += " " + n.text;
  }
  return s;
}

std::string sfp(const Sfp& s) {
  std::string out = "sfp " + word(s.cage);
  switch (s.action) {
    case SfpAction::kInsert:
      return out + " insert " + (s.profile ? word(*s.profile) : "\"\"");
    case SfpAction::kRemove:
      return out + " remove";
    case SfpAction::kLos:
      return out + " los " + on_off(s.on);
    case SfpAction::kTxFault:
      return out + " tx-fault " + on_off(s.on);
  }
  return out;
}

std::string module(const ModuleCmd& m) {
  std::string s = "module " + word(m.module);
  switch (m.mode) {
    case ModuleMode::kBuiltin:
      return s + " builtin";
    case ModuleMode::kLate:
      return s + " late " + duration(m.time);
    case ModuleMode::kAbsent:
      return s + " absent";
  }
  return s;
}

std::string phy_id(uint32_t id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", id);
  return buf;
}

std::string block(const Concurrently& c) {
  std::string s = "concurrently\n";
  for (const Thread& t : c.threads) {
    if (t.block) s += "  thread\n";
    for (const Command& cmd : t.commands) s += (t.block ? "    " : "  ") + to_string(cmd) + "\n";
    if (t.block) s += "  end\n";
  }
  return s + "end";
}

struct Printer {
  std::string operator()(const SetKnob& s) const {
    return "set " + s.knob.text + " " + s.value.text;
  }
  std::string operator()(const ModuleCmd& m) const { return module(m); }
  std::string operator()(const PhyId& p) const {
    return "phy-id " + word(p.dev) + " " + phy_id(p.id);
  }
  std::string operator()(const MacFacts& f) const {
    return "mac-facts " + word(f.dev) + " " + word(f.variant);
  }
  std::string operator()(const Boot&) const { return "boot"; }
  std::string operator()(const Unbind& u) const { return "unbind " + bind_args(u); }
  std::string operator()(const Bind& b) const { return "bind " + bind_args(b); }
  std::string operator()(const Rmmod& r) const { return "rmmod " + word(r.module); }
  std::string operator()(const Modprobe& m) const { return "modprobe " + word(m.module); }
  std::string operator()(const LinkSet& l) const {
    return "ip link set " + word_unless(l.iface, "dev") + (l.up ? " up" : " down");
  }
  std::string operator()(const EthtoolSettings& e) const { return ethtool(e); }
  std::string operator()(const EthtoolWol& w) const {
    return "ethtool -s " + word(w.iface) + " wol " + format_wol_flags(w.flags);
  }
  std::string operator()(const EthtoolGet& g) const {
    std::string s = std::string("ethtool ") + ethtool_query_option(g.query) + word(g.iface);
    if (g.query == EthtoolQuery::kSetPse)
      s += " " + g.pse_control + (g.pse_enable ? " enable" : " disable");
    return s;
  }
  std::string operator()(const Cable& c) const {
    std::string s = "cable " + word(c.target) + (c.plug ? " plug" : " unplug");
    if (c.partner) s += " " + speed_duplex(*c.partner);
    return s;
  }
  std::string operator()(const Sfp& s) const { return sfp(s); }
  std::string operator()(const Wait& w) const { return "wait " + duration(w.duration); }
  std::string operator()(const Settle&) const { return "settle"; }
  std::string operator()(const Concurrently& c) const { return block(c); }
  std::string operator()(const Expect& e) const { return "expect " + to_string(e.check); }
};
static_assert(visits_every_alternative<Printer, Body>, "a command nobody prints");

struct CheckPrinter {
  std::string operator()(const ExpectCarrier& e) const {
    return "carrier " + word(e.iface) + " " + on_off(e.on);
  }
  std::string operator()(const ExpectLink& e) const {
    if (!e.up) return "link " + word(e.iface) + " down";
    return "link " + word(e.iface) + " " + (e.mode ? speed_duplex(*e.mode) : "up");
  }
  std::string operator()(const ExpectBound& e) const {
    return "bound " + word(e.dev) + (e.driver ? " " + word(*e.driver) : "");
  }
  std::string operator()(const ExpectUnbound& e) const { return "unbound " + word(e.dev); }
  std::string operator()(const ExpectNetdev& e) const {
    return "netdev " + word(e.iface) + (e.present ? " present" : " absent");
  }
  std::string operator()(const ExpectPhy& e) const {
    return "phy " + word(e.iface) + " " + (e.phy ? word_unless(*e.phy, "none") : "none");
  }
  std::string operator()(const ExpectSfp& e) const {
    static constexpr const char* kFields[] = {"module", "state", "device",
                                              "bus",    "phys",  "module-path"};
    std::string v = e.field == SfpField::kModulePath ? "\"" + e.value + "\"" : e.value;
    return "sfp " + word(e.cage) + " " + kFields[static_cast<int>(e.field)] + " " + v;
  }
  std::string operator()(const ExpectProbeStorm& e) const {
    return "probe-storm " + word(e.dev) + " probes " + std::to_string(e.probes) + " cycles " +
           std::to_string(e.cycles);
  }
  std::string operator()(const ExpectFinding& e) const {
    if (!e.kind) return "finding none";
    return std::string(e.present ? "finding " : "no-finding ") + sim::finding_kind_name(*e.kind);
  }
  std::string operator()(const ExpectFail& e) const {
    std::string s = "fail ";
    if (e.err) s += core::errno_name(e.err) + " ";  // positive: no sign
    return s + (e.command ? to_string(*e.command) : "");
  }
};
static_assert(visits_every_alternative<CheckPrinter, Check>, "an expect nobody prints");

struct WordOf {
  std::string_view operator()(const SetKnob&) const { return "set"; }
  std::string_view operator()(const ModuleCmd&) const { return "module"; }
  std::string_view operator()(const PhyId&) const { return "phy-id"; }
  std::string_view operator()(const MacFacts&) const { return "mac-facts"; }
  std::string_view operator()(const Boot&) const { return "boot"; }
  std::string_view operator()(const Unbind&) const { return "unbind"; }
  std::string_view operator()(const Bind&) const { return "bind"; }
  std::string_view operator()(const Rmmod&) const { return "rmmod"; }
  std::string_view operator()(const Modprobe&) const { return "modprobe"; }
  std::string_view operator()(const LinkSet&) const { return "ip"; }
  std::string_view operator()(const EthtoolSettings&) const { return "ethtool"; }
  std::string_view operator()(const EthtoolWol&) const { return "ethtool"; }
  std::string_view operator()(const EthtoolGet&) const { return "ethtool"; }
  std::string_view operator()(const Cable&) const { return "cable"; }
  std::string_view operator()(const Sfp&) const { return "sfp"; }
  std::string_view operator()(const Wait&) const { return "wait"; }
  std::string_view operator()(const Settle&) const { return "settle"; }
  std::string_view operator()(const Concurrently&) const { return "concurrently"; }
  std::string_view operator()(const Expect&) const { return "expect"; }
};
static_assert(visits_every_alternative<WordOf, Body>, "a command without its word");

}  // namespace

std::string quote_word(std::string_view text) {
  bool bare = !text.empty() && text[0] != '-';
  for (char c : text)
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '"' || c == '\'' ||
        c == '#' || c == '>' || c == '\\')
      bare = false;
  if (bare) return std::string(text);
  char q = text.find('"') == std::string_view::npos ? '"' : '\'';
  return q + std::string(text) + q;
}

std::string to_string(const Command& command) { return std::visit(Printer{}, command.body); }

std::string to_string(const Check& check) { return std::visit(CheckPrinter{}, check); }

std::string to_string(const Scenario& scenario) {
  std::string s;
  for (size_t i = 0; i < scenario.commands.size(); ++i) {
    if (i == scenario.boot_index && !scenario.explicit_boot) continue;
    s += to_string(scenario.commands[i]) + "\n";
  }
  return s;
}

const char* ethtool_query_option(EthtoolQuery q) {
  switch (q) {
    case EthtoolQuery::kEee:
      return "--show-eee ";
    case EthtoolQuery::kDriverInfo:
      return "-i ";
    case EthtoolQuery::kPause:
      return "--show-pause ";
    case EthtoolQuery::kModule:
      return "-m ";
    case EthtoolQuery::kPse:
      return "--show-pse ";
    case EthtoolQuery::kSetPse:
      return "--set-pse ";
    default:
      return "";
  }
}

std::string_view command_word(const Body& body) { return std::visit(WordOf{}, body); }

}  // namespace lifeline::scenario
