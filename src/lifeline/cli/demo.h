// SPDX-License-Identifier: GPL-2.0-only
// What `lifeline demo` (and `make demo`) shows: a bundled board and scenario,
// compared across every phy-loss design. One place to change them.
#ifndef LIFELINE_CLI_DEMO_H_
#define LIFELINE_CLI_DEMO_H_

#include <string>

namespace lifeline::cli {

inline constexpr char kDemoBoard[] = "armada-388-clearfog-pro";
// How the demo names the board in its one-line introduction.
inline constexpr char kDemoBoardTitle[] = "SolidRun ClearFog Pro (Armada 388, mvneta + 88E1512)";
// Relative to the data directory (the source tree: LIFELINE_DATA_DIR).
inline constexpr char kDemoScenario[] = "scenarios/s1-clearfog.scn";
inline constexpr char kDemoKnob[] = "phy-loss";

// The demo scenario's path on this machine.
std::string demo_scenario_path();

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_DEMO_H_
