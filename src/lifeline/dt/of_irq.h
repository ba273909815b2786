// SPDX-License-Identifier: GPL-2.0-only
// The interrupt-tree walk of drivers/of/irq.c over firmware nodes: which
// interrupt controller node serves a node's index-th interrupt, through
// interrupt-parent, interrupts-extended and interrupt-map nexus nodes.
// fw_devlink uses it (parse_interrupts(), parse_interrupt_map()) to find the
// supplier of an "interrupts" property.
#ifndef LIFELINE_DT_OF_IRQ_H_
#define LIFELINE_DT_OF_IRQ_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// struct of_phandle_args for an interrupt specifier.
struct IrqSpec {
  core::FwNode* np = nullptr;
  std::vector<uint32_t> args;
};

// of_irq_find_parent(): follows interrupt-parent (or the tree parent when a
// node has none) until a node with #interrupt-cells.
core::FwNode* of_irq_find_parent(const core::FwNode* child);

// of_irq_parse_imap_parent(): parses the parent part of one interrupt-map
// entry starting at imap[pos] (the parent phandle). On success returns the
// position just after the parent's specifier and fills `out`.
std::optional<size_t> of_irq_parse_imap_parent(const core::FwTree& tree,
                                               const std::vector<uint32_t>& imap, size_t pos,
                                               IrqSpec& out);

// of_irq_parse_raw(): walks from out.np through interrupt-map translations
// to the controller. `addr` is the device's unit address (up to 3 cells).
bool of_irq_parse_raw(const uint32_t addr[3], IrqSpec& out);

// of_irq_parse_one(): the controller and specifier of `device`'s index-th
// interrupt, from interrupts-extended or interrupts; nullopt on failure.
std::optional<IrqSpec> of_irq_parse_one(const core::FwNode* device, int index);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_OF_IRQ_H_
