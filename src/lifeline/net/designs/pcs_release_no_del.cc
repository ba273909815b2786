// SPDX-License-Identifier: GPL-2.0-only
// pcs=release-no-del: pcs=release with a provider driver whose remove
// forgets fwnode_pcs_del_provider() (a review finding of the series: a
// provider module unloaded without deleting itself). phylink is still told
// (phylink_release_pcs()), but the provider list keeps the freed PCS: the
// next lookup for that node before a new provider is added (a MAC that
// probes again) hands out freed memory.
#include "lifeline/net/designs/pcs_release_common.h"
#include "lifeline/net/pcs/pcs_provider.h"
#include "lifeline/net/phylink.h"

namespace lifeline::net {

namespace {

core::ErrOr<PhylinkPcs*> no_del_mac_pcs_get(core::Device*, core::FwNode* mac_node) {
  return fwnode_pcs_get(mac_node, 0, -EPROBE_DEFER);
}
int no_del_phylink_create(Phylink* pl) { return phylink_fwnode_pcs_setup(pl, -EPROBE_DEFER); }
void no_del_remove(MdioDevice* mdiodev) { pcs_release_provider_remove(mdiodev, true); }

}  // namespace

const PcsOps pcs_release_no_del = {
    .pcs_init = pcs_release_init,
    .mac_pcs_get = no_del_mac_pcs_get,
    .mac_pcs_put = pcs_release_mac_pcs_put,
    .phylink_create = no_del_phylink_create,
    .phylink_destroy = pcs_release_phylink_destroy,
    .mdio_device_added = pcs_release_mdio_device_added,
    .mdio_device_removing = no_del_remove,
};

}  // namespace lifeline::net
