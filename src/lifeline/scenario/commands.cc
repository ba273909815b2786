// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/commands.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

#include "lifeline/core/errno.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/knobs.h"
#include "lifeline/scenario/command_traits.h"
#include "lifeline/scenario/print.h"
#include "lifeline/scenario/values.h"
#include "lifeline/sim/finding.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/suggest.h"

namespace lifeline::scenario {

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : ", ") + w;
  return s;
}

Name name_of(const Cursor& c, const Token& tok) {
  return {tok.text, {c.here().line, tok.text_column}};
}

// ---- configuration ----

Body parse_set(Cursor& c) {
  std::vector<std::string> knobs;
  for (const net::KnobInfo& k : net::knob_table()) knobs.emplace_back(k.name);
  c.keyword(knobs, "a knob (" + join(knobs) + ")");
  SetKnob set{name_of(c, c.previous()), {}};
  const net::KnobInfo* knob = net::find_knob(set.knob.text);
  std::vector<std::string> values;
  for (const net::KnobValue& v : knob->values) values.emplace_back(v.name);
  c.keyword(values, "a value for '" + set.knob.text + "' (" + join(values) + ")");
  set.value = name_of(c, c.previous());
  c.end();
  return set;
}

Body parse_module(Cursor& c) {
  ModuleCmd m;
  m.module = c.name("a module name after 'module'");
  switch (c.keyword({"builtin", "late", "absent"},
                    "'builtin', 'late' or 'absent' after the module name")) {
    case 0:
      m.mode = ModuleMode::kBuiltin;
      break;
    case 1:
      m.mode = ModuleMode::kLate;
      m.time = read_duration(c, "'late'");
      break;
    default:
      m.mode = ModuleMode::kAbsent;
      break;
  }
  c.end();
  return m;
}

Body parse_phy_id(Cursor& c) {
  PhyId p;
  p.dev = c.name("a PHY device after 'phy-id'");
  p.id = read_phy_id(c);
  c.end();
  return p;
}

Body parse_mac_facts(Cursor& c) {
  MacFacts f;
  f.dev = c.name("a MAC device after 'mac-facts'");
  std::vector<std::string> names;
  for (const net::MacFactsVariant& v : net::mac_facts_variants()) names.emplace_back(v.name);
  c.keyword(names, "the facts of a driver (" + join(names) + ")");
  f.variant = name_of(c, c.previous());
  c.end();
  return f;
}

Body parse_boot(Cursor& c) {
  c.end();
  return Boot{};
}

// ---- driver lifecycle ----

// DEV [DRIVER] [bus BUS], shared by bind and unbind. A quoted "bus" is a
// driver's name, an unquoted one the keyword.
template <typename T>
T parse_bind_args(Cursor& c, const std::string& word) {
  T cmd;
  cmd.dev = c.name("a device after '" + word + "'");
  if (!c.at_end() && !(c.peek()->text == "bus" && !c.peek()->quoted))
    cmd.driver = c.name("a driver name, 'bus' or end of line after the device");
  if (!c.at_end()) {
    if (!c.accept("bus")) c.expected("'bus' or end of line");
    cmd.bus = c.name("a bus name after 'bus'");
  }
  c.end();
  return cmd;
}

Body parse_unbind(Cursor& c) { return parse_bind_args<Unbind>(c, "unbind"); }
Body parse_bind(Cursor& c) { return parse_bind_args<Bind>(c, "bind"); }

Body parse_rmmod(Cursor& c) {
  Rmmod r{c.name("a module name after 'rmmod'")};
  c.end();
  return r;
}

Body parse_modprobe(Cursor& c) {
  if (c.accept("-r")) {  // modprobe -r is rmmod
    Rmmod r{c.name("a module name after 'modprobe -r'")};
    c.end();
    return r;
  }
  Modprobe m{c.name("a module name after 'modprobe'")};
  c.end();
  return m;
}

