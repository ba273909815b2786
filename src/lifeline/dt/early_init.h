// SPDX-License-Identifier: GPL-2.0-only
// What the kernel sets up before the driver core runs, from tables the
// linker collects (Linux v6.12): interrupt controllers of __irqchip_of_table
// (IRQCHIP_DECLARE, run by of_irq_init()), clocks of __clk_of_table
// (CLK_OF_DECLARE, of_clk_init()) and timers of __timer_of_table
// (TIMER_OF_DECLARE, timer_probe()).
//
// What each does to the device graph:
// - irqchips and clocks: the node gets OF_POPULATED (so
//   of_platform_populate() creates no device for it) and, once its IRQ
//   domain or clock provider is registered, fwnode_dev_initialized(): links
//   to it are then dropped by fw_devlink (fw_devlink_create_devlink() returns
//   -EINVAL for an initialised node with no device), so consumers never wait
//   for it.
// - timers: nothing. The node still gets a platform device if it is
//   populated, and no driver ever binds it (timer_probe() is not a driver).
//
// The tables list the entries whose compatibles occur on the bundled boards
// (found by reading every *_DECLARE of drivers/, arch/ and kernel/ in v6.12),
// plus the generic ones (fixed-factor-clock, the other GIC variants).
#ifndef LIFELINE_DT_EARLY_INIT_H_
#define LIFELINE_DT_EARLY_INIT_H_

#include <string_view>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

enum class EarlyKind : uint8_t { kIrqchip, kClock, kTimer };
std::string_view early_kind_name(EarlyKind kind);

struct EarlyInit {
  core::FwNode* node = nullptr;
  EarlyKind kind = EarlyKind::kIrqchip;
};

// The table entry `node` matches (any of its compatibles), if any.
bool in_irqchip_table(const core::FwNode& node);
bool in_clk_table(const core::FwNode& node);
bool in_timer_table(const core::FwNode& node);

// The nodes each early initcall sets up, in the order it does: of_irq_init()
// (available nodes with "interrupt-controller", root controllers first, then
// the ones whose interrupt parent is already set up; a controller whose
// parent never is stays uninitialised, as "children remain, but no
// parents"), then of_clk_init() (every available match), then timer_probe().
// Pure: changes nothing.
std::vector<EarlyInit> early_init_nodes(const core::FwTree& tree);

// time_init() for the model: marks the irqchips and clocks of
// early_init_nodes() with fwnode_dev_initialized(node, true), deletes the
// fwnode links to them (what fw_devlink_create_devlink() leads to for each
// consumer when its device is added: the model makes every link at load,
// the kernel lazily, after time_init()), and returns the list. The caller
// treats irqchips and clocks as OF_POPULATED.
std::vector<EarlyInit> of_early_init(core::FwTree& tree);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_EARLY_INIT_H_
