// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/pse/pse_catalog.h"

#include "lifeline/core/fwnode.h"
#include "lifeline/net/pse/pse_core.h"

namespace lifeline::net {

namespace {

constexpr PseControllerInfo kPseControllers[] = {
    {"podl-pse-regulator", "PSE regulator", "pse_regulator", "platform", ETHTOOL_PSE_PODL, 0, 0,
     PseModel::kRegulator,
     "drivers/net/pse-pd/pse_regulator.c: pse_reg_probe() devm_kzalloc()s priv (embedding "
     "pcdev), devm_regulator_get_exclusive(dev, \"pse\"), types ETHTOOL_PSE_PODL, "
     "devm_pse_controller_register(); no remove; pse_reg_driver \"PSE regulator\""},
    {"ti,tps23881", "tps23881", "tps23881", "i2c", ETHTOOL_PSE_C33, 8, 1, PseModel::kGeneric,
     "drivers/net/pse-pd/tps23881.c: tps23881_i2c_probe() devm_kzalloc()s priv, nr_lines "
     "TPS23881_MAX_CHANS (8), of_pse_n_cells 1, types ETHTOOL_PSE_C33, "
     "devm_pse_controller_register(); tps23881_driver \"tps23881\""},
    {"microchip,pd69200", "pd692x0_pse", "pd692x0", "i2c", ETHTOOL_PSE_C33, 48, 1,
     PseModel::kGeneric,
     "drivers/net/pse-pd/pd692x0.c: pd692x0_i2c_probe() devm_kzalloc()s priv, nr_lines "
     "PD692X0_MAX_PIS (48), of_pse_n_cells 1, types ETHTOOL_PSE_C33, "
     "devm_pse_controller_register(); pd692x0_driver PD692X0_PSE_NAME"},
    {"microchip,pd69210", "pd692x0_pse", "pd692x0", "i2c", ETHTOOL_PSE_C33, 48, 1,
     PseModel::kGeneric, "drivers/net/pse-pd/pd692x0.c: pd692x0_of_match"},
    {"microchip,pd69220", "pd692x0_pse", "pd692x0", "i2c", ETHTOOL_PSE_C33, 48, 1,
     PseModel::kGeneric, "drivers/net/pse-pd/pd692x0.c: pd692x0_of_match"},
};

}  // namespace

std::span<const PseControllerInfo> pse_controller_catalog() { return kPseControllers; }

const PseControllerInfo* find_pse_controller(std::string_view compatible) {
  for (const PseControllerInfo& info : kPseControllers)
    if (info.compatible == compatible) return &info;
  return nullptr;
}

PseControllerInfo default_pse_controller(const core::FwNode& node, std::string_view compatible,
                                         std::string_view driver, bool on_i2c) {
  unsigned lines = 0;
  if (const core::FwNode* pis = node.child_by_name("pse-pis"))
    for (const core::FwNode* c : pis->children)
      if (c->base_name() == "pse-pi") ++lines;
  PseControllerInfo info{};
  info.compatible = compatible;
  info.driver = driver;
  info.module = driver;
  info.bus = on_i2c ? "i2c" : "platform";
  info.types = ETHTOOL_PSE_C33;
  info.nr_lines = lines ? lines : 1;
  info.of_pse_n_cells = static_cast<int>(node.read_u32("#pse-cells").value_or(0));
  info.model = PseModel::kGeneric;
  info.source = "lifeline's default PSE controller model: no catalog entry for this compatible";
  info.is_default = true;
  return info;
}

}  // namespace lifeline::net
