// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/modalias.h"

namespace lifeline::dt {

std::string of_modalias(const core::FwNode& node) {
  std::optional<std::string> compatible = node.read_string("compatible");
  if (!compatible) return {};
  size_t comma = compatible->find(',');
  return comma == std::string::npos ? *compatible : compatible->substr(comma + 1);
}

}  // namespace lifeline::dt
