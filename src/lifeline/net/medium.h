// SPDX-License-Identifier: GPL-2.0-only
// The physical world behind a port: a cable and the link partner at its other
// end (what it advertises), and when it was plugged. A PHY's "hardware"
// reads it: link comes up a realistic time after autonegotiation starts.
#ifndef LIFELINE_NET_MEDIUM_H_
#define LIFELINE_NET_MEDIUM_H_

#include <functional>
#include <vector>

#include "lifeline/net/link_mode.h"
#include "lifeline/sim/object.h"
#include "lifeline/sim/time.h"

namespace lifeline::net {

// Autonegotiation over twisted pair takes about two seconds from restart to
// link (IEEE 802.3 clause 28/40: link_fail_inhibit_timer 750-1000 ms, plus
// master/slave resolution and training at 1000BASE-T); a forced link about one.
inline constexpr sim::Time kAnegTime = 2 * sim::kSec;
inline constexpr sim::Time kForcedLinkTime = 1 * sim::kSec;

class Medium : public sim::Object {
 public:
  explicit Medium(std::string port) : sim::Object("medium", std::move(port)) {}

  bool plugged = false;
  LinkModes partner_modes;  // what the link partner advertises
  bool partner_autoneg = true;
  sim::Time changed_at = 0;  // last plug or unplug

  // Called when something changes at the other end (a PHY with an IRQ line
  // raises it; a polled PHY notices at its next poll). Keyed by the watching
  // object so it can stop watching when it goes away.
  std::vector<std::pair<const void*, std::function<void()>>> watchers;
  void watch(const void* owner, std::function<void()> fn);
  void unwatch(const void* owner);

  void plug(const LinkModes& partner, bool autoneg);
  void unplug();

 private:
  void notify();
};

}  // namespace lifeline::net

#endif  // LIFELINE_NET_MEDIUM_H_
