// SPDX-License-Identifier: GPL-2.0-only
// What every PCS shares: the physical model of its serdes lane and the
// decoding of the lane into a phylink_link_state, as the kernel's PCS
// helpers do it (phylink_mii_c22_pcs_decode_state(),
// phylink_mii_c45_pcs_get_state(), phylink_decode_usxgmii_word()).
#include "lifeline/net/pcs/pcs.h"

#include "lifeline/net/medium.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

const char* pcs_neg_mode_name(unsigned neg_mode) {
  switch (neg_mode) {
    case PHYLINK_PCS_NEG_NONE:
      return "none";
    case PHYLINK_PCS_NEG_OUTBAND:
      return "outband";
    case PHYLINK_PCS_NEG_INBAND_DISABLED:
      return "inband-disabled";
    case PHYLINK_PCS_NEG_INBAND_ENABLED:
      return "inband-enabled";
  }
  return "?";
}

PcsLane pcs_lane_partner(const PhylinkPcs* pcs) {
  PcsLane lane;
  const Phylink* pl = pcs->phylink.get();
  if (!pl) return lane;  // selected by nobody: the lane is not configured
  if (const PhyDevice* phy = pl->phydev.get()) {
    // A PHY's host side: its in-band word (SGMII, USXGMII) or its serdes
    // sync (BASE-R) follows its media link.
    lane.link = phy->link;
    lane.speed = phy->speed;
    lane.duplex = phy->duplex;
    return lane;
  }
  const Medium* m = pl->inband_medium;
  // The serdes syncs about 100 ms after the far end starts sending.
  if (m && m->plugged && sim::now() >= m->changed_at + 100 * sim::kMsec) {
    auto sd = resolve_aneg(m->partner_modes, LinkModes().set());
    lane.link = true;
    lane.speed = sd ? sd->speed : 1000;
    lane.duplex = DUPLEX_FULL;
  }
  return lane;
}

void pcs_decode_lane(const PhylinkPcs* pcs, PhylinkLinkState* state) {
  if (!pcs->supported_interfaces.test(state->interface)) return;  // `default: break;`
  PcsLane lane = pcs_lane_partner(pcs);
  state->link = lane.link;
  if (!lane.link) return;
  int max_speed = phylink_interface_max_speed(state->interface);
  switch (state->interface) {
    case PHY_INTERFACE_MODE_SGMII:
    case PHY_INTERFACE_MODE_QSGMII:
    case PHY_INTERFACE_MODE_USXGMII:
      // The in-band word carries the PHY's speed and duplex.
      state->speed = max_speed != SPEED_UNKNOWN && lane.speed > max_speed ? max_speed : lane.speed;
      state->duplex = lane.duplex;
      break;
    default:
      // 802.3z and BASE-R run at one rate, full duplex.
      state->speed = max_speed;
      state->duplex = DUPLEX_FULL;
      break;
  }
}

}  // namespace lifeline::net
