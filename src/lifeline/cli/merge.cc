// SPDX-License-Identifier: GPL-2.0-only
// explore --shard and merge: a shard's result as a JSON file, and the one
// verdict of all the shards (scenario/explore_shard.h). The files carry what
// the shards were run for (board, scenario and its digest, knobs, strategy,
// bound, budget), so that merge refuses to combine results of different
// explorations.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifeline/cli/cli.h"
#include "lifeline/cli/commands.h"
#include "lifeline/cli/help.h"
#include "lifeline/cli/options.h"
#include "lifeline/report/json.h"
#include "lifeline/report/text.h"
#include "lifeline/scenario/explore_shard.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::cli {

namespace {

using report::Json;

// The fields every shard of one exploration has alike, in the order merge
// names the first that differs.
const char* const kIdentity[] = {"board",    "scenario", "digest", "knobs", "phy_ids",
                                 "strategy", "bound",    "budget", "seed",  "run_seed"};

Json shard_json(const Context& c, const scenario::ExploreOptions& o, const scenario::Scenario& s,
                const scenario::ShardResult& r) {
  Json knobs = Json::object();
  for (const auto& [k, v] : o.run.knobs) knobs[k] = v;
  Json phy_ids = Json::object();
  for (const auto& [k, v] : o.run.phy_ids) phy_ids[k] = v;
  Json subtrees = Json::array();
  for (const sim::Subtree& t : r.partition.subtrees)
    subtrees.push_back(Json{{"prefix", t.prefix}, {"deviations", t.deviations}});
  Json records = Json::array();
  for (const sim::SubtreeRecord& x : r.records)
    records.push_back(Json{{"subtree", x.subtree},
                           {"bound", x.bound},
                           {"executions", x.executions},
                           {"redundant", x.redundant},
                           {"found", x.found},
                           {"cut", x.cut},
                           {"stopped", x.stopped},
                           {"ranks", x.ranks}});
  Json body{{"board", c.args.positionals[0]},
            {"scenario", c.args.positionals[1]},
            {"digest", scenario::scenario_digest(s)},
            {"knobs", knobs},
            {"phy_ids", phy_ids},
            {"strategy", o.strategy},
            {"bound", o.bound},
            {"budget", o.budget},
            {"seed", o.seed},
            {"run_seed", o.run.seed},
            {"shard", Json{{"index", r.shard.index}, {"count", r.shard.count}}},
            {"partition", Json{{"subtrees", subtrees},
                               {"dropped", r.partition.dropped},
                               {"executions", r.partition.executions}}},
            {"records", records},
            {"shrunk", r.shrunk}};
  return report::document("explore-shard", body);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw sim::UserError(path + ": cannot read: " + std::strerror(errno));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const std::string& path, const std::string& text, const char* what) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (!out)
    throw sim::UserError(path + ": cannot write the " + std::string(what) + ": " +
                         std::strerror(errno));
}

// A shard file's JSON, back into the shard's result; bad input names the
// file and the field.
scenario::ShardResult shard_of(const Json& j, const std::string& file) {
  try {
    scenario::ShardResult r;
    r.shard.index = j.at("shard").at("index").get<uint32_t>();
    r.shard.count = j.at("shard").at("count").get<uint32_t>();
    if (r.shard.count == 0 || r.shard.index >= r.shard.count)
      throw sim::UserError(file + ": shard " + std::to_string(r.shard.index) + "/" +
                           std::to_string(r.shard.count) + " is not K/N with 0 <= K < N");
    const Json& p = j.at("partition");
    for (const Json& t : p.at("subtrees"))
      r.partition.subtrees.push_back(
          sim::Subtree{t.at("prefix").get<std::vector<uint16_t>>(), t.at("deviations").get<int>()});
    r.partition.dropped = p.at("dropped").get<bool>();
    r.partition.executions = p.at("executions").get<uint64_t>();
    for (const Json& x : j.at("records")) {
      sim::SubtreeRecord s;
      s.subtree = x.at("subtree").get<uint32_t>();
      s.bound = x.at("bound").get<int>();
      s.executions = x.at("executions").get<uint64_t>();
      s.redundant = x.at("redundant").get<uint64_t>();
      s.found = x.at("found").get<bool>();
      s.cut = x.at("cut").get<bool>();
      s.stopped = x.at("stopped").get<bool>();
      s.ranks = x.at("ranks").get<std::vector<uint16_t>>();
      r.records.push_back(std::move(s));
    }
    r.shrunk = j.at("shrunk").get<std::vector<uint16_t>>();
    return r;
  } catch (const Json::exception& e) {
    throw sim::UserError(file + ": not a result of `lifeline explore --shard`: " + e.what());
  }
}

