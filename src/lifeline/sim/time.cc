// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/time.h"

#include <fmt/format.h>

#include <charconv>

namespace lifeline::sim {

std::string format_timestamp(Time t) {
  return fmt::format("{:4d}.{:06d}", t / kSec, (t % kSec) / kUsec);
}

std::string format_duration(Time t) {
  struct Unit {
    Time scale;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{kSec, "s"}, {kMsec, "ms"}, {kUsec, "us"}, {kNsec, "ns"}};
  if (t == 0) return "0s";
  for (const Unit& u : kUnits) {
    if (t >= u.scale || u.scale == kNsec) {
      if (t % u.scale == 0) return fmt::format("{}{}", t / u.scale, u.name);
      std::string s = fmt::format("{:.3f}", static_cast<double>(t) / static_cast<double>(u.scale));
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
      return s + u.name;
    }
  }
  return fmt::format("{}ns", t);
}

std::optional<Time> parse_duration(std::string_view text) {
  size_t unit_at = 0;
  while (unit_at < text.size() &&
         ((text[unit_at] >= '0' && text[unit_at] <= '9') || text[unit_at] == '.'))
    ++unit_at;
  if (unit_at == 0) return std::nullopt;
  std::string_view number = text.substr(0, unit_at);
  std::string_view unit = text.substr(unit_at);
  Time scale;
  if (unit == "h")
    scale = 3600 * kSec;
  else if (unit == "min")
    scale = 60 * kSec;
  else if (unit == "s")
    scale = kSec;
  else if (unit == "ms")
    scale = kMsec;
  else if (unit == "us")
    scale = kUsec;
  else if (unit == "ns")
    scale = kNsec;
  else
    return std::nullopt;
  // Whole and fractional parts are read separately so "1.5s" is exact.
  size_t dot = number.find('.');
  std::string_view whole = number.substr(0, dot);
  int64_t w = 0;
  if (!whole.empty()) {
    auto r = std::from_chars(whole.data(), whole.data() + whole.size(), w);
    if (r.ec != std::errc() || r.ptr != whole.data() + whole.size()) return std::nullopt;
  }
  Time result = w * scale;
  if (dot != std::string_view::npos) {
    std::string_view frac = number.substr(dot + 1);
    if (frac.empty() || frac.find('.') != std::string_view::npos) return std::nullopt;
    Time place = scale;
    for (char c : frac) {
      place /= 10;
      if (place == 0) return std::nullopt;  // finer than a nanosecond
      result += (c - '0') * place;
    }
  }
  if (whole.empty() && dot == std::string_view::npos) return std::nullopt;
  return result;
}

}  // namespace lifeline::sim
