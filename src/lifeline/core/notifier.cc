// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/notifier.h"

#include <algorithm>

#include "lifeline/sim/engine.h"

namespace lifeline::core {

void blocking_init_notifier_head(BlockingNotifierHead* nh, std::string_view name) {
  nh->name = std::string(name);
  sim::init_rwsem(&nh->rwsem, "&" + nh->name + "->rwsem");
  nh->chain.clear();
}

int blocking_notifier_chain_register(BlockingNotifierHead* nh, NotifierBlock* nb) {
  sim::down_write(&nh->rwsem);
  int ret = 0;
  if (std::find(nh->chain.begin(), nh->chain.end(), nb) != nh->chain.end()) {
    sim::warn("WARNING: notifier_chain_register: double register detected (" + nh->name + ")");
    ret = -EEXIST;
  } else {
    // After every block of higher or equal priority (notifier_chain_register()).
    auto pos = std::find_if(nh->chain.begin(), nh->chain.end(),
                            [nb](const NotifierBlock* n) { return nb->priority > n->priority; });
    nh->chain.insert(pos, nb);
  }
  sim::up_write(&nh->rwsem);
  return ret;
}

int blocking_notifier_chain_unregister(BlockingNotifierHead* nh, NotifierBlock* nb) {
  sim::down_write(&nh->rwsem);
  auto it = std::find(nh->chain.begin(), nh->chain.end(), nb);
  int ret = -ENOENT;
  if (it != nh->chain.end()) {
    nh->chain.erase(it);
    ret = 0;
  }
  sim::up_write(&nh->rwsem);
  return ret;
}

int blocking_notifier_call_chain(BlockingNotifierHead* nh, unsigned long action, void* data) {
  // Lockless check first, as the kernel does (rcu_access_pointer(nh->head)).
  if (nh->chain.empty()) return NOTIFY_DONE;
  sim::down_read(&nh->rwsem);
  int ret = NOTIFY_DONE;
  // Iterate over a snapshot: a callback may not change the chain (it would
  // deadlock on the rwsem first), but keep the walk well defined regardless.
  std::vector<NotifierBlock*> snapshot = nh->chain;
  for (NotifierBlock* nb : snapshot) {
    ret = nb->notifier_call(action, data);
    if (ret & NOTIFY_STOP_MASK) break;
  }
  sim::up_read(&nh->rwsem);
  return ret;
}

int raw_notifier_chain_register(RawNotifierHead* nh, NotifierBlock* nb) {
  if (std::find(nh->chain.begin(), nh->chain.end(), nb) != nh->chain.end()) {
    sim::warn("WARNING: notifier_chain_register: double register detected (" + nh->name + ")");
    return -EEXIST;
  }
  auto pos = std::find_if(nh->chain.begin(), nh->chain.end(),
                          [nb](const NotifierBlock* n) { return nb->priority > n->priority; });
  nh->chain.insert(pos, nb);
  return 0;
}

int raw_notifier_chain_unregister(RawNotifierHead* nh, NotifierBlock* nb) {
  auto it = std::find(nh->chain.begin(), nh->chain.end(), nb);
  if (it == nh->chain.end()) return -ENOENT;
  nh->chain.erase(it);
  return 0;
}

int raw_notifier_call_chain(RawNotifierHead* nh, unsigned long action, void* data) {
  int ret = NOTIFY_DONE;
  std::vector<NotifierBlock*> snapshot = nh->chain;  // a callback may unregister itself
  for (NotifierBlock* nb : snapshot) {
    ret = nb->notifier_call(action, data);
    if (ret & NOTIFY_STOP_MASK) break;
  }
  return ret;
}

}  // namespace lifeline::core
