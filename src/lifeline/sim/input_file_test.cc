// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/input_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "lifeline/sim/user_error.h"

namespace lifeline::sim {
namespace {

using ::testing::HasSubstr;

std::string temp_path(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/lifeline-input-" + std::to_string(getpid()) +
         "-" + name;
}

UserError read_error(const std::string& path, size_t limit) {
  try {
    read_input_file(path, "scenario", limit);
  } catch (const UserError& e) {
    return e;
  }
  ADD_FAILURE() << path << " was read";
  return UserError("");
}

TEST(InputFile, EndlessFileStopsAtTheLimit) {
  UserError e = read_error("/dev/zero", 1 << 20);
  EXPECT_EQ(e.file(), "/dev/zero");
  EXPECT_THAT(e.message(), HasSubstr("larger than 1 MiB, lifeline's limit for a scenario"));
  EXPECT_THAT(e.message(), HasSubstr("not a regular file"));
}

TEST(InputFile, LargeRegularFileIsRefusedWithoutReadingIt) {
  std::string path = temp_path("big");
  { std::ofstream out(path); }
  // A sparse 100 MB file: its size alone refuses it.
  ASSERT_EQ(truncate(path.c_str(), 100 << 20), 0);
  UserError e = read_error(path, kMaxScenarioBytes);
  EXPECT_THAT(e.message(), HasSubstr("larger than 16 MiB"));
  std::remove(path.c_str());
}

TEST(InputFile, FileAtTheLimitIsRead) {
  std::string path = temp_path("ok");
  {
    std::ofstream out(path);
    out << std::string(1000, 'x');
  }
  EXPECT_EQ(read_input_file(path, "scenario", 1000).size(), 1000u);
  EXPECT_THAT(read_error(path, 999).message(), HasSubstr("larger than 999 bytes"));
  std::remove(path.c_str());
}

TEST(InputFile, MissingFileAndDirectory) {
  EXPECT_THAT(read_error("/nonexistent/x", 10).message(),
              HasSubstr("cannot read the scenario: No such file"));
  EXPECT_THAT(read_error("/", 10).message(), HasSubstr("it is a directory"));
}

TEST(InputFile, Excerpt) {
  EXPECT_EQ(excerpt("abc", 5), "abc");
  EXPECT_EQ(excerpt("abcdefgh", 3), "abc... (8 bytes)");
  EXPECT_EQ(size_text(64 << 20), "64 MiB");
  EXPECT_EQ(size_text(64 << 10), "64 KiB");
}

}  // namespace
}  // namespace lifeline::sim
