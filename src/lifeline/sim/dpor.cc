// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/dpor.h"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace lifeline::sim {

namespace {

using Step = std::vector<Access>;

// A step recorded in an earlier execution (a sleeping task's) against one
// of this execution. The two executions share their prefix up to the
// point where the sleeping step was taken, so ids below `known` (first
// touched before that point) name the same thing in both; ids at or above
// it were first touched later and may name different things in each: two
// such ids conflict whatever they are (sound), one below and one above
// never name the same thing.
// Tasks are named by their ids (spawn order) the same way: below
// `known_tasks` the same task in both.
bool dependent_across(const Step& old_step, uint32_t known, uint32_t known_tasks, const Step& now) {
  for (const Access& x : old_step)
    for (const Access& y : now) {
      if (x.kind == AccessKind::kUnknown || y.kind == AccessKind::kUnknown) return true;
      if (!x.write && !y.write) continue;
      if (x.kind == AccessKind::kTask && y.kind == AccessKind::kTask) {
        bool xk = x.detail < known_tasks, yk = y.detail < known_tasks;
        if (xk != yk) continue;
        if (!xk || x.detail == y.detail) return true;
        continue;
      }
      bool xk = x.id < known, yk = y.id < known;
      if (xk != yk) continue;
      if (!xk && x.kind == y.kind) return true;
      if (xk && x.id == y.id) return true;
    }
  return false;
}

// A task that ran, or is asleep, at a node: its step and the number of key
// ids known when that step began.
struct Sleeper {
  uint32_t task;
  Step step;
  uint32_t known;
  uint32_t known_tasks;
};

// One choice point of the current execution, kept across executions for
// the prefix they share.
struct Node {
  std::vector<uint32_t> options;  // runnable task ids, run-queue order
  size_t fifo = 0;                // index of the default choice in options
  bool preempts = false;          // a task was running: another choice preempts it
  int deviations = 0;             // deviations from the default before this node
  uint32_t chosen = 0;
  uint32_t known = 0;               // key ids known when this node's step began
  uint32_t known_tasks = 0;         // tasks spawned by then
  Step step;                        // what the chosen task's step touched
  std::vector<uint32_t> backtrack;  // tasks to run here
  std::vector<Sleeper> done;        // run here, with their steps
  std::vector<Sleeper> sleep;       // asleep on arrival

  bool in(const std::vector<uint32_t>& v, uint32_t t) const {
    return std::find(v.begin(), v.end(), t) != v.end();
  }
  bool offered(uint32_t t) const { return in(options, t); }
  bool asleep(uint32_t t) const {
    for (const Sleeper& s : sleep)
      if (s.task == t) return true;
    return false;
  }
  bool ran(uint32_t t) const {
    for (const Sleeper& d : done)
      if (d.task == t) return true;
    return false;
  }
  // Run-queue order with the default first: the order alternatives are
  // tried; rank(0) is the default.
  uint32_t rank(size_t r) const {
    if (r == 0) return options[fifo];
    return options[r <= fifo ? r - 1 : r];
  }
  // Emptied for another choice point, keeping the buffers' room.
  void reset() {
    options.clear();
    fifo = 0;
    preempts = false;
    deviations = 0;
    chosen = 0;
    known = 0;
    known_tasks = 0;
    step.clear();
    backtrack.clear();
    done.clear();
    sleep.clear();
  }
};

class DporExplorer;

// Follows the explorer's prefix, then picks the first task by rank that is
// not asleep; when every runnable task is asleep the execution would only
// repeat explored ones, and it stops.
class DporStrategy : public Strategy {
 public:
  explicit DporStrategy(DporExplorer& x) : x_(x) {}
  const char* name() const override { return "dpor"; }
  void begin_execution() override { pos_ = 0; }
  size_t choose(const ChoicePoint& p) override;

 private:
  DporExplorer& x_;
  size_t pos_ = 0;
};

class DporExplorer : public Explorer {
 public:
  explicit DporExplorer(const ExploreOptions& o)
      : bound_(o.preemption_bound < 0 ? std::numeric_limits<int>::max() : o.preemption_bound),
        all_deviations_(o.bound_all_deviations),
        sleep_sets_(o.dpor_sleep_sets),
        fixed_(o.prefix),
        strategy_(*this) {}
  const char* name() const override { return "dpor"; }
  bool needs_accesses() const override { return true; }

