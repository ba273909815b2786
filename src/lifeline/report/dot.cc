// SPDX-License-Identifier: GPL-2.0-only
// The provider graph by link, as DOT. The clusters and their columns come
// from check/graph_links.h; this file only says how each thing looks. Edges
// are laid out left to right whatever their direction in the model (a PHY's
// parent is its MDIO bus, further right; an MDIO bus's parent is often the
// MAC, further left): a backward one is drawn forward with its arrow
// reversed, so that the columns stay in order.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "lifeline/check/graph_links.h"
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

std::string wrap_text(const std::string& text, size_t width) {
  std::string out;
  size_t line = 0;
  size_t start = 0;
  while (start < text.size()) {
    // The next piece: up to and including a break character.
    size_t end = text.find_first_of(" /|,", start + 1);
    end = end == std::string::npos ? text.size() : end + (text[end] == '/' ? 0 : 1);
    std::string part = text.substr(start, end - start);
    if (line > 0 && line + part.size() > width) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += "\n";
      line = 0;
      if (part[0] == ' ') part.erase(0, 1);
    }
    out += part;
    line += part.size();
    start = end;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

constexpr size_t kWrap = 26;  // label characters per line: keeps each column narrow

struct Look {
  const char* color;
  const char* fill;
  const char* style;
};

// The colours of the legend, by state.
constexpr Look kBound{"darkgreen", "#e8f5e9", "rounded,filled"};
constexpr Look kDeferred{"darkorange", "#fff3e0", "rounded,filled,bold"};
constexpr Look kUnbound{"gray50", "white", "rounded,dashed"};
constexpr Look kRemoved{"red3", "#ffebee", "rounded,dashed,filled,bold"};
constexpr Look kUp{"royalblue3", "#e3f2fd", "filled"};
constexpr Look kDown{"gray50", "white", "solid"};

std::string look_attrs(const Look& l) {
  return std::string("style=\"") + l.style + "\", color=" + l.color + ", fillcolor=\"" + l.fill +
         "\"";
}

// A DSA port's node as its switch's binding names it ("ports/port@5"): the
// whole path would make its column as wide as the page.
std::string fwnode_label(const check::GraphNode& n) {
  std::string path = n.label.empty() ? n.id : n.label;
  if (n.role == "dsa-port") {
    size_t last = path.rfind('/');
    size_t before = last == std::string::npos || last == 0 ? 0 : path.rfind('/', last - 1) + 1;
    return path.substr(before) + "\n(CPU or DSA port)";
  }
  return wrap_text(path, kWrap);
}

std::string node_attrs(const check::GraphNode& n, const std::string& mark) {
  std::string label = n.label.empty() ? n.id : n.label;
  std::string attrs;
  if (n.kind == "netdev") {
    label += "\n" + (n.state.empty() ? std::string("down") : n.state);
    attrs = "shape=ellipse, " + look_attrs(n.state == "down" ? kDown : kUp);
  } else if (n.kind == "dsa-port") {
    // A struct dsa_port: no device, so no driver; its type is its state, and
    // one that setup gave up on is drawn as unbound.
    label += "\n" + n.state;
    attrs =
        std::string("shape=box, ") +
        look_attrs(n.state == "user" || n.state == "cpu" || n.state == "dsa" ? kBound : kUnbound);
  } else if (n.kind == "fwnode") {
    // A firmware node with no device: what a phandle points at before (or
    // instead of) a driver creating the device.
    label = fwnode_label(n);
    attrs = "shape=note, color=gray50, fontcolor=gray30";
  } else {
    if (!n.driver.empty()) label += "\n" + wrap_text(n.driver, kWrap);
    if (n.state == "deferred") {
      label += "\n" + wrap_text("deferred: " + (n.reason.empty() ? "?" : n.reason), kWrap);
      attrs = look_attrs(kDeferred);
    } else if (n.state == "bound" || n.state == "registered") {
      attrs = look_attrs(kBound);
    } else {
      label += "\n(" + n.state + ")";
      attrs = look_attrs(kUnbound) + ", fontcolor=gray30";
    }
  }
  if (!mark.empty()) {
    label += "\n" + std::string(mark == "removed" || mark == "lost" ? "✗ " : "△ ") + mark;
    if (mark == "removed" || mark == "lost") {
      attrs = (n.kind == "netdev" ? "shape=ellipse, " : std::string()) + look_attrs(kRemoved);
    } else {
      attrs += ", penwidth=2.5, color=red3";
    }
  }
  return "label=" + dot_quote(label) + ", " + attrs;
}

struct EdgeStyle {
  const char* kind;
  const char* attrs;
};
// Phandle kinds by colour (the legend says which), so that no label widens
// the gaps between columns.
constexpr EdgeStyle kEdgeStyles[] = {
    {"phy-handle", "color=blue, penwidth=1.5"},
    {"sfp", "color=darkgreen, penwidth=1.5"},
    {"sfp-upstream", "color=darkgreen, style=dashed"},
    {"pcs-handle", "color=purple, penwidth=1.5"},
    {"pses", "color=darkorange, penwidth=1.5"},
    {"conduit", "color=red, penwidth=1.5"},
    {"dsa-port", "color=red, style=dotted, dir=none"},
    {"port", "color=red, style=dotted, dir=none"},
    {"user", "dir=none, color=gray30"},
    {"phy", "color=blue, style=dashed"},
    {"devlink", "style=dashed, color=gray45, arrowsize=0.6"},
    {"parent", "style=dotted, color=gray50, dir=none"},
    {"netdev", "dir=none, color=gray30"},
};

// "AUTOPROBE_CONSUMER|MANAGED|INFERRED\nactive": the flags that matter to a
// provider's lifetime over its state. PM_RUNTIME and RPM_ACTIVE are about
// runtime PM, not about who goes away first, and would only widen the edge.
std::string devlink_label(const std::string& label, bool flags_too) {
  size_t space = label.find(' ');
  if (space == std::string::npos) return label;
  std::string state = label.substr(space + 1);
  if (!flags_too) return state == "active" || state == "available" ? "" : state;
  std::string flags, all = label.substr(0, space);
  size_t start = 0;
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

std::string edge_attrs(const check::GraphEdge& e, bool all) {
  std::string attrs;
  for (const EdgeStyle& s : kEdgeStyles)
    if (e.kind == s.kind) attrs = s.attrs;
  std::string label = e.kind == "devlink" ? devlink_label(e.label, all) : e.label;
  if (attrs.empty()) label = label.empty() ? e.kind : label;  // a kind this file does not know
  if (all && label.empty() && e.kind != "devlink" && e.kind != "parent" && e.kind != "netdev")
    label = e.kind;
  if (!label.empty()) attrs += std::string(attrs.empty() ? "" : ", ") + "label=" + dot_quote(label);
  return attrs;
}

// The legend: one node, a table of the states and edge colours.
std::string legend(bool run) {
  struct Row {
    const char* text;
    const char* fill;
    const char* color;
  };
  std::vector<Row> rows = {
      {"bound (or registered class device)", kBound.fill, kBound.color},
      {"deferred: its reason", kDeferred.fill, kDeferred.color},
      {"unbound (dashed)", kUnbound.fill, kUnbound.color},
      {"netdev up / carrier", kUp.fill, kUp.color},
      {"netdev down", kDown.fill, kDown.color},
  };
  if (run) {
    rows.push_back({"✗ removed or lost", kRemoved.fill, kRemoved.color});
    rows.push_back({"△ changed by the scenario", "white", kRemoved.color});
    rows.push_back({"finding", "#fff8e1", "red3"});
  }
  std::string t =
      "<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"2\">"
      "<tr><td border=\"0\"><b>legend</b></td></tr>";
  for (const Row& r : rows)
    t += std::string("<tr><td bgcolor=\"") + r.fill + "\" color=\"" + r.color + "\">" + r.text +
         "</td></tr>";
  struct EdgeRow {
    const char* text;
    const char* color;
  };
  constexpr EdgeRow kEdges[] = {
      {"phy-handle (attached: dashed)", "blue"},
      {"sfp (upstream on its bus: dashed)", "darkgreen"},
      {"pcs-handle", "purple"},
      {"pses", "darkorange"},
      {"DSA conduit, port", "red"},
      {"device link (dashed)", "gray45"},
      {"parent (dotted)", "gray50"},
  };
  for (const EdgeRow& r : kEdges)
    t += std::string("<tr><td border=\"0\"><font color=\"") + r.color + "\">&#8594; " + r.text +
         "</font></td></tr>";
  if (run)
    t += "<tr><td border=\"0\"><font color=\"red3\">&#8594; gone (bold dashed)</font></td></tr>";
  return t + "</table>>";
}

// A cluster's folded suppliers: "3 other suppliers\nclock-controller,
// 2×pinctrl" (distinct node names; a count when one is there twice).
std::string folded_label(const std::vector<std::string>& ids,
                         const std::map<std::string, const check::GraphNode*>& node) {
  std::map<std::string, int> names;
  for (const std::string& id : ids) {
    const check::GraphNode* n = node.at(id);
    names[n->node_name.empty() ? n->label : n->node_name]++;
  }
  std::string list;
  for (const auto& [name, count] : names)
    list += (list.empty() ? "" : ", ") + (count > 1 ? std::to_string(count) + "×" : "") + name;
  return std::to_string(ids.size()) +
         (ids.size() == 1 ? " other supplier\n" : " other suppliers\n") + wrap_text(list, kWrap);
}

class DotWriter {
 public:
  DotWriter(const check::Graph& g, const GraphPicture& p) : g_(g), p_(p) {
    for (const auto& n : g.nodes) node_[n.id] = &n;
  }

  std::string write() {
    check::LinkView view = check::links_of(g_);
    std::string out =
        "digraph lifeline {\n"
        "  graph [rankdir=LR, newrank=true, nodesep=0.12, ranksep=0.3, fontname=\"Helvetica\", "
        "fontsize=11, labeljust=l";
    if (!p_.title.empty()) out += ", label=" + dot_quote(p_.title) + ", labelloc=t";
    out +=
        "];\n"
        "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=9, "
        "margin=\"0.06,0.03\"];\n"
        "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n"
        "  legend [shape=plaintext, fontsize=8, label=" +
        legend(!p_.marks.empty() || !p_.findings.empty() || !p_.gone.empty()) + "];\n";
    std::set<std::string> drawn;
    for (const check::LinkCluster& c : view.clusters) {
      out += "\n  subgraph " + dot_quote("cluster_" + c.id) +
             " {\n    label=" + dot_quote(wrap_text(c.title, 40)) + cluster_look(c) + ";\n";
      for (const std::string& id : c.members) {
        out += "    " + dot_quote(id) + " [" + node_attrs(*node_.at(id), mark(id)) + "];\n";
        drawn.insert(id);
        out += findings_of(id, "    ");
      }
      if (!c.suppliers.empty() && !p_.all) {
        std::string fold = "fold:" + c.id;
        out += "    " + dot_quote(fold) + " [label=" + dot_quote(folded_label(c.suppliers, node_)) +
               ", style=\"rounded,dashed\", color=gray60, fontcolor=gray35, fontsize=8];\n";
        folded_[c.id] = fold;
      }
      out += "  }\n";
    }
    // Every device shown (--all): the rest, outside the clusters.
    std::string rest;
    for (const auto& n : g_.nodes) {
      if (drawn.count(n.id) || !p_.all) continue;
      rest += "  " + dot_quote(n.id) + " [" + node_attrs(n, mark(n.id)) + "];\n";
      drawn.insert(n.id);
      rest += findings_of(n.id, "  ");
    }
    if (!rest.empty()) out += "\n  // every other device\n" + rest;
    // Findings that name no node of the graph.
    out += findings_of("", "  ");
    out += "\n";
    std::map<std::string, size_t> cluster_of;
    for (size_t i = 0; i < view.clusters.size(); ++i)
      for (const std::string& id : view.clusters[i].members) cluster_of[id] = i;
    std::set<std::pair<std::string, std::string>> fold_edges;
    std::set<std::tuple<std::string, std::string, std::string>> gone;
    for (const auto& e : p_.gone) gone.insert({e.from, e.to, e.kind});
    // A DSA user port's netdev reaches its switch through its port (netdev ->
    // port -> switch); its parent edge to the switch would only cross those.
    std::set<std::string> through_port;
    for (const auto& e : g_.edges)
      if (e.kind == "user") through_port.insert(e.from);
    for (const auto& e : g_.edges) {
      if (gone.count({e.from, e.to, e.kind})) continue;  // drawn below, as gone
      if (e.kind == "netdev" && through_port.count(e.from) && !p_.all) continue;
      bool from = drawn.count(e.from), to = drawn.count(e.to);
      if (from && to) {
        out += edge(e, edge_attrs(e, p_.all));
      } else if (e.kind == "devlink" && (from || to) && !p_.all) {
        // A device link to a supplier folded into its cluster's node.
        const std::string& member = from ? e.from : e.to;
        if (!cluster_of.count(member)) continue;
        auto fold_it = folded_.find(view.clusters[cluster_of[member]].id);
        if (fold_it == folded_.end()) continue;
        const std::string& fold = fold_it->second;
        if (fold_edges.insert({member, fold}).second)
          out += "  " + dot_quote(member) + " -> " + dot_quote(fold) +
                 " [style=dashed, color=gray60, arrowsize=0.5];\n";
      }
    }
    // Gone edges in red; the kind named where the colour no longer says it
    // (a phandle, a conduit), not on every parent and device link.
    for (const auto& e : p_.gone) {
      if (!drawn.count(e.from) || !drawn.count(e.to)) continue;
      bool named = e.kind != "parent" && e.kind != "devlink" && e.kind != "netdev";
      out += edge(e, std::string("style=\"dashed,bold\", color=red3") +
                         (named ? ", label=" + dot_quote("gone: " + e.kind) : std::string()));
    }
    return out + finding_edges_ + "}\n";
  }

 private:
  std::string mark(const std::string& id) const {
    auto it = p_.marks.find(id);
    return it == p_.marks.end() ? "" : it->second;
  }

  static std::string cluster_look(const check::LinkCluster& c) {
    switch (c.kind) {
      case check::LinkCluster::Kind::kLink:
        return "; style=rounded; color=gray55; fontsize=11";
      case check::LinkCluster::Kind::kShared:
        return "; style=\"rounded,dashed\"; color=gray60; fontsize=9";
      case check::LinkCluster::Kind::kNoNetdev:
        return "; style=\"rounded,dotted\"; color=gray60; fontsize=9";
    }
    return "";
  }

  // The findings pinned to a node: a note beside it, joined by a red edge.
  std::string findings_of(const std::string& id, const std::string& indent) {
    auto it = p_.findings.find(id);
    if (it == p_.findings.end()) return "";
    std::string out;
    for (const std::string& f : it->second) {
      std::string fid = "finding:" + std::to_string(findings_++);
      out += indent + dot_quote(fid) + " [shape=note, style=filled, fillcolor=\"#fff8e1\", " +
             "color=red3, fontcolor=red3, fontsize=8, label=" + dot_quote(wrap_text(f, 34)) +
             "];\n";
      if (!id.empty())
        finding_edges_ += "  " + dot_quote(fid) + " -> " + dot_quote(id) +
                          " [color=red3, style=bold, arrowhead=none, constraint=false];\n";
    }
    return out;
  }

  std::string edge(const check::GraphEdge& e, std::string attrs) {
    int cf = check::link_column(*node_.at(e.from)), ct = check::link_column(*node_.at(e.to));
    std::string from = e.from, to = e.to;
    if (cf > ct) {
      if (attrs.find("dir=none") == std::string::npos)
        attrs += std::string(attrs.empty() ? "" : ", ") + "dir=back";
      std::swap(from, to);
    }
    std::string out = "  " + dot_quote(from) + " -> " + dot_quote(to);
    out += attrs.empty() ? ";\n" : " [" + attrs + "];\n";
    return out;
  }

  const check::Graph& g_;
  const GraphPicture& p_;
  std::map<std::string, const check::GraphNode*> node_;
  std::map<std::string, std::string> folded_;  // cluster id -> its folded node's id
  int findings_ = 0;
  std::string finding_edges_;
};

}  // namespace

std::string to_dot(const check::Graph& g, const GraphPicture& picture) {
  return DotWriter(g, picture).write();
}

}  // namespace lifeline::report
