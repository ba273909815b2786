// SPDX-License-Identifier: GPL-2.0-only
// pcs=release: the 2025-2026 fwnode PCS series (Christian Marangi, "net:
// pcs: Introduce support for fwnode PCS", v8), over the provider-lifecycle
// protocol (net/provider_lifecycle.h). The lynx PCS is a provider for its
// MDIO device (fwnode_pcs_add_provider() in probe); a MAC looks its PCS up
// with fwnode_pcs_get() (-EPROBE_DEFER while the provider is not there);
// phylink keeps the PCSs in pl->pcs_list and selects from it. The
// provider's remove runs fwnode_pcs_del_provider() and then
// phylink_release_pcs() under rtnl: the link is forced down, the PCS
// dropped, and the link held down until a provider for the node is added
// again (the PROVIDER_ADD notifier), which brings it back.
#include "lifeline/net/designs/pcs_release_common.h"
#include "lifeline/net/pcs/pcs_provider.h"
#include "lifeline/net/phylink.h"

namespace lifeline::net {

namespace {

core::ErrOr<PhylinkPcs*> release_mac_pcs_get(core::Device*, core::FwNode* mac_node) {
  return fwnode_pcs_get(mac_node, 0, -EPROBE_DEFER);
}
int release_phylink_create(Phylink* pl) { return phylink_fwnode_pcs_setup(pl, -EPROBE_DEFER); }
void release_remove(MdioDevice* mdiodev) { pcs_release_provider_remove(mdiodev, false); }

}  // namespace

const PcsOps pcs_release = {
    .pcs_init = pcs_release_init,
    .mac_pcs_get = release_mac_pcs_get,
    .mac_pcs_put = pcs_release_mac_pcs_put,
    .phylink_create = release_phylink_create,
    .phylink_destroy = pcs_release_phylink_destroy,
    .mdio_device_added = pcs_release_mdio_device_added,
    .mdio_device_removing = release_remove,
};

}  // namespace lifeline::net