std::string default_replay_path(const std::string& scenario) {
  std::filesystem::path p(scenario);
  p.replace_extension(".replay");
  return p.string();
}

}  // namespace

int cmd_explore_shard(const Context& c, const scenario::ExploreOptions& o,
                      const scenario::Board& board, const scenario::Scenario& s) {
  const Args& a = c.args;
  if (a.all) throw sim::UserError("--shard: --all is not explored by shards");
  sim::Shard shard = scenario::parse_shard(*a.shard, [](const char* v) { return std::getenv(v); });
  scenario::ShardResult r = scenario::explore_scenario_shard(board, s, o, shard);
  std::string text = report::dump(shard_json(c, o, s, r));
  if (a.shard_out) {
    std::string path = *a.shard_out;
    for (size_t at; (at = path.find("%K")) != std::string::npos;)
      path.replace(at, 2, std::to_string(shard.index));
    write_text(path, text, "shard result");
  } else {
    c.out << text;
  }
  // The verdict is merge's: a shard that found something still succeeded
  // (a launcher such as mpirun stops every rank when one exits non-zero).
  return kExitOk;
}

int cmd_merge(const Context& c) {
  const Args& a = c.args;
  if (a.files.empty())
    throw sim::UserError(std::string("merge: expected the shard files; usage: ") +
                         command_help("merge").usage);
  std::vector<Json> docs;
  std::vector<scenario::ShardResult> shards;
  for (const std::string& f : a.files) {
    Json j;
    try {
      j = Json::parse(read_text(f));
    } catch (const Json::parse_error& e) {
      throw sim::UserError(f + ": not JSON: " + e.what());
    }
    if (!j.is_object() || j.value("command", "") != "explore-shard")
      throw sim::UserError(f + ": not a result of `lifeline explore --shard`");
    for (const char* k : kIdentity) {
      if (!j.contains(k)) throw sim::UserError(f + ": no \"" + std::string(k) + "\" field");
      if (!docs.empty() && j[k] != docs.front()[k])
        throw sim::UserError("merge: " + f + " and " + a.files.front() +
                             " are shards of different explorations: " + k + " " + j[k].dump() +
                             " against " + docs.front()[k].dump());
    }
    shards.push_back(shard_of(j, f));
    if (!docs.empty() && j.at("partition") != docs.front().at("partition"))
      throw sim::UserError("merge: " + f + " and " + a.files.front() +
                           " split the schedules differently (another version of lifeline, "
                           "or another board file under the same name?)");
    docs.push_back(std::move(j));
  }
  const Json& first = docs.front();
  scenario::ExploreOptions o;
  o.strategy = first["strategy"].get<std::string>();
  o.bound = first["bound"].get<int>();
  o.budget = first["budget"].get<uint64_t>();
  o.seed = first["seed"].get<uint64_t>();
  o.run.seed = first["run_seed"].get<uint64_t>();
  for (const auto& [k, v] : first["knobs"].items()) o.run.knobs[k] = v.get<std::string>();
  for (const auto& [k, v] : first["phy_ids"].items()) o.run.phy_ids[k] = v.get<uint32_t>();
  scenario::ExploreResult r = scenario::merge_shards(o, shards);

  const std::string board_arg = first["board"].get<std::string>();
  const std::string scenario_arg = first["scenario"].get<std::string>();
  std::string path, show;
  if (r.found) {
    // The failing run, replayed on the board and scenario the shards name.
    scenario::Board board = c.backend.load_board(board_arg);
    scenario::Scenario s = c.backend.load_scenario(scenario_arg);
    if (scenario::scenario_digest(s) != first["digest"].get<std::string>())
      throw sim::UserError(scenario_arg + ": changed since the shards explored it");
    scenario::RunOptions show_run = o.run;
    show_run.replay = r.ranks;
    r.failing = c.backend.run(board, s, show_run);
    path = a.replay_out ? *a.replay_out : default_replay_path(scenario_arg);
    scenario::ReplayFile f{board_arg, scenario_arg, o.run.knobs, r.ranks,
                           scenario::scenario_digest(s)};
    write_text(path, scenario::format_replay_file(f), "replay file");
    show = "lifeline run " + shell_quote(board_arg) + " " + shell_quote(scenario_arg) +
           " --replay " + shell_quote(path);
  }
  if (a.json) {
    Json d = report::document("explore", report::to_json(r));
    d["replay_file"] = r.found ? Json(path) : Json(nullptr);
    d["replay_command"] = r.found ? Json(show) : Json(nullptr);
    c.out << report::dump(d);
  } else {
    c.out << "merged " << shards.size() << " shards\n" << report::format_explore(r);
    if (r.found) c.out << "\nreplay file: " << path << "\nshow it again: " << show << "\n";
  }
  return r.found ? kExitFailed : kExitOk;
}

}  // namespace lifeline::cli
