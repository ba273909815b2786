// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/text_util.h"

#include "lifeline/net/knobs.h"

namespace lifeline::report {

std::string stamp(sim::Time t) { return "[" + sim::format_timestamp(t) + "]"; }

std::string or_dash(std::string_view text) { return text.empty() ? "-" : std::string(text); }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) s += separator;
    s += parts[i];
  }
  return s;
}

std::string knobs_text(const std::map<std::string, std::string>& knobs) {
  std::vector<std::string> parts;
  for (const net::KnobInfo& k : net::knob_table()) {
    auto it = knobs.find(std::string(k.name));
    if (it != knobs.end()) parts.push_back(it->first + "=" + it->second);
  }
  for (const auto& [name, value] : knobs)
    if (!net::find_knob(name)) parts.push_back(name + "=" + value);
  return join(parts, " ");
}

std::string count_of(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string indent_lines(std::string_view text, std::string_view indent) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  std::string out;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!line.empty()) out += indent;  // no trailing blanks on empty lines
    out += line;
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string wrap_words(std::string_view text, size_t width, std::string_view first,
                       std::string_view rest) {
  std::string out(first);
  size_t col = first.size();
  bool start = true;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    i = j + 1;
    if (word.empty()) continue;
    if (!start && col + 1 + word.size() > width) {
      out += "\n";
      out += rest;
      col = rest.size();
      start = true;
    }
    if (!start) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    start = false;
  }
  return out + "\n";
}

}  // namespace lifeline::report
