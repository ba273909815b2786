// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/guest_script.h"

#include <fmt/format.h>

#include "lifeline/scenario/print.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

[[noreturn]] void refuse(const Scenario& s, const Command& c, const std::string& why) {
  throw sim::UserError(s.file, c.loc.line, c.loc.column,
                       "kernel-check cannot play '" + c.text + "': " + why);
}

std::string opt(const std::optional<Name>& n) { return guest_quote(n ? n->text : ""); }

std::string wol_letters(uint32_t flags) {
  if (!flags) return "d";
  static constexpr std::pair<uint32_t, char> kLetters[] = {
      {kWakePhy, 'p'}, {kWakeUcast, 'u'}, {kWakeMcast, 'm'},       {kWakeBcast, 'b'},
      {kWakeArp, 'a'}, {kWakeMagic, 'g'}, {kWakeMagicSecure, 's'},
  };
  std::string s;
  for (auto [bit, letter] : kLetters)
    if (flags & bit) s += letter;
  return s;
}

std::string seconds(sim::Time t) {
  // busybox's sleep takes fractions.
  std::string s = fmt::format("{:.3f}", static_cast<double>(t) / static_cast<double>(sim::kSec));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string guest_quote(const std::string& word) {
  if (word.empty()) return "''";
  bool safe = true;
  for (char ch : word)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) ||
          std::string_view("@%+=:,./_-").find(ch) != std::string_view::npos))
      safe = false;
  if (safe) return word;
  std::string q = "'";
  for (char ch : word) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return q + "'";
}

