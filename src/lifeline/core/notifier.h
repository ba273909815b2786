// SPDX-License-Identifier: GPL-2.0-only
// Notifier chains (include/linux/notifier.h). Blocking chains: callbacks
// run in priority order under the chain's rwsem held for read, so they may
// sleep; register/unregister take it for write. Unregistering from inside a
// callback therefore deadlocks, and the engine reports it. Raw chains take
// no lock at all: the caller's lock (rtnl for the netdev chain) serialises
// them.
#ifndef LIFELINE_CORE_NOTIFIER_H_
#define LIFELINE_CORE_NOTIFIER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/rwsem.h"

namespace lifeline::core {

inline constexpr int NOTIFY_DONE = 0x0000;
inline constexpr int NOTIFY_OK = 0x0001;
inline constexpr int NOTIFY_STOP_MASK = 0x8000;
inline constexpr int NOTIFY_BAD = NOTIFY_STOP_MASK | 0x0002;
inline constexpr int NOTIFY_STOP = NOTIFY_OK | NOTIFY_STOP_MASK;

inline int notifier_from_errno(int err) {
  return err ? NOTIFY_STOP_MASK | (NOTIFY_OK - err) : NOTIFY_OK;
}
inline int notifier_to_errno(int ret) {
  ret &= ~NOTIFY_STOP_MASK;
  return ret > NOTIFY_OK ? NOTIFY_OK - ret : 0;
}

struct NotifierBlock {
  std::function<int(unsigned long action, void* data)> notifier_call;
  int priority = 0;
  std::string name;  // for traces
};

struct BlockingNotifierHead {
  sim::RwSemaphore rwsem;
  std::vector<NotifierBlock*> chain;  // highest priority first
  std::string name;
};

// BLOCKING_INIT_NOTIFIER_HEAD(): the rwsem's lockdep class is "&<name>->rwsem".
void blocking_init_notifier_head(BlockingNotifierHead* nh, std::string_view name);
// Registering the same block twice is a WARN, as in notifier_chain_register().
int blocking_notifier_chain_register(BlockingNotifierHead* nh, NotifierBlock* nb);
int blocking_notifier_chain_unregister(BlockingNotifierHead* nh, NotifierBlock* nb);
// Calls each callback until one returns with NOTIFY_STOP_MASK set; returns
// the last callback's value (NOTIFY_DONE for an empty chain).
int blocking_notifier_call_chain(BlockingNotifierHead* nh, unsigned long action, void* data);

struct RawNotifierHead {
  std::vector<NotifierBlock*> chain;  // highest priority first
  std::string name;
};

// The raw_notifier_* calls: the same order and return values, no lock.
int raw_notifier_chain_register(RawNotifierHead* nh, NotifierBlock* nb);
int raw_notifier_chain_unregister(RawNotifierHead* nh, NotifierBlock* nb);
int raw_notifier_call_chain(RawNotifierHead* nh, unsigned long action, void* data);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_NOTIFIER_H_
