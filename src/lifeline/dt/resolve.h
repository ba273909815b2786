// SPDX-License-Identifier: GPL-2.0-only
// Naming a node the way users do: "&label", a full path
// ("/soc/ethernet@ff540000"), the kernel's platform device name
// ("fd580000.ethernet", "soc:firmware") or the untranslated
// "<unit-address>.<node-name>" form the source suggests ("7d580000.ethernet"),
// which the kernel's name only equals where no parent bus translates.
#ifndef LIFELINE_DT_RESOLVE_H_
#define LIFELINE_DT_RESOLVE_H_

#include <string>
#include <string_view>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// Tries, in order: "&label"; a path starting with '/' (a trailing '/'
// ignored); a platform device name; the untranslated form of a platform
// device (when only one has it); the untranslated form or the node name ("ethernet-phy@1") of any
// other node when only one node has it; a bare label. Throws sim::UserError for an unknown name
// (with "did you mean" suggestions) or an ambiguous untranslated form (listing the paths).
core::FwNode* resolve_node(const core::FwTree& tree, std::string_view name);

// Every name resolve_node() accepts for the tree: labels (with '&'), paths,
// platform device names and untranslated forms. For suggestions and
// completion.
std::vector<std::string> node_names(const core::FwTree& tree);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_RESOLVE_H_
