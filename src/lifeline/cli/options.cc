// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/options.h"

#include <algorithm>
#include <charconv>

#include "lifeline/net/knobs.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

std::vector<std::string> knob_names() {
  std::vector<std::string> names;
  for (const net::KnobInfo& k : net::knob_table()) names.emplace_back(k.name);
  return names;
}

std::vector<std::string> value_names(const net::KnobInfo& k) {
  std::vector<std::string> names;
  for (const net::KnobValue& v : k.values) names.emplace_back(v.name);
  return names;
}

// `what` is the option as written, for the start of the message.
const net::KnobInfo& knob(const std::string& what, const std::string& name) {
  const net::KnobInfo* k = net::find_knob(name);
  if (!k)
    throw sim::UserError(what + ": expected a knob " + list_of(knob_names()) + ", got '" + name +
                         "'" + sim::did_you_mean(name, knob_names()));
  return *k;
}

void check_value(const std::string& what, const net::KnobInfo& k, const std::string& value) {
  if (net::knob_has_value(k, value)) return;
  std::string got = value.empty() ? "nothing" : "'" + value + "'";
  throw sim::UserError(what + ": expected a value for '" + std::string(k.name) + "' " +
                       list_of(value_names(k)) + ", got " + got +
                       sim::did_you_mean(value, value_names(k)));
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
    const net::KnobInfo& k = knob(what, name);
    check_value(what, k, value);
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
  const net::KnobInfo& k = knob(what, name);
  if (eq == std::string::npos) return {name, value_names(k)};
  std::vector<std::string> values;
  std::string list = arg.substr(eq + 1);
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    std::string v = list.substr(start, comma == std::string::npos ? comma : comma - start);
    check_value(what, k, v);
    if (std::find(values.begin(), values.end(), v) != values.end())
      throw sim::UserError(what + ": value '" + v + "' is listed twice");
    values.push_back(v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return {name, values};
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

}  // namespace lifeline::cli
