// SPDX-License-Identifier: GPL-2.0-only
// The values of the command-line options, checked, with messages in the
// scenario parser's words ("expected ..., got '...' (did you mean ...?)").
// Each throws sim::UserError on bad input.
#ifndef LIFELINE_CLI_OPTIONS_H_
#define LIFELINE_CLI_OPTIONS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lifeline::cli {

// --set KNOB=VALUE, every occurrence: the modelled knobs of net::knob_table()
// and their values (net::validate_knob()). A knob given twice is an error, even with the same value
// (one of the two is a mistake).
std::map<std::string, std::string> parse_sets(const std::vector<std::string>& args);

// --vary KNOB=V1,V2,... ; `--vary KNOB` alone means every value of the knob,
// in the order of net::knob_table().
std::pair<std::string, std::vector<std::string>> parse_vary(const std::string& arg);

// --phy-id DEV=0xID, every occurrence, in order: DEV as written and the ID
// (a hexadecimal number of at most 32 bits, as a scenario's `phy-id` line).
std::vector<std::pair<std::string, uint32_t>> parse_phy_ids(const std::vector<std::string>& args);
// --module NAME=builtin|late:TIME|absent, every occurrence: NAME -> mode as
// written (the last one for a NAME wins).
std::map<std::string, std::string> parse_modules(const std::vector<std::string>& args);

// A number for `option` (--seed, --bound, --budget), at least `min`.
uint64_t parse_number(const std::string& option, const std::string& text, uint64_t min = 0);

// One of `choices` for `option` (--strategy, --format).
std::string parse_choice(const std::string& option, const std::string& text,
                         const std::vector<std::string>& choices);

// "(a, b, c)": how the parser lists what it expected.
std::string list_of(const std::vector<std::string>& names);

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_OPTIONS_H_
