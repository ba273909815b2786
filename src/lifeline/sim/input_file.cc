// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/input_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "lifeline/sim/user_error.h"

namespace lifeline::sim {

std::string size_text(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (size_t{1} << 10) && bytes % (size_t{1} << 10) == 0)
    return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string excerpt(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max)) + "... (" + std::to_string(s.size()) + " bytes)";
}

std::string read_input_file(const std::string& path, std::string_view what, size_t limit) {
  std::string role(what);
  struct stat st {};
  if (stat(path.c_str(), &st) != 0)
    throw UserError(path, 0, 0, "cannot read the " + role + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode))
    throw UserError(path, 0, 0, "cannot read the " + role + ": it is a directory");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) throw UserError(path, 0, 0, "cannot read the " + role + ": " + std::strerror(errno));
  auto too_large = [&] {
    return UserError(path, 0, 0,
                     "the " + role + " is larger than " + size_text(limit) +
                         ", lifeline's limit for a " + role +
                         (S_ISREG(st.st_mode) ? "" : " (it is not a regular file: endless?)"));
  };
  // A regular file says its size up front; anything else is read until the
  // limit is passed.
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > limit) throw too_large();
  std::string out;
  char buf[1 << 16];
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f.get());
    if (n > 0) {
      if (out.size() + n > limit) throw too_large();
      out.append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(f.get()))
        throw UserError(path, 0, 0, "cannot read the " + role + ": " + std::strerror(errno));
      break;
    }
  }
  return out;
}

}  // namespace lifeline::sim
