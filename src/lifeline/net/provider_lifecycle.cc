// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/provider_lifecycle.h"

#include <algorithm>
#include <array>
#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/notifier.h"
#include "lifeline/net/net.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::net {

namespace {

using sim::note;

// One kind's chain, consumers and pending arrivals.
struct KindState {
  core::BlockingNotifierHead chain;
  core::NotifierBlock nb;  // the protocol's one block on the chain
  bool listening = false;
  bool replay = false;
  sim::Mutex consumers_lock;
  std::vector<ProviderConsumer*> consumers;
  std::vector<core::Device*> arrivals;  // holding a reference each
  sim::WorkStruct arrival_work;
};

}  // namespace

// The execution's protocol state, kept with the network state.
struct ProviderLifecycle : sim::Object {
  ProviderLifecycle() : sim::Object("provider_lifecycle", "net") {}
  std::array<KindState, kProviderKinds> kinds;
};

namespace {

KindState& state(ProviderKind kind) {
  return Net::current().lifecycle->kinds[static_cast<size_t>(kind)];
}

// Under rtnl, before a callback: `c` is still registered (its memory is
// alive: it is unregistered under rtnl before it is freed; the pointer is
// compared, never read, until then) and still holds `provider`.
bool still_holds(KindState& k, ProviderConsumer* c, const core::Device* provider) {
  sim::mutex_lock(&k.consumers_lock);
  bool holds = std::find(k.consumers.begin(), k.consumers.end(), c) != k.consumers.end() &&
               c->held == provider;
  sim::mutex_unlock(&k.consumers_lock);
  return holds;
}

// Whether `provider` is the one `c` lost: the same firmware node, or the
// same device for a provider that has none.
bool lost_is(const ProviderConsumer* c, const core::Device* provider) {
  if (c->held) return false;
  if (c->lost) return c->lost == provider->fwnode;
  return c->lost_device && c->lost_device == provider;
}

bool still_waits(KindState& k, ProviderConsumer* c, const core::Device* provider) {
  sim::mutex_lock(&k.consumers_lock);
  bool waits = std::find(k.consumers.begin(), k.consumers.end(), c) != k.consumers.end() &&
               lost_is(c, provider);
  sim::mutex_unlock(&k.consumers_lock);
  return waits;
}

void deliver_going_away(KindState& k, ProviderConsumer* c, core::Device* provider) {
  rtnl_lock();
  // An ifdown or an unregister may have let go of it while we waited.
  if (still_holds(k, c, provider)) {
    sim::mutex_lock(&k.consumers_lock);
    c->lost = provider->fwnode;
    c->lost_device = provider->fwnode ? nullptr : provider;
    sim::mutex_unlock(&k.consumers_lock);
    c->ops->going_away(c, provider);
    provider_release(c);  // whatever the consumer did, it holds nothing now
  }
  rtnl_unlock();
}

void deliver_arrived(KindState& k, ProviderConsumer* c, core::Device* provider) {
  rtnl_lock();
  if (!still_waits(k, c, provider)) {
    rtnl_unlock();
    return;
  }
  int err = c->ops->reconnect(c, provider);
  if (err) {
    note(c->ops->name(c) + ": reconnecting " + provider->name() +
         " failed: " + core::errno_name(err));
    rtnl_unlock();
    return;
  }
  // reconnect() held it again (provider_hold() cleared `lost`).
  if (k.replay && c->journal && !c->journal->empty()) {
    note(c->ops->name(c) + ": replaying " + c->journal->describe() + " to " + provider->name());
    c->journal->replay(provider);
  }
  note(c->ops->name(c) + ": " + provider_kind_name(c->kind) + " " + provider->name() + " is back");
  if (c->ops->restart) c->ops->restart(c, provider);
  rtnl_unlock();
}

// The protocol's notifier callback: the consumers concerned are picked under
// consumers_lock, which is dropped before any of them is called.
int provider_event(KindState& k, unsigned long event, core::Device* provider) {
  std::vector<ProviderConsumer*> targets;
  sim::mutex_lock(&k.consumers_lock);
  for (ProviderConsumer* c : k.consumers) {
    if (event == PROVIDER_GOING_AWAY && c->held == provider) targets.push_back(c);
    if (event == PROVIDER_ARRIVED && lost_is(c, provider)) targets.push_back(c);
  }
  sim::mutex_unlock(&k.consumers_lock);
  for (ProviderConsumer* c : targets) {
    if (event == PROVIDER_GOING_AWAY) deliver_going_away(k, c, provider);
    if (event == PROVIDER_ARRIVED) deliver_arrived(k, c, provider);
  }
  return core::NOTIFY_DONE;
}

void provider_arrival_work(KindState& k) {
  std::vector<core::Device*> arrivals;
  arrivals.swap(k.arrivals);
  for (core::Device* provider : arrivals) {
    if (provider->driver && core::device_is_registered(provider))
      core::blocking_notifier_call_chain(&k.chain, PROVIDER_ARRIVED, provider);
    core::put_device(provider);
  }
}

}  // namespace

