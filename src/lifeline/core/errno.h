// SPDX-License-Identifier: GPL-2.0-only
// Kernel errnos for the model's own errors (a probe returning -EPROBE_DEFER).
// The values are the kernel's; <cerrno> provides the ones libc shares.
#ifndef LIFELINE_CORE_ERRNO_H_
#define LIFELINE_CORE_ERRNO_H_

#include <cerrno>
#include <string>

#ifndef EPROBE_DEFER
#define EPROBE_DEFER 517  // include/linux/errno.h: driver requests probe retry
#endif

namespace lifeline::core {

// "-EPROBE_DEFER", "-ENODEV", "0", or "-<n>" for others.
std::string errno_name(int err);

// ERR_PTR()-style results: a value or a negative errno.
template <class T>
struct ErrOr {
  T value{};
  int err = 0;
  bool ok() const { return err == 0; }
};

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_ERRNO_H_
