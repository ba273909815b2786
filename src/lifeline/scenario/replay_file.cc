// SPDX-License-Identifier: GPL-2.0-only
// Replay files: a failing schedule and what it was recorded for, as text a
// user can read and keep beside the scenario.
#include <sstream>

#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

std::string format_replay_file(const ReplayFile& r) {
  std::ostringstream out;
  out << "# lifeline replay file: lifeline run " << r.board << " " << r.scenario << " --replay FILE\n";
  out << "board " << r.board << "\n";
  out << "scenario " << r.scenario << "\n";
  for (const auto& [k, v] : r.knobs) out << "set " << k << " " << v << "\n";
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
    } else if (key == "set") {
      std::string k, v;
      if (!(words >> k >> v)) throw sim::UserError(file, lineno, 1, "expected 'set KNOB VALUE'");
      r.knobs[k] = v;
    } else if (key == "ranks") {
      have_ranks = true;
      std::string w;
      while (words >> w) {
        if (w.find_first_not_of("0123456789") != std::string::npos || w.size() > 5)
          throw sim::UserError(file, lineno, 0, "expected schedule ranks (small numbers), got '" + w + "'");
        r.ranks.push_back(static_cast<uint16_t>(std::stoi(w)));
      }
    } else {
      throw sim::UserError(file, lineno, 1,
                           "expected 'board', 'scenario', 'set' or 'ranks', got '" + key + "'");
    }
  }
  if (!have_ranks) throw sim::UserError(file, 0, 0, "not a replay file: no 'ranks' line");
  return r;
}

}  // namespace lifeline::scenario
