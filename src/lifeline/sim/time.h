// SPDX-License-Identifier: GPL-2.0-only
// Virtual time. Nothing in the model reads the host clock: the engine's clock
// starts at zero for every execution and jumps to the next timer deadline when
// no task can run.
#ifndef LIFELINE_SIM_TIME_H_
#define LIFELINE_SIM_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lifeline::sim {

// Nanoseconds of virtual time since the start of the execution.
using Time = int64_t;

inline constexpr Time kNsec = 1;
inline constexpr Time kUsec = 1000 * kNsec;
inline constexpr Time kMsec = 1000 * kUsec;
inline constexpr Time kSec = 1000 * kMsec;
inline constexpr Time kForever = INT64_MAX;

constexpr Time msecs(int64_t ms) { return ms * kMsec; }
constexpr Time secs(int64_t s) { return s * kSec; }

// dmesg style: "   1.250000" (seconds with microseconds), width 11.
std::string format_timestamp(Time t);

// Short human form: "250ms", "2s", "1.5s", "30us".
std::string format_duration(Time t);

// Parses "24h", "5min", "250ms", "2s", "1.5s", "100us", "10ns"; nullopt when
// malformed.
std::optional<Time> parse_duration(std::string_view text);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_TIME_H_
