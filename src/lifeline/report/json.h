// SPDX-License-Identifier: GPL-2.0-only
// The reports as JSON (`--json`): the same content as the text, as one
// document whose schema docs/json.md describes. Objects keep their keys in a
// fixed order and maps are sorted, so the same inputs give byte-identical
// output; nothing of the host (clock, pid, temporary paths) goes in.
#ifndef LIFELINE_REPORT_JSON_H_
#define LIFELINE_REPORT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lifeline/check/graph.h"
#include "lifeline/check/snapshot.h"
#include "lifeline/scenario/run_result.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/finding.h"

namespace lifeline::report {

using Json = nlohmann::ordered_json;

// Bumped when a field changes meaning or goes away (adding one does not).
inline constexpr int kJsonSchemaVersion = 2;

Json to_json(const sim::Finding& f);
Json to_json(const scenario::TimelineEntry& e);
Json to_json(const scenario::ExpectResult& e);
Json to_json(const scenario::FailedStep& f);
Json to_json(const scenario::RunStop& s);
Json to_json(const check::Snapshot& s);
Json to_json(const scenario::ProviderMetrics& m);
Json to_json(const scenario::RunResult& r);
Json to_json(const scenario::CompareResult& c);
Json to_json(const scenario::ExploreResult& e);
Json to_json(const check::Graph& g);

// What a command prints: {"schema": 2, "command": COMMAND, ...body's keys}.
Json document(std::string_view command, const Json& body);

// Two-space indentation and a final newline; bytes that are not UTF-8 are
// replaced rather than thrown about.
std::string dump(const Json& j);

// "command", "model", "finding", "sched".
const char* timeline_kind_name(scenario::TimelineEntry::Kind kind);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_JSON_H_
