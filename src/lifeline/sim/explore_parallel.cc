// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/explore_parallel.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "lifeline/sim/user_error.h"

namespace lifeline::sim {

namespace {

int max_bound_of(const ExploreOptions& o) {
  return o.preemption_bound < 0 ? std::numeric_limits<int>::max() : o.preemption_bound;
}

// As explore.cc counts a deviation: a choice other than the default, which
// with bound_all_deviations is any, else only a preemption.
bool deviates(const Choice& c, uint16_t rank, bool all) {
  return rank != 0 && (all || c.current >= 0);
}

// How deep the partition goes. dfs: every option at the first two choices,
// and every option along the default schedule's first 16 (the schedules
// that deviate only late are most of a bounded space: without this, the
// one subtree of the default prefix would hold nearly all the work). dpor:
// the first two only, since each subtree starts with empty sleep sets and
// reverses no race into its prefix (the more subtrees, the less reduction).
struct Shape {
  size_t depth;
  size_t along_default;
};
Shape shape_of(const std::string& strategy) {
  if (strategy == "dpor") return {2, 0};
  return {2, 16};
}

// The explorer of one subtree at one bound, stopped from outside: when a
// subtree before it at this bound found a failure, when the budget is spent
// before it, or when another worker met an error.
class Stoppable : public Explorer {
 public:
  Stoppable(Explorer& inner, std::function<bool(uint64_t)> stop)
      : inner_(inner), stop_(std::move(stop)) {}
  const char* name() const override { return inner_.name(); }
  bool needs_accesses() const override { return inner_.needs_accesses(); }
  Strategy* next() override {
    if (stop_(runs_)) return nullptr;
    Strategy* s = inner_.next();
    if (s) ++runs_;
    return s;
  }
  void ran(const Engine& engine) override { inner_.ran(engine); }
  void coverage(ExploreResult& r) const override { inner_.coverage(r); }

