// SPDX-License-Identifier: GPL-2.0-only
// struct phylink_pcs and struct phylink_pcs_ops (include/linux/phylink.h,
// v6.12), and the PCS instances the model's MAC drivers make: lynx on an
// MDIO device (drivers/net/pcs/pcs-lynx.c), the RZ/N1 MIIC
// (pcs-rzn1-miic.c) and the PCSs inside a MAC (mvneta, mvpp2). phylink
// never refcounts a PCS: the MAC creates it, returns it from
// mac_select_pcs() and destroys it.
#ifndef LIFELINE_NET_PCS_PCS_H_
#define LIFELINE_NET_PCS_PCS_H_

#include <bitset>
#include <string>

#include "lifeline/core/errno.h"
#include "lifeline/net/phy_interface.h"
#include "lifeline/net/phylink.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Device;
class FwNode;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

class MdioDevice;
class MiiBus;

// phylink_pcs_neg_mode()'s results (include/linux/phylink.h).
enum PhylinkPcsNeg : unsigned {
  PHYLINK_PCS_NEG_NONE = 0,
  PHYLINK_PCS_NEG_OUTBAND = 2,
  PHYLINK_PCS_NEG_INBAND_DISABLED = 4,
  PHYLINK_PCS_NEG_INBAND_ENABLED = 5,
};
const char* pcs_neg_mode_name(unsigned neg_mode);

struct PhylinkPcs;

// struct phylink_pcs_ops: the v6.12 methods the model's PCSs have.
struct PhylinkPcsOps {
  int (*pcs_enable)(PhylinkPcs* pcs) = nullptr;
  void (*pcs_disable)(PhylinkPcs* pcs) = nullptr;
  void (*pcs_get_state)(PhylinkPcs* pcs, PhylinkLinkState* state) = nullptr;
  int (*pcs_config)(PhylinkPcs* pcs, unsigned neg_mode, phy_interface_t interface,
                    const LinkModes& advertising) = nullptr;
  void (*pcs_an_restart)(PhylinkPcs* pcs) = nullptr;
  void (*pcs_link_up)(PhylinkPcs* pcs, unsigned neg_mode, phy_interface_t interface, int speed,
                      Duplex duplex) = nullptr;
};

// struct phylink_pcs. `phylink` is the back-pointer phylink sets when it
// selects the PCS and clears only when another PCS replaces it (or, under
// pcs=release, phylink_release_pcs()).
struct PhylinkPcs : sim::Object {
  explicit PhylinkPcs(const char* kind = "phylink_pcs") : sim::Object(kind, "") {}
  const PhylinkPcsOps* ops = nullptr;
  sim::Ptr<Phylink> phylink;
  bool neg_mode = false;  // the PCS takes PHYLINK_PCS_NEG_* modes
  bool poll = false;      // phylink polls it (link_poll, 1 s)
  // The interfaces it can carry (the 2025-2026 fwnode series'
  // phylink_pcs.supported_interfaces; v6.12 has no such field, the MAC's
  // phylink_config lists them): the ones its pcs_get_state() decodes.
  std::bitset<PHY_INTERFACE_MODE_MAX> supported_interfaces;
  // The device whose driver provides it, when it has one (lynx: its MDIO
  // device; MIIC: the converter's platform device); nullptr for a PCS inside
  // the MAC. Read by the pcs designs, never by phylink.
  core::Device* provider = nullptr;
  // The device whose driver's unbind takes the PCS away (lynx: the
  // controller of its MDIO bus; MIIC: the converter), nullptr for none.
  core::Device* supplier = nullptr;
  // What pcs=module-ref took (try_module_get()); pcs=devlink's link.
  core::Module* module_ref = nullptr;
  // What its registers are read through: a PCS's hardware is modelled by
  // the far end of its serdes lane (pcs_lane_partner()).
  int reads = 0;
};

// What the serdes lane of `pcs` carries from its far end: the PHY phylink
// has attached (its host side is up when its media link is), or the medium
// of an in-band port with no PHY (a fibre module, a backplane) once it has
// been up long enough to sync. The physical model behind every PCS's
// pcs_get_state().
struct PcsLane {
  bool link = false;
  int speed = SPEED_UNKNOWN;  // the PHY's or partner's negotiated speed
  Duplex duplex = DUPLEX_UNKNOWN;
};
PcsLane pcs_lane_partner(const PhylinkPcs* pcs);
// The state a PCS reports for `interface` from its lane: what the kernel's
// decoders (phylink_mii_c22_pcs_decode_state(), the 2500base-x and
// 10gbase-r readers, the USXGMII word) make of it. A PCS that does not
// decode an interface (not in supported_interfaces) leaves link 0, as
// lynx_pcs_get_state()'s `default: break;` does.
void pcs_decode_lane(const PhylinkPcs* pcs, PhylinkLinkState* state);

// ---- lynx (drivers/net/pcs/pcs-lynx.c)

// lynx_pcs_create_fwnode(): -ENODEV if the node is disabled, -EPROBE_DEFER
// if no MDIO device is registered for it; holds a reference to the MDIO
// device (memory only: it does not keep the bus).
core::ErrOr<PhylinkPcs*> lynx_pcs_create_fwnode(core::FwNode* node);
// lynx_pcs_create_mdiodev(): a new, never registered MDIO device on `bus`
// at `addr`, wrapped; the lynx instance holds its only reference.
core::ErrOr<PhylinkPcs*> lynx_pcs_create_mdiodev(MiiBus* bus, int addr);
// lynx_pcs_create() on an MDIO device that is already there (the lynx PCS
// driver of the designs that make lynx a provider).
PhylinkPcs* lynx_pcs_create(MdioDevice* mdio);
// lynx_pcs_destroy(): mdio_device_put(), kfree().
void lynx_pcs_destroy(PhylinkPcs* pcs);
// The lynx instance's MDIO device (for the designs and the reports).
MdioDevice* lynx_pcs_mdiodev(const PhylinkPcs* pcs);
// Whether `pcs` is a lynx instance.
bool pcs_is_lynx(const PhylinkPcs* pcs);

// ---- PCS inside the MAC: no device of its own, registers in the MAC's
// MMIO (mvneta's pp->phylink_pcs; mvpp2's pcs_gmac and pcs_xlg).
enum class MacPcsKind : uint8_t {
  kMvneta,
  kMvpp2Gmac,
  kMvpp2Xlg,
  // The PCS of a MAC or switch port whose PCS the model has no code for
  // (macb, mtk-lynxi, DSA serdes): phylink_create() gives an in-band link
  // that has no mac_select_pcs() this one, which reads the lane for every
  // in-band interface, so that such a port keeps getting its link.
  kUnmodelled,
};
PhylinkPcs* mac_internal_pcs_create(MacPcsKind kind, std::string name);
void mac_internal_pcs_destroy(PhylinkPcs* pcs);

// A name for the reports: "lynx@8c1f000.mdio:00", "mvneta", ...
std::string pcs_describe(const PhylinkPcs* pcs);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PCS_PCS_H_
