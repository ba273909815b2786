// SPDX-License-Identifier: GPL-2.0-only
// The typed values of scenario lines (durations, SPEED/DUPLEX, PHY IDs,
// wake-on-LAN flags, advertise masks), each read from a Cursor so that a bad
// value is reported at its own column with what was expected.
#ifndef LIFELINE_SCENARIO_VALUES_H_
#define LIFELINE_SCENARIO_VALUES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/cursor.h"
#include "lifeline/sim/time.h"

namespace lifeline::scenario {

// "250ms", "2s", "1.5s", "100us", "10ns" (sim::parse_duration), within the
// virtual clock's range. `after` names what precedes it ("'wait'").
sim::Time read_duration(Cursor& c, const std::string& after);

// "1000/full", "100/half". `what` is the whole expectation ("SPEED/DUPLEX
// such as ... after ..."); `alternatives` are the other words allowed in this
// place, offered as suggestions.
SpeedDuplex read_speed_duplex(Cursor& c, const std::string& what,
                              const std::vector<std::string>& alternatives = {});

// A positive number of Mb/s, after ethtool's `speed`.
int read_speed(Cursor& c);

// "0x001cc916": hex, at most 32 bits.
uint32_t read_phy_id(Cursor& c);

// ethtool's wake-on-LAN letters: p u m b a g s, or d alone. Returns kWake* bits.
uint32_t read_wol_flags(Cursor& c);

// After ethtool's `advertise`: one hex mask, or link mode names up to the next
// word in `stop` (the other ethtool settings) or the end of the line.
Advertise read_advertise(Cursor& c, const std::vector<std::string>& stop);

// The wake-on-LAN letters of `flags`, in ethtool's order; "d" for none.
std::string format_wol_flags(uint32_t flags);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_VALUES_H_
