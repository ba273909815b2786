// SPDX-License-Identifier: GPL-2.0-only
// READ_ONCE(), WRITE_ONCE() and cmpxchg() on shared memory that no lock
// protects: each is a scheduling point (another CPU may run between two
// such accesses) and a recorded read or write of the variable, so that
// partial-order reduction (sim/dpor.h) knows which accesses race. The
// classic DPOR benchmark programs (dpor_test.cc) are written with them.
#ifndef LIFELINE_SIM_ONCE_H_
#define LIFELINE_SIM_ONCE_H_

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

template <class T>
T read_once(const T& x) {
  Engine& e = Engine::current();
  e.sched_point();
  e.touch(AccessKind::kMemory, &x, /*write=*/false);
  return x;
}

template <class T>
void write_once(T& x, T value) {
  Engine& e = Engine::current();
  e.sched_point();
  e.touch(AccessKind::kMemory, &x);
  x = value;
}

// Atomically: if x == old, x = value. Returns what x held (as cmpxchg()).
template <class T>
T cmpxchg(T& x, T old, T value) {
  Engine& e = Engine::current();
  e.sched_point();
  e.touch(AccessKind::kMemory, &x);
  T was = x;
  if (was == old) x = value;
  return was;
}

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_ONCE_H_
