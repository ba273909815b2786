// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/fwnode.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace lifeline::core {

namespace {

uint32_t be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

std::vector<std::string> split_strings(const std::vector<uint8_t>& v) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == 0) {
      out.emplace_back(reinterpret_cast<const char*>(v.data() + start), i - start);
      start = i + 1;
    }
  }
  if (start < v.size())
    out.emplace_back(reinterpret_cast<const char*>(v.data() + start), v.size() - start);
  return out;
}

}  // namespace

std::string_view FwNode::base_name() const {
  std::string_view n = name;
  return n.substr(0, n.find('@'));
}

std::string_view FwNode::unit_address() const {
  std::string_view n = name;
  size_t at = n.find('@');
  return at == std::string_view::npos ? std::string_view{} : n.substr(at + 1);
}

const FwProperty* FwNode::find_property(std::string_view prop) const {
  for (const FwProperty& p : properties)
    if (p.name == prop) return &p;
  return nullptr;
}

std::optional<uint32_t> FwNode::read_u32(std::string_view prop, size_t index) const {
  const FwProperty* p = find_property(prop);
  if (!p || p->value.size() < (index + 1) * 4) return std::nullopt;
  return be32(p->value.data() + index * 4);
}

std::vector<uint32_t> FwNode::read_u32_array(std::string_view prop) const {
  std::vector<uint32_t> out;
  const FwProperty* p = find_property(prop);
  if (!p) return out;
  for (size_t i = 0; i + 4 <= p->value.size(); i += 4) out.push_back(be32(p->value.data() + i));
  return out;
}

std::optional<uint64_t> FwNode::read_u64(std::string_view prop) const {
  const FwProperty* p = find_property(prop);
  if (!p || p->value.size() < 8) return std::nullopt;
  return (uint64_t{be32(p->value.data())} << 32) | be32(p->value.data() + 4);
}

