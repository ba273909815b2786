// SPDX-License-Identifier: GPL-2.0-only
// The provider graph as Graphviz: netdevs, then MACs and switches, then the
// PHYs, PCSs, SFP cages and PSE controllers they use, then the MDIO buses,
// then every other provider, left to right, so that `eth0 -> MAC -> PHY ->
// MDIO bus` reads the way a kernel developer draws it.
#ifndef LIFELINE_REPORT_GRAPHVIZ_H_
#define LIFELINE_REPORT_GRAPHVIZ_H_

#include <string>

#include "lifeline/check/graph.h"

namespace lifeline::report {

// DOT text. Edge styles by kind: phandles solid and coloured with the
// property's name, device links dashed with their flags and state, parents
// dotted, netdevs plain. Unbound devices grey and dashed, deferred ones orange.
std::string to_dot(const check::Graph& g);

// Runs Graphviz `dot -Tsvg` on DOT text. A missing `dot` or a failing one is
// a sim::UserError saying how to install it.
std::string render_svg(const std::string& dot);

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string dot_quote(const std::string& text);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_GRAPHVIZ_H_