 private:
  Explorer& inner_;
  std::function<bool(uint64_t)> stop_;
  uint64_t runs_ = 0;
};

SubtreeRecord run_subtree(Engine& engine, const WorkerProgram& wp, const std::string& strategy,
                          const ExploreOptions& options, const Subtree& st, uint32_t index,
                          int bound, uint64_t budget, std::function<bool(uint64_t)> stop) {
  ExploreOptions so = options;
  so.prefix = st.prefix;
  so.budget = budget;
  so.preemption_bound = bound;
  so.first_bound = bound;
  so.dpor_iterative = false;  // one bound: the iteration is the caller's
  so.snapshot = wp.snapshot;
  so.progress = nullptr;  // the caller reports progress over all subtrees
  std::unique_ptr<Explorer> x = make_explorer(strategy, so);
  Stoppable s(*x, std::move(stop));
  ExploreResult r = explore(engine, wp.program, s, so, wp.failed);
  SubtreeRecord rec;
  rec.subtree = index;
  rec.bound = bound;
  rec.executions = r.executions;
  rec.redundant = r.redundant;
  rec.found = r.found;
  rec.cut = !r.found && r.exhausted && !r.complete;
  rec.stopped = !r.found && !r.exhausted;
  if (r.found) rec.ranks = choice_ranks(engine.choices());
  return rec;
}

}  // namespace

bool partitioned(const std::string& strategy) { return strategy == "dfs" || strategy == "dpor"; }

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Soundness. The partition fixes the first choices of each subtree and
// enumerates every option at each fixed choice, so the subtrees together
// hold every schedule (within the largest bound). dfs below a prefix is
// the same depth-first search as on the whole tree, cut to the schedules
// with that prefix. dpor below a prefix is a DPOR search from the state the
// prefix reaches: its guarantee (every maximal execution from that state
// is equivalent to an explored one) needs backtracking only at the nodes
// below the prefix; a race whose reversal would add an alternative at a
// fixed node needs nothing, because every alternative there is some other
// subtree's, explored in full from that node on. Sleep sets only prune, so
// starting each subtree with empty ones keeps it sound (and costs some
// reduction). The bound counts the prefix's deviations, as the whole
// search would.
Partition partition(Engine& engine, const WorkerProgram& wp, const std::string& strategy,
                    const ExploreOptions& options) {
  Partition part;
  if (!partitioned(strategy)) return part;
  const Shape shape = shape_of(strategy);
  const int max_bound = max_bound_of(options);
  const bool all = options.bound_all_deviations;
  auto run = [&](const std::vector<uint16_t>& q) {
    PrefixStrategy s;
    s.set_prefix(q);
    EngineOptions eo = options.engine;
    eo.strategy = &s;
    engine.reset(eo);
    wp.program(engine);
    engine.run();
    ++part.executions;
    std::vector<Choice> cs = engine.choices();
    engine.reset();
    return cs;
  };
  std::vector<uint16_t> q;
  // Depth first in rank order: the subtrees come out in lexicographic order
  // of their prefixes, which is the order dfs visits them.
  std::function<void(const std::vector<Choice>&, int)> expand = [&](const std::vector<Choice>& cs,
                                                                    int dev) {
    bool on_default = std::all_of(q.begin(), q.end(), [](uint16_t r) { return r == 0; });
    bool split = q.size() < cs.size() &&
                 (q.size() < shape.depth || (on_default && q.size() < shape.along_default));
    if (!split) {
      part.subtrees.push_back(Subtree{q, dev});
      return;
    }
    const Choice c = cs[q.size()];
    for (uint16_t alt = 0; alt < c.options; ++alt) {
      int d = dev + (deviates(c, alt, all) ? 1 : 0);
      if (d > max_bound) {
        part.dropped = true;
        continue;
      }
      q.push_back(alt);
      if (alt == 0)
        expand(cs, d);
      else
        expand(run(q), d);
      q.pop_back();
    }
  };
  expand(run(q), 0);
  return part;
}

std::vector<SubtreeRecord> explore_subtrees(const std::string& strategy,
                                            const ExploreOptions& options,
                                            const Partition& partition, Shard shard, unsigned jobs,
                                            const WorkerFactory& factory) {
  std::vector<uint32_t> own;
  for (uint32_t i = 0; i < partition.subtrees.size(); ++i)
    if (i % shard.count == shard.index) own.push_back(i);
  std::vector<SubtreeRecord> out;
  if (own.empty()) return out;
  const int max_bound = max_bound_of(options);

  // The plan of the current bound, written by the barrier's completion
  // (one thread, the others waiting) and read by every worker.
  int bound = 0;
  uint64_t prior = 0;           // this shard's count before this bound
  std::vector<uint32_t> queue;  // subtrees to run at this bound, in order
  // The order the workers take the queue's positions in: largest first by
  // the previous bound's executions (longest processing time first, so no
  // worker is left alone with a big subtree at the end of a bound). Only
  // the work's order: records are read by position, and the early stops
  // below hold whatever order the positions finish in.
  std::vector<size_t> take;
  std::vector<SubtreeRecord> slot;    // their records
  std::map<uint32_t, size_t> latest;  // subtree -> its latest record in `out`
  bool stop = false;
  std::atomic<size_t> next{0};
  std::atomic<size_t> first_found{std::numeric_limits<size_t>::max()};  // position in queue
  std::mutex lock;
  std::exception_ptr error;
  std::atomic<bool> failed{false};
  // Completed positions from the start of the queue and their executions:
  // a lower bound of what precedes any later position.
  std::vector<char> complete;
  std::atomic<size_t> frontier{0};
  std::atomic<uint64_t> frontier_sum{0};
  // For the progress display, under `lock`: this bound's executions and
  // subtrees finished so far, and the failing subtrees found.
  uint64_t ran_in_bound = 0;
  size_t done_in_bound = 0;
  uint64_t findings = 0;

  auto plan = [&](int b) {
    bound = b;
    queue.clear();
    for (uint32_t i : own) {
      if (partition.subtrees[i].deviations > b) continue;
      auto it = latest.find(i);
      if (it == latest.end() || out[it->second].cut) queue.push_back(i);
    }
    slot.assign(queue.size(), SubtreeRecord{});
    complete.assign(queue.size(), 0);
    std::vector<uint64_t> weight(queue.size(), 0);
    for (size_t k = 0; k < queue.size(); ++k) {
      auto it = latest.find(queue[k]);
      if (it != latest.end()) weight[k] = out[it->second].executions;
    }
    take.resize(queue.size());
    for (size_t k = 0; k < take.size(); ++k) take[k] = k;
    std::stable_sort(take.begin(), take.end(),
                     [&](size_t a, size_t b) { return weight[a] > weight[b]; });
    next = 0;
    ran_in_bound = 0;
    done_in_bound = 0;
    first_found = std::numeric_limits<size_t>::max();
    frontier = 0;
    frontier_sum = 0;
  };

  // After a bound: keep its records, and decide whether the next one is
  // needed, as assemble() will read them (a lower bound of the other
  // shards' counts is zero, so this shard runs at least what is needed).
  auto finish_bound = [&]() noexcept {
    if (failed) {
      stop = true;
      return;
    }
    for (size_t k = 0; k < queue.size(); ++k) {
      if (k > first_found) break;
      latest[queue[k]] = out.size();
      out.push_back(slot[k]);
    }
    uint64_t total = 0;
    bool cut = false, found = false, short_of = false;
    for (uint32_t i : own) {
      if (partition.subtrees[i].deviations > bound) {
        cut = true;
        continue;
      }
      auto it = latest.find(i);
      if (it == latest.end()) {
        short_of = true;
        break;
      }
      const SubtreeRecord& r = out[it->second];
      if (r.stopped) {
        short_of = true;
        break;
      }
      total += r.executions;
      if (r.found) {
        found = true;
        break;
      }
      cut |= r.cut;
    }
    prior += total;
    cut |= partition.dropped && bound >= max_bound;
    if (found || short_of || prior >= options.budget || !cut || bound >= max_bound) {
      stop = true;
      return;
    }
    plan(bound + 1);
  };

  auto completion = [&]() noexcept { finish_bound(); };
  using Sync = std::barrier<decltype(completion)>;
  auto work = [&](unsigned w, Sync& sync) {
    std::optional<WorkerProgram> wp;
    Engine own_engine;
    Engine* engine = &own_engine;
    try {
      wp = factory(w);
      if (wp->engine) engine = wp->engine;
    } catch (...) {
      std::lock_guard<std::mutex> g(lock);
      if (!error) error = std::current_exception();
      failed = true;
    }
    for (;;) {
      for (size_t t; !failed && wp && (t = next.fetch_add(1)) < queue.size();) {
        const size_t k = take[t];
        try {
          const uint64_t budget = options.budget - std::min(prior, options.budget);
          auto should_stop = [&, k, budget](uint64_t runs) {
            if (failed || k > first_found) return true;
            return k >= frontier && runs + frontier_sum >= budget;
          };
          SubtreeRecord r =
              run_subtree(*engine, *wp, strategy, options, partition.subtrees[queue[k]], queue[k],
                          bound, budget, should_stop);
          std::lock_guard<std::mutex> g(lock);
          if (r.found && k < first_found) first_found = k;
          if (r.found) ++findings;
          ran_in_bound += r.executions;
          slot[k] = std::move(r);
          complete[k] = 1;
          size_t f = frontier;
          uint64_t sum = frontier_sum;
          while (f < queue.size() && complete[f]) sum += slot[f++].executions;
          frontier_sum = sum;
          frontier = f;
          ++done_in_bound;
          if (options.progress) {
            // Display only, under the lock: one call at a time, whichever
            // thread finished a subtree.
            ExploreProgress p;
            p.strategy = strategy.c_str();
            p.executions = prior + ran_in_bound;
            p.budget = options.budget;
            p.bound = bound;
            p.max_bound = max_bound;
            p.frontier = queue.size() - done_in_bound;
            p.findings = findings;
            options.progress(p);
          }
        } catch (...) {
          std::lock_guard<std::mutex> g(lock);
          if (!error) error = std::current_exception();
          failed = true;
        }
      }
      sync.arrive_and_wait();
      if (stop) break;
    }
    engine->reset();
  };

  plan(0);
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(own.size())));
  Sync sync(static_cast<std::ptrdiff_t>(jobs), completion);
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < jobs; ++w) threads.emplace_back(work, w, std::ref(sync));
  work(0, sync);
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return out;
}

