// SPDX-License-Identifier: GPL-2.0-only
// Reads one line's tokens left to right, and turns every way a line can be
// wrong into one shape of message: "expected WHAT, got 'X'" (or "got end of
// line"), at the column of the offending token, with "did you mean" when a
// keyword was misspelt.
#ifndef LIFELINE_SCENARIO_CURSOR_H_
#define LIFELINE_SCENARIO_CURSOR_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/lexer.h"

namespace lifeline::scenario {

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
std::string quoted_list(const std::vector<std::string>& words);

class Cursor {
 public:
  Cursor(const Line& line, const std::string& file) : line_(line), file_(file) {}

  bool at_end() const { return pos_ >= line_.tokens.size(); }
  // nullptr at the end of the line.
  const Token* peek() const { return at_end() ? nullptr : &line_.tokens[pos_]; }
  const Token& next() { return line_.tokens[pos_++]; }
  const Token& previous() const { return line_.tokens[pos_ - 1]; }

  Loc loc(const Token& tok) const { return {line_.number, tok.column}; }
  // Where the next token is, or just past the last one.
  Loc here() const;

  [[noreturn]] void fail(Loc at, const std::string& message) const;
  [[noreturn]] void fail(const Token& tok, const std::string& message) const {
    fail(loc(tok), message);
  }
  // "expected WHAT, got 'X'" + hint, at the next token (or end of line).
  [[noreturn]] void expected(const std::string& what, const std::string& hint = "") const;

  // True, consuming it, when the next token is this unquoted word. For the
  // places where a name may stand as well as a keyword (`bind DEV bus`,
  // `expect phy IF none`): there a quoted word is the name.
  bool accept(std::string_view word);
  // The next token as a name: anything unquoted that is not an option
  // ("-x") or a redirection, or anything quoted.
  Name name(const std::string& what);
  // The next token, which must be one of `words` (quoted or not: in a place
  // where only a keyword can stand, quotes change nothing); returns its index.
  size_t keyword(const std::vector<std::string>& words, const std::string& what);
  // keyword() for a two-way choice: true for `yes`, false for `no`.
  bool choice(const std::string& yes, const std::string& no, const std::string& what);
  // The end of the line.
  void end();

 private:
  const Line& line_;
  const std::string& file_;
  size_t pos_ = 0;
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_CURSOR_H_
