// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/values.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string_view>

#include "lifeline/sim/suggest.h"

namespace lifeline::scenario {

namespace {

// A whole decimal number in [1, INT_MAX]; nullopt otherwise.
std::optional<int> positive_int(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || v <= 0)
    return std::nullopt;
  return v;
}

std::optional<SpeedDuplex> parse_speed_duplex(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::optional<int> speed = positive_int(s.substr(0, slash));
  std::string_view duplex = s.substr(slash + 1);
  if (!speed || (duplex != "half" && duplex != "full")) return std::nullopt;
  return SpeedDuplex{*speed, duplex == "half" ? net::DUPLEX_HALF : net::DUPLEX_FULL};
}

// A duration whose nanoseconds would not fit in sim::Time; checked before
// sim::parse_duration, which does not guard against overflow.
bool duration_overflows(std::string_view s) {
  size_t unit_at = s.find_first_not_of("0123456789.");
  if (unit_at == std::string_view::npos || unit_at == 0) return false;
  std::string_view unit = s.substr(unit_at);
  sim::Time scale;
  if (unit == "h")
    scale = 3600 * sim::kSec;
  else if (unit == "min")
    scale = 60 * sim::kSec;
  else if (unit == "s")
    scale = sim::kSec;
  else if (unit == "ms")
    scale = sim::kMsec;
  else if (unit == "us")
    scale = sim::kUsec;
  else if (unit == "ns")
    scale = sim::kNsec;
  else
    return false;  // not a duration at all; parse_duration says so
  std::string_view whole = s.substr(0, std::min(unit_at, s.find('.')));
  uint64_t w = 0;
  auto r = std::from_chars(whole.data(), whole.data() + whole.size(), w);
  if (r.ec == std::errc::result_out_of_range) return true;
  return w >= static_cast<uint64_t>(std::numeric_limits<sim::Time>::max() / scale);
}

constexpr struct {
  char letter;
  uint32_t bit;
} kWolLetters[] = {{'p', kWakePhy}, {'u', kWakeUcast}, {'m', kWakeMcast},      {'b', kWakeBcast},
                   {'a', kWakeArp}, {'g', kWakeMagic}, {'s', kWakeMagicSecure}};

// "'a', 'b'", as sim::did_you_mean() lists them.
std::string quoted_names(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "'" : ", '") + n + "'";
  return s;
}

const char kWolWhat[] = "(p, u, m, b, a, g, s; or d to disable)";

}  // namespace

sim::Time read_duration(Cursor& c, const std::string& after) {
  const std::string what = "a duration such as '250ms', '1.5s' or '100us' after " + after;
  const Token* tok = c.peek();
  if (!tok) c.expected(what);
  if (duration_overflows(tok->text))
    c.fail(*tok, "expected a duration of at most 9223372036s after " + after + ", got '" +
                     tok->text + "'");
  std::optional<sim::Time> t = sim::parse_duration(tok->text);
  if (!t) {
    bool number =
        !tok->text.empty() && tok->text.find_first_not_of("0123456789.") == std::string::npos;
    c.expected(what, number ? " (a unit is needed: h, min, s, ms, us or ns)" : "");
  }
  c.next();
  return *t;
}

SpeedDuplex read_speed_duplex(Cursor& c, const std::string& what,
                              const std::vector<std::string>& alternatives) {
  const Token* tok = c.peek();
  if (!tok) c.expected(what);
  std::optional<SpeedDuplex> sd = parse_speed_duplex(tok->text);
  if (!sd) {
    // Suggest the fixed spelling of a misspelt duplex ("1000/ful"; the
    // duplex alone is compared, so that 'half' is not offered for 'ful'), or
    // one of the other words allowed here ("dwon").
    std::vector<std::string> close = sim::closest_names(tok->text, alternatives);
    size_t slash = tok->text.find('/');
    if (slash != std::string::npos && positive_int(std::string_view(tok->text).substr(0, slash))) {
      for (const std::string& d : sim::closest_names(tok->text.substr(slash + 1), {"half", "full"}))
        close.push_back(tok->text.substr(0, slash + 1) + d);
    }
    c.expected(what, close.empty() ? "" : " (did you mean " + quoted_names(close) + "?)");
  }
  c.next();
  return *sd;
}

