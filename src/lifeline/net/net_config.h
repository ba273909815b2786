// SPDX-License-Identifier: GPL-2.0-only
// The knobs (net/knobs.h, docs/architecture.md) as the network model reads
// them: a design knob's value is the ops table of its design
// (net/designs/), chosen here once, when the configuration is made.
#ifndef LIFELINE_NET_NET_CONFIG_H_
#define LIFELINE_NET_NET_CONFIG_H_

#include <string>

#include "lifeline/core/kernel.h"

namespace lifeline::net {

struct PhyLossOps;
struct GenphyOps;
struct PcsOps;
struct SfpLockOps;
struct PseOps;
extern const PhyLossOps phy_loss_mainline;
extern const GenphyOps genphy_mainline;
extern const PcsOps pcs_mainline;
extern const SfpLockOps sfp_lock_rtnl;
extern const PseOps pse_mainline;

struct NetConfig {
  const PhyLossOps* phy_loss = &phy_loss_mainline;
  const GenphyOps* genphy = &genphy_mainline;
  const PcsOps* pcs = &pcs_mainline;
  const SfpLockOps* sfp_lock = &sfp_lock_rtnl;  // knob sfp-lock (designs/sfp_lock.h)
  const PseOps* pse = &pse_mainline;
  core::CoreConfig core;
  // Kernel configuration that changes what a lifecycle does, with the
  // kernel's names (knobs CONFIG_*); the defaults are Debian's arm64 ones.
  bool led_trigger_phy = true;  // CONFIG_LED_TRIGGER_PHY=y: phylib's per-PHY LED triggers
  bool init_on_free =
      false;  // CONFIG_INIT_ON_FREE_DEFAULT_ON (or init_on_free=1): freed memory reads as zeros

  // Applies knob=value through the knob registry (net/knobs.h). Returns
  // false for an unknown knob or value, or a knob that is not modelled.
  bool set(const std::string& knob, const std::string& value);
  // The value's name; a knob that is not modelled reads as its default;
  // "" for an unknown knob.
  std::string get(const std::string& knob) const;
};

}  // namespace lifeline::net

#endif  // LIFELINE_NET_NET_CONFIG_H_
