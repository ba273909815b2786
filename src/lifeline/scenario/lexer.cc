// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/lexer.h"

#include <cstdio>

#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool is_quote(char c) { return c == '"' || c == '\''; }

// The longest word: PATH_MAX, the longest sysfs path the kernel takes.
constexpr size_t kMaxWordBytes = 4096;

// A byte a scenario never holds, as a message shows it: "\0", "\x01".
std::string shown_byte(unsigned char c) {
  if (c == 0) return "\\0";
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

// The line with unprintable bytes spelt out, cut short: for messages.
std::string shown_line(std::string_view raw) {
  std::string out;
  for (unsigned char c : raw.substr(0, std::min<size_t>(raw.size(), 60)))
    out +=
        (c < 0x20 && c != '\t') || c == 0x7f ? shown_byte(c) : std::string(1, static_cast<char>(c));
  if (raw.size() > 60) out += "...";
  return out;
}

// What no scenario line may hold, found before the words are split: a NUL
// byte or another control character (a binary file, or a file saved as
// UTF-16), and a UTF-8 byte-order mark, which editors hide but which would
// glue itself to the first word.
void check_bytes(std::string_view raw, int number, const std::string& file) {
  if (raw.size() > sim::kMaxLineBytes)
    throw sim::UserError(file, number, 0,
                         "line " + std::to_string(number) + " is " + std::to_string(raw.size()) +
                             " bytes long, over " + sim::size_text(sim::kMaxLineBytes) +
                             ", lifeline's limit for a scenario line: '" + shown_line(raw) + "'");
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == 0xef && raw.substr(i, 3) == "\xef\xbb\xbf")
      throw sim::UserError(
          file, number, static_cast<int>(i) + 1,
          std::string("expected text, got a UTF-8 byte-order mark (bytes EF BB BF, U+FEFF)") +
              (i == 0 && number == 1 ? " at the start of the file; save it without one"
                                     : "; remove it"));
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\v' && c != '\f') || c == 0x7f)
      throw sim::UserError(file, number, static_cast<int>(i) + 1,
                           "expected text, got " +
                               (c == 0 ? std::string("a NUL byte (\\0)")
                                       : "the control character " + shown_byte(c)) +
                               " in '" + shown_line(raw) + "'" +
                               (c == 0 ? " (a binary file, or one saved as UTF-16?)" : ""));
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

Line lex_line(std::string_view raw, int number, const std::string& file) {
  check_bytes(raw, number, file);
  Line line;
  line.number = number;
  auto fail = [&](size_t at, const std::string& message) {
    throw sim::UserError(file, number, static_cast<int>(at) + 1, message);
  };
  size_t i = 0;
  size_t comment = raw.size();
  while (i < raw.size()) {
    char c = raw[i];
    if (is_blank(c)) {
      ++i;
      continue;
    }
    if (c == '#') {
      comment = i;
      break;
    }
    Token tok;
    tok.column = static_cast<int>(i) + 1;
    if (c == '>') {
      size_t n = (i + 1 < raw.size() && raw[i + 1] == '>') ? 2 : 1;
      tok.text = std::string(raw.substr(i, n));
      tok.text_column = tok.column;
      i += n;
    } else if (is_quote(c)) {
      size_t close = raw.find(c, i + 1);
      if (close == std::string_view::npos)
        fail(i, std::string("expected a closing ") + c + " for the quote, got end of line");
      tok.text = std::string(raw.substr(i + 1, close - i - 1));
      tok.text_column = tok.column + 1;
      tok.quoted = true;
      i = close + 1;
      // A quote wraps a whole word; what may follow it directly is what
      // ends a word anyway.
      if (i < raw.size() && !is_blank(raw[i]) && raw[i] != '#' && raw[i] != '>')
        fail(i, std::string("expected a blank after the closing ") + c + ", got '" + raw[i] + "'");
    } else {
      size_t start = i;
      while (i < raw.size() && !is_blank(raw[i]) && raw[i] != '#' && raw[i] != '>') {
        if (is_quote(raw[i]))
          fail(i, std::string("expected a quote only around a whole word, got ") + raw[i] +
                      " inside '" + sim::excerpt(raw.substr(start, i - start + 1)) + "'");
        // A pasted shell line may escape a blank ("drivers/Broadcom\ BCM54213PE");
        // say how to write it here rather than fail later on half a path.
        if (raw[i] == '\\')
          fail(i, "expected quotes around a word with blanks, not a backslash escape, got '" +
                      sim::excerpt(raw.substr(start, i - start + 1)) + "'");
        ++i;
      }
      tok.text = std::string(raw.substr(start, i - start));
      tok.text_column = tok.column;
    }
    tok.end_column = static_cast<int>(i) + 1;
    if (tok.text.size() > kMaxWordBytes)
      fail(static_cast<size_t>(tok.column - 1),
           "a word of " + std::to_string(tok.text.size()) + " bytes is longer than " +
               std::to_string(kMaxWordBytes) + " (PATH_MAX), lifeline's limit for a word: '" +
               sim::excerpt(tok.text) + "'");
    line.tokens.push_back(std::move(tok));
  }
  line.text = std::string(trim(raw.substr(0, comment)));
  return line;
}

}  // namespace

std::vector<Line> lex(std::string_view text, const std::string& file) {
  std::vector<Line> lines;
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    ++number;
    Line line = lex_line(text.substr(start, end - start), number, file);
    if (!line.tokens.empty()) lines.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace lifeline::scenario
