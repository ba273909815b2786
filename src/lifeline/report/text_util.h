// SPDX-License-Identifier: GPL-2.0-only
// Small pieces shared by the text reports: timestamps, empty cells, knob
// lists, counts in words.
#ifndef LIFELINE_REPORT_TEXT_UTIL_H_
#define LIFELINE_REPORT_TEXT_UTIL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/time.h"

namespace lifeline::report {

// "[   1.250000]", as dmesg prints it.
std::string stamp(sim::Time t);

// The text, or "-" when it is empty: an empty table cell reads as missing.
std::string or_dash(std::string_view text);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

// "phy-loss=mainline pse=mainline ...", in the order of the knob
// table (net::knob_table()) (not alphabetical), then any knob the table does not know.
std::string knobs_text(const std::map<std::string, std::string>& knobs);

// "1 finding", "2 findings".
std::string count_of(size_t n, std::string_view singular, std::string_view plural);

// Indents every line of `text` (which may hold newlines) by `indent`; the
// result ends with a newline.
std::string indent_lines(std::string_view text, std::string_view indent);

// `text` wrapped at blanks to lines of at most `width` columns (a longer
// word stays whole), the first line starting with `first`, the others with
// `rest`; ends with a newline.
std::string wrap_words(std::string_view text, size_t width, std::string_view first,
                       std::string_view rest);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_TEXT_UTIL_H_
