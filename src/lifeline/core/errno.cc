// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/errno.h"

namespace lifeline::core {

std::string errno_name(int err) {
  if (err == 0) return "0";
  int e = err < 0 ? -err : err;
  const char* name = nullptr;
  switch (e) {
    case EPERM: name = "EPERM"; break;
    case ENOENT: name = "ENOENT"; break;
    case EIO: name = "EIO"; break;
    case ENXIO: name = "ENXIO"; break;
    case EAGAIN: name = "EAGAIN"; break;
    case ENOMEM: name = "ENOMEM"; break;
    case EBUSY: name = "EBUSY"; break;
    case EEXIST: name = "EEXIST"; break;
    case ENODEV: name = "ENODEV"; break;
    case EINVAL: name = "EINVAL"; break;
    case ENOSPC: name = "ENOSPC"; break;
    case EOPNOTSUPP: name = "EOPNOTSUPP"; break;
    case ETIMEDOUT: name = "ETIMEDOUT"; break;
    case ENETDOWN: name = "ENETDOWN"; break;
    case ENOLINK: name = "ENOLINK"; break;
    case EPROBE_DEFER: name = "EPROBE_DEFER"; break;
    default: break;
  }
  std::string s = err < 0 ? "-" : "";
  return s + (name ? name : std::to_string(e));
}

}  // namespace lifeline::core
