// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/bus_roles.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "lifeline/dt/providers.h"
#include "lifeline/dt/tree_memo.h"

namespace lifeline::dt {

namespace {

using core::FwNode;

// drivers/i2c/muxes/i2c-mux-pca954x.c: chips[] and their nchans.
struct Pca954x {
  std::string_view compatible;
  uint32_t nchans;
};
constexpr Pca954x kPca954x[] = {
    {"maxim,max7356", 8}, {"maxim,max7357", 8}, {"maxim,max7358", 8}, {"maxim,max7367", 4},
    {"maxim,max7368", 4}, {"maxim,max7369", 4}, {"nxp,pca9540", 2},   {"nxp,pca9542", 2},
    {"nxp,pca9543", 2},   {"nxp,pca9544", 4},   {"nxp,pca9545", 4},   {"nxp,pca9546", 4},
    {"nxp,pca9547", 8},   {"nxp,pca9548", 8},   {"nxp,pca9846", 4},   {"nxp,pca9847", 8},
    {"nxp,pca9848", 8},   {"nxp,pca9849", 4},
};

const Pca954x* pca954x_chip(const FwNode& node) {
  for (const std::string& c : node.compatible())
    for (const Pca954x& chip : kPca954x)
      if (chip.compatible == c) return &chip;
  return nullptr;
}

// Drivers that populate their node's children at probe, on the bundled
// boards (Linux v6.12). true: of_platform_default_populate().
struct Populating {
  std::string_view compatible;
  bool default_buses;
};
constexpr Populating kPopulating[] = {
    {"simple-pm-bus", false},              // drivers/bus/simple-pm-bus.c
    {"fsl,fman", false},                   // net/ethernet/freescale/fman/fman.c
    {"ti,am642-icssg", false},             // soc/ti/pruss.c (devm_)
    {"fsl,sec-v4.0", false},               // crypto/caam/ctrl.c (devm_)
    {"ti,am64-r5fss", false},              // remoteproc/ti_k3_r5_remoteproc.c (devm_)
    {"marvell,cp110-icu", false},          // irqchip/irq-mvebu-icu.c (devm_)
    {"ti,k2g-sci", false},                 // firmware/ti_sci.c
    {"fsl,ifc", true},                     // memory/fsl_ifc.c
    {"ti,am64-wiz-10g", false},            // phy/ti/phy-j721e-wiz.c (the serdes child)
    {"ti,am64-usb", false},                // usb/cdns3/cdns3-ti.c
    {"fsl,imx8mp-dwc3", false},            // usb/dwc3/dwc3-imx8mp.c
    {"atmel,sama5d3-ebi", false},          // memory/atmel-ebi.c
    {"renesas,r9a06g032-sysctrl", false},  // clk/renesas/r9a06g032-clocks.c
};

const Populating* populating(const FwNode& node) {
  for (const Populating& p : kPopulating)
    if (node.is_compatible(p.compatible)) return &p;
  return nullptr;
}

// "i2c@1", "i2c": a bus node as a mux channel.
bool named_i2c_bus(const FwNode& n) {
  std::string_view base = n.base_name();
  return base == "i2c" ||
         (base.size() > 3 && base.substr(0, 3) == "i2c" && base[3] >= '0' && base[3] <= '9');
}

// i2c_mux_add_adapter(): the "i2c-mux" child, unless it carries a reg (an
// old-style channel named i2c-mux), else the mux node itself.
const FwNode* mux_container(const FwNode& mux) {
  for (const FwNode* c : mux.children)
    if (c->base_name() == "i2c-mux" && !c->has_property("reg")) return c;
  return &mux;
}

bool has(const std::vector<ProviderKind>& kinds, ProviderKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool by_reg(const FwNode* a, const FwNode* b) {
  return a->read_u32("reg").value_or(0) < b->read_u32("reg").value_or(0);
}

}  // namespace

const char* bus_role_name(BusRole role) {
  switch (role) {
    case BusRole::kNone:
      return "none";
    case BusRole::kI2cAdapter:
      return "i2c-adapter";
    case BusRole::kI2cMux:
      return "i2c-mux";
    case BusRole::kSpiController:
      return "spi-controller";
    case BusRole::kPciHost:
      return "pci-host";
    case BusRole::kFslMc:
      return "fsl-mc";
    case BusRole::kPopulates:
      return "populates";
  }
  return "?";
}

bool is_i2c_mux(const FwNode& node) {
  if (node.has_property("i2c-parent") || pca954x_chip(node)) return true;
  for (const std::string& c : node.compatible())
    if (c.find("i2c-mux") != std::string::npos) return true;
  const FwNode* container = mux_container(node);
  for (const FwNode* c : container->children)
    if (named_i2c_bus(*c) && c->has_property("reg") && !c->has_property("compatible")) return true;
  return false;
}

namespace {

BusRole compute_bus_role(const FwNode& node) {
  if (is_i2c_mux(node)) return BusRole::kI2cMux;
  if (node.read_string("device_type") == "pci") return BusRole::kPciHost;
  if (node.is_compatible("fsl,qoriq-mc")) return BusRole::kFslMc;
  if (populating(node)) return BusRole::kPopulates;
  std::vector<ProviderKind> kinds = provider_kinds(node);
  if (has(kinds, ProviderKind::kI2cController)) return BusRole::kI2cAdapter;
  if (has(kinds, ProviderKind::kSpiController)) return BusRole::kSpiController;
  return BusRole::kNone;
}

}  // namespace

BusRole bus_role(const FwNode& node) {
  BusRole scratch;
  return node_memo(node, "dt.bus_role", compute_bus_role, scratch);
}

bool populates_default_buses(const FwNode& node) {
  const Populating* p = populating(node);
  return p && p->default_buses;
}

std::vector<FwNode*> i2c_client_nodes(const FwNode& adapter_node) {
  const FwNode* bus = &adapter_node;
  for (const FwNode* c : adapter_node.children)
    if (c->base_name() == "i2c-bus") bus = c;  // of_get_child_by_name()
  std::vector<FwNode*> out;
  for (FwNode* c : bus->children)
    if (c->is_available() && c->has_property("compatible") && c->has_property("reg"))
      out.push_back(c);
  return out;
}

std::vector<uint32_t> i2c_mux_channels(const FwNode& mux) {
  std::vector<uint32_t> out;
  if (const Pca954x* chip = pca954x_chip(mux)) {
    for (uint32_t c = 0; c < chip->nchans; ++c) out.push_back(c);
    return out;
  }
  if (mux.is_compatible("i2c-mux-pinctrl")) {
    std::vector<std::string> names = mux.read_string_array("pinctrl-names");
    size_t n = names.size();
    if (n && names.back() == "idle") --n;  // no adapter for the idle state
    for (uint32_t c = 0; c < n; ++c) out.push_back(c);
    return out;
  }
  // i2c-mux-gpio and others: one per available child, the child's reg.
  for (const FwNode* c : mux_container(mux)->children)
    if (c->is_available())
      if (std::optional<uint32_t> reg = c->read_u32("reg")) out.push_back(*reg);
  return out;
}

FwNode* i2c_mux_channel_node(const FwNode& mux, uint32_t chan) {
  for (FwNode* c : mux_container(mux)->children)
    if (c->read_u32("reg") == chan) return c;
  return nullptr;
}

std::vector<FwNode*> spi_device_nodes(const FwNode& controller) {
  std::vector<FwNode*> out;
  for (FwNode* c : controller.children)
    if (c->is_available() && c->has_property("compatible") && c->has_property("reg"))
      out.push_back(c);
  return out;
}

std::optional<uint8_t> pci_devfn(const FwNode& node) {
  std::optional<uint32_t> hi = node.read_u32("reg");
  if (!hi) return std::nullopt;
  return static_cast<uint8_t>((*hi >> 8) & 0xff);
}

bool is_pci_bridge_node(const FwNode& node) { return node.read_string("device_type") == "pci"; }

std::vector<FwNode*> pci_function_nodes(const FwNode& bus_node) {
  std::vector<FwNode*> out;
  for (FwNode* c : bus_node.children) {
    if (!pci_devfn(*c)) continue;
    if (is_pci_bridge_node(*c) && !c->is_available()) continue;
    out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(), [](const FwNode* a, const FwNode* b) {
    return *pci_devfn(*a) < *pci_devfn(*b);
  });
  // Two nodes for one devfn: the PCI core finds one function, and
  // of_pci_find_child_device() gives it the first node.
  out.erase(std::unique(
                out.begin(), out.end(),
                [](const FwNode* a, const FwNode* b) { return *pci_devfn(*a) == *pci_devfn(*b); }),
            out.end());
  return out;
}

std::vector<FwNode*> fsl_mc_dpmac_nodes(const FwNode& fsl_mc) {
  std::vector<FwNode*> out;
  for (const FwNode* c : fsl_mc.children) {
    if (c->name != "dpmacs") continue;
    for (FwNode* m : c->children)
      if (m->is_available() && m->has_property("reg")) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), by_reg);
  return out;
}

}  // namespace lifeline::dt
