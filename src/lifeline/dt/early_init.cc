// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/early_init.h"

#include <algorithm>

#include "lifeline/core/fw_devlink.h"
#include "lifeline/dt/of_base.h"
#include "lifeline/dt/of_irq.h"
#include "lifeline/dt/tree_memo.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

// IRQCHIP_DECLARE entries (drivers/irqchip/).
constexpr std::string_view kIrqchips[] = {
    "arm,gic-400",              // irq-gic.c
    "arm,cortex-a15-gic",       // irq-gic.c
    "arm,cortex-a9-gic",        // irq-gic.c
    "arm,cortex-a7-gic",        // irq-gic.c
    "arm,arm11mp-gic",          // irq-gic.c
    "arm,gic-v3",               // irq-gic-v3.c
    "atmel,sama5d3-aic",        // irq-atmel-aic5.c
    "brcm,bcm2836-l1-intc",     // irq-bcm2836.c
    "fsl,ls1043a-extirq",       // irq-ls-extirq.c
    "fsl,ls1088a-extirq",       // irq-ls-extirq.c
    "marvell,mpic",             // irq-armada-370-xp.c
    "marvell,odmi-controller",  // irq-mvebu-odmi.c
};

// CLK_OF_DECLARE entries (drivers/clk/).
constexpr std::string_view kClocks[] = {
    "fixed-clock",                       // clk-fixed-rate.c
    "fixed-factor-clock",                // clk-fixed-factor.c
    "atmel,sama5d3-pmc",                 // at91/sama5d3.c
    "atmel,sama5d3-sckc",                // at91/sckc.c
    "fsl,ls1028a-clockgen",              // clk-qoriq.c
    "fsl,ls1046a-clockgen",              // clk-qoriq.c
    "fsl,lx2160a-clockgen",              // clk-qoriq.c
    "marvell,armada-380-core-clock",     // mvebu/armada-38x.c
    "marvell,armada-380-corediv-clock",  // mvebu/clk-corediv.c
    "marvell,armada-380-gating-clock",   // mvebu/armada-38x.c
};

// TIMER_OF_DECLARE entries (drivers/clocksource/, arch/arm/kernel/).
constexpr std::string_view kTimers[] = {
    "arm,armv7-timer",             // arm_arch_timer.c
    "arm,armv8-timer",             // arm_arch_timer.c
    "arm,cortex-a9-global-timer",  // arm_global_timer.c
    "arm,cortex-a9-twd-timer",     // arch/arm/kernel/smp_twd.c
    "atmel,at91sam9260-pit",       // timer-atmel-pit.c
    "atmel,tcb-timer",             // timer-atmel-tcb.c
    "brcm,bcm2835-system-timer",   // bcm2835_timer.c
    "fsl,imx6dl-gpt",              // timer-imx-gpt.c
    "marvell,armada-xp-timer",     // timer-armada-370-xp.c
    "nxp,sysctr-timer",            // timer-imx-sysctr.c
};

template <size_t N>
bool matches(const FwNode& node, const std::string_view (&table)[N]) {
  const core::FwProperty* p = node.find_property("compatible");
  if (!p) return false;
  for (const std::string& c : node.compatible())
    if (std::find(std::begin(table), std::end(table), c) != std::end(table)) return true;
  return false;
}

// of_irq_init(): the interrupt parent of a controller, nullptr for a root.
const FwNode* irq_init_parent(const FwNode* np) {
  const FwNode* parent = of_parse_phandle(np, "interrupts-extended", 0);
  if (!parent) parent = of_irq_find_parent(np);
  return parent == np ? nullptr : parent;
}

}  // namespace

std::string_view early_kind_name(EarlyKind kind) {
  switch (kind) {
    case EarlyKind::kIrqchip:
      return "irqchip";
    case EarlyKind::kClock:
      return "clock";
    case EarlyKind::kTimer:
      return "timer";
  }
  return "?";
}

bool in_irqchip_table(const FwNode& node) { return matches(node, kIrqchips); }
bool in_clk_table(const FwNode& node) { return matches(node, kClocks); }
bool in_timer_table(const FwNode& node) { return matches(node, kTimers); }

namespace {

std::vector<EarlyInit> compute_early_init_nodes(const core::FwTree& tree);

}  // namespace

std::vector<EarlyInit> early_init_nodes(const core::FwTree& tree) {
  return *tree_memo<std::vector<EarlyInit>>(tree, "dt.early_init_nodes",
                                            [&] { return compute_early_init_nodes(tree); });
}

namespace {

std::vector<EarlyInit> compute_early_init_nodes(const core::FwTree& tree) {
  std::vector<EarlyInit> out;
  // of_irq_init(): collect, then initialise level by level from the roots.
  struct Desc {
    FwNode* node;
    const FwNode* parent;
  };
  std::vector<Desc> pending;
  for (const auto& n : tree.nodes()) {
    if (!n->has_property("compatible") || !in_irqchip_table(*n)) continue;
    if (!n->has_property("interrupt-controller") || !n->is_available()) continue;
    pending.push_back(Desc{n.get(), irq_init_parent(n.get())});
  }
  std::vector<const FwNode*> parents{nullptr};  // intc_parent_list, NULL first
  for (size_t level = 0; level < parents.size() && !pending.empty(); ++level) {
    const FwNode* parent = parents[level];
    for (auto it = pending.begin(); it != pending.end();) {
      if (it->parent != parent) {
        ++it;
        continue;
      }
      out.push_back(EarlyInit{it->node, EarlyKind::kIrqchip});
      parents.push_back(it->node);
      it = pending.erase(it);
    }
  }
  // of_clk_init(NULL): every available match (parent_ready() only orders them).
  for (const auto& n : tree.nodes())
    if (n->is_available() && n->has_property("compatible") && in_clk_table(*n))
      out.push_back(EarlyInit{n.get(), EarlyKind::kClock});
  // timer_probe()
  for (const auto& n : tree.nodes())
    if (n->is_available() && n->has_property("compatible") && in_timer_table(*n))
      out.push_back(EarlyInit{n.get(), EarlyKind::kTimer});
  return out;
}

}  // namespace

std::vector<EarlyInit> of_early_init(core::FwTree& tree) {
  std::vector<EarlyInit> out = early_init_nodes(tree);
  for (const EarlyInit& e : out) {
    if (e.kind == EarlyKind::kTimer) continue;
    core::fwnode_dev_initialized(e.node, true);
    // fw_devlink_create_devlink() gives -EINVAL for a supplier initialised
    // without a device, and the consumer's device_add() then deletes the
    // link; delete them all now (links are made for the whole tree at load,
    // not lazily as the kernel makes them). A link whose consumer never
    // becomes a device would survive in the kernel, to no effect.
    while (!e.node->consumers.empty()) tree.link_del(e.node->consumers.back());
  }
  return out;
}

}  // namespace lifeline::dt
