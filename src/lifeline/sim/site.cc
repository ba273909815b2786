// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/site.h"

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

std::string Site::stack() const {
  if (task.empty()) return "scheduler";
  std::string s = task;
  for (size_t i = 0; i < frames.size(); ++i) {
    s += i ? " > " : ": ";
    s += frames[i];
  }
  return s;
}

std::string Site::str() const { return "[" + format_timestamp(time) + "] " + stack(); }

Site current_site() {
  Engine& e = Engine::current();
  Site s;
  s.time = e.now();
  if (Task* t = e.current_task()) {
    s.task = t->name;
    s.frames = t->frames;
  }
  return s;
}

}  // namespace lifeline::sim
