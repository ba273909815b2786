// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/bus_id_format.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/of_address.h"
#include "lifeline/net/net.h"

namespace lifeline::net {

namespace {

const core::FwNode* aliases_of(const core::FwNode* n) {
  if (!n || !n->tree || !n->tree->root()) return nullptr;
  return n->tree->root()->child_by_name("aliases");
}

// Alias entries "<stem><digits>" -> (N, path).
template <class F>
void for_each_alias(const core::FwNode* any_node, std::string_view stem, F&& f) {
  const core::FwNode* aliases = aliases_of(any_node);
  if (!aliases) return;
  for (const core::FwProperty& p : aliases->properties) {
    if (p.name.size() <= stem.size() || p.name.compare(0, stem.size(), stem) != 0) continue;
    std::string num = p.name.substr(stem.size());
    if (num.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string path(p.value.begin(), p.value.end());
    while (!path.empty() && path.back() == '\0') path.pop_back();
    f(std::stoi(num), path);
  }
}

int number_for(BusIdNumber how, const BusIdContext& ctx) {
  Net& net = Net::current();
  switch (how) {
    case BusIdNumber::kNone:
      return 0;
    case BusIdNumber::kPlatformDeviceId:
      return -1;  // PLATFORM_DEVID_NONE
    case BusIdNumber::kEthAliasOrErrno:
      return of_alias_get_id(ctx.mac_node, "eth");
    case BusIdNumber::kEthernetAliasOrNext: {
      int id = of_alias_get_id(ctx.mac_node, "ethernet");
      if (id >= 0) return id;
      int& next = net.bus_id_counters[ctx.counter_key];
      if (next == 0) next = std::max(0, of_alias_get_highest_id(ctx.mac_node, "ethernet") + 1);
      return next++;
    }
    case BusIdNumber::kProbeCounterPlusOne:
      return ++net.bus_id_counters[ctx.counter_key];
    case BusIdNumber::kDriverCounter:
      return net.bus_id_counters[ctx.counter_key]++;
    case BusIdNumber::kMdioGpioAliasOrZero: {
      int id = of_alias_get_id(ctx.node, "mdio-gpio");
      return id >= 0 ? id : 0;
    }
  }
  return 0;
}

}  // namespace

int of_alias_get_id(const core::FwNode* np, std::string_view stem) {
  int found = -ENODEV;
  if (!np) return found;
  for_each_alias(np, stem, [&](int n, const std::string& path) {
    if (path == np->full_path) found = n;
  });
  return found;
}

int of_alias_get_highest_id(const core::FwNode* any_node, std::string_view stem) {
  int highest = -ENODEV;
  for_each_alias(any_node, stem,
                 [&](int n, const std::string&) { highest = std::max(highest, n); });
  return highest;
}

std::string format_bus_id(std::string_view format, BusIdNumber number, const BusIdContext& ctx) {
  std::string out;
  bool have_number = false;
  int value = 0;
  auto num = [&] {
    if (!have_number) {
      value = number_for(number, ctx);
      have_number = true;
    }
    return value;
  };
  for (size_t i = 0; i < format.size();) {
    if (format[i] != '{') {
      out += format[i++];
      continue;
    }
    size_t close = format.find('}', i);
    if (close == std::string_view::npos) {
      out += format.substr(i);
      break;
    }
    std::string_view key = format.substr(i + 1, close - i - 1);
    if (key == "dev")
      out += ctx.dev ? ctx.dev->name() : "";
    else if (key == "pdev")
      out += !ctx.pdev_name.empty() ? ctx.pdev_name : (ctx.dev ? ctx.dev->name() : "");
    else if (key == "node")
      out += ctx.node ? std::string(ctx.node->base_name()) : "";
    else if (key == "path")
      out += ctx.node ? ctx.node->full_path : "";
    else if (key == "addr") {
      // "%pa" of the platform resource's start: the first reg entry
      // translated through every parent's #address-cells and "ranges"
      // (xgmac_mdio.c), printed as a 64-bit phys_addr_t.
      uint64_t a = ctx.node ? dt::translated_reg(ctx.node).value_or(0) : 0;
      out += fmt::format("0x{:016x}", a);
    } else if (key == "reg:x") {
      out += fmt::format("{:x}", ctx.node ? ctx.node->read_u32("reg").value_or(0) : 0);
    } else if (key == "") {
      out += std::to_string(num());
    } else if (key == ":x") {
      out += fmt::format("{:x}", static_cast<uint32_t>(num()));
    } else {
      out += "{" + std::string(key) + "}";
    }
    i = close + 1;
  }
  return out;
}

}  // namespace lifeline::net
