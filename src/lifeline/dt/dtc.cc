// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/dtc.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string_view>

#include "lifeline/dt/dtb_reader.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

extern char** environ;

namespace lifeline::dt {

namespace {

// A file from mkstemp() that is removed whatever happens.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/lifeline-dtc-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    fd_ = mkstemp(buf.data());
    if (fd_ < 0)
      throw sim::UserError("cannot create a temporary file in " + tmpl.substr(0, tmpl.rfind('/')) +
                           ": " + std::strerror(errno));
    path_ = buf.data();
  }
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
    unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  std::string read_all() const {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

 private:
  int fd_ = -1;
  std::string path_;
};

struct RunResult {
  int exit_status = -1;  // -1: killed by a signal
  std::string err;
};

// Runs `argv` with stdin from /dev/null, stdout into `out` (or /dev/null)
// and stderr captured. No shell, so no quoting of user paths.
RunResult run(const std::vector<std::string>& argv, const TempFile* out) {
  TempFile err;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (out)
    posix_spawn_file_actions_adddup2(&fa, out->fd(), 1);
  else
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, err.fd(), 2);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw sim::UserError("cannot run " + argv[0] + ": " + std::strerror(rc));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      throw sim::UserError("waiting for " + argv[0] + ": " + std::strerror(errno));
  }
  RunResult r;
  r.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = err.read_all();
  return r;
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// A path that dtc cannot mistake for an option.
std::string as_argument(const std::string& path) {
  return !path.empty() && path[0] == '-' ? "./" + path : path;
}

std::string require_dtc(const std::string& dts_path) {
  std::optional<std::string> dtc = find_dtc();
  if (!dtc)
    throw sim::UserError(
        dts_path, 0, 0,
        "dtc (the Device Tree Compiler) is not on PATH; it is needed to read .dts files. Run "
        "`make deps`, or `apt-get install device-tree-compiler`, or give a compiled .dtb");
  return *dtc;
}

// A line marker of preprocessed source: `# 12 "arch/arm/boot/dts/x.dtsi" 1`
// (cpp) or `#line 12 "file"`. nullopt for any other line.
struct Marker {
  int line;
  std::string file;
};
std::optional<Marker> line_marker(std::string_view l) {
  auto skip_blanks = [&l] {
    size_t n = 0;
    while (n < l.size() && (l[n] == ' ' || l[n] == '\t')) ++n;
    l.remove_prefix(n);
    return n;
  };
  if (l.empty() || l[0] != '#') return std::nullopt;
  l.remove_prefix(1);
  skip_blanks();
  if (l.substr(0, 4) == "line") {
    l.remove_prefix(4);
    if (skip_blanks() == 0) return std::nullopt;
  }
  size_t digits = 0;
  int line = 0;
  while (digits < l.size() && digits < 9 && l[digits] >= '0' && l[digits] <= '9')
    line = line * 10 + (l[digits++] - '0');
  if (digits == 0) return std::nullopt;
  l.remove_prefix(digits);
  if (skip_blanks() == 0 || l.empty() || l[0] != '"') return std::nullopt;
  size_t close = l.find('"', 1);
  if (close == std::string_view::npos) return std::nullopt;
  return Marker{line, std::string(l.substr(1, close - 1))};
}

// The line of `text` (1-based) that its line markers make line `line` of
// `file`, the way dtc counts (dtc names the file as given for lines before
// any marker); 0 when no line is.
int physical_line(std::string_view text, const std::string& given, const std::string& file,
                  int line) {
  std::string cur_file = given;
  int cur_line = 1;
  int physical = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view l = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    ++physical;
    if (std::optional<Marker> m = line_marker(l)) {
      cur_file = m->file;
      cur_line = m->line;
    } else {
      if (cur_line == line && cur_file == file) return physical;
      ++cur_line;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return 0;
}

// dtc's messages carry "file:line.col-col" or "file:line.col-line.col"
// (parser errors: "Error: f.dts:12.3-4 syntax error"; checks:
// "f.dts:3.5-25: ERROR (phandle_references): ..."). In preprocessed source
// the file and line are those the `# N "file"` markers name, not lines of
// the file the user gave: the error points at the user's file, and says
// what the marker names.
[[noreturn]] void dtc_failed(const std::string& dts_path, const RunResult& r) {
  std::string text = trim(r.err);
  if (text.empty())
    text = r.exit_status < 0 ? "dtc was killed by a signal"
                             : "dtc exited with status " + std::to_string(r.exit_status);
  static const std::regex where(R"(([^\s:"]+):(\d{1,9})\.(\d{1,9})(?:-\d+(?:\.\d+)?)?)");
  std::smatch m;
  int line = 0, col = 0;
  std::string note;
  if (std::regex_search(text, m, where)) {
    std::string file = m[1].str();
    int dtc_line = std::stoi(m[2].str());
    col = std::stoi(m[3].str());
    if (file == as_argument(dts_path) || file == dts_path) {
      line = dtc_line;  // no marker before it: a line of the file itself
      std::string src = sim::read_input_file(dts_path, "device tree", sim::kMaxBoardBytes);
      if (int p = physical_line(src, as_argument(dts_path), file, dtc_line); p > 0) line = p;
    } else {
      std::string src = sim::read_input_file(dts_path, "device tree", sim::kMaxBoardBytes);
      line = physical_line(src, as_argument(dts_path), file, dtc_line);
      note = "\n(the `# N \"file\"` line markers of " + dts_path + " name " + file + " line " +
             std::to_string(dtc_line) + " as the original source" +
             (line > 0 ? "; that is line " + std::to_string(line) + " of " + dts_path : "") + ")";
      if (line == 0) col = 0;
    }
  }
  throw sim::UserError(dts_path, line, col, "dtc cannot compile " + dts_path + ":\n" + text + note);
}

