// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/pcs/pcs_provider.h"

#include <algorithm>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/net.h"

namespace lifeline::net {

void fwnode_pcs_add_provider(const core::FwNode* fwnode, PhylinkPcs* pcs) {
  auto& providers = Net::current().pcs_providers;
  providers.insert(providers.begin(), {fwnode, pcs});
}

void fwnode_pcs_del_provider(const core::FwNode* fwnode) {
  auto& providers = Net::current().pcs_providers;
  auto it = std::find_if(providers.begin(), providers.end(),
                         [fwnode](const auto& p) { return p.first == fwnode; });
  if (it != providers.end()) providers.erase(it);
}

PhylinkPcs* fwnode_pcs_provider_of(const core::FwNode* fwnode) {
  for (const auto& [node, pcs] : Net::current().pcs_providers)
    if (node == fwnode) return pcs;
  return nullptr;
}

core::ErrOr<PhylinkPcs*> fwnode_pcs_get(const core::FwNode* consumer, int index, int missing) {
  // "pcs-handle" with "#pcs-cells" (a bare phandle when the provider has
  // none); "pcs-names" would pick the index by name.
  std::optional<core::PhandleArgs> args =
      core::parse_phandle_with_args(consumer, "pcs-handle", "#pcs-cells", index);
  const core::FwNode* node = args ? args->node : core::parse_phandle(consumer, "pcs-handle", index);
  if (!node) return {nullptr, -ENOENT};
  if (PhylinkPcs* pcs = fwnode_pcs_provider_of(node)) return {pcs, 0};
  return {nullptr, missing};
}

}  // namespace lifeline::net
