// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/options.h"

#include <algorithm>
#include <charconv>

#include "lifeline/net/knobs.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/time.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

std::vector<std::string> value_names(const net::KnobInfo& k) {
  std::vector<std::string> names;
  for (const net::KnobValue& v : k.values) names.emplace_back(v.name);
  return names;
}

}  // namespace

std::string list_of(const std::vector<std::string>& names) {
  std::string s = "(";
  for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
  return s + ")";
}

std::map<std::string, std::string> parse_sets(const std::vector<std::string>& args) {
  std::map<std::string, std::string> knobs;
  for (const std::string& arg : args) {
    std::string what = "--set " + arg;
    size_t eq = arg.find('=');
    if (eq == std::string::npos)
      throw sim::UserError(what + ": expected KNOB=VALUE, for example --set phy-loss=replay");
    std::string name = arg.substr(0, eq), value = arg.substr(eq + 1);
    net::validate_knob(name, value, what);
    auto [it, fresh] = knobs.emplace(name, value);
    if (!fresh)
      throw sim::UserError(what + ": knob '" + name + "' is set twice (first to '" + it->second +
                           "')");
  }
  return knobs;
}

std::pair<std::string, std::vector<std::string>> parse_vary(const std::string& arg) {
  std::string what = "--vary " + arg;
  size_t eq = arg.find('=');
  std::string name = arg.substr(0, eq);
  net::validate_knob(name, std::nullopt, what);
  const net::KnobInfo& k = *net::find_knob(name);
  if (eq == std::string::npos) return {name, value_names(k)};
  std::vector<std::string> values;
  std::string list = arg.substr(eq + 1);
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    std::string v = list.substr(start, comma == std::string::npos ? comma : comma - start);
    net::validate_knob(name, v, what);
    if (std::find(values.begin(), values.end(), v) != values.end())
      throw sim::UserError(what + ": value '" + v + "' is listed twice");
    values.push_back(v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return {name, values};
}

std::vector<std::pair<std::string, uint32_t>> parse_phy_ids(const std::vector<std::string>& args) {
  std::vector<std::pair<std::string, uint32_t>> out;
  for (const std::string& arg : args) {
    std::string what = "--phy-id " + arg;
    size_t eq = arg.rfind('=');
    std::string dev = eq == std::string::npos ? "" : arg.substr(0, eq);
    std::string id = eq == std::string::npos ? "" : arg.substr(eq + 1);
    if (dev.empty())
      throw sim::UserError(what + ": expected DEV=0xID, for example --phy-id &phy0=0x001cc916");
    uint64_t v = 0;
    std::string_view digits = std::string_view(id).substr(std::min<size_t>(2, id.size()));
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, 16);
    if (id.size() < 3 || id[0] != '0' || (id[1] != 'x' && id[1] != 'X') ||
        end != digits.data() + digits.size() || ec == std::errc::invalid_argument)
      throw sim::UserError(what + ": expected a PHY ID such as '0x001cc916' after '=', got '" + id +
                           "'");
    if (ec == std::errc::result_out_of_range || v > 0xffffffffu)
      throw sim::UserError(what + ": expected a PHY ID that fits in 32 bits, got '" + id + "'");
    out.emplace_back(dev, static_cast<uint32_t>(v));
  }
  return out;
}

uint64_t parse_number(const std::string& option, const std::string& text, uint64_t min) {
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw sim::UserError(option + ": expected a number" +
                         (min > 0 ? " of at least " + std::to_string(min) : std::string()) +
                         ", got '" + text + "'");
  if (n < min)
    throw sim::UserError(option + ": expected a number of at least " + std::to_string(min) +
                         ", got '" + text + "'");
  return n;
}

std::string parse_choice(const std::string& option, const std::string& text,
                         const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), text) != choices.end()) return text;
  throw sim::UserError(option + ": expected one of " + list_of(choices) + ", got '" + text + "'" +
                       sim::did_you_mean(text, choices));
}

std::map<std::string, std::string> parse_modules(const std::vector<std::string>& args) {
  std::map<std::string, std::string> out;
  for (const std::string& arg : args) {
    std::string what = "--module " + arg;
    size_t eq = arg.find('=');
    std::string name = eq == std::string::npos ? "" : arg.substr(0, eq);
    std::string mode = eq == std::string::npos ? "" : arg.substr(eq + 1);
    if (name.empty())
      throw sim::UserError(what +
                           ": expected NAME=MODE, for example --module pse_regulator=late:5s");
    bool late = mode.starts_with("late:") && sim::parse_duration(mode.substr(5));
    if (!late && mode != "builtin" && mode != "absent")
      throw sim::UserError(what +
                           ": expected 'builtin', 'late:TIME' (such as late:5s) or 'absent' "
                           "after '=', got '" +
                           mode + "'");
    out[name] = mode;
  }
  return out;
}

}  // namespace lifeline::cli
