// SPDX-License-Identifier: GPL-2.0-only
// The provider graph as Graphviz, by link (check/graph_links.h): one cluster
// per network link, drawn left to right as a kernel developer draws it
// (netdev -> MAC -> PCS -> PHY -> MDIO bus -> controller; SFP cage ->
// module; DSA user port -> switch -> CPU port -> conduit; PHY -> PSE
// controller), state by colour with a legend, and the suppliers that are not
// network providers (clocks, pin controllers, GPIO) folded into one node per
// cluster.
#ifndef LIFELINE_REPORT_GRAPHVIZ_H_
#define LIFELINE_REPORT_GRAPHVIZ_H_

#include <map>
#include <string>
#include <vector>

#include "lifeline/check/graph.h"

namespace lifeline::report {

// What a picture adds to the graph: how much to show, and (for the picture
// of a run) what the scenario changed and the findings.
struct GraphPicture {
  // Every device (the graph was built with all devices), suppliers drawn
  // one by one, and every device link with its flags and state.
  bool all = false;
  std::string title;  // "" for none
  // Node id -> what the scenario did to it: "removed", "rebound", "lost"
  // (a netdev), "went down" (a netdev whose carrier went), "unbound".
  std::map<std::string, std::string> marks;
  // Edges (from, to, kind) that were there after boot and are gone at the end.
  std::vector<check::GraphEdge> gone;
  // Node id -> findings about it, one line each ("oops: ..."); findings that
  // name no node of the graph are under the key "".
  std::map<std::string, std::vector<std::string>> findings;
};

// DOT text, byte for byte the same for the same graph and picture.
std::string to_dot(const check::Graph& g, const GraphPicture& picture = {});

// Runs Graphviz `dot -Tsvg` (or another -T format) on DOT text. A missing
// `dot` or a failing one is a sim::UserError saying how to install it.
std::string render_svg(const std::string& dot);
std::string render_graphviz(const std::string& dot, const std::string& format,
                            std::string* warnings = nullptr);

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string dot_quote(const std::string& text);
// Text broken into lines of at most `width` characters at spaces, '/', '|'
// or ',' (a word longer than that stays whole), joined by '\n'.
std::string wrap_text(const std::string& text, size_t width);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_GRAPHVIZ_H_
