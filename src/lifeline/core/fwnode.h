// SPDX-License-Identifier: GPL-2.0-only
// Firmware nodes (struct fwnode_handle / struct device_node): the firmware's
// description of a device, independent of whether a device or driver exists.
// The dt/ layer builds them from device trees; tests build them in code.
//
// Property values are kept as the raw big-endian bytes of the device tree, so
// every accessor behaves like its of_property_read_*() counterpart.
#ifndef LIFELINE_CORE_FWNODE_H_
#define LIFELINE_CORE_FWNODE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/arena.h"

namespace lifeline::core {

class Device;
class FwNode;
class FwTree;

struct FwProperty {
  std::string name;
  std::vector<uint8_t> value;  // raw bytes, cells big-endian as in a .dtb
};

// A fwnode link (struct fwnode_link): the consumer node names the supplier
// node in one of fw_devlink's supplier properties. Converted into a device
// link when both devices exist (core/fw_devlink.cc).
enum FwLinkFlags : uint8_t {
  FWLINK_FLAG_CYCLE = 1 << 0,   // part of a dependency cycle: relaxed
  FWLINK_FLAG_IGNORE = 1 << 1,  // never enforced
};

struct FwLink {
  FwNode* supplier;
  FwNode* consumer;
  std::string property;  // "clocks", "pses", "vdd-supply", ...
  uint8_t flags = 0;
  size_t slot = 0;  // position in its tree's link list, for O(1) removal
};

// fwnode->flags
enum FwNodeFlags : uint32_t {
  FWNODE_FLAG_LINKS_ADDED = 1 << 0,
  FWNODE_FLAG_NOT_DEVICE = 1 << 1,  // will never have a struct device of its own
  FWNODE_FLAG_INITIALIZED = 1 << 2,
  FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD = 1 << 3,
  FWNODE_FLAG_BEST_EFFORT = 1 << 4,
  FWNODE_FLAG_VISITED = 1 << 5,
};

class FwNode {
 public:
  std::string name;       // node name with unit address: "ethernet@7d580000"
  std::string full_path;  // "/scb/ethernet@7d580000"
  FwNode* parent = nullptr;
  std::vector<FwNode*> children;
  std::vector<FwProperty> properties;
  std::vector<std::string> labels;  // "genet", "phy1"
  uint32_t phandle = 0;             // 0 when the node has none
  std::string source_file;          // where the node was written (for messages)
  int source_line = 0;
  uint32_t flags = 0;
  FwTree* tree = nullptr;  // the tree that owns the node
  uint32_t index = 0;      // position in tree->nodes(): for per-node memos

  Device* dev = nullptr;           // fwnode->dev: the device created for it
  std::vector<FwLink*> suppliers;  // links where this node is the consumer
  std::vector<FwLink*> consumers;  // links where this node is the supplier

  // Node name without unit address: "ethernet".
  std::string_view base_name() const;
  // Unit address: "7d580000" (empty if none).
  std::string_view unit_address() const;

  const FwProperty* find_property(std::string_view prop) const;
  bool has_property(std::string_view prop) const { return find_property(prop) != nullptr; }
  // of_property_read_u32(): the first cell.
  std::optional<uint32_t> read_u32(std::string_view prop, size_t index = 0) const;
  std::vector<uint32_t> read_u32_array(std::string_view prop) const;
  std::optional<uint64_t> read_u64(std::string_view prop) const;
  // of_property_read_string(): the first string.
  std::optional<std::string> read_string(std::string_view prop) const;
  std::vector<std::string> read_string_array(std::string_view prop) const;
  bool read_bool(std::string_view prop) const { return has_property(prop); }
  // The index of `value` in a string-list property, or -1.
  int match_string(std::string_view prop, std::string_view value) const;

  // Parsed once: driver matching asks for it for every device and driver.
  const std::vector<std::string>& compatible() const;
  bool is_compatible(std::string_view compat) const;
  void invalidate_caches() { compatible_cached_ = false; }
  // of_device_is_available(): status absent, "okay" or "ok".
  bool is_available() const;
  // Available and every ancestor available too.
  bool is_enabled() const;

  FwNode* child_by_name(std::string_view base_or_full_name) const;
  std::vector<FwNode*> available_children() const;

 private:
  bool compute_available() const;

  mutable std::vector<std::string> compatible_;
  mutable bool compatible_cached_ = false;
  // Set by FwTree::checkpoint(), when properties stop changing.
  int8_t available_ = -1;
  int8_t enabled_ = -1;
  friend class FwTree;
};

// A tree of firmware nodes: owns the nodes and the fwnode links.
class FwTree {
 public:
  FwTree();
  ~FwTree();
  FwTree(const FwTree&) = delete;
  FwTree& operator=(const FwTree&) = delete;

