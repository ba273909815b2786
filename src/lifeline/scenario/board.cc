// SPDX-License-Identifier: GPL-2.0-only
// Loading boards by path or by the name of a bundled board.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "lifeline/core/fwnode.h"
#include "lifeline/dt/load.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

#ifndef LIFELINE_DATA_DIR
#define LIFELINE_DATA_DIR "."
#endif

namespace lifeline::scenario {

namespace fs = std::filesystem;

namespace {

fs::path boards_dir() {
  if (const char* env = std::getenv("LIFELINE_BOARDS")) return env;
  return fs::path(LIFELINE_DATA_DIR) / "boards";
}

}  // namespace

std::vector<std::string> bundled_boards() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(boards_dir(), ec)) {
    if (entry.path().extension() == ".dts" || entry.path().extension() == ".dtb")
      names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Board load_board(const std::string& path_or_name) {
  fs::path p(path_or_name);
  std::error_code ec;
  if (!fs::exists(p, ec) && p.extension().empty() && !path_or_name.empty() &&
      path_or_name.find('/') == std::string::npos) {
    fs::path bundled = boards_dir() / (path_or_name + ".dts");
    if (fs::exists(bundled, ec)) p = bundled;
    else
      throw sim::UserError(path_or_name + ": no such board file or bundled board" +
                           sim::did_you_mean(path_or_name, bundled_boards()));
  }
  Board b;
  b.path = p.string();
  b.name = p.stem().string();
  b.tree = std::shared_ptr<core::FwTree>(dt::load_device_tree(b.path).release());
  b.tree->checkpoint();
  return b;
}

}  // namespace lifeline::scenario
