// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/kernel_check_guest.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "lifeline/cli/commands.h"

namespace fs = std::filesystem;

namespace lifeline::cli {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string tail(const std::string& text, size_t lines) {
  size_t at = text.size();
  for (size_t n = 0; n <= lines && at > 0; ++n) {
    size_t nl = text.rfind('\n', at - 1);
    if (nl == std::string::npos) return text;
    at = nl;
  }
  return text.substr(at + 1);
}

// The first line of `text` that says why the network failed, else its last.
std::string why_unreachable(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  for (const char* needle : {"Could not connect", "Unable to connect", "Temporary failure",
                             "Could not resolve", "Failed to fetch"}) {
    in.clear();
    in.seekg(0);
    while (std::getline(in, line))
      if (line.find(needle) != std::string::npos) return line;
  }
  std::string t = tail(text, 1);
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t;
}

// Runs a shell command with its output in `log`; returns the exit status.
int sh(const std::string& command, const std::string& log) {
  std::string full = command + " >" + shell_quote(log) + " 2>&1";
  int rc = std::system(full.c_str());
  if (rc == -1) return 127;
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc);
}

std::string stamp_of(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return path + ":missing";
  return path + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtime);
}

}  // namespace

std::string kernel_check_tools() {
  if (const char* env = std::getenv("LIFELINE_KERNEL_CHECK_TOOLS")) return env;
  return std::string(LIFELINE_DATA_DIR) + "/tools/kernel-check";
}

std::string default_kernel_check_cache() {
  if (const char* env = std::getenv("LIFELINE_KERNEL_CHECK_CACHE")) return env;
  return std::string(LIFELINE_DATA_DIR) + "/build/kernel-check";
}

std::string prepare_guest(const GuestSetup& s) {
  const std::string tools = kernel_check_tools();
  if (!fs::exists(tools + "/init.sh"))
    throw GuestError{"the kernel-check helpers are not in " + tools +
                     " (set LIFELINE_KERNEL_CHECK_TOOLS to tools/kernel-check of lifeline's "
                     "source tree)"};
  std::error_code ec;
  fs::create_directories(s.cache, ec);
  if (ec) throw GuestError{s.cache + ": cannot create the cache: " + ec.message()};
  auto progress = [&](const std::string& line) {
    if (s.progress) s.progress(line);
  };
  const std::string log = s.cache + "/harness.log";
  progress("checking host packages (QEMU)");
  if (sh("sh " + shell_quote(tools + "/deps.sh"), log) != 0) throw GuestError{tail(slurp(log), 3)};
  bool own = !s.kernel.empty();
  if (own && s.modules.empty() && s.kernel.size() > 4 &&
      s.kernel.compare(s.kernel.size() - 4, 4, ".deb") != 0)
    throw GuestError{
        "--kernel IMAGE needs --modules DIR (lib/modules/VERSION of your build), "
        "or give a linux-image .deb"};
  if (own && !fs::exists(s.kernel)) throw GuestError{s.kernel + ": no such kernel image"};
  if (!s.modules.empty() && !fs::is_directory(s.modules))
    throw GuestError{s.modules + ": no such modules directory"};
  progress("Debian packages: fetched once into " + s.cache + "/cache");
  int rc = sh("sh " + shell_quote(tools + "/fetch.sh") + " " + shell_quote(s.cache + "/cache") +
                  " " + shell_quote(kDebianKernel),
              log);
  if (rc == 3)
    throw GuestError{"cannot download the Debian packages: the archive is unreachable (" +
                         why_unreachable(slurp(log)) + "); kernel-check needs linux-image-" +
                         kDebianKernel +
                         "-arm64-unsigned, busybox-static, ethtool, libmnl0 and libc6 for arm64 "
                         "from the host's Debian archive, fetched once into " +
                         s.cache + "/cache/debs (a copy of those .deb files there works too)",
                     true};
  if (rc != 0) throw GuestError{"fetching the Debian packages failed:\n" + tail(slurp(log), 6)};
  const std::string out =
      s.cache +
      (own ? "/out-" + std::to_string(std::hash<std::string>{}(s.kernel + s.modules)) : "/out");
  std::string stamp = std::string(kDebianKernel) + "\n" + stamp_of(tools + "/init.sh") + "\n" +
                      stamp_of(tools + "/build.sh") + "\n";
  if (own) stamp += stamp_of(s.kernel) + "\n" + stamp_of(s.modules) + "\n";
  if (slurp(out + "/stamp") != stamp || !fs::exists(out + "/base.cpio.gz")) {
    progress("building the kernel and initramfs");
    std::string cmd = "sh " + shell_quote(tools + "/build.sh") + " " +
                      shell_quote(s.cache + "/cache") + " " + shell_quote(out) + " " +
                      shell_quote(kDebianKernel);
    if (own) cmd += " " + shell_quote(s.kernel) + " " + shell_quote(s.modules);
    if (sh(cmd, log) != 0) throw GuestError{"building the guest failed:\n" + tail(slurp(log), 6)};
    std::ofstream(out + "/stamp") << stamp;
  }
  return out;
}

std::string boot_guest(const std::string& out_dir, const std::string& dts_or_dtb,
                       const std::string& script, const std::string& append, int timeout_s,
                       const std::string& log_path, const std::function<void(int step)>& on_step) {
  const std::string tools = kernel_check_tools();
  std::string dtb = dts_or_dtb;
  const std::string harness_log = out_dir + "/boot-harness.log";
  if (fs::path(dts_or_dtb).extension() != ".dtb") {
    dtb = out_dir + "/board.dtb";
    if (sh("dtc -q -I dts -O dtb -o " + shell_quote(dtb) + " " + shell_quote(dts_or_dtb),
           harness_log) != 0)
      throw GuestError{"dtc could not compile " + dts_or_dtb + ":\n" + tail(slurp(harness_log), 4)};
  }
  const std::string scn = out_dir + "/scenario.sh";
  std::ofstream(scn) << script;
  std::atomic<bool> done{false};
  int rc = 0;
  std::thread qemu([&] {
    rc = sh("sh " + shell_quote(tools + "/boot.sh") + " " + shell_quote(out_dir) + " " +
                shell_quote(dtb) + " " + shell_quote(scn) + " " + shell_quote(log_path) + " " +
                std::to_string(timeout_s) + " " + shell_quote(append),
            harness_log);
    done = true;
  });
  // Follow the serial log for the step markers while QEMU runs.
  int last = 0;
  while (!done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    if (!on_step) continue;
    std::string now = slurp(log_path);
    for (size_t at = now.find("LK: step "); at != std::string::npos;
         at = now.find("LK: step ", at + 1)) {
      int n = std::atoi(now.c_str() + at + 9);
      std::string begin = "LK: step " + std::to_string(n) + " begin";
      if (n > last && now.compare(at, begin.size(), begin) == 0) {
        last = n;
        on_step(n);
      }
    }
  }
  qemu.join();
  std::string log = slurp(log_path);
  if (rc != 0 && rc != 124)
    throw GuestError{"QEMU failed (exit " + std::to_string(rc) + "):\n" +
                     tail(slurp(harness_log), 6)};
  if (log.empty()) throw GuestError{"QEMU wrote no serial log to " + log_path};
  return log;
}

}  // namespace lifeline::cli