int read_speed(Cursor& c) {
  const Token* tok = c.peek();
  std::optional<int> v = tok ? positive_int(tok->text) : std::nullopt;
  if (!v) c.expected("a speed in Mb/s greater than 0 after 'speed'");
  c.next();
  return *v;
}

uint32_t read_phy_id(Cursor& c) {
  const Token* tok = c.peek();
  std::string_view s = tok ? std::string_view(tok->text) : std::string_view();
  if (!tok || s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
    c.expected("a PHY ID such as '0x001cc916' after the device");
  uint64_t v = 0;
  std::string_view digits = s.substr(2);
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v, 16);
  if (r.ptr != digits.data() + digits.size() ||
      (r.ec != std::errc() && r.ec != std::errc::result_out_of_range))
    c.expected("a PHY ID such as '0x001cc916' after the device");
  if (r.ec == std::errc::result_out_of_range || v > 0xffffffffu)
    c.expected("a PHY ID that fits in 32 bits");
  c.next();
  return static_cast<uint32_t>(v);
}

uint32_t read_wol_flags(Cursor& c) {
  const Token* tok = c.peek();
  if (!tok || tok->text.empty())
    c.expected(std::string("wake-on-LAN flags ") + kWolWhat + " after 'wol'");
  uint32_t flags = 0;
  for (size_t i = 0; i < tok->text.size(); ++i) {
    char ch = tok->text[i];
    if (ch == 'd') {
      if (tok->text.size() > 1)
        c.fail(*tok,
               "expected 'd' alone: it disables wake-on-LAN and cannot be combined with "
               "other flags, got '" +
                   tok->text + "'");
      continue;
    }
    bool known = false;
    for (const auto& l : kWolLetters) {
      if (l.letter == ch) {
        flags |= l.bit;
        known = true;
      }
    }
    if (!known)
      c.fail(Loc{c.here().line, tok->text_column + static_cast<int>(i)},
             std::string("expected a wake-on-LAN flag ") + kWolWhat + ", got '" + ch + "' in '" +
                 tok->text + "'");
  }
  c.next();
  return flags;
}

std::string format_wol_flags(uint32_t flags) {
  std::string s;
  for (const auto& l : kWolLetters)
    if (flags & l.bit) s += l.letter;
  return s.empty() ? "d" : s;
}

Advertise read_advertise(Cursor& c, const std::vector<std::string>& stop) {
  const std::string what =
      "a hex mask such as '0x020' or link mode names such as '1000baseT/Full' after 'advertise'";
  auto is_stop = [&](const Token* t) {
    return !t || (!t->quoted && std::find(stop.begin(), stop.end(), t->text) != stop.end());
  };
  const Token* first = c.peek();
  if (is_stop(first)) c.expected(what);
  Advertise adv;
  const std::string& text = first->text;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    std::optional<std::vector<int>> bits = net::parse_hex_bits(text);
    if (!bits) c.expected("a hex mask such as '0x020' after 'advertise'");
    for (int bit : *bits) {
      if (!net::find_link_mode(bit))
        c.fail(*first, "advertise mask '" + text + "' sets bit " + std::to_string(bit) +
                           ", which is not a link mode of Linux 6.12 (the last is bit " +
                           std::to_string(net::__ETHTOOL_LINK_MODE_MASK_NBITS - 1) +
                           "; see docs/scenarios.md)");
      adv.modes.set(bit);
    }
    c.next();
    return adv;
  }
  if (text.find_first_not_of("0123456789") == std::string::npos)
    c.expected(what, " (a mask is hex and starts with '0x')");
  std::vector<std::string> names;
  for (const net::LinkMode& m : net::link_modes()) names.emplace_back(m.name);
  while (!is_stop(c.peek())) {
    const Token& tok = *c.peek();
    const net::LinkMode* mode = net::find_link_mode(tok.text);
    if (!mode) {
      const std::string hint = (tok.text == "on" || tok.text == "off")
                                   ? " (list the modes to advertise, without on/off)"
                                   : sim::did_you_mean(tok.text, names);
      c.expected("a link mode name such as '1000baseT/Full'", hint);
    }
    adv.modes.set(mode->bit);
    adv.names.push_back(Name{tok.text, {c.here().line, tok.text_column}});
    c.next();
  }
  return adv;
}

}  // namespace lifeline::scenario
