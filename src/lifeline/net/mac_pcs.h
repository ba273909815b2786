// SPDX-License-Identifier: GPL-2.0-only
// The PCS a catalog MAC driver makes for a port and returns from its
// mac_select_pcs() (MacInfo::pcs): mvneta's and mvpp2's inside the MAC,
// the RZ/N1 MIIC through "pcs-handle" (rzn1_dwmac_pcs_init()). A MAC whose
// PCS the model has no code for has no mac_select_pcs().
#ifndef LIFELINE_NET_MAC_PCS_H_
#define LIFELINE_NET_MAC_PCS_H_

namespace lifeline::core {
class Device;
}

namespace lifeline::net {

struct MacPort;
struct PhylinkMacOps;

// At probe, before phylink_create(): make the port's PCS and set
// mac_ops->mac_select_pcs. 0 or -errno (-EPROBE_DEFER: the provider is not
// there yet).
int mac_pcs_setup(core::Device* dev, MacPort* port, PhylinkMacOps* mac_ops);
// At remove (or a failed probe), after phylink_destroy().
void mac_pcs_teardown(core::Device* dev, MacPort* port);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_MAC_PCS_H_
