// SPDX-License-Identifier: GPL-2.0-only
// PCSs inside a MAC: their registers are in the MAC's MMIO and their memory
// in the MAC's private data, so they live and die with the MAC and no
// lifetime protocol concerns them. mvneta (drivers/net/ethernet/marvell/
// mvneta.c: pp->phylink_pcs, mvneta_phylink_pcs_ops: get_state, config,
// an_restart, from the GMAC status register) and mvpp2 (mvpp2_main.c:
// port->pcs_gmac for SGMII/802.3z, port->pcs_xlg for 10GBASE-R/5GBASE-R,
// picked by mvpp2_select_pcs()).
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

struct MacPcs : PhylinkPcs {
  MacPcs() : PhylinkPcs("mac_pcs") {}
  MacPcsKind kind = MacPcsKind::kMvneta;
};

// mvneta_pcs_get_state() / mvpp2_gmac_pcs_get_state() /
// mvpp2_xlg_pcs_get_state(): the MAC's status register, i.e. the lane.
void mac_pcs_get_state(PhylinkPcs* pcs, PhylinkLinkState* state) {
  LL_FUNC();
  sim::check_access(pcs, "mac_pcs_get_state");
  ++pcs->reads;
  pcs_decode_lane(pcs, state);
}

int mac_pcs_config(PhylinkPcs* pcs, unsigned, phy_interface_t, const LinkModes&) {
  sim::check_access(pcs, "mac_pcs_config");
  return 0;
}

void mac_pcs_an_restart(PhylinkPcs* pcs) { sim::check_access(pcs, "mac_pcs_an_restart"); }

constexpr PhylinkPcsOps kGmacPcsOps = {
    .pcs_get_state = mac_pcs_get_state,
    .pcs_config = mac_pcs_config,
    .pcs_an_restart = mac_pcs_an_restart,
};
// mvpp2_phylink_xlg_pcs_ops: no an_restart.
constexpr PhylinkPcsOps kXlgPcsOps = {
    .pcs_get_state = mac_pcs_get_state,
    .pcs_config = mac_pcs_config,
};

}  // namespace

PhylinkPcs* mac_internal_pcs_create(MacPcsKind kind, std::string name) {
  auto* pcs = sim::kzalloc<MacPcs>();
  pcs->kind = kind;
  pcs->set_name(std::move(name));
  // mvneta and mvpp2 set neg_mode (v6.12: the pcs_config() and link_up()
  // of both take PHYLINK_PCS_NEG_*); neither is polled: the MAC's link
  // interrupt calls phylink_mac_change().
  pcs->neg_mode = true;
  switch (kind) {
    case MacPcsKind::kMvneta:
    case MacPcsKind::kMvpp2Gmac:
      pcs->ops = &kGmacPcsOps;
      for (phy_interface_t i : {PHY_INTERFACE_MODE_SGMII, PHY_INTERFACE_MODE_QSGMII,
                                PHY_INTERFACE_MODE_1000BASEX, PHY_INTERFACE_MODE_2500BASEX})
        pcs->supported_interfaces.set(i);
      break;
    case MacPcsKind::kMvpp2Xlg:
      pcs->ops = &kXlgPcsOps;
      pcs->supported_interfaces.set(PHY_INTERFACE_MODE_10GBASER);
      pcs->supported_interfaces.set(PHY_INTERFACE_MODE_5GBASER);
      pcs->supported_interfaces.set(PHY_INTERFACE_MODE_XAUI);
      break;
    case MacPcsKind::kUnmodelled:
      pcs->ops = &kGmacPcsOps;
      for (phy_interface_t i :
           {PHY_INTERFACE_MODE_SGMII, PHY_INTERFACE_MODE_QSGMII, PHY_INTERFACE_MODE_1000BASEX,
            PHY_INTERFACE_MODE_2500BASEX, PHY_INTERFACE_MODE_5GBASER, PHY_INTERFACE_MODE_10GBASER,
            PHY_INTERFACE_MODE_25GBASER, PHY_INTERFACE_MODE_USXGMII, PHY_INTERFACE_MODE_10GKR,
            PHY_INTERFACE_MODE_QUSGMII, PHY_INTERFACE_MODE_10G_QXGMII})
        pcs->supported_interfaces.set(i);
      break;
  }
  return pcs;
}

void mac_internal_pcs_destroy(PhylinkPcs* pcs) {
  if (pcs) sim::kfree(pcs);
}

}  // namespace lifeline::net
