// SPDX-License-Identifier: GPL-2.0-only
// The canonical text of a command: the short form of every command (an
// `echo DEV > /sys/bus/BUS/drivers/DRV/unbind` prints as `unbind DEV DRV bus
// BUS`), names quoted only when they must be. Timelines print commands this
// way, and parsing the printed text gives the same syntax tree back.
#ifndef LIFELINE_SCENARIO_PRINT_H_
#define LIFELINE_SCENARIO_PRINT_H_

#include <string>
#include <string_view>

#include "lifeline/scenario/ast.h"

namespace lifeline::scenario {

// One line, except for `concurrently`, whose block is printed over several
// lines (inner lines indented by two spaces, no final newline).
std::string to_string(const Command& command);
std::string to_string(const Check& check);

// The whole scenario, one command per line, each ending in a newline; an
// implicit boot is left out, so that it stays implicit when parsed again.
std::string to_string(const Scenario& scenario);

// The word a command is written with ("unbind", "ethtool", "expect"), for
// messages about a command.
std::string_view command_word(const Body& body);
// The option an ethtool get request is written with, and a space ("" for
// the link settings: `ethtool IF`).
const char* ethtool_query_option(EthtoolQuery q);

// `text` as one word of the language: bare when it can be, else quoted.
std::string quote_word(std::string_view text);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_PRINT_H_
