// SPDX-License-Identifier: GPL-2.0-only
// Graphviz as a subprocess: the DOT text goes in through a temporary file,
// the SVG comes back through a pipe, and what `dot` says on stderr goes to a
// second temporary file, to be quoted in the error rather than mixed into
// lifeline's output.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "lifeline/report/graphviz.h"
#include "lifeline/sim/user_error.h"

extern char** environ;

namespace lifeline::report {

namespace {

constexpr char kInstall[] =
    "Graphviz 'dot' is needed for --format svg: install it (Debian, Ubuntu: apt-get install "
    "graphviz; Fedora: dnf install graphviz), or use --format dot and render it elsewhere";

// Removes the temporary file however we leave.
struct TempFile {
  std::string path;
  int fd = -1;
  ~TempFile() {
    if (fd >= 0) close(fd);
    if (!path.empty()) unlink(path.c_str());
  }
};

void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw sim::UserError(std::string("cannot write a temporary file: ") + strerror(errno));
    done += static_cast<size_t>(n);
  }
}

void make_temp(TempFile& f) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string templ = (dir / "lifeline-graph-XXXXXX").string();
  f.fd = mkstemp(templ.data());
  if (f.fd < 0)
    throw sim::UserError("cannot create a temporary file in " + dir.string() + ": " +
                         strerror(errno));
  f.path = templ;
}

// What `dot` wrote on stderr (its first 64 KiB).
std::string said(int fd) {
  std::string text;
  char buf[65536];
  lseek(fd, 0, SEEK_SET);
  ssize_t n = read(fd, buf, sizeof buf);
  if (n > 0) text.assign(buf, static_cast<size_t>(n));
  return text;
}

}  // namespace

std::string render_svg(const std::string& dot) { return render_graphviz(dot, "svg"); }

std::string render_graphviz(const std::string& dot, const std::string& format,
                            std::string* warnings) {
  TempFile in, errors;
  make_temp(in);
  make_temp(errors);
  write_all(in.fd, dot);

  int out[2];
  if (pipe(out) != 0) throw sim::UserError(std::string("cannot make a pipe: ") + strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, errors.fd, 2);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, out[1]);
  std::string arg0 = "dot", arg1 = "-T" + format;
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid;
  int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    if (rc == ENOENT) throw sim::UserError(kInstall);
    throw sim::UserError(std::string("cannot run Graphviz 'dot': ") + strerror(rc));
  }
  std::string svg;
  char buf[65536];
  while (true) {
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    svg.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::string stderr_text = said(errors.fd);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string line = stderr_text.substr(0, stderr_text.find('\n'));
    throw sim::UserError("Graphviz 'dot' failed on the provider graph" +
                         (line.empty() ? std::string() : " (" + line + ")") +
                         "; --format dot shows the input it was given");
  }
  if (warnings) *warnings = stderr_text;
  return svg;
}

}  // namespace lifeline::report
