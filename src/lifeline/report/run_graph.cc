// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/run_graph.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace lifeline::report {

namespace {

using EdgeKey = std::tuple<std::string, std::string, std::string>;
EdgeKey key(const check::GraphEdge& e) { return {e.from, e.to, e.kind}; }

// `word` in `text` as a whole name: "eth0" in "eth0: Link is Down", not in
// "eth01"; a device name with its dots and colons whole.
bool names(const std::string& text, const std::string& word) {
  if (word.empty()) return false;
  auto part = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool left = at == 0 || !part(text[at - 1]);
    bool right = at + word.size() >= text.size() || !part(text[at + word.size()]);
    if (left && right) return true;
  }
  return false;
}

// The node a finding is about: the longest node name its message gives,
// failing that its details (the stacks, the freed object); "" when none.
std::string pin(const sim::Finding& f, const check::Graph& g) {
  std::vector<std::string> texts{f.message};
  for (const std::string& d : f.details) texts.push_back(d);
  for (const std::string& text : texts) {
    const check::GraphNode* best = nullptr;
    for (const check::GraphNode& n : g.nodes)
      if (n.kind != "fwnode" && names(text, n.label) &&
          (!best || n.label.size() > best->label.size()))
        best = &n;
    if (best) return best->id;
  }
  return "";
}

}  // namespace

RunGraph run_graph(const scenario::RunResult& r) {
  RunGraph out;
  const check::Graph before = r.graph_after_boot.value_or(check::Graph{});
  out.graph = r.graph_final.value_or(check::Graph{});
  check::Graph& g = out.graph;
  GraphPicture& p = out.picture;
  std::map<std::string, const check::GraphNode*> now;
  for (const check::GraphNode& n : g.nodes) now[n.id] = &n;
  std::vector<check::GraphNode> gone_nodes;
  for (const check::GraphNode& b : before.nodes) {
    auto it = now.find(b.id);
    if (it == now.end()) {
      gone_nodes.push_back(b);
      p.marks[b.id] = b.kind == "netdev" ? "lost" : "removed";
      continue;
    }
    const check::GraphNode& a = *it->second;
    if (b.kind == "netdev") {
      if (b.state == "up" && a.state != "up")
        p.marks[b.id] = "went down";
      else if (b.state != a.state)
        p.marks[b.id] = "was " + b.state;
    } else if (b.state != a.state) {
      p.marks[b.id] = "was " + b.state;
    } else if (b.driver != a.driver) {
      p.marks[b.id] = "was " + (b.driver.empty() ? std::string("no driver") : b.driver);
    }
  }
  // The provider the scenario took away and gave back: the same state at
  // both ends, but not the same binding.
  if (r.metrics.provider_left && r.metrics.provider_back)
    for (const check::GraphNode& n : g.nodes)
      if (n.kind == "device" && n.label == r.metrics.provider && !p.marks.count(n.id))
        p.marks[n.id] = "rebound";
  for (check::GraphNode& n : gone_nodes) g.nodes.push_back(std::move(n));
  std::sort(g.nodes.begin(), g.nodes.end(),
            [](const check::GraphNode& a, const check::GraphNode& b) { return a.id < b.id; });
  std::set<EdgeKey> edges_now;
  for (const check::GraphEdge& e : g.edges) edges_now.insert(key(e));
  for (const check::GraphEdge& e : before.edges)
    if (!edges_now.count(key(e))) p.gone.push_back(e);
  // Gone edges stay in the graph, so that a removed provider stays in the
  // cluster of its link; the picture draws them as gone.
  for (const check::GraphEdge& e : p.gone) g.edges.push_back(e);
  std::sort(g.edges.begin(), g.edges.end(),
            [](const check::GraphEdge& a, const check::GraphEdge& b) { return key(a) < key(b); });
  for (const sim::Finding& f : r.findings) {
    std::string line = std::string(sim::finding_kind_name(f.kind)) + ": " + f.message;
    if (f.count > 1) line += " (x" + std::to_string(f.count) + ")";
    p.findings[pin(f, g)].push_back(line);
  }
  std::string scenario = r.scenario.substr(r.scenario.rfind('/') + 1);
  std::string board = r.board.substr(r.board.rfind('/') + 1);
  p.title = board + ", " + scenario + ": the providers at the end of the run";
  return out;
}

}  // namespace lifeline::report
