// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/net_config.h"

#include "lifeline/net/knobs.h"

namespace lifeline::net {

bool NetConfig::set(const std::string& knob, const std::string& value) {
  const KnobInfo* k = find_knob(knob);
  if (!k || !k->modelled || !k->set) return false;
  for (size_t i = 0; i < k->values.size(); ++i) {
    if (k->values[i].name == value) {
      k->set(*this, i);
      return true;
    }
  }
  return false;
}

std::string NetConfig::get(const std::string& knob) const {
  const KnobInfo* k = find_knob(knob);
  if (!k) return "";
  if (!k->get) return std::string(k->default_value);
  size_t i = k->get(*this);
  return i < k->values.size() ? std::string(k->values[i].name) : "?";
}

}  // namespace lifeline::net