// echo [-n] DEV > /sys/bus/BUS/drivers/DRV/unbind|bind: the sysfs write users
// already type, the same command as `unbind DEV DRV bus BUS`.
Body parse_echo(Cursor& c) {
  c.accept("-n");
  Name dev = c.name("a device name after 'echo'");
  if (!c.accept(">") && !c.accept(">>")) c.expected("'>' after the device name");
  const Token* path = c.peek();
  if (!path) c.expected("a sysfs path after '>'");
  std::vector<std::string_view> parts;
  std::string_view p = path->text;
  for (size_t at = 0;;) {
    size_t slash = p.find('/', at);
    parts.push_back(p.substr(at, slash == std::string_view::npos ? slash : slash - at));
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  bool ok = parts.size() == 7 && parts[0].empty() && parts[1] == "sys" && parts[2] == "bus" &&
            !parts[3].empty() && parts[4] == "drivers" && !parts[5].empty() &&
            (parts[6] == "bind" || parts[6] == "unbind");
  if (!ok) c.expected("a path like /sys/bus/BUS/drivers/DRIVER/unbind or .../bind");
  auto part_name = [&](size_t i) {
    int offset = static_cast<int>(parts[i].data() - p.data());
    return Name{std::string(parts[i]), {c.here().line, path->text_column + offset}};
  };
  Name bus = part_name(3);
  Name driver = part_name(5);
  bool bind = parts[6] == "bind";
  c.next();
  c.end();
  if (bind) return Bind{dev, driver, bus};
  return Unbind{dev, driver, bus};
}

// ---- network configuration ----

Body parse_ip(Cursor& c) {
  c.keyword({"link"}, "'link' after 'ip'");
  c.keyword({"set"}, "'set' after 'ip link'");
  LinkSet l;
  l.iface = c.accept("dev") ? c.name("an interface name after 'dev'")
                            : c.name("an interface name after 'ip link set'");
  l.up = c.choice("up", "down", "'up' or 'down' after the interface name");
  c.end();
  return l;
}

// ethtool -s IF SETTINGS..., or a get request: ethtool [--show-eee | -i |
// --driver | --show-pause | -a] IF.
Body parse_ethtool(Cursor& c) {
  static const std::vector<std::string> kSettings = {"speed", "duplex", "autoneg", "advertise",
                                                     "wol"};
  static const std::vector<std::string> kOptions = {
      "-s", "--change", "--show-eee",    "-i",         "--driver", "--show-pause",
      "-a", "-m",       "--module-info", "--show-pse", "--set-pse"};
  static constexpr EthtoolQuery kQueries[] = {
      EthtoolQuery::kEee,    EthtoolQuery::kDriverInfo, EthtoolQuery::kDriverInfo,
      EthtoolQuery::kPause,  EthtoolQuery::kPause,      EthtoolQuery::kModule,
      EthtoolQuery::kModule, EthtoolQuery::kPse,        EthtoolQuery::kSetPse};
  const std::string what =
      "'-s', '--show-eee', '-i', '--show-pause', '-m', '--show-pse', '--set-pse' or an interface "
      "name";
  const std::string after = what + " after 'ethtool'";
  const Token* t = c.peek();
  if (!t || t->quoted || !t->text.starts_with('-')) {
    EthtoolGet g{EthtoolQuery::kLinkSettings, c.name(after)};
    c.end();
    return g;
  }
  size_t option = c.keyword(kOptions, after);
  if (option >= 2) {
    EthtoolGet g{kQueries[option - 2],
                 c.name("an interface name after '" + kOptions[option] + "'")};
    if (g.query == EthtoolQuery::kSetPse) {
      static const std::vector<std::string> kControls = {"podl-pse-admin-control",
                                                         "c33-pse-admin-control"};
      g.pse_control = kControls[c.keyword(
          kControls, "'podl-pse-admin-control' or 'c33-pse-admin-control' after the interface")];
      g.pse_enable =
          c.choice("enable", "disable", "'enable' or 'disable' after '" + g.pse_control + "'");
    }
    c.end();
    return g;
  }
  EthtoolSettings s;
  s.iface = c.name("an interface name after '-s'");
  std::optional<uint32_t> wol;
  bool link_setting = false;
  bool seen[5] = {};
  do {
    size_t i = c.keyword(kSettings, "a setting (" + quoted_list(kSettings) + ")");
    const Token& kw = c.previous();
    if (seen[i]) c.fail(kw, "'" + kw.text + "' is given twice");
    seen[i] = true;
    // ->set_wol and ->set_link_ksettings are separate requests, and the
    // syntax tree gives each its own node.
    if ((i == 4 && link_setting) || (i != 4 && wol))
      c.fail(kw,
             "'wol' cannot share a line with link settings; write it on its own 'ethtool -s' "
             "line");
    if (i != 4) link_setting = true;
    switch (i) {
      case 0:
        s.speed = read_speed(c);
        break;
      case 1:
        s.duplex = c.choice("half", "full", "'half' or 'full' after 'duplex'") ? net::DUPLEX_HALF
                                                                               : net::DUPLEX_FULL;
        break;
      case 2:
        s.autoneg = c.choice("on", "off", "'on' or 'off' after 'autoneg'");
        break;
      case 3:
        s.advertise = read_advertise(c, kSettings);
        break;
      default:
        wol = read_wol_flags(c);
        break;
    }
  } while (!c.at_end());
  if (wol) return EthtoolWol{s.iface, *wol};
  return s;
}

// ---- physical world ----

Body parse_cable(Cursor& c) {
  Cable cable;
  cable.target = c.name("an interface or device after 'cable'");
  cable.plug = c.choice("plug", "unplug", "'plug' or 'unplug' after the interface or device");
  if (cable.plug && !c.at_end())
    cable.partner = read_speed_duplex(
        c, "SPEED/DUPLEX such as '1000/full' or '100/half', or end of line, after 'plug'");
  c.end();
  return cable;
}

Body parse_sfp(Cursor& c) {
  Sfp s;
  s.cage = c.name("an SFP cage after 'sfp'");
  size_t action = c.keyword({"insert", "remove", "los", "tx-fault"},
                            "'insert', 'remove', 'los' or 'tx-fault' after the cage");
  const std::string word = c.previous().text;
  s.action = static_cast<SfpAction>(action);
  if (s.action == SfpAction::kInsert)
    s.profile = c.name("a module profile such as 'copper-1000base-t' after 'insert'");
  if (s.action == SfpAction::kLos || s.action == SfpAction::kTxFault)
    s.on = c.choice("on", "off", "'on' or 'off' after '" + word + "'");
  c.end();
  return s;
}

// ---- time ----

Body parse_wait(Cursor& c) {
  Wait w{read_duration(c, "'wait'")};
  c.end();
  return w;
}

Body parse_settle(Cursor& c) {
  c.end();
  return Settle{};
}

// ---- checks ----

// The state names of sfp.c's mod_state_to_str(), sm_state_to_str() and
// dev_state_to_str().
const std::vector<std::string> kSfpModStates = {"empty",  "error",   "probe",  "waitdev",
                                                "hpower", "waitpwr", "present"};
const std::vector<std::string> kSfpStates = {"down",     "fail",          "wait",      "init",
                                             "init_phy", "init_tx_fault", "wait_los",  "link_up",
                                             "tx_fault", "reinit",        "tx_disable"};
const std::vector<std::string> kSfpDevStates = {"detached", "down", "up"};

Check parse_expect_sfp(Cursor& c) {
  static const std::vector<std::string> kFields = {"module", "state", "device",
                                                   "bus",    "phys",  "module-path"};
  ExpectSfp e;
  e.cage = c.name("an SFP cage after 'sfp'");
  e.field = static_cast<SfpField>(c.keyword(kFields, quoted_list(kFields) + " after the cage"));
  auto one_of = [&c](const std::vector<std::string>& words, const std::string& after) {
    return words[c.keyword(words, quoted_list(words) + " after '" + after + "'")];
  };
  switch (e.field) {
    case SfpField::kModule:
      e.value = one_of(kSfpModStates, "module");
      break;
    case SfpField::kState:
      e.value = one_of(kSfpStates, "state");
      break;
    case SfpField::kDevice:
      e.value = one_of(kSfpDevStates, "device");
      break;
    case SfpField::kBus:
      e.value = one_of({"registered", "unregistered", "released"}, "bus");
      break;
    case SfpField::kPhys: {
      const Token* t = c.peek();
      if (!t || t->text.empty() || t->text.find_first_not_of("0123456789") != std::string::npos)
        c.expected("a number after 'phys'");
      e.value = c.next().text;
      break;
    }
    case SfpField::kModulePath: {
      Name path =
          c.name("the module states, quoted (\"probe waitdev present\"), after 'module-path'");
      e.value = path.text;
      break;
    }
  }
  return e;
}

// expect probe-storm DEV probes N cycles M
Check parse_expect_probe_storm(Cursor& c) {
  auto number = [&c](const std::string& what) {
    const Token* t = c.peek();
    if (!t || t->text.empty() || t->text.size() > 18 ||
        t->text.find_first_not_of("0123456789") != std::string::npos)
      c.expected(what);
    return static_cast<uint64_t>(std::stoull(c.next().text));
  };
  ExpectProbeStorm e;
  e.dev = c.name("the MDIO bus driver's device after 'probe-storm'");
  c.keyword({"probes"}, "'probes' after the device");
  e.probes = number("a number after 'probes'");
  c.keyword({"cycles"}, "'cycles' after the probe attempts");
  e.cycles = number("a number after 'cycles'");
  c.end();
  return e;
}

Check parse_check(Cursor& c) {
  static const std::vector<std::string> kChecks = {"carrier", "link",       "bound",   "unbound",
                                                   "netdev",  "phy",        "finding", "no-finding",
                                                   "sfp",     "probe-storm"};
  std::vector<std::string> kinds;
  for (sim::FindingKind k : sim::kAllFindingKinds) kinds.emplace_back(sim::finding_kind_name(k));
  const std::string kinds_what = "a finding kind (" + join(kinds) + ")";
  switch (c.keyword(kChecks, quoted_list(kChecks) + " after 'expect'")) {
    case 0: {
      ExpectCarrier e;
      e.iface = c.name("an interface name after 'carrier'");
      e.on = c.choice("on", "off", "'on' or 'off' after the interface name");
      return e;
    }
    case 1: {
      ExpectLink e;
      e.iface = c.name("an interface name after 'link'");
      // Only keywords and SPEED/DUPLEX can stand here, so quotes change nothing.
      const Token* state = c.peek();
      if (state && (state->text == "up" || state->text == "down")) {
        e.up = state->text == "up";
        c.next();
      } else {
        e.up = true;
        e.mode = read_speed_duplex(
            c, "SPEED/DUPLEX such as '1000/full', 'up' or 'down' after the interface name",
            {"up", "down"});
      }
      return e;
    }
    case 2: {
      ExpectBound e;
      e.dev = c.name("a device after 'bound'");
      if (!c.at_end()) e.driver = c.name("a driver name or end of line after the device");
      return e;
    }
    case 3:
      return ExpectUnbound{c.name("a device after 'unbound'")};
    case 4: {
      ExpectNetdev e;
      e.iface = c.name("an interface name after 'netdev'");
      e.present = c.choice("present", "absent", "'present' or 'absent' after the interface name");
      return e;
    }
    case 5: {
      ExpectPhy e;
      e.iface = c.name("an interface name after 'phy'");
      if (!c.accept("none")) e.phy = c.name("a PHY device or 'none' after the interface name");
      return e;
    }
    case 6: {
      std::vector<std::string> words = kinds;
      words.insert(words.begin(), "none");
      size_t i = c.keyword(words, kinds_what + " or 'none' after 'finding'");
      if (i == 0) return ExpectFinding{std::nullopt, false};
      return ExpectFinding{sim::parse_finding_kind(words[i]), true};
    }
    case 7: {
      size_t i = c.keyword(kinds, kinds_what + " after 'no-finding'");
      return ExpectFinding{sim::parse_finding_kind(kinds[i]), false};
    }
    case 8:
      return parse_expect_sfp(c);
    default:
      return parse_expect_probe_storm(c);
  }
}

Body parse_command_body(Cursor& c);

// expect fail [ERRNO] COMMAND
Check parse_expect_fail(Cursor& c) {
  ExpectFail f;
  const Token* t = c.peek();
  // EINVAL or -EINVAL: an errno name, as the kernel spells it.
  std::string_view w = t && !t->quoted ? std::string_view(t->text) : std::string_view();
  if (w.starts_with('-')) w.remove_prefix(1);
  if (w.size() > 1 && w[0] == 'E' && std::isupper(static_cast<unsigned char>(w[1]))) {
    f.err = core::errno_value(w);
    if (!f.err) {
      std::string hint = sim::did_you_mean(std::string(w), core::errno_names());
      if (hint.empty()) hint = " (known: " + join(core::errno_names()) + ")";
      c.fail(*t, "unknown errno '" + t->text + "'" + hint);
    }
    c.next();
  }
  if (c.at_end()) c.expected("a command after 'expect fail' (such as 'ethtool -s ...')");
  const Token& word = *c.peek();
  auto command = std::make_shared<Command>();
  command->loc = c.loc(word);
  command->body = parse_command_body(c);
  const Body& b = command->body;
  if (!command_traits(b).can_fail)
    c.fail(word, "'" + word.text +
                     "' cannot stand after 'expect fail': only commands that return an error "
                     "can (unbind, bind, rmmod, modprobe, ip link set, ethtool)");
  command->text = to_string(*command);
  f.command = std::move(command);
  return f;
}

Body parse_expect(Cursor& c) {
  if (c.accept("fail")) return Expect{parse_expect_fail(c)};
  Expect e{parse_check(c)};
  c.end();
  return e;
}

struct CommandDef {
  const char* word;
  Body (*parse)(Cursor&);
};

constexpr CommandDef kCommands[] = {
    {"set", parse_set},
    {"module", parse_module},
    {"phy-id", parse_phy_id},
    {"mac-facts", parse_mac_facts},
    {"boot", parse_boot},
    {"unbind", parse_unbind},
    {"bind", parse_bind},
    {"rmmod", parse_rmmod},
    {"modprobe", parse_modprobe},
    {"echo", parse_echo},
    {"ip", parse_ip},
    {"ethtool", parse_ethtool},
    {"cable", parse_cable},
    {"sfp", parse_sfp},
    {"wait", parse_wait},
    {"settle", parse_settle},
    {"expect", parse_expect},
};

}  // namespace

const std::vector<std::string>& command_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    for (const CommandDef& d : kCommands) w.emplace_back(d.word);
    for (const char* block : {"concurrently", "thread", "end"}) w.emplace_back(block);
    return w;
  }();
  return words;
}

Body parse_command(Cursor& c) { return parse_command_body(c); }

namespace {

Body parse_command_body(Cursor& c) {
  const Token& word = *c.peek();
  for (const CommandDef& d : kCommands) {
    if (word.text == d.word) {
      c.next();
      return d.parse(c);
    }
  }
  std::string hint = sim::did_you_mean(word.text, command_words());
  if (hint.empty()) hint = "; commands are: " + join(command_words());
  c.fail(word, "unknown command '" + sim::excerpt(word.text) + "'" + hint);
}

}  // namespace

}  // namespace lifeline::scenario
