// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/cli/demo.h"

#ifndef LIFELINE_DATA_DIR
#define LIFELINE_DATA_DIR "."
#endif

namespace lifeline::cli {

std::string demo_scenario_path() { return std::string(LIFELINE_DATA_DIR) + "/" + kDemoScenario; }

}  // namespace lifeline::cli
