// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/errno.h"

namespace lifeline::core {

namespace {

struct ErrnoName {
  int value;
  const char* name;
};

// The errnos the model returns; the names are include/uapi/asm-generic/errno*.h's.
constexpr ErrnoName kErrnos[] = {
    {EPERM, "EPERM"},           {ENOENT, "ENOENT"},       {EIO, "EIO"},
    {ENXIO, "ENXIO"},           {EAGAIN, "EAGAIN"},       {ENOMEM, "ENOMEM"},
    {EFAULT, "EFAULT"},         {EBUSY, "EBUSY"},         {EEXIST, "EEXIST"},
    {ENODEV, "ENODEV"},         {EINVAL, "EINVAL"},       {ENOSPC, "ENOSPC"},
    {EOPNOTSUPP, "EOPNOTSUPP"}, {ETIMEDOUT, "ETIMEDOUT"}, {ENETDOWN, "ENETDOWN"},
    {ENOLINK, "ENOLINK"},       {ENOTSUPP, "ENOTSUPP"},   {EPROBE_DEFER, "EPROBE_DEFER"},
};

}  // namespace

std::string errno_name(int err) {
  if (err == 0) return "0";
  int e = err < 0 ? -err : err;
  std::string s = err < 0 ? "-" : "";
  for (const ErrnoName& n : kErrnos)
    if (n.value == e) return s + n.name;
  return s + std::to_string(e);
}

int errno_value(std::string_view name) {
  if (!name.empty() && name[0] == '-') name.remove_prefix(1);
  for (const ErrnoName& n : kErrnos)
    if (name == n.name) return n.value;
  if (name == "EWOULDBLOCK") return EWOULDBLOCK;  // the same value as EAGAIN
  return 0;
}

std::vector<std::string> errno_names() {
  std::vector<std::string> out;
  for (const ErrnoName& n : kErrnos) out.emplace_back(n.name);
  return out;
}

}  // namespace lifeline::core
