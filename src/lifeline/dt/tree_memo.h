// SPDX-License-Identifier: GPL-2.0-only
// Analyses of a loaded board kept across executions. A board is loaded
// once and checkpointed; after that its nodes and properties never change
// (core::FwTree::frozen()), so what the dt/ layer works out from them alone
// (which nodes become devices, the generic drivers, bus roles, provider
// kinds, early-initialised nodes) is the same for every execution and is
// computed once. A tree that is not frozen (being built in code) gets no
// memo: every call computes.
#ifndef LIFELINE_DT_TREE_MEMO_H_
#define LIFELINE_DT_TREE_MEMO_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/core/fwnode.h"
#include "lifeline/sim/arena.h"

namespace lifeline::dt {

// compute() once per frozen tree and key; shared by every later caller.
template <class T, class F>
std::shared_ptr<const T> tree_memo(const core::FwTree& tree, std::string_view key, F&& compute) {
  auto* slot = tree.memo<std::shared_ptr<const T>>(key);
  if (!slot) return std::make_shared<const T>(compute());
  if (!*slot) {
    sim::ArenaPause heap;  // the memo outlives the execution (sim/arena.h)
    *slot = std::make_shared<const T>(compute());
  }
  return *slot;
}

// compute(node) once per node of a frozen tree and key.
template <class T, class F>
const T& node_memo(const core::FwNode& node, std::string_view key, F&& compute, T& scratch) {
  auto* slot = node.tree ? node.tree->memo<std::vector<std::optional<T>>>(key) : nullptr;
  if (!slot) return scratch = compute(node);
  sim::ArenaPause heap;  // the memo outlives the execution (sim/arena.h)
  if (slot->size() <= node.index) slot->resize(node.tree->nodes().size());
  std::optional<T>& v = (*slot)[node.index];
  if (!v) v = compute(node);
  return *v;
}

// A key for an analysis that also depends on which nodes a predicate
// selects (the network layer's claims): the indices of the selected nodes.
template <class Pred>
std::string selection_key(const core::FwTree& tree, std::string_view prefix, const Pred& selected) {
  std::string key(prefix);
  if (!selected) return key;
  for (const auto& n : tree.nodes())
    if (selected(*n)) key += "," + std::to_string(n->index);
  return key;
}

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_TREE_MEMO_H_
