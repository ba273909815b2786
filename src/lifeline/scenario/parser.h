// SPDX-License-Identifier: GPL-2.0-only
// The scenario parser: text to a Scenario (ast.h), or a sim::UserError naming
// the file, line and column of the first bad word and what was expected. The
// language is described, with examples, in docs/scenarios.md.
#ifndef LIFELINE_SCENARIO_PARSER_H_
#define LIFELINE_SCENARIO_PARSER_H_

#include <string>
#include <string_view>

#include "lifeline/scenario/ast.h"

namespace lifeline::scenario {

// `file` is only used in messages and kept in Scenario::file.
Scenario parse_scenario(std::string_view text, const std::string& file);

// Reads and parses the file at `path`; a file that cannot be read is a
// sim::UserError too.
Scenario load_scenario(const std::string& path);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_PARSER_H_
