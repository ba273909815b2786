// SPDX-License-Identifier: GPL-2.0-only
// The guest side of `lifeline kernel-check`: the host packages (QEMU), the
// Debian packages fetched once into a cache through a private apt
// configuration, the kernel and initramfs built from them (or from the
// user's own kernel), and one QEMU boot per run, each leaving a serial log.
// The shell helpers that do the work are in tools/kernel-check/.
#ifndef LIFELINE_CLI_KERNEL_CHECK_GUEST_H_
#define LIFELINE_CLI_KERNEL_CHECK_GUEST_H_

#include <functional>
#include <string>

namespace lifeline::cli {

// The Debian kernel the check boots unless --kernel says otherwise.
inline constexpr char kDebianKernel[] = "6.12.117+deb12";

struct GuestSetup {
  std::string cache;    // build/kernel-check: packages, build outputs, logs
  std::string kernel;   // --kernel: an Image or a .deb; "" for Debian's
  std::string modules;  // --modules: lib/modules/VERSION of the user's build
  std::function<void(const std::string&)> progress;  // a line of progress, or nothing
};

// What a failure of the harness (not of the kernel) says; the command exits 2.
struct GuestError {
  std::string message;
  bool unreachable = false;  // the package archive could not be reached
};

// Where tools/kernel-check is (the source tree lifeline was built from).
std::string kernel_check_tools();
std::string default_kernel_check_cache();

// Installs or names the host packages, fetches and builds (cached). Returns
// the directory holding Image and base.cpio.gz. Throws GuestError.
std::string prepare_guest(const GuestSetup& setup);

// One boot: the board's DTB, the script as /scenario.sh; returns the serial
// log. Throws GuestError when QEMU fails (not when the guest hangs: the
// guest's watchdog powers it off and the log says so).
// `on_step` (when set) hears of each step the guest begins, while it runs.
std::string boot_guest(const std::string& out_dir, const std::string& dts_or_dtb,
                       const std::string& script, const std::string& append, int timeout_s,
                       const std::string& log_path,
                       const std::function<void(int step)>& on_step = nullptr);

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_KERNEL_CHECK_GUEST_H_