AssembledResult assemble(const std::string& strategy, const ExploreOptions& options,
                         const Partition& partition, const std::vector<SubtreeRecord>& records) {
  if (!partitioned(strategy))
    throw UserError("strategy '" + strategy + "' is not explored by subtrees");
  std::map<uint32_t, std::map<int, const SubtreeRecord*>> by;
  for (const SubtreeRecord& r : records) {
    if (r.subtree >= partition.subtrees.size())
      throw UserError("a record names subtree " + std::to_string(r.subtree) + " of " +
                      std::to_string(partition.subtrees.size()));
    by[r.subtree][r.bound] = &r;
  }
  // The record that stands for subtree i at bound b: its own, or one of a
  // smaller bound that the bound cut nothing from.
  auto at = [&](uint32_t i, int b) -> const SubtreeRecord& {
    auto it = by.find(i);
    if (it != by.end()) {
      auto r = it->second.upper_bound(b);
      if (r != it->second.begin()) {
        const SubtreeRecord& x = *std::prev(r)->second;
        if (x.bound == b || (!x.cut && !x.found && !x.stopped)) return x;
      }
    }
    throw UserError("no result for subtree " + std::to_string(i) + " at bound " +
                    std::to_string(b) + ": a shard is missing");
  };
  const int max_bound = max_bound_of(options);
  AssembledResult a;
  ExploreResult& r = a.result;
  uint64_t total = 0;
  for (int b = 0;; ++b) {
    uint64_t here = 0;
    bool cut = partition.dropped && b >= max_bound;
    for (uint32_t i = 0; i < partition.subtrees.size(); ++i) {
      if (partition.subtrees[i].deviations > b) {
        cut = true;
        continue;
      }
      if (total + here >= options.budget) {
        // explore() stops here: the budget is spent.
        r.executions = total + here;
        if (here > 0) r.bounds.push_back(BoundStats{b, here, false});
        r.bound_cut = cut;
        return a;
      }
      const SubtreeRecord& x = at(i, b);
      // A record stopped exactly there ran up to the budget's end.
      if (total + here + x.executions > options.budget ||
          (x.stopped && total + here + x.executions == options.budget)) {
        here = options.budget - total;
        r.executions = options.budget;
        if (here > 0) r.bounds.push_back(BoundStats{b, here, false});
        r.bound_cut = cut;
        return a;
      }
      if (x.stopped)
        throw UserError("subtree " + std::to_string(i) + " at bound " + std::to_string(b) +
                        " was stopped before its end: the shards were not run alike");
      here += x.executions;
      r.redundant += x.redundant;
      if (x.found) {
        r.found = true;
        r.executions = total + here;
        r.bounds.push_back(BoundStats{b, here, false});
        r.bound_cut = cut;
        a.ranks = x.ranks;
        a.subtree = i;
        return a;
      }
      cut |= x.cut;
    }
    total += here;
    r.bounds.push_back(BoundStats{b, here, true});
    if (!cut || b >= max_bound) {
      r.executions = total;
      r.exhausted = true;
      r.complete = !cut;
      r.bound_cut = cut;
      return a;
    }
  }
}

