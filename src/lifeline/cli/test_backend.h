// SPDX-License-Identifier: GPL-2.0-only
// A stand-in backend for the command line's tests: it boots nothing, returns
// the report tests' hand-built results and records what it was asked, so the
// tests can check what each option turns into. Boards and scenarios are
// loaded for real (they need no runner), which gives the real messages for
// bad ones; `fake_board` skips the device tree where the board does not matter.
#ifndef LIFELINE_CLI_TEST_BACKEND_H_
#define LIFELINE_CLI_TEST_BACKEND_H_

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "lifeline/cli/backend.h"
#include "lifeline/cli/cli.h"
#include "lifeline/report/test_data.h"
#include "lifeline/scenario/parser.h"

namespace lifeline::cli::testing {

struct Calls {
  std::vector<std::string> log;  // "load_board NAME", "run", ...
  scenario::RunOptions options;
  std::string knob;
  std::vector<std::string> values;
  scenario::ExploreOptions explore;
  bool all_devices = false;
  std::string svg_input;
};

struct Fake {
  std::shared_ptr<Calls> calls = std::make_shared<Calls>();
  scenario::RunResult run = report::testing::run_result();
  scenario::RunResult boot = report::testing::boot_result();
  scenario::CompareResult compare = report::testing::compare_result();
  scenario::ExploreResult explore = report::testing::explore_result();
  bool real_boards = false;  // load boards with scenario::load_board
  bool throw_internal = false;

  Backend backend() const {
    Backend b;
    auto calls = this->calls;
    bool real = real_boards;
    b.load_board = [calls, real](const std::string& name) {
      calls->log.push_back("load_board " + name);
      if (real) return scenario::load_board(name);
      scenario::Board board;
      board.path = name;
      board.name = name;
      return board;
    };
    b.bundled_boards = [] { return std::vector<std::string>{"imx8mp-evk", "bcm2711-rpi-4-b"}; };
    b.load_scenario = [calls](const std::string& path) {
      calls->log.push_back("load_scenario " + path);
      if (std::filesystem::exists(path)) return scenario::load_scenario(path);
      return scenario::parse_scenario("", path);
    };
    scenario::RunResult run = this->run;
    bool internal = throw_internal;
    scenario::RunResult booted = this->boot;
    b.boot = [calls, booted, internal](const scenario::Board&, const scenario::RunOptions& o) {
      if (internal) throw std::logic_error("kref underflow in the model");
      calls->log.push_back("boot");
      calls->options = o;
      return booted;
    };
    b.run = [calls, run](const scenario::Board&, const scenario::Scenario&,
                         const scenario::RunOptions& o) {
      calls->log.push_back("run");
      calls->options = o;
      return run;
    };
    scenario::CompareResult compare = this->compare;
    b.compare = [calls, compare](const scenario::Board&, const scenario::Scenario&,
                                 const std::string& knob, const std::vector<std::string>& values,
                                 const scenario::RunOptions& o) {
      calls->log.push_back("compare");
      calls->options = o;
      calls->knob = knob;
      calls->values = values;
      return compare;
    };
    scenario::ExploreResult explore = this->explore;
    b.explore = [calls, explore](const scenario::Board&, const scenario::Scenario&,
                                 const scenario::ExploreOptions& o) {
      calls->log.push_back("explore");
      calls->explore = o;
      return explore;
    };
    b.graph = [calls](const scenario::Board&, const scenario::RunOptions& o, bool all) {
      calls->log.push_back("graph");
      calls->options = o;
      calls->all_devices = all;
      return report::testing::graph();
    };
    b.render_svg = [calls](const std::string& dot) {
      calls->svg_input = dot;
      return std::string("<svg/>\n");
    };
    return b;
  }
};

struct Output {
  int status = -1;
  std::string out, err;
};

inline Output cli(const std::vector<std::string>& args, const Fake& fake = Fake()) {
  std::ostringstream out, err;
  Output o;
  o.status = run_cli(args, out, err, fake.backend());
  o.out = out.str();
  o.err = err.str();
  return o;
}

// A scratch directory for scenario and replay files, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "lifeline-cli-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name, const std::string& text) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p) << text;
    return p;
  }
  std::string path(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace lifeline::cli::testing

#endif  // LIFELINE_CLI_TEST_BACKEND_H_
