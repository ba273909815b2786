// SPDX-License-Identifier: GPL-2.0-only
// JSON of compare, explore and the provider graph.
#include "lifeline/check/graph_links.h"
#include "lifeline/report/compare_table.h"
#include "lifeline/report/json.h"

namespace lifeline::report {

Json to_json(const scenario::CompareResult& c) {
  CompareTable t = compare_table(c);
  Json rows = Json::array();
  for (const auto& r : t.rows)
    rows.push_back(Json{{"key", r.key}, {"label", r.label}, {"cells", r.cells}});
  Json runs = Json::array();
  for (const auto& run : c.runs) runs.push_back(to_json(run));
  return Json{{"knob", c.knob},
              {"values", c.values},
              {"table", Json{{"columns", t.columns}, {"rows", rows}}},
              {"runs", runs}};
}

Json to_json(const scenario::ExploreResult& e) {
  Json steps = Json::array();
  for (const scenario::ExploreStep& s : e.steps)
    steps.push_back(
        Json{{"task", s.task}, {"function", s.function}, {"rank", s.rank}, {"touched", s.touched}});
  Json bounds = Json::array();
  for (const scenario::ExploreBound& b : e.bounds)
    bounds.push_back(
        Json{{"bound", b.bound}, {"executions", b.executions}, {"exhausted", b.exhausted}});
  return Json{{"strategy", e.strategy},
              {"executions", e.executions},
              {"found", e.found},
              {"exhausted", e.exhausted},
              {"complete", e.complete},
              {"redundant", e.redundant},
              {"bound_cut", e.bound_cut},
              {"bounds", bounds},
              {"ranks", e.ranks},
              {"ranks_before_shrinking", e.ranks_before_shrinking},
              {"steps", steps},
              {"outcomes", e.outcomes},
              {"failing", e.found ? to_json(e.failing) : Json(nullptr)}};
}

Json to_json(const check::Graph& g) {
  Json nodes = Json::array();
  for (const auto& n : g.nodes)
    nodes.push_back(Json{{"id", n.id},
                         {"label", n.label},
                         {"kind", n.kind},
                         {"role", n.role},
                         {"driver", n.driver},
                         {"state", n.state},
                         {"reason", n.reason},
                         {"bus", n.bus},
                         {"node_name", n.node_name}});
  Json edges = Json::array();
  for (const auto& e : g.edges)
    edges.push_back(Json{{"from", e.from}, {"to", e.to}, {"kind", e.kind}, {"label", e.label}});
  Json clusters = Json::array();
  for (const check::LinkCluster& c : check::links_of(g).clusters) {
    const char* kind = c.kind == check::LinkCluster::Kind::kLink     ? "link"
                       : c.kind == check::LinkCluster::Kind::kShared ? "shared"
                                                                     : "no-netdev";
    clusters.push_back(Json{{"id", c.id},
                            {"kind", kind},
                            {"title", c.title},
                            {"members", c.members},
                            {"suppliers", c.suppliers}});
  }
  return Json{{"nodes", nodes}, {"edges", edges}, {"clusters", clusters}};
}

}  // namespace lifeline::report
