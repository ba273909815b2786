// SPDX-License-Identifier: GPL-2.0-only
// Helpers for the scenario layer's tests.
#ifndef LIFELINE_SCENARIO_TEST_UTIL_H_
#define LIFELINE_SCENARIO_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/run_result.h"
#include "lifeline/sim/test_util.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario::testing {

inline constexpr char kFile[] = "s.scn";

inline Scenario parse(std::string_view text) { return parse_scenario(text, kFile); }

// The one action of a scenario made of a single action line (plus the
// implicit boot in front of it).
inline const Command& only_action(const Scenario& s) {
  EXPECT_EQ(s.commands.size(), 2u);
  EXPECT_FALSE(s.explicit_boot);
  EXPECT_EQ(s.boot_index, 0u);
  return s.commands.back();
}

template <typename T>
T only(std::string_view text) {
  Scenario s = parse(text);
  return std::get<T>(only_action(s).body);
}

template <typename T>
T only_check(std::string_view text) {
  return std::get<T>(only<Expect>(text).check);
}

// Parsing `text` fails with exactly this message at this line and column.
inline ::testing::AssertionResult fails_with(std::string_view text, int line, int column,
                                             const std::string& message,
                                             const std::string& file = kFile) {
  try {
    parse_scenario(text, file);
  } catch (const sim::UserError& e) {
    if (e.file() == file && e.line() == line && e.column() == column && e.message() == message)
      return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "\n  got:      " << e.what()
           << "\n  expected: " << sim::UserError::format(file, line, column, message);
  }
  return ::testing::AssertionFailure() << "parsed without an error";
}

// A run as a test's failure message shows it: its findings (with their
// details), the expects that failed, then its timeline.
inline std::string describe_run(const RunResult& r) {
  std::string s = sim::testing::format_findings(r.findings);
  for (const ExpectResult& e : r.expects)
    if (!e.passed)
      s += "FAILED line " + std::to_string(e.line) + ": expect " + e.text + " (got " + e.actual +
           ")\n";
  for (const TimelineEntry& t : r.timeline)
    s += sim::format_timestamp(t.time) + " " + t.task + ": " + t.text + "\n";
  return s;
}

}  // namespace lifeline::scenario::testing

#endif  // LIFELINE_SCENARIO_TEST_UTIL_H_
