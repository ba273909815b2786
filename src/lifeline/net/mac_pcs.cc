// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/mac_pcs.h"

#include "lifeline/core/fwnode.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/mac_driver.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/phylink.h"

namespace lifeline::net {

namespace {

// mvpp2_is_xlg()
bool mvpp2_is_xlg(phy_interface_t interface) {
  return interface == PHY_INTERFACE_MODE_10GBASER || interface == PHY_INTERFACE_MODE_5GBASER ||
         interface == PHY_INTERFACE_MODE_XAUI;
}

}  // namespace

int mac_pcs_setup(core::Device* dev, MacPort* port, PhylinkMacOps* mac_ops) {
  (void)dev;
  std::string_view kind = port->info->pcs;
  std::string name = port->node ? port->node->name : std::string();
  if (kind == "mvneta-internal") {
    // mvneta_probe(): pp->phylink_pcs.ops = &mvneta_phylink_pcs_ops;
    // mvneta_mac_select_pcs() returns it for every interface.
    port->pcs = mac_internal_pcs_create(MacPcsKind::kMvneta, "mvneta " + name);
    PhylinkPcs* pcs = port->pcs;
    mac_ops->mac_select_pcs = [pcs](phy_interface_t) { return core::ErrOr<PhylinkPcs*>{pcs, 0}; };
    return 0;
  }
  if (kind == "mvpp2-internal") {
    // mvpp2_port_probe(): port->pcs_gmac and port->pcs_xlg (PPv2.2+);
    // mvpp2_select_pcs() picks XLG for 10GBASE-R/5GBASE-R/XAUI.
    port->pcs = mac_internal_pcs_create(MacPcsKind::kMvpp2Gmac, "mvpp2 gmac " + name);
    port->pcs_xlg = mac_internal_pcs_create(MacPcsKind::kMvpp2Xlg, "mvpp2 xlg " + name);
    PhylinkPcs* gmac = port->pcs;
    PhylinkPcs* xlg = port->pcs_xlg;
    mac_ops->mac_select_pcs = [gmac, xlg](phy_interface_t interface) {
      return core::ErrOr<PhylinkPcs*>{mvpp2_is_xlg(interface) ? xlg : gmac, 0};
    };
    return 0;
  }
  return 0;
}

void mac_pcs_teardown(core::Device* dev, MacPort* port) {
  (void)dev;
  std::string_view kind = port->info->pcs;
  if (kind == "mvneta-internal" || kind == "mvpp2-internal") {
    mac_internal_pcs_destroy(port->pcs);
    mac_internal_pcs_destroy(port->pcs_xlg);
  }
  port->pcs = nullptr;
  port->pcs_xlg = nullptr;
}

}  // namespace lifeline::net
