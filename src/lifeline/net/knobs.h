// SPDX-License-Identifier: GPL-2.0-only
// The design knobs of DESIGN.md: where the kernel has several candidate
// designs, a knob selects the one the model follows. Each value names the
// design it models.
#ifndef LIFELINE_NET_KNOBS_H_
#define LIFELINE_NET_KNOBS_H_

#include <span>
#include <string_view>

namespace lifeline::net {

struct KnobValue {
  std::string_view name;
  std::string_view design;  // the design it models, one line
};

struct KnobInfo {
  std::string_view name;
  std::string_view default_value;
  std::span<const KnobValue> values;
  std::string_view help;
};

std::span<const KnobInfo> knob_table();
const KnobInfo* find_knob(std::string_view name);
bool knob_has_value(const KnobInfo& knob, std::string_view value);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_KNOBS_H_
