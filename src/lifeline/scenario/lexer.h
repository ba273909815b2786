// SPDX-License-Identifier: GPL-2.0-only
// Splits a scenario into lines of tokens that remember their columns, so that
// every error can point at the word that caused it.
//
// Shell-like, because users paste shell lines: words are separated by blanks;
// "..." or '...' quote a whole word (a driver name with spaces, a device name
// in an echo line), with no escapes; '>' and '>>' are words of their own even
// when glued to a neighbour (`echo x >/sys/...`); '#' outside quotes starts a
// comment that runs to the end of the line.
#ifndef LIFELINE_SCENARIO_LEXER_H_
#define LIFELINE_SCENARIO_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

namespace lifeline::scenario {

struct Token {
  std::string text;     // without the quotes
  int column = 0;       // 1-based column of the first character, or of the opening quote
  int text_column = 0;  // column of text[0]
  int end_column = 0;   // column just after the token (after the closing quote)
  bool quoted = false;  // a quoted word is always a name, never a keyword
};

struct Line {
  int number = 0;
  std::string text;  // without the comment, trimmed
  std::vector<Token> tokens;
};

// The lines that have at least one token. Throws sim::UserError (with `file`)
// on a quote that is not closed or that does not wrap a whole word.
std::vector<Line> lex(std::string_view text, const std::string& file);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_LEXER_H_
