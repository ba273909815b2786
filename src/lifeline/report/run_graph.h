// SPDX-License-Identifier: GPL-2.0-only
// The picture of a run (`run --graph FILE.svg`, `compare --graph`): the
// provider graph at the end, with what the scenario changed marked against
// the graph after boot (providers removed, unbound or rebound, netdevs lost,
// links that went down, edges gone) and the findings pinned to the node they
// name.
#ifndef LIFELINE_REPORT_RUN_GRAPH_H_
#define LIFELINE_REPORT_RUN_GRAPH_H_

#include "lifeline/check/graph.h"
#include "lifeline/report/graphviz.h"
#include "lifeline/scenario/run_result.h"

namespace lifeline::report {

struct RunGraph {
  check::Graph graph;  // the end's graph, plus what was there after boot and is gone
  GraphPicture picture;
};

// `r` must have been run with RunOptions::graph.
RunGraph run_graph(const scenario::RunResult& r);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_RUN_GRAPH_H_
