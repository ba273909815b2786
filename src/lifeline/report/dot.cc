// SPDX-License-Identifier: GPL-2.0-only
#include <map>
#include <set>

#include "lifeline/report/graphviz.h"

namespace lifeline::report {

std::string dot_quote(const std::string& text) {
  std::string s = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') s += '\\';
    if (c == '\n') {
      s += "\\n";
      continue;
    }
    s += c;
  }
  return s + "\"";
}

namespace {

// Columns of the drawing, left to right.
enum Rank { kNetdevs, kMacs, kPhys, kMdio, kProviders, kRankCount };

const char* kRankComment[] = {"netdevs", "MACs and DSA switches",
                              "PHYs, PCSs, SFP cages, PSE controllers", "MDIO buses",
                              "other providers"};

Rank rank_of(const check::GraphNode& n) {
  if (n.kind == "netdev") return kNetdevs;
  if (n.role == "mac" || n.role == "dsa") return kMacs;
  if (n.role == "phy" || n.role == "pcs" || n.role == "sfp" || n.role == "pse") return kPhys;
  if (n.role == "mdio") return kMdio;
  return kProviders;
}

// A DT path over several lines, broken after a '/', so that a DSA port's
// node does not make its column as wide as the page.
std::string wrap_path(const std::string& path) {
  constexpr size_t kWidth = 32;
  if (path.size() <= kWidth || path[0] != '/') return path;
  std::string out;
  size_t line = 0;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start + 1);
    std::string part = path.substr(start, end == std::string::npos ? end : end - start);
    if (line > 0 && line + part.size() > kWidth) {
      out += "\n";
      line = 0;
    }
    out += part;
    line += part.size();
    if (end == std::string::npos) break;
    start = end;
  }
  return out;
}

// "AUTOPROBE_CONSUMER|MANAGED|INFERRED\nactive": the flags that matter to a
// provider's lifetime over its state. PM_RUNTIME and RPM_ACTIVE are about
// runtime PM, not about who goes away first, and would only widen the edge.
std::string devlink_label(const std::string& label) {
  size_t space = label.find(' ');
  if (space == std::string::npos) return label;
  std::string flags, state = label.substr(space + 1);
  size_t start = 0;
  std::string all = label.substr(0, space);
  while (start <= all.size()) {
    size_t bar = all.find('|', start);
    std::string flag = all.substr(start, bar == std::string::npos ? bar : bar - start);
    if (flag != "PM_RUNTIME" && flag != "RPM_ACTIVE" && !flag.empty())
      flags += (flags.empty() ? "" : "|") + flag;
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return flags.empty() ? state : flags + "\n" + state;
}

std::string node_attrs(const check::GraphNode& n) {
  std::string label = n.label.empty() ? n.id : n.label;
  if (n.kind == "fwnode") label = wrap_path(label);
  std::string attrs;
  if (n.kind == "netdev") {
    label += "\n" + (n.state.empty() ? std::string("down") : n.state);
    attrs = "shape=ellipse";
    if (n.state != "up") attrs += ", color=gray50, fontcolor=gray50";
  } else if (n.kind == "fwnode") {
    // A firmware node with no device: what a phandle points at before (or
    // instead of) a driver creating the device.
    attrs = "shape=note, color=gray50, fontcolor=gray50";
  } else {
    if (!n.driver.empty()) label += "\n" + n.driver;
    if (n.state != "bound" && !n.state.empty()) label += "\n(" + n.state + ")";
    if (n.state == "deferred")
      attrs = "style=\"rounded,dashed\", color=darkorange, fontcolor=darkorange";
    else if (n.state != "bound")
      attrs = "style=\"rounded,dashed\", color=gray50, fontcolor=gray50";
  }
  std::string out = "label=" + dot_quote(label);
  if (!attrs.empty()) out += ", " + attrs;
  return out;
}

std::string edge_attrs(const check::GraphEdge& e) {
  struct Style {
    const char* kind;
    const char* attrs;
    bool labelled;  // the kind's name is worth printing on the edge
  };
  static constexpr Style kStyles[] = {
      {"phy-handle", "color=blue, fontcolor=blue, penwidth=1.5", true},
      {"sfp", "color=darkgreen, fontcolor=darkgreen, penwidth=1.5", true},
      {"pcs-handle", "color=purple, fontcolor=purple, penwidth=1.5", true},
      {"pses", "color=darkorange, fontcolor=darkorange, penwidth=1.5", true},
      {"conduit", "color=red, fontcolor=red, penwidth=1.5", true},
      {"devlink", "style=dashed, color=gray40, fontcolor=gray40", false},
      {"parent", "style=dotted, color=gray60, dir=none", false},
      {"netdev", "dir=none", false},
  };
  std::string attrs;
  std::string label = e.kind == "devlink" ? devlink_label(e.label) : e.label;
  for (const Style& s : kStyles) {
    if (e.kind != s.kind) continue;
    attrs = s.attrs;
    if (label.empty() && s.labelled) label = e.kind;
  }
  if (attrs.empty() && label.empty()) label = e.kind;  // a kind this renderer does not know
  if (!label.empty()) attrs += std::string(attrs.empty() ? "" : ", ") + "label=" + dot_quote(label);
  return attrs;
}

}  // namespace

std::string to_dot(const check::Graph& g) {
  std::string out =
      "digraph lifeline {\n"
      "  graph [rankdir=LR, nodesep=0.25, ranksep=0.7, fontname=\"Helvetica\"];\n"
      "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  std::map<std::string, Rank> rank;
  std::vector<const check::GraphNode*> by_rank[kRankCount];
  for (const auto& n : g.nodes) {
    rank[n.id] = rank_of(n);
    by_rank[rank_of(n)].push_back(&n);
  }
  for (int r = 0; r < kRankCount; ++r) {
    if (by_rank[r].empty()) continue;
    out += "\n  // " + std::string(kRankComment[r]) + "\n  {\n    rank=same;\n";
    for (const auto* n : by_rank[r])
      out += "    " + dot_quote(n->id) + " [" + node_attrs(*n) + "];\n";
    out += "  }\n";
  }
  if (!g.edges.empty()) out += "\n";
  for (const auto& e : g.edges) {
    // Edges are laid out left to right whatever their direction (a PHY's
    // parent is its MDIO bus, further right; an MDIO bus's parent is often
    // the MAC, further left): a backward one is drawn forward with its arrow
    // reversed, so the columns stay in order.
    auto rf = rank.count(e.from) ? rank[e.from] : kProviders;
    auto rt = rank.count(e.to) ? rank[e.to] : kProviders;
    std::string attrs = edge_attrs(e);
    if (rf > rt) {
      if (attrs.find("dir=none") == std::string::npos)
        attrs += std::string(attrs.empty() ? "" : ", ") + "dir=back";
      out += "  " + dot_quote(e.to) + " -> " + dot_quote(e.from);
    } else {
      out += "  " + dot_quote(e.from) + " -> " + dot_quote(e.to);
    }
    out += attrs.empty() ? ";\n" : " [" + attrs + "];\n";
  }
  return out + "}\n";
}

}  // namespace lifeline::report
