// SPDX-License-Identifier: GPL-2.0-only
// The knobs (net/knobs.h, docs/architecture.md) as the network model reads them.
#ifndef LIFELINE_NET_NET_CONFIG_H_
#define LIFELINE_NET_NET_CONFIG_H_

#include <map>
#include <string>

#include "lifeline/core/kernel.h"

namespace lifeline::net {

enum class PhyLoss : uint8_t { kMainline, kHoldover, kDevlink, kPortDevice, kNotifyDown, kReplay };
enum class GenphyPolicy : uint8_t { kMainline, kDefer, kOptIn };
enum class PseDesign : uint8_t { kMainline, kNotifierRtnl, kNotifierMutex };
enum class PcsDesign : uint8_t { kMainline, kModuleRef, kRelease, kDevlink };
enum class SfpLock : uint8_t { kRtnl, kMutex, kNone };

struct NetConfig {
  PhyLoss phy_loss = PhyLoss::kMainline;
  GenphyPolicy genphy = GenphyPolicy::kMainline;
  PseDesign pse = PseDesign::kMainline;
  PcsDesign pcs = PcsDesign::kMainline;
  SfpLock sfp_lock = SfpLock::kRtnl;
  core::CoreConfig core;
  // Kernel configuration that changes what a lifecycle does, with the
  // kernel's names (knobs CONFIG_*); the defaults are Debian's arm64 ones.
  bool led_trigger_phy = true;  // CONFIG_LED_TRIGGER_PHY=y: phylib's per-PHY LED triggers
  bool init_on_free =
      false;  // CONFIG_INIT_ON_FREE_DEFAULT_ON (or init_on_free=1): freed memory reads as zeros

  // Applies knob=value (names and values of knobs.h). Returns false for an
  // unknown knob or value.
  bool set(const std::string& knob, const std::string& value);
  std::string get(const std::string& knob) const;
  // notify-down and replay both tell consumers that a PHY goes away.
  bool phy_notifier() const {
    return phy_loss == PhyLoss::kNotifyDown || phy_loss == PhyLoss::kReplay;
  }
};

}  // namespace lifeline::net

#endif  // LIFELINE_NET_NET_CONFIG_H_
