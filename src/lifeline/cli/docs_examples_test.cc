// SPDX-License-Identifier: GPL-2.0-only
// Every example in the docs (README.md, docs/*.md) and in --help runs as
// shown: each `lifeline ...` command line of a fenced code block and of an
// "Examples:" section of the help is run with the built binary, in bash
// (pipes and redirections as written), from a scratch folder holding a copy
// of scenarios/, and must exit 0 or the status its comment documents
// ("# exits 1: ..."). Synopses (BOARD, [OPTIONS]) are not examples; lines
// for commands that need QEMU (kernel-check, or a comment saying QEMU) are
// left to the harness that has it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace lifeline::cli {
namespace {

namespace fs = std::filesystem;

struct Example {
  std::string where;    // "README.md:45", "lifeline run --help"
  std::string command;  // as written, without its comment
  int status = 0;       // what it documents, 0 when it says nothing
  bool skip = false;    // a synopsis, or needs QEMU
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// One command line (continuations joined) into an Example.
Example make_example(const std::string& where, std::string line) {
  Example ex;
  ex.where = where;
  std::string comment;
  if (size_t hash = line.find(" #"); hash != std::string::npos) {
    comment = line.substr(hash + 2);
    line = line.substr(0, hash);
  }
  ex.command = trim(line);
  std::smatch m;
  if (std::regex_search(comment, m, std::regex(R"(exits? (?:status )?(\d))")))
    ex.status = std::stoi(m[1]);
  // A synopsis names its arguments: BOARD, SCENARIO, FILE, [OPTIONS].
  static const std::regex placeholder(R"((^|[\s=\[])[A-Z][A-Z0-9_]{2,}\b)");
  ex.skip = std::regex_search(ex.command, placeholder) ||
            ex.command.find("kernel-check") != std::string::npos ||
            comment.find("QEMU") != std::string::npos;
  return ex;
}

// The `lifeline ...` lines of the fenced code blocks of a Markdown file
// (not of ```scenario blocks: those are scenario lines).
std::vector<Example> markdown_examples(const fs::path& file, const std::string& name) {
  std::ifstream in(file);
  std::vector<Example> out;
  std::string line;
  bool fenced = false, shell = false;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = trim(line);
    if (t.starts_with("```")) {
      fenced = !fenced;
      shell = fenced && t != "```scenario";
      continue;
    }
    if (!fenced || !shell) continue;
    if (t.starts_with("$ ")) t = t.substr(2);
    if (!t.starts_with("lifeline ")) continue;
    int first = n;
    while (!t.empty() && t.back() == '\\' && std::getline(in, line)) {
      ++n;
      t = t.substr(0, t.size() - 1) + " " + trim(line);
    }
    out.push_back(make_example(name + ":" + std::to_string(first), t));
  }
  return out;
}

struct Ran {
  int status = -1;
  std::string output;
};

// `script` in bash -o pipefail, in `dir`, stdout and stderr together.
Ran run_bash(const fs::path& dir, const std::string& script) {
  fs::path file = dir / "example.sh";
  std::ofstream(file) << script << "\n";
  std::string cmd = "cd '" + dir.string() + "' && bash -o pipefail example.sh 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  Ran r;
  if (!pipe) return r;
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, got);
  int st = pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

class DocsExamples : public ::testing::Test {
 protected:
  void SetUp() override {
    binary_ = fs::path(LIFELINE_BINARY_DIR) / "lifeline";
    ASSERT_TRUE(fs::exists(binary_)) << binary_ << " is not built";
    dir_ = fs::temp_directory_path() / ("lifeline-docs-examples-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(LIFELINE_SOURCE_DIR) / "scenarios", dir_ / "scenarios",
             fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string wrap(const std::string& command) const {
    return "lifeline() { '" + binary_.string() + "' \"$@\"; }\n" + command;
  }

  // The "Examples:" lines of one help text.
  std::vector<Example> help_examples(const std::string& args) {
    Ran r = run_bash(dir_, wrap("lifeline " + args));
    EXPECT_EQ(r.status, 0) << "lifeline " << args;
    std::vector<Example> out;
    std::istringstream in(r.output);
    std::string line;
    bool examples = false;
    while (std::getline(in, line)) {
      if (line == "Examples:") {
        examples = true;
        continue;
      }
      if (!examples) continue;
      std::string t = trim(line);
      if (t.empty()) break;
      while (!t.empty() && t.back() == '\\' && std::getline(in, line))
        t = t.substr(0, t.size() - 1) + " " + trim(line);
      if (t.starts_with("lifeline ")) out.push_back(make_example("lifeline " + args, t));
    }
    EXPECT_FALSE(out.empty()) << "no examples in lifeline " << args;
    return out;
  }

  void run_all(const std::vector<Example>& examples) {
    for (const Example& ex : examples) {
      if (ex.skip) continue;
      Ran r = run_bash(dir_, wrap(ex.command));
      EXPECT_EQ(r.status, ex.status) << ex.where << ": " << ex.command << "\n"
                                     << r.output.substr(0, 2000);
      ++ran_;
    }
  }

  fs::path binary_, dir_;
  int ran_ = 0;
};

TEST_F(DocsExamples, MarkdownExamplesRunAsShown) {
  fs::path src(LIFELINE_SOURCE_DIR);
  std::vector<Example> all = markdown_examples(src / "README.md", "README.md");
  for (const auto& entry : fs::directory_iterator(src / "docs")) {
    if (entry.path().extension() != ".md") continue;
    auto found = markdown_examples(entry.path(), "docs/" + entry.path().filename().string());
    all.insert(all.end(), found.begin(), found.end());
  }
  run_all(all);
  EXPECT_GE(ran_, 5) << "the docs have fewer examples than expected: is the extraction broken?";
}

TEST_F(DocsExamples, HelpExamplesRunAsShown) {
  std::vector<Example> all = help_examples("--help");
  for (const char* cmd : {"boot", "run", "compare", "explore", "graph", "demo"}) {
    auto found = help_examples(std::string(cmd) + " --help");
    all.insert(all.end(), found.begin(), found.end());
  }
  run_all(all);
  EXPECT_GE(ran_, 10);
}

// No file of the project refers to a Markdown file it does not contain (a
// design document that was never there, a doc renamed): every Markdown file
// name in the sources, docs, tools and build files exists beside the file,
// at the top, in docs/ or in boards/.
TEST(DocsReferences, EveryMarkdownFileNamedExists) {
  fs::path src(LIFELINE_SOURCE_DIR);
  std::vector<fs::path> files = {src / "README.md", src / "CMakeLists.txt", src / "Makefile",
                                 src / ".ci" / "run"};
  for (const char* dir : {"src", "docs", "tools", "bench", "fuzz"}) {
    if (!fs::exists(src / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(src / dir))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  // A plain scan, not std::regex: its recursion overflows the stack on the
  // long lines of fuzz inputs.
  auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' ||
           c == '-';
  };
  int checked = 0;
  for (const fs::path& f : files) {
    if (!fs::exists(f)) continue;
    std::string rel = fs::relative(f, src).string();
    if (rel.starts_with("fuzz/regressions/") || rel.starts_with("fuzz/seeds/")) continue;  // data
    std::ifstream in(f);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (size_t at = text.find(".md"); at != std::string::npos; at = text.find(".md", at + 3)) {
      size_t end = at + 3;
      if (end < text.size() &&
          (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        continue;  // ".mdx", ".md_..."
      size_t begin = at;
      while (begin > 0 && name_char(text[begin - 1])) --begin;
      if (begin == at) continue;
      std::string name = text.substr(begin, end - begin);
      while (name.starts_with("/")) name = name.substr(1);
      if (name.starts_with("../shared/")) continue;  // the developers' reference, outside the tree
      bool found = fs::exists(f.parent_path() / name) || fs::exists(src / name) ||
                   fs::exists(src / "docs" / name) || fs::exists(src / "boards" / name);
      EXPECT_TRUE(found) << rel << " names " << name << ", which the project does not contain";
      ++checked;
    }
  }
  EXPECT_GE(checked, 10);
}

// The extraction itself: what counts as an example, a synopsis, a status.
TEST(DocsExampleLines, SynopsesQemuAndStatuses) {
  EXPECT_TRUE(make_example("x", "lifeline boot BOARD [OPTIONS]").skip);
  EXPECT_TRUE(make_example("x", "lifeline run --replay FILE").skip);
  EXPECT_TRUE(make_example("x", "lifeline kernel-check versal").skip);
  EXPECT_TRUE(make_example("x", "lifeline run b s.scn  # needs QEMU").skip);
  Example e =
      make_example("x", "lifeline explore b s.scn --bound 1   # exits 1: it finds the race");
  EXPECT_FALSE(e.skip);
  EXPECT_EQ(e.status, 1);
  EXPECT_EQ(e.command, "lifeline explore b s.scn --bound 1");
  EXPECT_FALSE(make_example("x", "lifeline graph rpi --format svg > rpi4.svg").skip);
  EXPECT_FALSE(
      make_example("x", "lifeline boot k3-am642-evm --phy-id /mdio-mux-1/mdio@1/ethernet-phy@3=0x2")
          .skip);
}

}  // namespace
}  // namespace lifeline::cli