  Strategy* next() override {
    if (done_) return nullptr;
    replay_ = nodes_.size();
    kept_nodes_ = replay_ == 0 ? 0 : replay_ - 1;
    blocked_ = false;
    return &strategy_;
  }

  void ran(const Engine& engine) override {
    size_t n = std::min(nodes_.size(), engine.choices().size());
    truncate(n);
    kept_nodes_ = std::min(kept_nodes_, n);
    if (n > 0) finish_step(engine, n - 1);
    if (blocked_) ++redundant_;
    analyse_races();
    if (!backtrack()) done_ = true;
  }

  void coverage(ExploreResult& r) const override {
    r.exhausted = done_;
    r.complete = done_ && !bound_cut_;
    r.redundant = redundant_;
    r.bound_cut = bound_cut_;
  }

  // The frontier: the next execution (backtrack() chose its task already)
  // and the tasks still to run at the nodes of the current path.
  void progress(const Engine& /*engine*/, ExploreProgress& p) const override {
    p.bound = bound_ == std::numeric_limits<int>::max() ? -1 : bound_;
    p.max_bound = p.bound;
    p.redundant = redundant_;
    p.frontier = done_ ? 0 : 1;
    for (const Node& n : nodes_)
      for (uint32_t t : n.backtrack)
        if (!n.ran(t) && !n.asleep(t)) ++p.frontier;
  }

  // ---- for the strategy
  size_t choose(size_t i, const ChoicePoint& p) {
    Engine& e = Engine::current();
    if (i > 0 && i - 1 < nodes_.size()) finish_step(e, i - 1);
    if (i < replay_) {
      for (size_t k = 0; k < p.options.size(); ++k)
        if (p.options[k]->id == nodes_[i].chosen) return k;
      // The prefix does not replay: the program is not deterministic in its
      // choices. Go on by default; the analysis sees the new options.
      truncate(i);
      replay_ = i;
      kept_nodes_ = std::min(kept_nodes_, i);
    }
    Node n = take();
    for (Task* t : p.options) n.options.push_back(t->id);
    n.fifo = p.current >= 0 ? static_cast<size_t>(p.current) : 0;
    n.preempts = p.current >= 0;
    if (i > 0) {
      const Node& prev = nodes_[i - 1];
      n.deviations = prev.deviations + (deviates(prev, prev.chosen) ? 1 : 0);
    }
    if (i > 0 && sleep_sets_) {
      const Node& prev = nodes_[i - 1];
      // Godefroid's sleep sets: a task asleep before, or run before at the
      // previous node, stays asleep across a step independent of its own.
      for (const Sleeper& s : prev.sleep)
        if (!dependent_across(s.step, s.known, s.known_tasks, prev.step)) n.sleep.push_back(s);
      for (const Sleeper& d : prev.done)
        if (d.task != prev.chosen && !dependent_across(d.step, d.known, d.known_tasks, prev.step))
          n.sleep.push_back(d);
    }
    n.known = e.key_count();
    n.known_tasks = static_cast<uint32_t>(e.tasks().size());
    // A fixed choice (ExploreOptions::prefix): its rank, nothing else. Its
    // node keeps an empty sleep set and a done set of that task alone, so
    // the sleep sets below it start empty (sound: they only prune).
    const bool fixed = i < fixed_.size() && fixed_[i] < n.options.size();
    const size_t first = fixed ? fixed_[i] : 0;
    const size_t end = fixed ? first + 1 : n.options.size();
    for (size_t r = first; r < end; ++r) {
      const uint32_t t = n.rank(r);
      if (n.asleep(t)) continue;
      n.chosen = t;
      n.backtrack.push_back(t);
      n.done.push_back(Sleeper{t, {}, n.known, n.known_tasks});
      nodes_.push_back(std::move(n));
      for (size_t k = 0; k < p.options.size(); ++k)
        if (p.options[k]->id == t) return k;
    }
    spare_.push_back(std::move(n));
    blocked_ = true;
    e.request_stop();
    return 0;
  }

 private:
  // Nodes are taken from and given back to spare_, so that their buffers
  // serve again (most executions replace the nodes past a short prefix).
  Node take() {
    if (spare_.empty()) return Node{};
    Node n = std::move(spare_.back());
    spare_.pop_back();
    n.reset();
    return n;
  }
  void truncate(size_t n) {
    while (nodes_.size() > n) {
      spare_.push_back(std::move(nodes_.back()));
      nodes_.pop_back();
    }
  }

  bool deviates(const Node& n, uint32_t t) const {
    if (t == n.options[n.fifo]) return false;
    return all_deviations_ || n.preempts;
  }

