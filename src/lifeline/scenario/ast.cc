// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/ast.h"

namespace lifeline::scenario {

bool is_configuration(const Body& body) {
  return std::holds_alternative<SetKnob>(body) || std::holds_alternative<ModuleCmd>(body) ||
         std::holds_alternative<PhyId>(body) || std::holds_alternative<MacFacts>(body);
}

}  // namespace lifeline::scenario
