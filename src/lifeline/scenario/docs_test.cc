// SPDX-License-Identifier: GPL-2.0-only
// docs/scenarios.md is the language's manual: its examples must parse, and
// it must name every command and every link mode the parser knows.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "lifeline/net/link_mode.h"
#include "lifeline/scenario/commands.h"
#include "lifeline/scenario/parser.h"

namespace lifeline::scenario {
namespace {

std::string manual() {
  std::ifstream in(std::string(LIFELINE_SOURCE_DIR) + "/docs/scenarios.md");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The bodies of the ```scenario blocks, with the line each starts on.
std::vector<std::pair<int, std::string>> scenario_blocks(const std::string& doc) {
  std::vector<std::pair<int, std::string>> blocks;
  std::istringstream in(doc);
  std::string line;
  int number = 0;
  bool inside = false;
  for (; std::getline(in, line); ++number) {
    if (!inside && line == "```scenario") {
      inside = true;
      blocks.emplace_back(number + 2, "");
    } else if (inside && line == "```") {
      inside = false;
    } else if (inside) {
      blocks.back().second += line + "\n";
    }
  }
  EXPECT_FALSE(inside) << "unterminated ```scenario block";
  return blocks;
}

TEST(Docs, EveryExampleParses) {
  auto blocks = scenario_blocks(manual());
  EXPECT_GE(blocks.size(), 8u);
  for (const auto& [line, text] : blocks) {
    SCOPED_TRACE("docs/scenarios.md block starting on line " + std::to_string(line));
    EXPECT_NO_THROW(parse_scenario(text, "docs/scenarios.md")) << text;
  }
}

TEST(Docs, NamesEveryCommand) {
  std::string doc = manual();
  for (const std::string& word : command_words())
    EXPECT_NE(doc.find("`" + word), std::string::npos) << word;
}

TEST(Docs, LinkModeTableIsTheParsers) {
  std::string doc = manual();
  for (const net::LinkMode& m : net::link_modes()) {
    net::LinkModes mask;
    mask.set(m.bit);
    std::string row = "`" + std::string(m.name) + "` | " + std::to_string(m.bit) + " | `" +
                      net::format_link_mode_mask(mask) + "`";
    EXPECT_NE(doc.find(row), std::string::npos) << row;
  }
}

}  // namespace
}  // namespace lifeline::scenario
