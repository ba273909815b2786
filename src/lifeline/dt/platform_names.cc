// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/platform_names.h"

#include <cstdio>
#include <string_view>

#include "lifeline/dt/of_address.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

// of_default_bus_match_table[] (CONFIG_ARM_AMBA adds arm,amba-bus).
bool is_default_bus(const FwNode& n) {
  return n.is_compatible("simple-bus") || n.is_compatible("simple-mfd") || n.is_compatible("isa") ||
         n.is_compatible("arm,amba-bus");
}

// of_skipped_node_table[].
bool is_skipped(const FwNode& n) { return n.is_compatible("operating-points-v2"); }

// reserved_mem_matches[]: the /reserved-memory-style nodes that get a
// platform device of their own.
bool is_reserved_mem_match(const FwNode& n) {
  static constexpr std::string_view kCompat[] = {
      "phram",   "qcom,rmtfs-mem", "qcom,cmd-db",      "qcom,smem",
      "ramoops", "nvmem-rmem",     "google,open-dice",
  };
  for (std::string_view c : kCompat)
    if (n.is_compatible(c)) return true;
  return false;
}

std::string hex64(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
  return buf;
}

// The population walk: OF_POPULATED and OF_POPULATED_BUS are node flags in
// the kernel; here they are the sets of a PopulateState.
class Populator {
 public:
  explicit Populator(PopulateState& state)
      : populated_(state.populated), populated_bus_(state.populated_bus) {}

  std::vector<PlatformDeviceNode> out;

  // of_platform_device_create_pdata() / of_amba_device_create(): the node
  // itself must be available (its ancestors are not checked here).
  bool create(FwNode* np, FwNode* parent, bool amba) {
    if (!np->is_available() || populated_.count(np)) return false;
    // amba_device_add() needs the first reg as a resource.
    if (amba && !translated_reg(np)) return false;
    populated_.insert(np);
    out.push_back(PlatformDeviceNode{np, of_device_make_bus_id(*np), parent, amba});
    return true;
  }

  // of_platform_bus_create(); `default_matches` false stands for a NULL
  // match table, which never recurses.
  void bus_create(FwNode* bus, FwNode* parent, bool strict, bool default_matches = true) {
    if (strict && !bus->has_property("compatible")) return;
    if (is_skipped(*bus)) return;
    if (populated_bus_.count(bus)) return;
    if (bus->is_compatible("arm,primecell")) {
      create(bus, parent, /*amba=*/true);
      return;  // never recurse into an AMBA device
    }
    if (!create(bus, parent, false) || !default_matches || !is_default_bus(*bus)) return;
    for (FwNode* child : bus->children) bus_create(child, bus, strict);
    populated_bus_.insert(bus);
  }

  // of_platform_populate(root, matches, NULL, parent): `parent` is the node
  // of the parent device, nullptr for platform_bus.
  void populate(FwNode* root, FwNode* parent, bool default_matches = true) {
    for (FwNode* child : root->children)
      bus_create(child, parent, /*strict=*/true, default_matches);
    populated_bus_.insert(root);
  }

 private:
  NodeSet& populated_;      // OF_POPULATED
  NodeSet& populated_bus_;  // OF_POPULATED_BUS
};

}  // namespace

std::string of_device_make_bus_id(const core::FwNode& start) {
  std::string name;  // dev_name(), NULL until the first level sets it
  for (const FwNode* node = &start; node->parent; node = node->parent) {
    if (std::optional<uint64_t> addr = translated_reg(node)) {
      std::string head = hex64(*addr);
      if (std::optional<uint32_t> mask = node->read_u32("mask")) {
        // ffs(mask) - 1, printed with %x: an all-zero mask gives ffffffff.
        int bit = *mask ? __builtin_ctz(*mask) : -1;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(bit));
        head += std::string(".") + buf;
      }
      head += "." + std::string(node->base_name());  // %pOFn
      return name.empty() ? head : head + ":" + name;
    }
    // kbasename(node->full_name): the name with its unit address.
    name = name.empty() ? node->name : node->name + ":" + name;
  }
  return name;
}

std::string untranslated_bus_id(const core::FwNode& node) {
  std::string_view unit = node.unit_address();
  if (unit.empty()) return {};
  return std::string(unit) + "." + std::string(node.base_name());
}

std::vector<PlatformDeviceNode> platform_device_nodes(const core::FwTree& tree) {
  PopulateState state;
  return platform_device_nodes(tree, state);
}

std::vector<PlatformDeviceNode> of_platform_populate_nodes(const core::FwNode& np,
                                                           bool default_bus_matches,
                                                           PopulateState& state) {
  Populator p(state);
  FwNode* node = const_cast<FwNode*>(&np);
  p.populate(node, node, default_bus_matches);
  return std::move(p.out);
}

std::vector<PlatformDeviceNode> platform_device_nodes(const core::FwTree& tree,
                                                      PopulateState& state) {
  Populator p(state);
  FwNode* root = tree.root();
  if (!root) return {};
  // of_platform_default_populate_init(), the !CONFIG_PPC branch.
  for (const auto& n : tree.nodes())  // for_each_matching_node(reserved_mem_matches)
    if (is_reserved_mem_match(*n)) p.create(n.get(), nullptr, false);
  if (FwNode* fw = root->child_by_name("firmware"); fw && fw->name == "firmware")
    p.populate(fw, nullptr);
  if (FwNode* chosen = root->child_by_name("chosen"); chosen && chosen->name == "chosen") {
    for (FwNode* c : chosen->children) {  // of_get_compatible_child()
      if (c->is_compatible("simple-framebuffer")) {
        p.create(c, nullptr, false);
        break;
      }
    }
  }
  p.populate(root, nullptr);
  return std::move(p.out);
}

}  // namespace lifeline::dt