const char* provider_kind_name(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::kPhy:
      return "PHY";
    case ProviderKind::kPcs:
      return "PCS";
    case ProviderKind::kPse:
      return "PSE";
    case ProviderKind::kSfp:
      return "SFP";
  }
  return "?";
}

void provider_lifecycle_init() {
  Net& net = Net::current();
  net.lifecycle = sim::kzalloc<ProviderLifecycle>();
  static constexpr const char* kChains[] = {"phy_notifier", "pcs_notifier", "pse_notifier",
                                            "sfp_notifier"};
  static constexpr const char* kLocks[] = {"phy_consumers_lock", "pcs_consumers_lock",
                                           "pse_consumers_lock", "sfp_consumers_lock"};
  static constexpr const char* kWork[] = {"phy_arrival_work", "pcs_arrival_work",
                                          "pse_arrival_work", "sfp_arrival_work"};
  for (size_t i = 0; i < kProviderKinds; ++i) {
    KindState& k = net.lifecycle->kinds[i];
    core::blocking_init_notifier_head(&k.chain, kChains[i]);
    sim::mutex_init(&k.consumers_lock, kLocks[i]);
    sim::INIT_WORK(&k.arrival_work, kWork[i], [&k] { provider_arrival_work(k); });
  }
}

void provider_lifecycle_listen(ProviderKind kind, bool replay) {
  KindState& k = state(kind);
  if (k.listening) return;
  k.listening = true;
  k.replay = replay;
  k.nb.name = std::string(provider_kind_name(kind)) + " consumers";
  k.nb.notifier_call = [&k](unsigned long event, void* data) {
    return provider_event(k, event, static_cast<core::Device*>(data));
  };
  core::blocking_notifier_chain_register(&k.chain, &k.nb);
}

bool provider_lifecycle_listening(ProviderKind kind) { return state(kind).listening; }

core::BlockingNotifierHead* provider_notifier(ProviderKind kind) { return &state(kind).chain; }

void provider_consumer_register(ProviderConsumer* c) {
  KindState& k = state(c->kind);
  if (!k.listening || c->registered) return;
  sim::mutex_lock(&k.consumers_lock);
  c->registered = true;
  k.consumers.push_back(c);
  sim::mutex_unlock(&k.consumers_lock);
}

void provider_consumer_unregister(ProviderConsumer* c) {
  KindState& k = state(c->kind);
  if (!k.listening || !c->registered) return;
  sim::mutex_lock(&k.consumers_lock);
  c->registered = false;
  c->held = nullptr;
  c->lost = nullptr;
  c->lost_device = nullptr;
  std::erase(k.consumers, c);
  sim::mutex_unlock(&k.consumers_lock);
}

void provider_hold(ProviderConsumer* c, core::Device* provider) {
  KindState& k = state(c->kind);
  if (!k.listening) return;
  provider_consumer_register(c);
  sim::mutex_lock(&k.consumers_lock);
  c->held = provider;
  c->lost = nullptr;
  c->lost_device = nullptr;
  sim::mutex_unlock(&k.consumers_lock);
}

void provider_release(ProviderConsumer* c) {
  KindState& k = state(c->kind);
  if (!k.listening || !c->registered || !c->held) return;
  sim::mutex_lock(&k.consumers_lock);
  c->held = nullptr;
  sim::mutex_unlock(&k.consumers_lock);
}

ProviderConsumer* provider_consumer_find(ProviderKind kind, const void* owner) {
  KindState& k = state(kind);
  if (!k.listening) return nullptr;
  for (ProviderConsumer* c : k.consumers)
    if (c->owner == owner) return c;
  return nullptr;
}

bool provider_is_held(ProviderKind kind, const core::Device* provider) {
  KindState& k = state(kind);
  if (!k.listening) return false;
  sim::mutex_lock(&k.consumers_lock);
  bool held = std::any_of(k.consumers.begin(), k.consumers.end(),
                          [provider](const ProviderConsumer* c) { return c->held == provider; });
  sim::mutex_unlock(&k.consumers_lock);
  return held;
}

void provider_going_away(ProviderKind kind, core::Device* provider) {
  KindState& k = state(kind);
  if (!k.listening) return;
  // A provider nobody holds notifies nobody, and takes no chain lock: an
  // ifdown releases genphy under rtnl, and the chain's rwsem taken there
  // would order rtnl before it while the callbacks take rtnl inside it.
  if (!provider_is_held(kind, provider)) return;
  core::blocking_notifier_call_chain(&k.chain, PROVIDER_GOING_AWAY, provider);
}

void provider_arrived(ProviderKind kind, core::Device* provider) {
  KindState& k = state(kind);
  if (!k.listening) return;
  k.arrivals.push_back(core::get_device(provider));
  sim::schedule_work(&k.arrival_work);
}

}  // namespace lifeline::net
