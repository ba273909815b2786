// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/walk_check.h"

#include <cstdint>
#include <vector>

#include "lifeline/dt/of_irq.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::dt {

namespace {

[[noreturn]] void refuse(const std::string& file, const IrqWalkError& why) {
  const core::FwNode& n = *why.node;
  // A .dts names the line the node was written on (possibly in an
  // included file); a blob has no lines.
  const std::string& where = n.source_file.empty() ? file : n.source_file;
  throw sim::UserError(
      where, n.source_line, 0,
      n.full_path + ": " + why.what + " (the kernel would loop forever on this node's interrupts)");
}

}  // namespace

void check_phandle_walks(const core::FwTree& tree, const std::string& file) {
  // of_irq_find_parent() from each node, in one pass over the tree: a node
  // reached a second time while its own walk is still open closes a loop.
  // (Asking of_irq_find_parent() of every node would cost the length of a
  // chain per node: quadratic on a long chain.)
  enum State : uint8_t { kUnseen, kOpen, kEnds };
  std::vector<State> state(tree.nodes().size(), kUnseen);
  std::vector<const core::FwNode*> path;
  for (const auto& np : tree.nodes()) {
    const core::FwNode* n = np.get();
    bool has_ints = n->has_property("interrupts") || n->has_property("interrupts-extended");
    // It is asked of every node that has interrupts, of every interrupt
    // controller (of_irq_init()), of the nexus nodes on the way
    // (of_irq_parse_raw()); a node that names an interrupt-parent means to
    // be asked.
    if (has_ints || n->has_property("interrupt-parent") ||
        n->has_property("interrupt-controller") || n->has_property("interrupt-map")) {
      path.clear();
      const core::FwNode* p = of_irq_parent_step(n);
      while (p && !p->has_property("#interrupt-cells") && state[p->index] == kUnseen) {
        state[p->index] = kOpen;
        path.push_back(p);
        p = of_irq_parent_step(p);
      }
      if (p && !p->has_property("#interrupt-cells") && state[p->index] == kOpen) {
        IrqWalkError why;
        of_irq_find_parent(n, &why);  // the bounded walk names the loop
        if (!why.node) {
          why.node = n;
          why.what = "interrupt-parent cycle through " + p->full_path;
        }
        refuse(file, why);
      }
      for (const core::FwNode* q : path) state[q->index] = kEnds;
    }
    if (!has_ints) continue;
    // Every interrupt the node has, as of_irq_count() and fw_devlink's
    // parse_interrupts() walk them.
    IrqWalkError why;
    of_irq_parse_all(n, &why);
    if (why.node) refuse(file, why);
  }
}

}  // namespace lifeline::dt
