// SPDX-License-Identifier: GPL-2.0-only
// The PSE controllers a board may carry: every compatible of the kernel's
// bindings (Documentation/devicetree/bindings/net/pse-pd/, v6.12), with the
// facts of its driver, and the default for a node with "#pse-cells" whose
// compatible is not here.
#ifndef LIFELINE_NET_PSE_PSE_CATALOG_H_
#define LIFELINE_NET_PSE_PSE_CATALOG_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace lifeline::core {
class FwNode;
}

namespace lifeline::net {

// Which model drives it (net/pse/pse_drivers.cc).
enum class PseModel : uint8_t {
  kRegulator,  // podl-pse-regulator: one PoDL line switched by its "pse" supply
  kGeneric,    // a PSE chip: nr_lines PIs, each on and off as told, pcdev devm-allocated
};

struct PseControllerInfo {
  std::string_view compatible;
  std::string_view driver;  // the struct platform_driver / i2c_driver name
  std::string_view module;  // its module (Kconfig tristate)
  std::string_view bus;     // "platform" or "i2c"
  uint32_t types;           // ETHTOOL_PSE_PODL / ETHTOOL_PSE_C33
  unsigned nr_lines;        // pcdev->nr_lines the probe sets (0: the core's 1)
  int of_pse_n_cells;       // pcdev->of_pse_n_cells
  PseModel model;
  std::string_view source;  // the kernel file the facts were read from
  bool is_default = false;
};

std::span<const PseControllerInfo> pse_controller_catalog();
const PseControllerInfo* find_pse_controller(std::string_view compatible);
// The default for a PSE controller node the catalog does not know (a node
// with "#pse-cells"): a generic PSE chip model whose driver and module are
// named after the first compatible, on the I2C bus when its parent is an I2C
// controller (else platform), C33, one line per "pse-pi" child (at least
// one), #pse-cells as the node says. The returned entry's strings live as
// long as the node's tree.
PseControllerInfo default_pse_controller(const core::FwNode& node, std::string_view compatible,
                                         std::string_view driver, bool on_i2c);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PSE_PSE_CATALOG_H_
