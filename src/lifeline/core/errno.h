// SPDX-License-Identifier: GPL-2.0-only
// Kernel errnos for the model's own errors (a probe returning -EPROBE_DEFER).
// The values are the kernel's; <cerrno> provides the ones libc shares.
#ifndef LIFELINE_CORE_ERRNO_H_
#define LIFELINE_CORE_ERRNO_H_

#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#ifndef EPROBE_DEFER
#define EPROBE_DEFER 517  // include/linux/errno.h: driver requests probe retry
#endif
#ifndef ENOTSUPP
#define ENOTSUPP 524  // include/linux/errno.h: operation is not supported
#endif

namespace lifeline::core {

// "-EPROBE_DEFER", "-ENODEV", "0", or "-<n>" for others.
std::string errno_name(int err);
// The positive value of an errno name ("EINVAL" or "-EINVAL"), 0 if unknown.
int errno_value(std::string_view name);
// Every name errno_value() knows, for messages.
std::vector<std::string> errno_names();

// ERR_PTR()-style results: a value or a negative errno.
template <class T>
struct ErrOr {
  T value{};
  int err = 0;
  bool ok() const { return err == 0; }
};

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_ERRNO_H_
