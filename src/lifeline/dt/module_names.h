// SPDX-License-Identifier: GPL-2.0-only
// Module names as modprobe compares them: '-' and '_' are the same
// character (kmod's modname_normalize()), so "gpio-pca953x" names
// gpio_pca953x.
#ifndef LIFELINE_DT_MODULE_NAMES_H_
#define LIFELINE_DT_MODULE_NAMES_H_

#include <string>
#include <string_view>

namespace lifeline::dt {

// The name with every '-' made '_'.
inline std::string module_name_key(std::string_view name) {
  std::string key(name);
  for (char& c : key)
    if (c == '-') c = '_';
  return key;
}

inline bool module_names_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] == '-' ? '_' : a[i];
    char y = b[i] == '-' ? '_' : b[i];
    if (x != y) return false;
  }
  return true;
}

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_MODULE_NAMES_H_