  void finish_step(const Engine& e, size_t i) {
    std::span<const Access> a = e.accesses(i);
    Node& n = nodes_[i];
    n.step.assign(a.begin(), a.end());
    for (Sleeper& d : n.done)
      if (d.task == n.chosen) d.step = n.step;
  }

  // Adds `t` to the node's backtrack set, unless the bound forbids it.
  void add_backtrack(Node& n, uint32_t t) {
    if (n.in(n.backtrack, t)) return;
    // A fixed choice: every other option there is explored by a sibling
    // subtree of the partition (explore_parallel.h), from that node on.
    if (static_cast<size_t>(&n - nodes_.data()) < fixed_.size()) return;
    if (n.deviations + (deviates(n, t) ? 1 : 0) > bound_) {
      bound_cut_ = true;
      return;
    }
    n.backtrack.push_back(t);
  }

  // A node's step, split by the task that ran: the chosen task's part
  // first, then the part of each task that ran because it was the only one
  // runnable (the chosen one blocked or ended). Its accesses are
  // [begin, end) of the analysis's flat copy of the execution's accesses.
  struct Event {
    uint32_t node;
    uint32_t task;
    bool chosen;           // the chosen task's part: the node's choice can reorder it
    bool unknown = false;  // an access the engine cannot name
    uint32_t begin, end;
    // The ids touched, and written, folded into 64 bits: two events whose
    // masks do not meet share no id with a write, so they do not conflict.
    uint64_t all = 0, written = 0;
  };

  // What the analysis reads of an access (the key itself it does not).
  static bool same(const Access& a, const Access& b) {
    return a.id == b.id && a.detail == b.detail && a.task == b.task && a.kind == b.kind &&
           a.write == b.write;
  }

  // The events of the current execution, into ev_ and acc_ (their buffers
  // reused from one execution to the next).
  void events() {
    ev_.clear();
    acc_.clear();
    for (size_t k = 0; k < nodes_.size(); ++k) {
      const Node& n = nodes_[k];
      const auto at = static_cast<uint32_t>(acc_.size());
      ev_.push_back(Event{static_cast<uint32_t>(k), n.chosen, true, false, at, at});
      for (const Access& a : n.step) {
        uint32_t t = a.task == kNoTask ? n.chosen : a.task;
        if (t != ev_.back().task) {
          const auto here = static_cast<uint32_t>(acc_.size());
          ev_.push_back(Event{static_cast<uint32_t>(k), t, false, false, here, here});
        }
        acc_.push_back(a);
        Event& e = ev_.back();
        e.end = static_cast<uint32_t>(acc_.size());
        if (a.kind == AccessKind::kUnknown) {
          e.unknown = true;
        } else {
          const uint64_t bit = uint64_t{1} << (a.id & 63);
          e.all |= bit;
          if (a.write) e.written |= bit;
        }
      }
    }
  }

  // The events at the start of this execution that are those the previous
  // analysis saw, at nodes kept since: their rows of dep_ and clock_ stand,
  // and their races were handled then (handling one again adds nothing:
  // backtrack sets only grow, and the rest it reads did not change).
  size_t unchanged_events() const {
    const size_t n = std::min(ev_.size(), old_ev_.size());
    for (size_t i = 0; i < n; ++i) {
      const Event& a = ev_[i];
      const Event& b = old_ev_[i];
      if (a.node >= kept_nodes_ || a.node != b.node || a.task != b.task || a.chosen != b.chosen ||
          a.end - a.begin != b.end - b.begin)
        return i;
      for (uint32_t x = 0; x < a.end - a.begin; ++x)
        if (!same(acc_[a.begin + x], old_acc_[b.begin + x])) return i;
    }
    return n;
  }

  bool dependent_events(const Event& a, const Event& b) const {
    if (a.begin == a.end || b.begin == b.end) return false;
    if (a.unknown || b.unknown) return true;
    if (((a.written & b.all) | (a.all & b.written)) == 0) return false;
    for (uint32_t x = a.begin; x < a.end; ++x)
      for (uint32_t y = b.begin; y < b.end; ++y)
        if (acc_[x].conflicts(acc_[y])) return true;
    return false;
  }

  bool ordered(const Event& a, const Event& b) const {
    return a.task == b.task || dependent_events(a, b);
  }

