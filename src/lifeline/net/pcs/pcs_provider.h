// SPDX-License-Identifier: GPL-2.0-only
// The fwnode PCS provider API of the 2025-2026 series ("net: pcs:
// Introduce support for fwnode PCS", drivers/net/pcs/pcs.c; not in v6.12),
// modelled on of_clk's providers: a provider adds itself for its node in
// probe and deletes itself in remove, before phylink_release_pcs(); a
// consumer resolves "pcs-handle" (with "#pcs-cells" and "pcs-names") to a
// PCS. Used by pcs=release and its variants only.
#ifndef LIFELINE_NET_PCS_PCS_PROVIDER_H_
#define LIFELINE_NET_PCS_PCS_PROVIDER_H_

#include "lifeline/core/errno.h"

namespace lifeline::core {
class FwNode;
}

namespace lifeline::net {

struct PhylinkPcs;

// fwnode_pcs_add_provider(): with fwnode_pcs_simple_get as the xlate (one
// PCS per provider node). The newest provider for a node is found first
// (list_add(), as of_clk_add_hw_provider()).
void fwnode_pcs_add_provider(const core::FwNode* fwnode, PhylinkPcs* pcs);
void fwnode_pcs_del_provider(const core::FwNode* fwnode);
// fwnode_pcs_get(): the PCS the consumer node's index-th "pcs-handle"
// names; -ENOENT without one; `missing` (-EPROBE_DEFER, or -ENODEV in the
// series' v5) when no provider has added itself for the node yet.
core::ErrOr<PhylinkPcs*> fwnode_pcs_get(const core::FwNode* consumer, int index, int missing);
// The provider registered for a node, or nullptr.
PhylinkPcs* fwnode_pcs_provider_of(const core::FwNode* fwnode);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PCS_PCS_PROVIDER_H_
