// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/platform_names.h"

#include <cstdio>
#include <set>
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

// of_find_node_by_path("/<name>"): the whole name must match.
FwNode* exact_child(const FwNode* parent, std::string_view name) {
  for (FwNode* c : parent->children)
    if (c->name == name) return c;
  return nullptr;
}

std::string hex64(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
  return buf;
}

// The population walk: OF_POPULATED and OF_POPULATED_BUS are node flags in
// the kernel; here they are sets local to one walk.
class Populator {
 public:
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

  // of_platform_bus_create().
  void bus_create(FwNode* bus, FwNode* parent, bool strict) {
    if (strict && !bus->has_property("compatible")) return;
    if (is_skipped(*bus)) return;
    if (populated_bus_.count(bus)) return;
    if (bus->is_compatible("arm,primecell")) {
      create(bus, parent, /*amba=*/true);
      return;  // never recurse into an AMBA device
    }
    if (!create(bus, parent, false) || !is_default_bus(*bus)) return;
    for (FwNode* child : bus->children) bus_create(child, bus, strict);
    populated_bus_.insert(bus);
  }

  // of_platform_populate(root, of_default_bus_match_table, NULL, NULL).
  void populate(FwNode* root) {
    for (FwNode* child : root->children) bus_create(child, nullptr, /*strict=*/true);
    populated_bus_.insert(root);
  }

 private:
  std::set<const FwNode*> populated_;      // OF_POPULATED
  std::set<const FwNode*> populated_bus_;  // OF_POPULATED_BUS
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
  Populator p;
  FwNode* root = tree.root();
  if (!root) return {};
  // of_platform_default_populate_init(), the !CONFIG_PPC branch.
  for (const auto& n : tree.nodes())  // for_each_matching_node(reserved_mem_matches)
    if (is_reserved_mem_match(*n)) p.create(n.get(), nullptr, false);
  if (FwNode* fw = root->child_by_name("firmware"); fw && fw->name == "firmware") p.populate(fw);
  if (FwNode* chosen = root->child_by_name("chosen"); chosen && chosen->name == "chosen") {
    for (FwNode* c : chosen->children) {  // of_get_compatible_child()
      if (c->is_compatible("simple-framebuffer")) {
        p.create(c, nullptr, false);
        break;
      }
    }
  }
  p.populate(root);
  return std::move(p.out);
}

}  // namespace lifeline::dt