  // dep_ is the lower triangle: row i holds k < i.
  static size_t row(size_t i) { return i * (i - 1) / 2; }
  bool dep(size_t i, size_t k) const { return dep_[row(i) + k] != 0; }
  uint32_t* clock(size_t i) { return clock_.data() + i * width_; }
  const uint32_t* clock(size_t i) const { return clock_.data() + i * width_; }

  // For every race (two dependent events of different tasks, the first not
  // ordered before the second through a third), make sure the node of the
  // first will try a task that can start the reversed order: one of the
  // initials of notdep(k).p_i (source sets). When the first event ran
  // because its task was the only runnable one, nothing could run before it
  // there (classic DPOR adds every enabled task, here that one alone).
  // Only the events past the prefix shared with the previous execution are
  // analysed: the others' races were.
  void analyse_races() {
    events();
    const size_t n = ev_.size();
    uint32_t tasks = 0;
    for (const Event& x : ev_) tasks = std::max(tasks, x.task + 1);
    for (const Node& x : nodes_)
      for (uint32_t t : x.options) tasks = std::max(tasks, t + 1);
    size_t from = unchanged_events();
    if (tasks != width_) from = 0;
    width_ = tasks;
    dep_.resize(n > 0 ? row(n) : 0);
    // clock(i)[t]: 1 + the last event of task t that happens before event i.
    clock_.resize(n * width_);
    for (size_t i = from; i < n; ++i) {
      uint32_t* ci = clock(i);
      std::fill(ci, ci + width_, 0);
      char* di = dep_.data() + row(i);
      // Latest first: an event already known to happen before i brings
      // nothing new to i's clock.
      for (size_t k = i; k-- > 0;) {
        if (!ordered(ev_[k], ev_[i])) {
          di[k] = 0;
          continue;
        }
        di[k] = 1;
        if (ci[ev_[k].task] >= k + 1) continue;
        const uint32_t* ck = clock(k);
        for (uint32_t t = 0; t < width_; ++t) ci[t] = std::max(ci[t], ck[t]);
      }
      uint32_t& own = ci[ev_[i].task];
      own = std::max(own, static_cast<uint32_t>(i + 1));
    }
    seen_.resize(width_);
    for (size_t i = from; i < n; ++i) {
      std::fill(seen_.begin(), seen_.end(), 0);
      for (size_t k = i; k-- > 0;) {
        if (!dep(i, k)) continue;
        const uint32_t tk = ev_[k].task;
        if (tk != ev_[i].task && seen_[tk] < k + 1 && ev_[k].chosen) reverse(k, i);
        if (seen_[tk] >= k + 1) continue;  // k happens before an event merged already
        const uint32_t* ck = clock(k);
        for (uint32_t t = 0; t < width_; ++t) seen_[t] = std::max(seen_[t], ck[t]);
      }
    }
    std::swap(ev_, old_ev_);
    std::swap(acc_, old_acc_);
  }

  void reverse(size_t k, size_t i) {
    Node& at = nodes_[ev_[k].node];
    const uint32_t pk = ev_[k].task;
    // v: the events after k that do not happen after it, then event i.
    std::vector<size_t>& v = v_;
    v.clear();
    for (size_t m = k + 1; m < i; ++m)
      if (clock(m)[pk] < k + 1) v.push_back(m);
    v.push_back(i);
    // Its initials: the tasks of events no earlier event of v precedes.
    std::vector<uint32_t>& initials = initials_;
    initials.clear();
    for (size_t a = 0; a < v.size(); ++a) {
      bool first = true;
      for (size_t b = 0; b < a && first; ++b)
        if (dep(v[a], v[b])) first = false;
      if (first && std::find(initials.begin(), initials.end(), ev_[v[a]].task) == initials.end())
        initials.push_back(ev_[v[a]].task);
    }
    for (uint32_t t : initials)
      if (at.in(at.backtrack, t)) return;
    // The task of event i first, if it can start there and is awake.
    std::vector<uint32_t>& order = order_;
    order.clear();
    const uint32_t pi = ev_[i].task;
    if (std::find(initials.begin(), initials.end(), pi) != initials.end()) order.push_back(pi);
    for (uint32_t t : initials)
      if (t != pi) order.push_back(t);
    for (uint32_t t : order)
      if (at.offered(t) && !at.asleep(t)) return add_backtrack(at, t);
    for (uint32_t t : order)
      if (at.offered(t)) return add_backtrack(at, t);
    // No initial can run there (woken by an event in between, or by time):
    // try every task there, as classic DPOR does.
    for (uint32_t t : at.options) add_backtrack(at, t);
  }

