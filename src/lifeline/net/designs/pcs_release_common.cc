// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/designs/pcs_release_common.h"

#include "lifeline/core/fwnode.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/net/pcs/pcs_provider.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

bool names_pcs(const core::FwNode* n, const core::FwNode* target) {
  if (core::parse_phandle(n, "pcs-handle") == target) return true;
  for (const core::FwNode* c : n->children)
    if (names_pcs(c, target)) return true;
  return false;
}

// Some node's "pcs-handle" names `node`.
bool is_pcs_node(const core::FwNode* node) {
  const core::FwNode* root = node;
  while (root->parent) root = root->parent;
  return names_pcs(root, node);
}

}  // namespace

void pcs_release_init() { provider_lifecycle_listen(ProviderKind::kPcs, /*replay=*/false); }

void pcs_release_mdio_device_added(MdioDevice* mdiodev) {
  if (!mdiodev->fwnode || !is_pcs_node(mdiodev->fwnode)) return;
  PhylinkPcs* pcs = lynx_pcs_create(mdiodev);
  // The provider's device, for the protocol: the MDIO bus's controller,
  // whose driver binds and unbinds the bus and with it the PCS device (a
  // lynx provider has no driver binding of its own in the model).
  if (pcs->supplier) pcs->provider = pcs->supplier;
  fwnode_pcs_add_provider(mdiodev->fwnode, pcs);
  provider_arrived(ProviderKind::kPcs, pcs->provider);
}

void pcs_release_provider_remove(MdioDevice* mdiodev, bool forget_del) {
  LL_FUNC();
  PhylinkPcs* pcs = nullptr;
  for (const auto& [node, p] : Net::current().pcs_providers)
    if (node == mdiodev->fwnode && !p->freed() && lynx_pcs_mdiodev(p) == mdiodev) pcs = p;
  if (!pcs) return;
  if (!forget_del) fwnode_pcs_del_provider(mdiodev->fwnode);
  provider_going_away(ProviderKind::kPcs, pcs->provider);
  lynx_pcs_destroy(pcs);
}

bool pcs_release_mac_pcs_put(core::Device*, PhylinkPcs*) {
  return true;  // the provider's, not the MAC's, to destroy
}

void pcs_release_phylink_destroy(Phylink* pl) { phylink_fwnode_pcs_teardown(pl); }

}  // namespace lifeline::net
