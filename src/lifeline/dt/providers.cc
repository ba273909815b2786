// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/providers.h"

#include <string>

#include "lifeline/dt/net_roles.h"
#include "lifeline/dt/tree_memo.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

bool compat_contains(const FwNode& node, std::string_view part) {
  for (const std::string& c : node.compatible())
    if (c.find(part) != std::string::npos) return true;
  return false;
}

bool compat_starts_with(const FwNode& node, std::string_view prefix) {
  for (const std::string& c : node.compatible())
    if (c.rfind(prefix, 0) == 0) return true;
  return false;
}

// "vendor,soc-pinctrl", "pinctrl-single"; not "i2c-mux-pinctrl", an I2C
// mux that switches pins.
bool is_pinctrl_compatible(const FwNode& node) {
  for (const std::string& c : node.compatible()) {
    if (c.find("i2c") != std::string::npos) continue;
    if (c.rfind("pinctrl-", 0) == 0) return true;
    if (c.size() > 8 && c.compare(c.size() - 8, 8, "-pinctrl") == 0) return true;
  }
  return false;
}

// A node name like "i2c", "i2c0", "i2c-gpio-0", "i2c@7e205000".
bool name_is_bus(const FwNode& node, std::string_view bus) {
  std::string_view base = node.base_name();
  if (base.substr(0, bus.size()) != bus) return false;
  if (base.size() == bus.size()) return true;
  char next = base[bus.size()];
  return next == '-' || (next >= '0' && next <= '9');
}

// A bus whose children are addressed without sizes (I2C, SPI).
bool has_bus_cells(const FwNode& node) {
  return node.read_u32("#address-cells") == 1u && node.read_u32("#size-cells") == 0u;
}

bool has_regulator_property(const FwNode& node) {
  for (const core::FwProperty& p : node.properties)
    if (p.name.rfind("regulator-", 0) == 0) return true;
  return false;
}

// Does a pin state or nvmem cell inside `node` (a descendant, reached
// without crossing another node with a compatible) have a consumer through
// a `prop_prefix` property? Those states belong to `node`'s driver.
bool owns_consumed_child(const FwNode& node, std::string_view prop_prefix) {
  for (const FwNode* c : node.children) {
    if (c->has_property("compatible")) continue;
    for (const core::FwLink* l : c->consumers)
      if (l->property.rfind(prop_prefix, 0) == 0) return true;
    if (owns_consumed_child(*c, prop_prefix)) return true;
  }
  return false;
}

}  // namespace

std::string_view provider_kind_name(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::kClock:
      return "clock";
    case ProviderKind::kRegulator:
      return "regulator";
    case ProviderKind::kGpioController:
      return "gpio-controller";
    case ProviderKind::kPinController:
      return "pin-controller";
    case ProviderKind::kInterruptController:
      return "interrupt-controller";
    case ProviderKind::kI2cController:
      return "i2c-controller";
    case ProviderKind::kSpiController:
      return "spi-controller";
    case ProviderKind::kPowerDomain:
      return "power-domain";
    case ProviderKind::kReset:
      return "reset";
    case ProviderKind::kPwm:
      return "pwm";
    case ProviderKind::kNvmem:
      return "nvmem";
    case ProviderKind::kDma:
      return "dma";
    case ProviderKind::kMailbox:
      return "mailbox";
    case ProviderKind::kIommu:
      return "iommu";
    case ProviderKind::kGenericPhy:
      return "generic-phy";
    case ProviderKind::kInterconnect:
      return "interconnect";
    case ProviderKind::kIoChannel:
      return "io-channel";
    case ProviderKind::kHwlock:
      return "hwlock";
    case ProviderKind::kMuxController:
      return "mux-controller";
    case ProviderKind::kMsiController:
      return "msi-controller";
    case ProviderKind::kThermalSensor:
      return "thermal-sensor";
    case ProviderKind::kAccessController:
      return "access-controller";
    case ProviderKind::kSyscon:
      return "syscon";
  }
  return "?";
}

namespace {

std::vector<ProviderKind> compute_provider_kinds(const FwNode& n) {
  std::vector<ProviderKind> out;
  auto add_if = [&out](bool yes, ProviderKind k) {
    if (yes) out.push_back(k);
  };
  add_if(n.has_property("#clock-cells"), ProviderKind::kClock);
  add_if(compat_starts_with(n, "regulator-") || has_regulator_property(n),
         ProviderKind::kRegulator);
  add_if(n.has_property("gpio-controller"), ProviderKind::kGpioController);
  add_if(n.has_property("#pinctrl-cells") || is_pinctrl_compatible(n) ||
             owns_consumed_child(n, "pinctrl-"),
         ProviderKind::kPinController);
  add_if(n.has_property("interrupt-controller"), ProviderKind::kInterruptController);
  add_if(name_is_bus(n, "i2c") || (compat_contains(n, "i2c") && has_bus_cells(n)),
         ProviderKind::kI2cController);
  add_if(name_is_bus(n, "spi") || (compat_contains(n, "spi") && has_bus_cells(n)),
         ProviderKind::kSpiController);
  add_if(n.has_property("#power-domain-cells"), ProviderKind::kPowerDomain);
  add_if(n.has_property("#reset-cells"), ProviderKind::kReset);
  add_if(n.has_property("#pwm-cells"), ProviderKind::kPwm);
  add_if(n.has_property("#nvmem-cell-cells") || owns_consumed_child(n, "nvmem-cells"),
         ProviderKind::kNvmem);
  add_if(n.has_property("#dma-cells"), ProviderKind::kDma);
  add_if(n.has_property("#mbox-cells"), ProviderKind::kMailbox);
  add_if(n.has_property("#iommu-cells"), ProviderKind::kIommu);
  add_if(n.has_property("#phy-cells"), ProviderKind::kGenericPhy);
  add_if(n.has_property("#interconnect-cells"), ProviderKind::kInterconnect);
  add_if(n.has_property("#io-channel-cells"), ProviderKind::kIoChannel);
  add_if(n.has_property("#hwlock-cells"), ProviderKind::kHwlock);
  add_if(n.has_property("#mux-control-cells") || n.has_property("#mux-state-cells"),
         ProviderKind::kMuxController);
  add_if(n.has_property("msi-controller"), ProviderKind::kMsiController);
  add_if(n.has_property("#thermal-sensor-cells"), ProviderKind::kThermalSensor);
  add_if(n.has_property("#access-controller-cells"), ProviderKind::kAccessController);
  add_if(n.is_compatible("syscon"), ProviderKind::kSyscon);
  return out;
}

}  // namespace

std::vector<ProviderKind> provider_kinds(const FwNode& n) {
  std::vector<ProviderKind> scratch;
  return node_memo(n, "dt.provider_kinds", compute_provider_kinds, scratch);
}

bool is_generic_provider(const FwNode& node) {
  if (!node.is_enabled()) return false;
  if (is_mac(node) || is_mdio_bus(node) || is_ethernet_phy_name(node) || is_sfp_cage(node) ||
      is_pse_controller(node) || is_dsa_switch(node) || is_dsa_port(node))
    return false;
  return !provider_kinds(node).empty();
}

}  // namespace lifeline::dt
