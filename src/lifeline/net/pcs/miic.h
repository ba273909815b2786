// SPDX-License-Identifier: GPL-2.0-only
// The RZ/N1 MII converter (drivers/net/pcs/pcs-rzn1-miic.c, v6.12): a
// platform driver ("rzn1-miic", module pcs_rzn1_miic, suppress_bind_attrs:
// no sysfs bind/unbind) whose probe publishes its state as drvdata, and
// miic_create(), which a consumer (the A5PSW switch, a5psw_pcs_get())
// calls for each "pcs-handle": -EPROBE_DEFER until the MIIC is bound, then
// a PCS and a managed device link (consumer: the caller's device,
// DL_FLAG_AUTOREMOVE_CONSUMER) so that the MIIC's unbind unbinds the
// consumer first.
#ifndef LIFELINE_NET_PCS_MIIC_H_
#define LIFELINE_NET_PCS_MIIC_H_

#include "lifeline/core/errno.h"

namespace lifeline::core {
class Device;
class Driver;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

struct PhylinkPcs;

// The driver for "renesas,rzn1-miic" nodes.
void miic_driver_setup(core::Driver* drv);
core::ErrOr<PhylinkPcs*> miic_create(core::Device* dev, core::FwNode* np);
void miic_destroy(PhylinkPcs* pcs);

// a5psw_pcs_get()/a5psw_pcs_free(): the switch's PCS per port
// (a5psw->pcs[]), and a5psw_phylink_mac_select_pcs() for a port node.
int a5psw_pcs_get(core::Device* dev);
void a5psw_pcs_free(core::Device* dev);
PhylinkPcs* dsa_port_pcs(const core::FwNode* port);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PCS_MIIC_H_
