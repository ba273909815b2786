// SPDX-License-Identifier: GPL-2.0-only
// The words of `lifeline --help` and `lifeline COMMAND --help`: what each
// command and option does, for a kernel network developer.
#ifndef LIFELINE_CLI_HELP_H_
#define LIFELINE_CLI_HELP_H_

#include <string>
#include <string_view>
#include <vector>

namespace lifeline::cli {

// lifeline's version: project(VERSION) in CMakeLists.txt.
inline constexpr char kVersion[] = LIFELINE_VERSION;

// The help screen's width and the column descriptions start at.
inline constexpr size_t kHelpWidth = 100;
inline constexpr size_t kHelpColumn = 26;

// Words wrapped to `width` columns, lines joined by '\n'; paragraphs (blank
// lines) and lines that start with blanks are kept as they are.
std::string wrap(std::string_view text, size_t width);

// An option's or a command's description, wrapped for the help columns.
std::string describe(std::string_view text);

std::string program_description();
// After the list of commands: common options, knobs and their designs,
// bundled boards, exit statuses, examples.
std::string program_footer(const std::vector<std::string>& bundled_boards);

// One command's description; the footer of its help (examples).
struct CommandHelp {
  const char* name;
  const char* usage;        // "lifeline run BOARD SCENARIO [OPTIONS]"
  const char* summary;      // one line, for `lifeline --help`
  const char* description;  // for `lifeline COMMAND --help`
  const char* examples;
};
const std::vector<CommandHelp>& command_help();
const CommandHelp& command_help(std::string_view name);

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_HELP_H_
