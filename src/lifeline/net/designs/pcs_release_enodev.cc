// SPDX-License-Identifier: GPL-2.0-only
// pcs=release-enodev: pcs=release as the series' v5 had it, whose
// fwnode_pcs_get() returned -ENODEV instead of -EPROBE_DEFER for a provider
// that is not there yet ("to prevent race condition"; changed back after
// review). A MAC that probes while its PCS provider is away fails for good:
// nothing probes it again when the provider comes, and its link is lost.
#include "lifeline/net/designs/pcs_release_common.h"
#include "lifeline/net/pcs/pcs_provider.h"
#include "lifeline/net/phylink.h"

namespace lifeline::net {

namespace {

core::ErrOr<PhylinkPcs*> enodev_mac_pcs_get(core::Device*, core::FwNode* mac_node) {
  return fwnode_pcs_get(mac_node, 0, -ENODEV);
}
int enodev_phylink_create(Phylink* pl) { return phylink_fwnode_pcs_setup(pl, -ENODEV); }
void enodev_remove(MdioDevice* mdiodev) { pcs_release_provider_remove(mdiodev, false); }

}  // namespace

const PcsOps pcs_release_enodev = {
    .pcs_init = pcs_release_init,
    .mac_pcs_get = enodev_mac_pcs_get,
    .mac_pcs_put = pcs_release_mac_pcs_put,
    .phylink_create = enodev_phylink_create,
    .phylink_destroy = pcs_release_phylink_destroy,
    .mdio_device_added = pcs_release_mdio_device_added,
    .mdio_device_removing = enodev_remove,
};

}  // namespace lifeline::net
