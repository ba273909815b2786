// SPDX-License-Identifier: GPL-2.0-only
// fw_devlink's supplier parsing for device trees: the fwnode links that
// of_fwnode_add_links() (drivers/of/property.c, Linux v6.12) creates from a
// node's properties, before any device exists. The driver core (core/)
// turns them into device links when consumer and supplier devices appear.
//
// What v6.12 does, and so what this models:
// - Every property is offered to of_supplier_bindings[] in table order; the
//   first binding that yields a phandle claims the property.
// - The link goes to the node the phandle names, not to a device node above
//   it: a pinctrl-0 link points at the pin-state node, a clocks link at the
//   clock provider. Moving links up to the nearest device happens later, in
//   the driver core (fw_devlink_pickup_dangling_consumers() when a supplier
//   binds, marking its device-less children FWNODE_FLAG_NOT_DEVICE, and
//   fwnode_get_next_parent_dev() in fw_devlink_create_devlink()).
// - of_link_to_phandle() drops a link when the supplier node or one of its
//   ancestors is disabled (unless one of them already has a device). It does
//   not drop links to an ancestor of the consumer, nor a node's link to
//   itself (a GIC whose interrupt parent is itself); the driver core does not
//   turn such links into device links (fw_devlink_create_devlink()).
// - iommus, iommu-map and dmas are "optional" and parsed only with
//   fw_devlink.strict=1.
// - post-init-providers links carry FWLINK_FLAG_IGNORE.
// - remote-endpoint links run from the device around the local endpoint
//   (of_graph_get_port_parent()) to the device around the remote one.
// - interrupt-parent is not a binding of its own in v6.12; parse_interrupts()
//   reaches the controller through of_irq_parse_one(), which follows it.
// - phy-handle (reverted in v5.15), sfp and pcs-handle make no link.
#ifndef LIFELINE_DT_FW_DEVLINK_LINKS_H_
#define LIFELINE_DT_FW_DEVLINK_LINKS_H_

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

struct FwDevlinkOptions {
  // fw_devlink.strict=1: also parse the optional bindings (iommus,
  // iommu-map, dmas). Off by default, as in the kernel.
  bool strict = false;
};

// of_fwnode_add_links() on one node, once: does nothing if the node already
// has FWNODE_FLAG_LINKS_ADDED (fw_devlink_parse_fwnode()), sets it after.
void of_fwnode_add_links(core::FwNode& node, FwDevlinkOptions options = {});

// fw_devlink_parse_fwtree() over the whole board: every enabled node below
// the root (the root itself never becomes a device).
void add_fw_devlink_links(core::FwTree& tree, FwDevlinkOptions options = {});

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_FW_DEVLINK_LINKS_H_
