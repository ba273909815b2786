// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/aliases.h"

#include <memory>
#include <string>
#include <vector>

#include "lifeline/core/errno.h"
#include "lifeline/dt/tree_memo.h"

namespace lifeline::dt {

namespace {

struct Alias {
  std::string_view stem;
  int id = -1;
  const core::FwNode* node = nullptr;
};

// One /aliases property as of_alias_scan() sees it; id < 0 when skipped.
Alias parse_alias(const core::FwTree& tree, const core::FwProperty& prop) {
  Alias a;
  std::string_view name = prop.name;
  if (name == "name" || name == "phandle" || name == "linux,phandle") return a;
  size_t end = name.size();
  while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9') --end;
  if (end == name.size() || end == 0) return a;  // kstrtoint() of "" fails
  std::string_view digits = name.substr(end);
  if (digits.size() > 9) return a;  // would not fit an int
  int id = 0;
  for (char c : digits) id = id * 10 + (c - '0');
  // The value is a path string, NUL-terminated.
  std::string path(prop.value.begin(), prop.value.end());
  if (size_t nul = path.find('\0'); nul != std::string::npos) path.resize(nul);
  a.node = tree.find_by_path(path);
  if (!a.node) return a;
  a.stem = name.substr(0, end);
  a.id = id;
  return a;
}

const core::FwNode* aliases_node(const core::FwTree& tree) {
  const core::FwNode* root = tree.root();
  if (!root) return nullptr;
  for (const core::FwNode* c : root->children)
    if (c->name == "aliases") return c;
  return nullptr;
}

// of_alias_scan(): the aliases_lookup list, in property order.
std::vector<Alias> scan_aliases(const core::FwTree& tree) {
  std::vector<Alias> out;
  const core::FwNode* aliases = aliases_node(tree);
  if (!aliases) return out;
  for (const core::FwProperty& p : aliases->properties)
    if (Alias a = parse_alias(tree, p); a.id >= 0) out.push_back(a);
  return out;
}

// Scanned once per loaded board, as the kernel scans at boot.
std::shared_ptr<const std::vector<Alias>> aliases_lookup(const core::FwTree& tree) {
  return tree_memo<std::vector<Alias>>(tree, "dt.aliases", [&] { return scan_aliases(tree); });
}

}  // namespace

int of_alias_get_id(const core::FwNode* node, std::string_view stem) {
  if (!node || !node->tree) return -ENODEV;
  std::shared_ptr<const std::vector<Alias>> aliases = aliases_lookup(*node->tree);
  for (const Alias& a : *aliases)
    if (a.node == node && a.stem == stem) return a.id;
  return -ENODEV;
}

int of_alias_get_highest_id(const core::FwTree& tree, std::string_view stem) {
  int highest = -ENODEV;
  std::shared_ptr<const std::vector<Alias>> aliases = aliases_lookup(tree);
  for (const Alias& a : *aliases)
    if (a.stem == stem && a.id > highest) highest = a.id;
  return highest;
}

}  // namespace lifeline::dt
