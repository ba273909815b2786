// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/cursor.h"

#include "lifeline/sim/input_file.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

std::string quoted_list(const std::vector<std::string>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += i + 1 == words.size() ? " or " : ", ";
    s += "'" + words[i] + "'";
  }
  return s;
}

Loc Cursor::here() const {
  if (!at_end()) return loc(line_.tokens[pos_]);
  return {line_.number, line_.tokens.empty() ? 1 : line_.tokens.back().end_column};
}

void Cursor::fail(Loc at, const std::string& message) const {
  throw sim::UserError(file_, at.line, at.column, message);
}

void Cursor::expected(const std::string& what, const std::string& hint) const {
  std::string got = at_end() ? "end of line" : "'" + sim::excerpt(peek()->text) + "'";
  fail(here(), "expected " + what + ", got " + got + hint);
}

bool Cursor::accept(std::string_view word) {
  if (at_end() || peek()->quoted || peek()->text != word) return false;
  ++pos_;
  return true;
}

Name Cursor::name(const std::string& what) {
  const Token* tok = peek();
  if (!tok || (!tok->quoted && (tok->text.starts_with('-') || tok->text.starts_with('>'))) ||
      tok->text.empty())
    expected(what);
  next();
  return {tok->text, {line_.number, tok->text_column}};
}

size_t Cursor::keyword(const std::vector<std::string>& words, const std::string& what) {
  const Token* tok = peek();
  if (tok) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (tok->text == words[i]) {
        next();
        return i;
      }
    }
  }
  expected(what, tok ? sim::did_you_mean(tok->text, words) : "");
}

bool Cursor::choice(const std::string& yes, const std::string& no, const std::string& what) {
  return keyword({yes, no}, what) == 0;
}

void Cursor::end() {
  if (!at_end()) expected("end of line");
}

}  // namespace lifeline::scenario
