// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/lockdep.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>

#include "lifeline/sim/arena.h"
#include "lifeline/sim/task.h"

namespace lifeline::sim {

namespace {

// Lock classes are named once per process and shared by every engine, so
// that a class keeps its id from one execution to the next. `lifeline audit`
// runs executions on several threads at once: the registry is guarded, and
// its names live in a deque, whose elements stay put as it grows (a name
// handed out by lock_class_name() stays valid while another thread adds a
// class). Ids are never printed, so the order threads register in does not
// show in any report.
struct ClassRegistry {
  std::mutex lock;
  std::map<std::string, uint32_t, std::less<>> ids;
  std::deque<std::string> names;
  std::deque<bool> novalidate;
};

ClassRegistry& registry() {
  static ClassRegistry r;
  return r;
}

}  // namespace

uint32_t lock_class(std::string_view name, bool novalidate) {
  ArenaPause heap;  // process-wide: outlives every execution (sim/arena.h)
  ClassRegistry& r = registry();
  std::lock_guard<std::mutex> g(r.lock);
  auto it = r.ids.find(name);
  if (it != r.ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(r.names.size());
  r.ids.emplace(std::string(name), id);
  r.names.emplace_back(name);
  r.novalidate.push_back(novalidate);
  return id;
}

const std::string& lock_class_name(uint32_t id) {
  ClassRegistry& r = registry();
  std::lock_guard<std::mutex> g(r.lock);
  return r.names.at(id);
}
bool lock_class_novalidate(uint32_t id) {
  ClassRegistry& r = registry();
  std::lock_guard<std::mutex> g(r.lock);
  return r.novalidate.at(id);
}

std::string describe_stack(const Task& task) {
  std::string s = task.name;
  if (!task.frames.empty()) {
    s += ":";
    for (size_t i = 0; i < task.frames.size(); ++i) {
      s += i ? " > " : " ";
      s += task.frames[i];
    }
  }
  return s;
}

std::vector<std::string> frames_of(const Task& task) {
  return std::vector<std::string>(task.frames.begin(), task.frames.end());
}

void Lockdep::reset() {
  for (const Edge& e : edges_) {
    matrix_[e.from * dim_ + e.to] = 0;
    out_[e.from].clear();
  }
  edges_.clear();
  reported_pairs_.clear();
}

uint32_t Lockdep::edge_index(uint32_t from, uint32_t to) const {
  if (from >= dim_ || to >= dim_) return 0;
  return matrix_[from * dim_ + to];
}

std::string Lockdep::where(const Edge& e) const {
  return fmt::format("{} (holding {}, acquiring {})", e.site.str(), lock_class_name(e.from),
                     lock_class_name(e.to));
}

std::vector<uint32_t> Lockdep::find_path(uint32_t from, uint32_t to) const {
  // Breadth-first, so the reported chain is a shortest one.
  if (from >= dim_ || out_[from].empty()) return {};
  std::vector<int64_t> via(dim_, -1);  // edge index that reached the class
  std::vector<bool> seen(dim_, false);
  std::deque<uint32_t> queue{from};
  seen[from] = true;
  while (!queue.empty()) {
    uint32_t c = queue.front();
    queue.pop_front();
    if (c == to) break;
    for (uint32_t ei : out_[c]) {
      uint32_t n = edges_[ei].to;
      if (seen[n]) continue;
      seen[n] = true;
      via[n] = ei;
      queue.push_back(n);
    }
  }
  if (to >= dim_ || !seen[to]) return {};
  std::vector<uint32_t> path;
  for (uint32_t c = to; c != from;) {
    uint32_t ei = static_cast<uint32_t>(via[c]);
    path.push_back(ei);
    c = edges_[ei].from;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::optional<LockdepReport> Lockdep::check_acquire(const Task& task, uint32_t cls, bool read,
                                                    Time now) {
  if (task.held.empty() || lock_class_novalidate(cls)) return std::nullopt;
  uint32_t needed = 0;
  {
    std::lock_guard<std::mutex> g(registry().lock);
    needed = static_cast<uint32_t>(registry().names.size());
  }
  if (needed > dim_) {
    size_t dim = std::max<size_t>(64, dim_);
    while (dim < needed) dim *= 2;
    std::vector<uint32_t> matrix(dim * dim, 0);
    for (size_t i = 0; i < edges_.size(); ++i)
      matrix[edges_[i].from * dim + edges_[i].to] = static_cast<uint32_t>(i + 1);
    matrix_ = std::move(matrix);
    out_.resize(dim);
    dim_ = dim;
  }
  std::optional<LockdepReport> report;
  for (const HeldLock& h : task.held) {
    if (lock_class_novalidate(h.class_id)) continue;
    if (h.class_id == cls) {
      // Two read acquisitions of a read-write lock class do not conflict.
      if (read && h.read) continue;
      if (!report) {
        report = LockdepReport{
            fmt::format("possible recursive locking detected: {} is trying to acquire {} "
                        "but already holds a lock of that class",
                        task.name, lock_class_name(cls)),
            {fmt::format("acquiring at: {}", describe_stack(task))}};
      }
      continue;
    }
    if (edge_index(h.class_id, cls)) continue;
    // New dependency held -> cls. If cls already reaches held, the new edge
    // closes a cycle: report it once per pair of classes.
    std::vector<uint32_t> back = find_path(cls, h.class_id);
    uint32_t idx = static_cast<uint32_t>(edges_.size());
    edges_.push_back({h.class_id, cls, Site{now, task.name, task.frames}});
    matrix_[h.class_id * dim_ + cls] = idx + 1;
    out_[h.class_id].push_back(idx);
    if (back.empty() || report) continue;
    uint64_t key =
        (static_cast<uint64_t>(std::min(h.class_id, cls)) << 32) | std::max(h.class_id, cls);
    if (std::find(reported_pairs_.begin(), reported_pairs_.end(), key) != reported_pairs_.end())
      continue;
    reported_pairs_.push_back(key);
    LockdepReport r;
    r.message = fmt::format(
        "possible circular locking dependency detected: {} is trying to acquire {} while "
        "holding {}, but the existing dependency chain is {} -> ... -> {}",
        task.name, lock_class_name(cls), lock_class_name(h.class_id), lock_class_name(cls),
        lock_class_name(h.class_id));
    r.details.push_back("new dependency: " + where(edges_[idx]));
    for (uint32_t ei : back) r.details.push_back("existing dependency: " + where(edges_[ei]));
    report = std::move(r);
  }
  return report;
}

}  // namespace lifeline::sim
