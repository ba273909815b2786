// SPDX-License-Identifier: GPL-2.0-only
// The pcs designs as ops (docs/architecture.md, "How a design is
// modelled"): how a MAC holds the PCS it uses, and whether anybody tells
// phylink that the PCS is going away. One table per value of the `pcs`
// knob, one file each (pcs_mainline.cc, pcs_module_ref.cc, pcs_release.cc,
// pcs_devlink.cc); a hook left null is v6.12 at that point, so mainline is
// the table of nulls.
#ifndef LIFELINE_NET_DESIGNS_PCS_H_
#define LIFELINE_NET_DESIGNS_PCS_H_

#include "lifeline/core/errno.h"
#include "lifeline/net/net.h"

namespace lifeline::core {
class Device;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

class MdioDevice;
class Phylink;
struct PhylinkPcs;

struct PcsOps {
  // Network init: subscribe to what the design needs.
  void (*pcs_init)() = nullptr;
  // A MAC driver looks up the PCS its node's "pcs-handle" names
  // (dpaa2_pcs_create(), rzn1_dwmac_pcs_init()): the PCS, or -errno.
  // Null: the MAC's own v6.12 call (lynx_pcs_create_fwnode(), miic_create()).
  core::ErrOr<PhylinkPcs*> (*mac_pcs_get)(core::Device* consumer, core::FwNode* mac_node) = nullptr;
  // The MAC is done with it: null is the MAC's own destroy.
  bool (*mac_pcs_put)(core::Device* consumer, PhylinkPcs* pcs) = nullptr;
  // After the MAC's own create succeeded: what the design takes besides
  // (module-ref: try_module_get() and get_device(); devlink: a managed
  // link). 0 or -errno (the MAC then destroys the PCS and fails).
  int (*pcs_hold)(core::Device* consumer, PhylinkPcs* pcs) = nullptr;
  // Before the MAC's own destroy: what pcs_hold took.
  void (*pcs_unhold)(core::Device* consumer, PhylinkPcs* pcs) = nullptr;
  // phylink_create()/phylink_destroy(): phylink's side of the design.
  int (*phylink_create)(Phylink* pl) = nullptr;
  void (*phylink_destroy)(Phylink* pl) = nullptr;
  // An MDIO device was registered / is being removed (mdio_bus.cc): a
  // PCS provider's probe and remove under the designs that make lynx a
  // provider.
  void (*mdio_device_added)(MdioDevice* mdiodev) = nullptr;
  void (*mdio_device_removing)(MdioDevice* mdiodev) = nullptr;
};

extern const PcsOps pcs_mainline;
extern const PcsOps pcs_module_ref;
extern const PcsOps pcs_release;
extern const PcsOps pcs_devlink;
extern const PcsOps pcs_release_enodev;
extern const PcsOps pcs_release_no_del;

inline const PcsOps& pcs_ops() { return *Net::current().config.pcs; }

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DESIGNS_PCS_H_