AssembledResult explore_parallel(const std::string& strategy, const ExploreOptions& options,
                                 unsigned jobs, const WorkerFactory& factory) {
  Partition part;
  {
    Engine own_engine;
    WorkerProgram wp = factory(0);
    Engine& engine = wp.engine ? *wp.engine : own_engine;
    if (!partitioned(strategy)) {
      AssembledResult a;
      ExploreOptions so = options;
      so.snapshot = wp.snapshot;
      a.result = explore(engine, strategy, wp.program, so, wp.failed);
      if (a.result.found) a.ranks = choice_ranks(engine.choices());
      a.ran = a.result.executions;
      engine.reset();
      return a;
    }
    // The partition's few executions boot every time; this worker (and its
    // snapshot session) ends before worker 0 of the search makes its own.
    part = partition(engine, wp, strategy, options);
    engine.reset();
  }
  std::vector<SubtreeRecord> records =
      explore_subtrees(strategy, options, part, Shard{}, jobs, factory);
  AssembledResult a = assemble(strategy, options, part, records);
  a.ran = part.executions;
  for (const SubtreeRecord& r : records) a.ran += r.executions;
  if (options.progress) {
    ExploreProgress p;
    p.strategy = strategy.c_str();
    p.executions = a.result.executions;
    p.budget = options.budget;
    p.redundant = a.result.redundant;
    p.findings = a.result.found ? 1 : 0;
    p.bounds = a.result.bounds;
    p.done = true;
    options.progress(p);
  }
  return a;
}

}  // namespace lifeline::sim