std::optional<std::string> FwNode::read_string(std::string_view prop) const {
  const FwProperty* p = find_property(prop);
  if (!p || p->value.empty()) return std::nullopt;
  std::vector<std::string> all = split_strings(p->value);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::vector<std::string> FwNode::read_string_array(std::string_view prop) const {
  const FwProperty* p = find_property(prop);
  if (!p) return {};
  return split_strings(p->value);
}

int FwNode::match_string(std::string_view prop, std::string_view value) const {
  std::vector<std::string> all = read_string_array(prop);
  for (size_t i = 0; i < all.size(); ++i)
    if (all[i] == value) return static_cast<int>(i);
  return -1;
}

const std::vector<std::string>& FwNode::compatible() const {
  if (!compatible_cached_) {
    compatible_ = read_string_array("compatible");
    compatible_cached_ = true;
  }
  return compatible_;
}

bool FwNode::is_compatible(std::string_view compat) const {
  for (const std::string& c : compatible())
    if (c == compat) return true;
  return false;
}

bool FwNode::compute_available() const {
  const FwProperty* p = find_property("status");
  if (!p) return true;
  std::string_view status(reinterpret_cast<const char*>(p->value.data()), p->value.size());
  status = status.substr(0, status.find('\0'));
  return status == "okay" || status == "ok";
}

bool FwNode::is_available() const {
  return available_ >= 0 ? available_ != 0 : compute_available();
}

bool FwNode::is_enabled() const {
  if (enabled_ >= 0) return enabled_ != 0;
  for (const FwNode* n = this; n; n = n->parent)
    if (!n->is_available()) return false;
  return true;
}

FwNode* FwNode::child_by_name(std::string_view wanted) const {
  for (FwNode* c : children)
    if (c->name == wanted || c->base_name() == wanted) return c;
  return nullptr;
}

std::vector<FwNode*> FwNode::available_children() const {
  std::vector<FwNode*> out;
  for (FwNode* c : children)
    if (c->is_available()) out.push_back(c);
  return out;
}

FwTree::FwTree() = default;
FwTree::~FwTree() = default;

FwNode* FwTree::add_node(FwNode* parent, std::string name) {
  auto node = std::make_unique<FwNode>();
  node->name = std::move(name);
  node->parent = parent;
  node->tree = this;
  node->index = static_cast<uint32_t>(nodes_.size());
  if (!parent) {
    node->full_path = "/";
    root_ = node.get();
  } else {
    node->full_path = (parent->full_path == "/" ? "" : parent->full_path) + "/" + node->name;
    parent->children.push_back(node.get());
  }
  nodes_.push_back(std::move(node));
  return nodes_.back().get();
}

void FwTree::set_property(FwNode* node, std::string name, std::vector<uint8_t> value) {
  if (node->tree && node->tree->checkpointed_)
    throw std::logic_error("property " + name + " of " + node->full_path +
                           " edited after checkpoint()");
  node->invalidate_caches();
  for (FwProperty& p : node->properties) {
    if (p.name == name) {
      p.value = std::move(value);
      return;
    }
  }
  node->properties.push_back(FwProperty{std::move(name), std::move(value)});
}

void FwTree::set_string(FwNode* node, std::string name, std::string_view value) {
  set_strings(node, std::move(name), {std::string(value)});
}

void FwTree::set_strings(FwNode* node, std::string name, const std::vector<std::string>& values) {
  std::vector<uint8_t> bytes;
  for (const std::string& s : values) {
    bytes.insert(bytes.end(), s.begin(), s.end());
    bytes.push_back(0);
  }
  set_property(node, std::move(name), std::move(bytes));
}

void FwTree::set_u32s(FwNode* node, std::string name, const std::vector<uint32_t>& cells) {
  std::vector<uint8_t> bytes;
  for (uint32_t c : cells) {
    bytes.push_back(static_cast<uint8_t>(c >> 24));
    bytes.push_back(static_cast<uint8_t>(c >> 16));
    bytes.push_back(static_cast<uint8_t>(c >> 8));
    bytes.push_back(static_cast<uint8_t>(c));
  }
  set_property(node, std::move(name), std::move(bytes));
}

uint32_t FwTree::phandle_of(FwNode* target) {
  if (!target->phandle) {
    while (by_phandle_.count(next_phandle_)) ++next_phandle_;
    target->phandle = next_phandle_++;
    set_u32s(target, "phandle", {target->phandle});
    index_phandle(target);
  }
  return target->phandle;
}

void FwTree::set_phandles(FwNode* node, std::string name, const std::vector<FwNode*>& targets) {
  std::vector<uint32_t> cells;
  for (FwNode* t : targets) cells.push_back(phandle_of(t));
  set_u32s(node, std::move(name), cells);
}

void FwTree::checkpoint() {
  saved_links_.clear();
  for (const auto& l : links_)
    saved_links_.push_back({l->consumer, l->supplier, l->property, l->flags});
  saved_flags_.clear();
  for (const auto& n : nodes_) saved_flags_.push_back(n->flags);
  // Properties are fixed from here on: status need not be parsed again.
  for (const auto& n : nodes_) n->available_ = n->compute_available();
  for (const auto& n : nodes_) {
    bool enabled = true;
    for (const FwNode* a = n.get(); a && enabled; a = a->parent) enabled = a->available_ != 0;
    n->enabled_ = enabled;
  }
  checkpointed_ = true;
}

void FwTree::restore() {
  if (!checkpointed_) return;
  for (const auto& n : nodes_) {
    n->suppliers.clear();
    n->consumers.clear();
    n->dev = nullptr;
  }
  links_.clear();
  for (const SavedLink& s : saved_links_)
    link_add(s.consumer, s.supplier, s.property)->flags = s.flags;
  for (size_t i = 0; i < nodes_.size(); ++i) nodes_[i]->flags = saved_flags_[i];
}

void FwTree::rehome() {
  if (!checkpointed_) return;
  for (const auto& n : nodes_) {
    std::vector<FwLink*>().swap(n->suppliers);
    std::vector<FwLink*>().swap(n->consumers);
    sim::ArenaPause heap;
    (void)n->compatible();  // the cache is the tree's: filled now, on the heap
  }
  std::vector<std::unique_ptr<FwLink>>().swap(links_);
  restore();
}

void FwTree::for_each_mutable_region(const std::function<void(void*, size_t)>& f) {
  for (const auto& n : nodes_) {
    f(&n->flags, sizeof(n->flags));
    f(&n->dev, sizeof(n->dev));
    f(&n->suppliers, sizeof(n->suppliers));
    f(&n->consumers, sizeof(n->consumers));
  }
  f(&links_, sizeof(links_));
}

FwNode* FwTree::find_by_path(std::string_view path) const {
  for (const auto& n : nodes_)
    if (n->full_path == path) return n.get();
  return nullptr;
}

FwNode* FwTree::find_by_phandle(uint32_t phandle) const {
  auto it = by_phandle_.find(phandle);
  return it == by_phandle_.end() ? nullptr : it->second;
}

FwNode* FwTree::find_by_label(std::string_view label) const {
  auto it = by_label_.find(label);
  return it == by_label_.end() ? nullptr : it->second;
}

void FwTree::index_phandle(FwNode* node) {
  if (node->phandle) by_phandle_[node->phandle] = node;
}

void FwTree::index_label(FwNode* node, std::string label) {
  if (std::find(node->labels.begin(), node->labels.end(), label) == node->labels.end())
    node->labels.push_back(label);
  by_label_[std::move(label)] = node;
}

FwLink* FwTree::link_add(FwNode* consumer, FwNode* supplier, std::string property) {
  for (FwLink* l : consumer->suppliers)
    if (l->supplier == supplier) return l;
  auto link =
      std::make_unique<FwLink>(FwLink{supplier, consumer, std::move(property), 0, links_.size()});
  FwLink* raw = link.get();
  consumer->suppliers.push_back(raw);
  supplier->consumers.push_back(raw);
  links_.push_back(std::move(link));
  return raw;
}

void FwTree::link_del(FwLink* link) {
  // A link is in each list once. Search from the back: dropping the newest
  // link is then O(1) (std::remove() walked the whole list every time, which
  // made dropping all consumers of a popular supplier quadratic).
  auto drop = [link](std::vector<FwLink*>& v) {
    auto it = std::find(v.rbegin(), v.rend(), link);
    if (it != v.rend()) v.erase(std::next(it).base());
  };
  drop(link->consumer->suppliers);
  drop(link->supplier->consumers);
  // Swap with the last link and pop: O(1), order of links() is not kept.
  size_t slot = link->slot;
  if (slot + 1 != links_.size()) {
    std::swap(links_[slot], links_.back());
    links_[slot]->slot = slot;
  }
  links_.pop_back();
}

std::optional<PhandleArgs> parse_phandle_with_args(const FwNode* node, std::string_view list_name,
                                                   std::string_view cells_name, size_t index,
                                                   int fixed_cells) {
  if (!node || !node->tree) return std::nullopt;
  std::vector<uint32_t> cells = node->read_u32_array(list_name);
  size_t pos = 0;
  for (size_t i = 0; pos < cells.size(); ++i) {
    uint32_t ph = cells[pos++];
    FwNode* target = ph ? node->tree->find_by_phandle(ph) : nullptr;
    if (ph && !target) return std::nullopt;  // dangling
    size_t nargs = static_cast<size_t>(fixed_cells);
    if (target && !cells_name.empty()) {
      std::optional<uint32_t> n = target->read_u32(cells_name);
      nargs = n ? *n : 0;
    }
    if (pos + nargs > cells.size()) return std::nullopt;
    if (i == index) {
      if (!target) return std::nullopt;  // an empty (0) entry
      PhandleArgs out{target, {}};
      out.args.assign(cells.begin() + static_cast<std::ptrdiff_t>(pos),
                      cells.begin() + static_cast<std::ptrdiff_t>(pos + nargs));
      return out;
    }
    pos += nargs;
  }
  return std::nullopt;
}

size_t count_phandle_with_args(const FwNode* node, std::string_view list_name,
                               std::string_view cells_name, int fixed_cells) {
  if (!node || !node->tree) return 0;
  std::vector<uint32_t> cells = node->read_u32_array(list_name);
  size_t pos = 0, count = 0;
  while (pos < cells.size()) {
    uint32_t ph = cells[pos++];
    FwNode* target = ph ? node->tree->find_by_phandle(ph) : nullptr;
    size_t nargs = static_cast<size_t>(fixed_cells);
    if (target && !cells_name.empty()) nargs = target->read_u32(cells_name).value_or(0);
    if (ph && !target) break;
    pos += nargs;
    ++count;
  }
  return count;
}

FwNode* parse_phandle(const FwNode* node, std::string_view prop, size_t index) {
  std::optional<PhandleArgs> a = parse_phandle_with_args(node, prop, {}, index, 0);
  return a ? a->node : nullptr;
}

}  // namespace lifeline::core