  // Creates a node (the first one is the root "/"); children get their path
  // from the parent.
  FwNode* add_node(FwNode* parent, std::string name);
  FwNode* root() const { return root_; }
  const std::vector<std::unique_ptr<FwNode>>& nodes() const { return nodes_; }

  // Property helpers for building trees in code (tests, synthetic boards).
  static void set_property(FwNode* node, std::string name, std::vector<uint8_t> value);
  static void set_string(FwNode* node, std::string name, std::string_view value);
  static void set_strings(FwNode* node, std::string name, const std::vector<std::string>& values);
  static void set_u32s(FwNode* node, std::string name, const std::vector<uint32_t>& cells);
  // Gives `target` a phandle if it has none and returns it.
  uint32_t phandle_of(FwNode* target);
  // A property holding phandles to `targets` (each with no argument cells).
  void set_phandles(FwNode* node, std::string name, const std::vector<FwNode*>& targets);

  FwNode* find_by_path(std::string_view path) const;
  FwNode* find_by_phandle(uint32_t phandle) const;
  FwNode* find_by_label(std::string_view label) const;  // without the '&'
  void index_phandle(FwNode* node);                     // after setting node->phandle by hand
  void index_label(FwNode* node, std::string label);

  // fwnode_link_add(): records that `consumer` depends on `supplier`.
  FwLink* link_add(FwNode* consumer, FwNode* supplier, std::string property);
  void link_del(FwLink* link);
  const std::vector<std::unique_ptr<FwLink>>& links() const { return links_; }

  std::string source;  // the file the tree came from, for messages

  // An execution changes a tree (fw_devlink consumes links, devices attach
  // to nodes). checkpoint() records the loaded state; restore() returns to
  // it, so one loaded board serves many executions.
  void checkpoint();
  void restore();
  // For snapshots of an execution (sim/snapshot.h): restore() with the
  // storage of the link state given back first, so that it comes from the
  // allocator current now (a session's arena, or the heap when it ends);
  // and the parts of the tree an execution changes, as raw bytes.
  void rehome();
  void for_each_mutable_region(const std::function<void(void*, size_t)>& f);

  // After checkpoint() the nodes and their properties are fixed (restore()
  // does not undo property edits, so nothing may make them). Analyses that
  // depend on them alone can then be kept for every later execution.
  bool frozen() const { return checkpointed_; }
  // The memo stored under `key`, default-constructed on first use; nullptr
  // while the tree is not frozen (compute every time then). The caller keeps
  // to one type per key.
  template <class T>
  T* memo(std::string_view key) const {
    if (!checkpointed_) return nullptr;
    sim::ArenaPause heap;  // a memo outlives the execution that made it
    auto it = memos_.find(key);
    if (it == memos_.end()) it = memos_.emplace(std::string(key), std::make_shared<T>()).first;
    return static_cast<T*>(it->second.get());
  }

 private:
  mutable std::map<std::string, std::shared_ptr<void>, std::less<>> memos_;
  struct SavedLink {
    FwNode* consumer;
    FwNode* supplier;
    std::string property;
    uint8_t flags;
  };
  std::vector<SavedLink> saved_links_;
  std::vector<uint32_t> saved_flags_;
  bool checkpointed_ = false;

  FwNode* root_ = nullptr;
  std::vector<std::unique_ptr<FwNode>> nodes_;
  std::vector<std::unique_ptr<FwLink>> links_;
  std::map<uint32_t, FwNode*> by_phandle_;
  std::map<std::string, FwNode*, std::less<>> by_label_;
  uint32_t next_phandle_ = 0x10000;
};

// Phandle with arguments (struct of_phandle_args).
struct PhandleArgs {
  FwNode* node = nullptr;
  std::vector<uint32_t> args;
};

// of_parse_phandle_with_args(): the index-th entry of a phandle list whose
// entries carry `cells_name` argument cells in the target ("#clock-cells").
// With an empty cells_name every entry is a bare phandle (or uses
// `fixed_cells`). nullopt when absent, out of range or dangling.
std::optional<PhandleArgs> parse_phandle_with_args(const FwNode* node, std::string_view list_name,
                                                   std::string_view cells_name, size_t index,
                                                   int fixed_cells = 0);
// of_parse_phandle(): a bare phandle list.
FwNode* parse_phandle(const FwNode* node, std::string_view prop, size_t index = 0);
// The number of entries in a phandle list with argument cells.
size_t count_phandle_with_args(const FwNode* node, std::string_view list_name,
                               std::string_view cells_name, int fixed_cells = 0);

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_FWNODE_H_
