// SPDX-License-Identifier: GPL-2.0-only
// A set of firmware nodes of one tree, as a flag per node (the kernel keeps
// OF_POPULATED and OF_POPULATED_BUS in node->_flags): constant-time, and
// cheap to copy, which a boot copies from the board's memo (tree_memo.h).
#ifndef LIFELINE_DT_NODE_SET_H_
#define LIFELINE_DT_NODE_SET_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

class NodeSet {
 public:
  // As std::set: .second is true when the node was not in the set.
  std::pair<const core::FwNode*, bool> insert(const core::FwNode* n) {
    if (bits_.size() <= n->index) bits_.resize(n->index + 1, false);
    bool fresh = !bits_[n->index];
    bits_[n->index] = true;
    size_ += fresh;
    return {n, fresh};
  }
  size_t count(const core::FwNode* n) const { return n->index < bits_.size() && bits_[n->index]; }
  size_t erase(const core::FwNode* n) {
    if (!count(n)) return 0;
    bits_[n->index] = false;
    --size_;
    return 1;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::vector<bool> bits_;
  size_t size_ = 0;
};

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_NODE_SET_H_