GuestScript translate_for_guest(const Scenario& scenario, const GuestOptions& options) {
  GuestScript out;
  out.shell = "# The scenario " + scenario.file + ", translated by lifeline for kernel-check.\n";
  for (size_t i = 0; i < scenario.boot_index && i < scenario.commands.size(); ++i) {
    if (std::holds_alternative<ModuleCmd>(scenario.commands[i].body))
      refuse(scenario, scenario.commands[i],
             "the guest loads the board's modules from its initramfs at boot");
    if (std::holds_alternative<MacFacts>(scenario.commands[i].body))
      refuse(scenario, scenario.commands[i],
             "mac-facts gives the model's MAC another driver's facts; the guest runs its own "
             "driver");
  }
  int last_checkpoint = 0;  // the check point no action came after yet
  for (size_t i = scenario.boot_index + 1; i < scenario.commands.size(); ++i) {
    const Command& c = scenario.commands[i];
    GuestStep st;
    st.index = static_cast<int>(out.steps.size()) + 1;
    st.command = i;
    st.line = c.loc.line;
    st.text = to_string(c);
    bool snap = false;
    // `self` translates the command that `expect fail` wraps: on the guest
    // it is the action itself, whose result both sides report.
    auto translate = [&](const Command& cmd, const auto& self) -> void {
      std::visit(
          [&](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, Unbind>) {
              st.guest =
                  "unbind " + guest_quote(b.dev.text) + " " + opt(b.driver) + " " + opt(b.bus);
            } else if constexpr (std::is_same_v<T, Bind>) {
              st.guest = "bind " + guest_quote(b.dev.text) + " " + opt(b.driver) + " " + opt(b.bus);
            } else if constexpr (std::is_same_v<T, Rmmod>) {
              st.guest = "run rmmod " + guest_quote(b.module.text);
            } else if constexpr (std::is_same_v<T, Modprobe>) {
              // The guest has the modules in /lib/modules, loaded with insmod.
              std::string m = b.module.text;
              for (char& ch : m)
                if (ch == '-') ch = '_';
              st.guest = "run insmod " + guest_quote("/lib/modules/" + m + ".ko");
            } else if constexpr (std::is_same_v<T, LinkSet>) {
              st.guest = "link " + guest_quote(b.iface.text) + (b.up ? " up" : " down");
            } else if constexpr (std::is_same_v<T, EthtoolSettings>) {
              std::string line = "run ethtool -s " + guest_quote(b.iface.text);
              if (b.speed) line += " speed " + std::to_string(*b.speed);
              if (b.duplex) line += std::string(" duplex ") + net::duplex_name(*b.duplex);
              if (b.autoneg) line += *b.autoneg ? " autoneg on" : " autoneg off";
              if (b.advertise)
                line += " advertise " + net::format_link_mode_mask(b.advertise->modes);
              st.guest = line;
            } else if constexpr (std::is_same_v<T, EthtoolWol>) {
              st.guest =
                  "run ethtool -s " + guest_quote(b.iface.text) + " wol " + wol_letters(b.flags);
            } else if constexpr (std::is_same_v<T, EthtoolGet>) {
              st.guest = std::string("run ethtool ") + ethtool_query_option(b.query) +
                         guest_quote(b.iface.text);
              if (b.query == EthtoolQuery::kSetPse)
                st.guest += " " + b.pse_control + (b.pse_enable ? " enable" : " disable");
            } else if constexpr (std::is_same_v<T, Cable>) {
              // QEMU's emulated link partner is always there: a plain plug
              // before anything else is the state the machine starts in.
              if (!b.plug)
                refuse(scenario, cmd,
                       "the emulated machine has no cable to unplug (QEMU's NIC always has a "
                       "link partner)");
              if (b.partner)
                refuse(scenario, cmd,
                       "the emulated link partner's modes are QEMU's; write 'cable " +
                           b.target.text + " plug' without a mode");
              st.kind = GuestStep::Kind::kNoop;
            } else if constexpr (std::is_same_v<T, Sfp>) {
              refuse(scenario, cmd, "the emulated machine has no SFP cage");
            } else if constexpr (std::is_same_v<T, Concurrently>) {
              refuse(scenario, cmd,
                     "the guest runs commands one after another; explore concurrency with "
                     "`lifeline explore`");
            } else if constexpr (std::is_same_v<T, Wait>) {
              st.kind = GuestStep::Kind::kWait;
              st.guest = "sleep " + seconds(b.duration);
              out.budget_s += static_cast<double>(b.duration) / static_cast<double>(sim::kSec);
              snap = true;
            } else if constexpr (std::is_same_v<T, Settle>) {
              st.kind = GuestStep::Kind::kSettle;
              st.guest = "settle " + std::to_string(options.settle_bound_s);
              out.budget_s += 3;
              snap = true;
            } else if constexpr (std::is_same_v<T, Expect>) {
              if (const auto* f = std::get_if<ExpectFail>(&b.check)) return self(*f->command, self);
              st.kind = GuestStep::Kind::kExpect;
              // An expect about findings observes nothing on the guest (and a
              // read of the netdev's state would wait for rtnl).
              snap = last_checkpoint == 0 && !std::holds_alternative<ExpectFinding>(b.check);
            } else if constexpr (std::is_same_v<T, ModuleCmd>) {
              refuse(scenario, cmd,
                     "the guest loads the board's modules from its initramfs at boot");
            } else if constexpr (std::is_same_v<T, SetKnob> || std::is_same_v<T, PhyId> ||
                                 std::is_same_v<T, MacFacts> || std::is_same_v<T, Boot>) {
              // set and phy-id configure the model only (mac-facts is refused above);
              // boot is the guest's own.
              st.kind = GuestStep::Kind::kNoop;
            } else {
              static_assert(sizeof(T) == 0, "a command the guest script does not translate");
            }
          },
          cmd.body);
    };
    translate(c, translate);
    if (st.kind == GuestStep::Kind::kAction) {
      out.budget_s += 1;
      last_checkpoint = 0;
    }
    if (snap) last_checkpoint = st.index;
    st.checkpoint = st.kind == GuestStep::Kind::kExpect ? last_checkpoint : (snap ? st.index : 0);
    out.shell += fmt::format("step {}  # line {}: {}\n", st.index, st.line, st.text);
    if (!st.guest.empty()) out.shell += st.guest + "\n";
    if (snap) out.shell += fmt::format("snap {}\n", st.index);
    out.steps.push_back(std::move(st));
  }
  return out;
}

}  // namespace lifeline::scenario
