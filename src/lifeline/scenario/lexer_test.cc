// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/lexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {
namespace {

std::vector<std::string> texts(const Line& l) {
  std::vector<std::string> out;
  for (const Token& t : l.tokens) out.push_back(t.text);
  return out;
}

TEST(Lexer, SkipsBlankAndCommentLinesAndKeepsNumbers) {
  auto lines = lex("\n# a comment\n   \t\nboot\n\n  wait 1s  # why\n", "f");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 4);
  EXPECT_EQ(lines[1].number, 6);
  EXPECT_EQ(lines[1].text, "wait 1s");
  EXPECT_EQ(texts(lines[1]), (std::vector<std::string>{"wait", "1s"}));
  EXPECT_EQ(lines[1].tokens[0].column, 3);
  EXPECT_EQ(lines[1].tokens[1].column, 8);
  EXPECT_EQ(lines[1].tokens[1].end_column, 10);
}

TEST(Lexer, CommentMayTouchAWord) {
  auto lines = lex("wait 1s# why", "f");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"wait", "1s"}));
  EXPECT_EQ(lines[0].text, "wait 1s");
}

TEST(Lexer, TabsAndCarriageReturnsAreBlanks) {
  auto lines = lex("\tunbind\t&phy0\r\n", "f");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"unbind", "&phy0"}));
  EXPECT_EQ(lines[0].tokens[1].column, 9);
  EXPECT_EQ(lines[0].text, "unbind\t&phy0");
}

TEST(Lexer, RedirectionIsAWordEvenWhenGlued) {
  auto lines = lex("echo x>/sys/a\necho x >>/sys/b", "f");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"echo", "x", ">", "/sys/a"}));
  EXPECT_EQ(lines[0].tokens[2].column, 7);
  EXPECT_EQ(texts(lines[1]), (std::vector<std::string>{"echo", "x", ">>", "/sys/b"}));
}

TEST(Lexer, QuotesWrapWholeWords) {
  auto lines = lex("bind dev \"Generic PHY\" 'a # b' \"x\">y", "f");
  ASSERT_EQ(lines.size(), 1u);
  const Line& l = lines[0];
  EXPECT_EQ(texts(l),
            (std::vector<std::string>{"bind", "dev", "Generic PHY", "a # b", "x", ">", "y"}));
  EXPECT_TRUE(l.tokens[2].quoted);
  EXPECT_FALSE(l.tokens[1].quoted);
  EXPECT_EQ(l.tokens[2].column, 10);
  EXPECT_EQ(l.tokens[2].text_column, 11);
  EXPECT_EQ(l.tokens[2].end_column, 23);
  EXPECT_EQ(l.tokens[4].column, 32);
}

TEST(Lexer, QuotedWordsMustBeSeparated) {
  try {
    lex("bind 'a''b'", "f");
    FAIL();
  } catch (const sim::UserError& e) {
    EXPECT_STREQ(e.what(), "f:1:9: expected a blank after the closing ', got '''");
  }
}

TEST(Lexer, EmptyQuotedWordIsAWord) {
  auto lines = lex("x \"\"", "f");
  ASSERT_EQ(lines[0].tokens.size(), 2u);
  EXPECT_EQ(lines[0].tokens[1].text, "");
  EXPECT_TRUE(lines[0].tokens[1].quoted);
}

TEST(Lexer, ReportsBadQuotesWithTheirColumn) {
  try {
    lex("ok\nbind \"abc", "f.scn");
    FAIL();
  } catch (const sim::UserError& e) {
    EXPECT_STREQ(e.what(), "f.scn:2:6: expected a closing \" for the quote, got end of line");
  }
}

// --- bytes no scenario holds, and size limits ----------------------------

sim::UserError lex_error(std::string_view text) {
  try {
    lex(text, "s.scn");
  } catch (const sim::UserError& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return sim::UserError("");
}

TEST(Lexer, NulByteIsShown) {
  using namespace std::string_literals;
  sim::UserError e = lex_error("boot\nwait 1s\0\0\n"s);
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 8);
  EXPECT_THAT(e.message(), ::testing::HasSubstr("a NUL byte (\\0)"));
  EXPECT_THAT(e.message(), ::testing::HasSubstr("'wait 1s\\0\\0'"));
}

TEST(Lexer, ByteOrderMarkIsNamed) {
  sim::UserError e = lex_error(
      "\xef\xbb\xbf"
      "boot\n");
  EXPECT_EQ(e.line(), 1);
  EXPECT_EQ(e.column(), 1);
  EXPECT_THAT(e.message(), ::testing::HasSubstr("byte-order mark"));
  EXPECT_THAT(e.message(), ::testing::HasSubstr("at the start of the file"));
  e = lex_error(
      "boot\nwait \xef\xbb\xbf"
      "1s\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 6);
  EXPECT_THAT(e.message(), ::testing::HasSubstr("byte-order mark"));
}

TEST(Lexer, ControlCharacterIsShown) {
  sim::UserError e = lex_error("wait 1s\x01\n");
  EXPECT_THAT(e.message(), ::testing::HasSubstr("\\x01"));
}

TEST(Lexer, LongLinesAndWordsAreRefusedWithAShortExcerpt) {
  // A 1 MB device name: over the line limit, and the message stays short.
  std::string line = "bind " + std::string(1 << 20, 'd') + "\n";
  sim::UserError e = lex_error(line);
  EXPECT_THAT(e.message(), ::testing::HasSubstr("64 KiB"));
  EXPECT_LT(std::string(e.what()).size(), 300u);
  // A word under the line limit but over PATH_MAX.
  e = lex_error("bind \"" + std::string(5000, 'd') + "\"\n");
  EXPECT_THAT(e.message(), ::testing::HasSubstr("PATH_MAX"));
  EXPECT_LT(std::string(e.what()).size(), 300u);
  // A word at the limit is a word.
  EXPECT_EQ(lex("bind " + std::string(4096, 'd'), "s.scn")[0].tokens[1].text.size(), 4096u);
}

}  // namespace
}  // namespace lifeline::scenario