// A C preprocessor line that dtc cannot read (`#include <dt-bindings/...>`,
// `#define`): the kernel build runs cpp before dtc, and so must the user.
void require_preprocessed(const std::string& dts_path) {
  std::string src = sim::read_input_file(dts_path, "device tree", sim::kMaxBoardBytes);
  static const std::string_view kDirectives[] = {"include", "define", "undef", "ifdef", "ifndef",
                                                 "if",      "elif",   "else",  "endif"};
  int number = 0;
  size_t start = 0;
  while (start <= src.size()) {
    size_t nl = src.find('\n', start);
    std::string_view l(src.data() + start, (nl == std::string::npos ? src.size() : nl) - start);
    ++number;
    size_t first = l.find_first_not_of(" \t");
    if (first != std::string_view::npos && l[first] == '#' && !line_marker(l)) {
      std::string_view rest = l.substr(first + 1);
      rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(" \t")));
      size_t word = 0;
      while (word < rest.size() && rest[word] >= 'a' && rest[word] <= 'z') ++word;
      // "#include <...>" but not "#interrupt-cells" or "#if-x = ...".
      bool ends = word == rest.size() ||
                  std::string_view(" \t<\"(\r").find(rest[word]) != std::string_view::npos;
      std::string_view w = rest.substr(0, word);
      if (ends &&
          std::find(std::begin(kDirectives), std::end(kDirectives), w) != std::end(kDirectives)) {
        std::string head(trim(std::string(l.substr(0, std::min<size_t>(l.size(), 256)))));
        std::string dir =
            dts_path.find('/') == std::string::npos ? "." : dts_path.substr(0, dts_path.rfind('/'));
        throw sim::UserError(
            dts_path, number, static_cast<int>(first) + 1,
            "the device tree source has a C preprocessor line ('" + sim::excerpt(head, 60) +
                "'), which dtc cannot read. Run the C preprocessor first, as the kernel build "
                "does, from the top of a kernel source tree:\n  cpp -nostdinc -undef -x "
                "assembler-with-cpp -D__DTS__ -I " +
                dir + " -I scripts/dtc/include-prefixes -o board.pre.dts " + dts_path +
                "\nand give lifeline board.pre.dts");
      }
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
}

}  // namespace

std::optional<std::string> find_dtc() {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string_view rest(path);
  while (true) {
    size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/dtc";
    struct stat st {};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::vector<uint8_t> compile_dts(const std::string& dts_path) {
  std::string dtc = require_dtc(dts_path);
  require_preprocessed(dts_path);
  std::string arg = as_argument(dts_path);
  TempFile out;
  RunResult r = run({dtc, "-q", "-@", "-I", "dts", "-O", "dtb", "-o", out.path(), arg}, nullptr);
  if (r.exit_status != 0) dtc_failed(dts_path, r);
  std::string bytes = out.read_all();
  return std::vector<uint8_t>(bytes.begin(), bytes.end());
}

SourceMap parse_annotated_dts(const std::string& text) {
  SourceMap map;
  std::vector<std::string> stack;  // open node paths
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) {
    std::string line = trim(raw);
    std::string code = line, note;
    if (line.size() >= 2 && line.compare(line.size() - 2, 2, "*/") == 0) {
      size_t open = line.rfind("/* ");
      if (open != std::string::npos) {
        code = trim(line.substr(0, open));
        note = line.substr(open + 3, line.size() - open - 5);
      }
    }
    if (code.rfind("};", 0) == 0) {
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    if (code.empty() || code.back() != '{') continue;
    code = trim(code.substr(0, code.size() - 1));
    size_t sp = code.find_last_of(" \t");
    std::string name = sp == std::string::npos ? code : code.substr(sp + 1);
    std::string path;
    if (stack.empty())
      path = "/";
    else
      path = (stack.back() == "/" ? "" : stack.back()) + "/" + name;
    stack.push_back(path);
    // note: "file:L1:C1-L2:C2, file:L1:C1-L2:C2, ..." -> the first file:L1.
    std::string first = note.substr(0, note.find(", "));
    size_t dash = first.rfind('-');
    if (dash == std::string::npos) continue;
    std::string start = first.substr(0, dash);  // file:L1:C1
    size_t c2 = start.rfind(':');
    if (c2 == std::string::npos || c2 == 0) continue;
    size_t c1 = start.rfind(':', c2 - 1);
    if (c1 == std::string::npos) continue;
    SourcePos pos;
    pos.file = start.substr(0, c1);
    pos.line = std::atoi(start.substr(c1 + 1, c2 - c1 - 1).c_str());
    if (pos.line > 0) map.emplace(path, std::move(pos));
  }
  return map;
}

SourceMap dts_source_positions(const std::string& dts_path) {
  std::string dtc = require_dtc(dts_path);
  std::string arg = as_argument(dts_path);
  TempFile out;
  RunResult r = run({dtc, "-q", "-I", "dts", "-O", "dts", "-T", "-T", arg}, &out);
  if (r.exit_status != 0) dtc_failed(dts_path, r);
  return parse_annotated_dts(out.read_all());
}

std::unique_ptr<core::FwTree> read_dts(const std::string& dts_path, DtsOptions options) {
  std::vector<uint8_t> blob = compile_dts(dts_path);
  std::unique_ptr<core::FwTree> tree = read_dtb(blob, dts_path);
  if (options.source_positions) {
    SourceMap pos = dts_source_positions(dts_path);
    for (const auto& n : tree->nodes()) {
      auto it = pos.find(n->full_path);
      if (it == pos.end()) continue;
      n->source_file = it->second.file;
      n->source_line = it->second.line;
    }
  }
  return tree;
}

}  // namespace lifeline::dt
