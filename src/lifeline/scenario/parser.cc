// SPDX-License-Identifier: GPL-2.0-only
// The line-spanning rules live here: concurrently/thread/end blocks, the one
// boot, and configuration before it. Single lines are commands.cc's.
#include "lifeline/scenario/parser.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lifeline/scenario/commands.h"
#include "lifeline/scenario/cursor.h"
#include "lifeline/scenario/lexer.h"
#include "lifeline/sim/input_file.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

std::string line_ref(const Loc& loc) { return "line " + std::to_string(loc.line); }

class Builder {
 public:
  explicit Builder(const std::string& file) : file_(file) { scenario_.file = file; }

  void add(const Line& line) {
    Cursor c(line, file_);
    const Token& word = *c.peek();
    Loc loc = c.loc(word);
    if (word.text == "end") return close(c, loc);
    if (word.text == "concurrently") return open_concurrently(c, line, loc);
    if (word.text == "thread") return open_thread(c, loc);
    Command cmd{loc, line.text, parse_command(c)};
    if (std::holds_alternative<Boot>(cmd.body)) return boot(std::move(cmd));
    if (is_configuration(cmd.body)) return configure(std::move(cmd), word.text);
    if (concurrently_ && std::holds_alternative<Settle>(cmd.body))
      c.fail(loc,
             "'settle' is not allowed inside 'concurrently': it waits for every task, "
             "its own included");
    act(std::move(cmd));
  }

  Scenario finish() {
    if (thread_) fail(thread_->loc, "'thread' is never closed; expected 'end'");
    if (concurrently_) {
      std::string hint;
      for (const Thread& t : std::get<Concurrently>(concurrently_->body).threads)
        if (t.block) hint = " (each 'thread' needs its own 'end')";
      fail(concurrently_->loc, "'concurrently' is never closed; expected 'end'" + hint);
    }
    if (!booted()) implicit_boot();
    return std::move(scenario_);
  }

 private:
  [[noreturn]] void fail(Loc at, const std::string& message) const {
    throw sim::UserError(file_, at.line, at.column, message);
  }

  bool booted() const { return boot_loc_.has_value(); }

  void boot(Command cmd) {
    if (scenario_.explicit_boot)
      fail(cmd.loc, "'boot' is given twice (first on " + line_ref(*boot_loc_) + ")");
    if (concurrently_) fail(cmd.loc, "'boot' is not allowed inside 'concurrently'");
    if (booted())
      fail(cmd.loc, "'boot' must come before the first action (" + line_ref(*first_action_) + ")");
    boot_loc_ = cmd.loc;
    scenario_.explicit_boot = true;
    scenario_.boot_index = scenario_.commands.size();
    scenario_.commands.push_back(std::move(cmd));
  }

  // set, module, phy-id, mac-facts: facts about the board, so before it boots, once each.
  void configure(Command cmd, const std::string& word) {
    if (concurrently_) fail(cmd.loc, "'" + word + "' is not allowed inside 'concurrently'");
    if (scenario_.explicit_boot)
      fail(cmd.loc, "'" + word + "' must come before 'boot' (" + line_ref(*boot_loc_) + ")");
    if (booted())
      fail(cmd.loc,
           "'" + word + "' must come before the first action (" + line_ref(*first_action_) + ")");
    const Name* key = nullptr;
    std::string what;
    if (auto* s = std::get_if<SetKnob>(&cmd.body)) {
      key = &s->knob;
      what = "knob '" + s->knob.text + "' is set";
    } else if (auto* m = std::get_if<ModuleCmd>(&cmd.body)) {
      key = &m->module;
      what = "module '" + m->module.text + "' is configured";
    } else if (auto* p = std::get_if<PhyId>(&cmd.body)) {
      key = &p->dev;
      what = "the PHY ID of '" + p->dev.text + "' is given";
    } else if (auto* f = std::get_if<MacFacts>(&cmd.body)) {
      key = &f->dev;
      what = "the MAC facts of '" + f->dev.text + "' are given";
    }
    auto [it, fresh] = configured_.emplace(std::make_pair(cmd.body.index(), key->text), key->loc);
    if (!fresh) fail(key->loc, what + " twice (first on " + line_ref(it->second) + ")");
    scenario_.commands.push_back(std::move(cmd));
  }

  void mark_action(Loc loc) {
    if (first_action_) return;
    first_action_ = loc;
    if (!booted()) implicit_boot();
  }

  void implicit_boot() {
    boot_loc_ = Loc{};
    scenario_.boot_index = scenario_.commands.size();
    scenario_.commands.push_back(Command{Loc{}, "boot", Boot{}});
  }

  // Anything else: boots the board if nothing did yet, and goes where the
  // open block says.
  void act(Command cmd) {
    mark_action(cmd.loc);
    if (thread_) {
      thread_->commands.push_back(std::move(cmd));
    } else if (concurrently_) {
      Loc loc = cmd.loc;
      std::vector<Command> one;
      one.push_back(std::move(cmd));
      std::get<Concurrently>(concurrently_->body)
          .threads.push_back(Thread{loc, false, std::move(one)});
    } else {
      scenario_.commands.push_back(std::move(cmd));
    }
  }

  void open_concurrently(Cursor& c, const Line& line, Loc loc) {
    if (concurrently_)
      fail(loc, "'concurrently' cannot be nested; close the one on " +
                    line_ref(concurrently_->loc) + " with 'end' first");
    c.next();
    c.end();
    mark_action(loc);  // the boot goes before the block, not inside it
    concurrently_ = Command{loc, line.text, Concurrently{}};
  }

  void open_thread(Cursor& c, Loc loc) {
    if (!concurrently_) fail(loc, "'thread' is only allowed inside 'concurrently'");
    if (thread_)
      fail(loc, "'thread' cannot be nested; close the one on " + line_ref(thread_->loc) +
                    " with 'end' first");
    c.next();
    c.end();
    thread_ = Thread{loc, true, {}};
  }

  void close(Cursor& c, Loc loc) {
    c.next();
    c.end();
    if (thread_) {
      if (thread_->commands.empty()) fail(loc, "expected a command inside 'thread', got 'end'");
      std::get<Concurrently>(concurrently_->body).threads.push_back(std::move(*thread_));
      thread_.reset();
      return;
    }
    if (!concurrently_) fail(loc, "'end' without an open 'concurrently' or 'thread'");
    if (std::get<Concurrently>(concurrently_->body).threads.empty())
      fail(loc, "expected a command inside 'concurrently', got 'end'");
    Command block = std::move(*concurrently_);
    concurrently_.reset();
    act(std::move(block));
  }

  const std::string& file_;
  Scenario scenario_;
  std::optional<Loc> boot_loc_;      // set once the board boots, explicitly or not
  std::optional<Loc> first_action_;  // the first command that is not configuration
  std::optional<Command> concurrently_;
  std::optional<Thread> thread_;
  std::map<std::pair<size_t, std::string>, Loc> configured_;  // (body index, name) -> where
};

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& file) {
  Builder b(file);
  for (const Line& line : lex(text, file)) b.add(line);
  return b.finish();
}

Scenario load_scenario(const std::string& path) {
  return parse_scenario(sim::read_input_file(path, "scenario", sim::kMaxScenarioBytes), path);
}

}  // namespace lifeline::scenario
