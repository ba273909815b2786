// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/medium.h"

#include "lifeline/sim/engine.h"

namespace lifeline::net {

void Medium::plug(const LinkModes& partner, bool autoneg) {
  sim::Engine& e = sim::Engine::current();
  plugged = true;
  partner_modes = partner;
  partner_autoneg = autoneg;
  changed_at = e.now();
  if (e.tracing())
    e.note("cable plugged into " + name() + " (partner " + link_modes_string(partner) + ")");
  notify();
}

void Medium::unplug() {
  sim::Engine& e = sim::Engine::current();
  plugged = false;
  changed_at = e.now();
  if (e.tracing()) e.note("cable unplugged from " + name());
  notify();
}

void Medium::watch(const void* owner, std::function<void()> fn) {
  unwatch(owner);
  watchers.emplace_back(owner, std::move(fn));
}

void Medium::unwatch(const void* owner) {
  std::erase_if(watchers, [owner](const auto& w) { return w.first == owner; });
}

void Medium::notify() {
  auto copy = watchers;
  for (auto& [owner, fn] : copy) fn();
}

}  // namespace lifeline::net
