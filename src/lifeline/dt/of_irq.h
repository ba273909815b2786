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
#include <string>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// struct of_phandle_args for an interrupt specifier.
struct IrqSpec {
  core::FwNode* np = nullptr;
  std::vector<uint32_t> args;
};

// Why an interrupt walk gave up where the kernel's would not return: an
// interrupt-parent or interrupt-map cycle, or an "interrupts" property cut
// into specifiers of 0 cells (#interrupt-cells = <0>), which every index
// matches. The kernel loops forever on these (of_irq_find_parent(),
// of_irq_parse_raw(), of_irq_count() and fw_devlink's parse_interrupts());
// lifeline's walks stop after as many hops as the tree has nodes, which no
// walk without a cycle can need, and report here (check_phandle_walks()
// turns it into an error naming the node).
struct IrqWalkError {
  const core::FwNode* node = nullptr;  // where the walk started
  std::string what;                    // "interrupt-parent cycle: /a -> /b -> /a"
};

// One hop of of_irq_find_parent(): the node interrupt-parent names, else
// the tree parent.
const core::FwNode* of_irq_parent_step(const core::FwNode* np);

// of_irq_find_parent(): follows interrupt-parent (or the tree parent when a
// node has none) until a node with #interrupt-cells. nullptr (and `why`
// filled) when the chain cycles without reaching one.
core::FwNode* of_irq_find_parent(const core::FwNode* child, IrqWalkError* why = nullptr);

// of_irq_parse_imap_parent(): parses the parent part of one interrupt-map
// entry starting at imap[pos] (the parent phandle). On success returns the
// position just after the parent's specifier and fills `out`.
std::optional<size_t> of_irq_parse_imap_parent(const core::FwTree& tree,
                                               const std::vector<uint32_t>& imap, size_t pos,
                                               IrqSpec& out);

// of_irq_parse_raw(): walks from out.np through interrupt-map translations
// to the controller. `addr` is the device's unit address (up to 3 cells).
bool of_irq_parse_raw(const uint32_t addr[3], IrqSpec& out, IrqWalkError* why = nullptr);

// of_irq_parse_one(): the controller and specifier of `device`'s index-th
// interrupt, from interrupts-extended or interrupts; nullopt on failure.
std::optional<IrqSpec> of_irq_parse_one(const core::FwNode* device, int index,
                                        IrqWalkError* why = nullptr);

// of_irq_parse_one() at index 0, 1, 2, ... up to the first failure: what
// of_irq_count() counts and fw_devlink's parse_interrupts() links, in one
// pass over interrupts-extended rather than one per index.
std::vector<IrqSpec> of_irq_parse_all(const core::FwNode* device, IrqWalkError* why = nullptr);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_OF_IRQ_H_
