// SPDX-License-Identifier: GPL-2.0-only
// Timeline notes from model code: "unbinding X from Y", "eth0: Link is Up".
// Quiet runs (exploration, benchmarks) record no timeline, so these skip the
// message, and note_lazy() skips even building it.
#ifndef LIFELINE_SIM_NOTE_H_
#define LIFELINE_SIM_NOTE_H_

#include <string>

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

// A model-level event in the current execution's timeline, when it is kept.
inline void note(const std::string& message) {
  Engine& e = Engine::current();
  if (e.tracing()) e.note(message);
}

// As note(), for hot paths: `build()` makes the message only when it is kept.
template <class F>
void note_lazy(F&& build) {
  Engine& e = Engine::current();
  if (e.tracing()) e.note(build());
}

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_NOTE_H_