  // The deepest node with a task left to try: the next execution's prefix.
  bool backtrack() {
    while (nodes_.size() > fixed_.size()) {
      Node& n = nodes_.back();
      for (size_t r = 0; r < n.options.size(); ++r) {
        const uint32_t t = n.rank(r);
        if (!n.in(n.backtrack, t) || n.ran(t) || n.asleep(t)) continue;
        n.chosen = t;
        n.done.push_back(Sleeper{t, {}, n.known, n.known_tasks});
        return true;
      }
      truncate(nodes_.size() - 1);
    }
    return false;
  }

  const int bound_;
  const bool all_deviations_;
  const bool sleep_sets_;
  const std::vector<uint16_t> fixed_;  // ExploreOptions::prefix
  DporStrategy strategy_;
  std::vector<Node> nodes_;
  std::vector<Node> spare_;
  size_t replay_ = 0;  // nodes the next execution follows
  bool blocked_ = false;
  bool done_ = false;
  bool bound_cut_ = false;
  uint64_t redundant_ = 0;
  // Nodes that kept their choice since the previous analysis (the next
  // execution changes the choice at the deepest node with a task left).
  size_t kept_nodes_ = 0;
  // The race analysis's buffers, reused across executions; old_*: the
  // previous execution's events, for unchanged_events().
  std::vector<Event> ev_, old_ev_;
  std::vector<Access> acc_, old_acc_;
  std::vector<char> dep_;
  std::vector<uint32_t> clock_;
  uint32_t width_ = 0;  // clock_'s row length: the tasks
  std::vector<uint32_t> seen_;
  std::vector<size_t> v_;
  std::vector<uint32_t> initials_, order_;
};

size_t DporStrategy::choose(const ChoicePoint& p) { return x_.choose(pos_++, p); }

// As dfs: bound 0, then 1, 2, ... up to --bound, each a full dpor search,
// so that a shallow race is found among few executions; it stops early once
// a bound cut nothing.
class IterativeDpor : public Explorer {
 public:
  explicit IterativeDpor(const ExploreOptions& o)
      : options_(o),
        max_bound_(o.preemption_bound < 0 ? std::numeric_limits<int>::max() : o.preemption_bound) {
    start(0);
  }
  const char* name() const override { return "dpor"; }
  bool needs_accesses() const override { return true; }

  Strategy* next() override {
    for (;;) {
      if (Strategy* s = search_->next()) {
        ++executions_;
        return s;
      }
      ExploreResult r;
      search_->coverage(r);
      redundant_ += r.redundant;
      bounds_.push_back(BoundStats{bound_, executions_, true});
      if (!r.bound_cut || bound_ >= max_bound_) {
        done_ = true;
        bound_cut_ = r.bound_cut;
        return nullptr;
      }
      start(bound_ + 1);
    }
  }
  void ran(const Engine& engine) override { search_->ran(engine); }
  void coverage(ExploreResult& r) const override {
    ExploreResult now;
    search_->coverage(now);
    r.bounds = bounds_;
    if (!done_ && executions_ > 0) r.bounds.push_back(BoundStats{bound_, executions_, false});
    r.exhausted = done_;
    r.complete = done_ && !bound_cut_;
    r.bound_cut = done_ ? bound_cut_ : now.bound_cut;
    r.redundant = redundant_ + (done_ ? 0 : now.redundant);
  }
  void progress(const Engine& engine, ExploreProgress& p) const override {
    search_->progress(engine, p);
    p.bound = bound_;
    p.max_bound = max_bound_ == std::numeric_limits<int>::max() ? -1 : max_bound_;
    p.redundant += redundant_;
    p.bounds = bounds_;
  }

 private:
  void start(int bound) {
    bound_ = bound;
    executions_ = 0;
    ExploreOptions o = options_;
    o.preemption_bound = bound;
    search_ = std::make_unique<DporExplorer>(o);
  }

  const ExploreOptions options_;
  const int max_bound_;
  int bound_ = 0;
  uint64_t executions_ = 0;
  uint64_t redundant_ = 0;
  bool done_ = false;
  bool bound_cut_ = false;
  std::vector<BoundStats> bounds_;
  std::unique_ptr<DporExplorer> search_;
};

}  // namespace

std::unique_ptr<Explorer> make_dpor_explorer(const ExploreOptions& options) {
  if (!options.dpor_iterative) return std::make_unique<DporExplorer>(options);
  return std::make_unique<IterativeDpor>(options);
}

}  // namespace lifeline::sim
