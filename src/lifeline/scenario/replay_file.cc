// SPDX-License-Identifier: GPL-2.0-only
// Replay files: a failing schedule and what it was recorded for, as text a
// user can read and keep beside the scenario.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "lifeline/scenario/print.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

bool is_word(const std::string& w) {
  return !w.empty() && w.size() <= 64 &&
         w.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
}

// "strategy NAME KEY=VALUE ...": what found the schedule, and how.
void parse_strategy(std::istringstream& words, ReplayFile& r, const std::string& file, int lineno) {
  if (!(words >> r.strategy) || !is_word(r.strategy))
    throw sim::UserError(file, lineno, 1, "expected 'strategy NAME KEY=VALUE ...'");
  std::string w;
  while (words >> w) {
    size_t eq = w.find('=');
    if (eq == std::string::npos || !is_word(w.substr(0, eq)) || !is_word(w.substr(eq + 1)))
      throw sim::UserError(file, lineno, 0,
                           "expected strategy parameters as KEY=VALUE, got '" + w + "'");
    r.strategy_params[w.substr(0, eq)] = w.substr(eq + 1);
  }
}

}  // namespace

std::map<std::string, std::string> strategy_parameters(const ExploreOptions& o) {
  std::map<std::string, std::string> p;
  p["budget"] = std::to_string(o.budget);
  if (o.strategy == "dfs" || o.strategy == "dpor") {
    p["bound"] = o.bound < 0 ? "none" : std::to_string(o.bound);
    p["deviations"] = "all";  // explore_scenario() bounds every deviation, not only preemptions
  }
  if (o.strategy == "dpor") {
    p["sleep-sets"] = "on";
    p["iterative"] = "on";
  }
  // As explore_scenario() turns --bound into PCT's depth.
  if (o.strategy == "pct") p["depth"] = std::to_string(o.bound < 0 ? 2 : std::max(1, o.bound));
  if (o.strategy == "pct" || o.strategy == "random") p["seed"] = std::to_string(o.seed);
  return p;
}

std::string describe_strategy(const ReplayFile& r) {
  if (r.strategy.empty()) return "";
  std::string params;
  for (const auto& [k, v] : r.strategy_params) params += (params.empty() ? "" : " ") + k + "=" + v;
  return r.strategy + (params.empty() ? "" : " (" + params + ")");
}

std::string format_replay_file(const ReplayFile& r) {
  std::ostringstream out;
  out << "# lifeline replay file: lifeline run " << r.board << " " << r.scenario
      << " --replay FILE\n";
  out << "board " << r.board << "\n";
  out << "scenario " << r.scenario << "\n";
  if (!r.digest.empty()) out << "digest " << r.digest << "\n";
  for (const auto& [k, v] : r.knobs) out << "set " << k << " " << v << "\n";
  if (!r.strategy.empty()) {
    out << "strategy " << r.strategy;
    for (const auto& [k, v] : r.strategy_params) out << " " << k << "=" << v;
    out << "\n";
  }
  out << "ranks";
  for (uint16_t rank : r.ranks) out << " " << rank;
  out << "\n";
  return out.str();
}

ReplayFile parse_replay_file(const std::string& text, const std::string& file) {
  ReplayFile r;
  std::istringstream in(text);
  std::string line;
  int lineno = 0;
  bool have_ranks = false;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "board") {
      words >> r.board;
    } else if (key == "scenario") {
      words >> r.scenario;
    } else if (key == "digest") {
      words >> r.digest;
      if (r.digest.size() != 16 ||
          r.digest.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw sim::UserError(file, lineno, 1, "expected 'digest' and 16 hex digits");
    } else if (key == "set") {
      std::string k, v;
      if (!(words >> k >> v)) throw sim::UserError(file, lineno, 1, "expected 'set KNOB VALUE'");
      r.knobs[k] = v;
    } else if (key == "strategy") {
      parse_strategy(words, r, file, lineno);
    } else if (key == "ranks") {
      have_ranks = true;
      std::string w;
      while (words >> w) {
        if (w.find_first_not_of("0123456789") != std::string::npos || w.size() > 5)
          throw sim::UserError(file, lineno, 0,
                               "expected schedule ranks (small numbers), got '" + w + "'");
        r.ranks.push_back(static_cast<uint16_t>(std::stoi(w)));
      }
    } else {
      throw sim::UserError(
          file, lineno, 1,
          "expected 'board', 'scenario', 'digest', 'set', 'strategy' or 'ranks', got '" + key +
              "'");
    }
  }
  if (!have_ranks) throw sim::UserError(file, 0, 0, "not a replay file: no 'ranks' line");
  return r;
}

std::string scenario_digest(const Scenario& s) {
  // FNV-1a, 64 bits: stable across builds and machines.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : to_string(s)) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

namespace {

std::string stem_of(const std::string& path) { return std::filesystem::path(path).stem().string(); }

}  // namespace

void check_replay_belongs(const ReplayFile& replay, const std::string& file,
                          const std::string& board, const Scenario& scenario,
                          const std::map<std::string, std::string>& knobs) {
  auto refuse = [&](const std::string& why) {
    throw sim::UserError(file + ": this replay does not belong to these inputs: " + why +
                         "; run it as recorded with `lifeline run --replay " + file + "`");
  };
  if (stem_of(board) != stem_of(replay.board))
    refuse("it was recorded on board " + replay.board + ", not " + board);
  if (stem_of(scenario.file) != stem_of(replay.scenario))
    refuse("it was recorded for scenario " + replay.scenario + ", not " + scenario.file);
  if (!replay.digest.empty() && replay.digest != scenario_digest(scenario))
    refuse(scenario.file + " has changed since it was recorded (digest " + replay.digest +
           ", now " + scenario_digest(scenario) + ")");
  for (const auto& [k, v] : replay.knobs) {
    auto it = knobs.find(k);
    if (it != knobs.end() && it->second != v)
      refuse("it was recorded with " + k + "=" + v + ", not " + k + "=" + it->second);
  }
}

}  // namespace lifeline::scenario
