// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace lifeline::report {

namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

uint64_t clamp_count(double x) {
  if (!(x > 0)) return 0;
  if (x >= 1e18) return static_cast<uint64_t>(1e18);
  return static_cast<uint64_t>(std::llround(x));
}

}  // namespace

ProgressEstimate estimate_remaining(const sim::ExploreProgress& p) {
  ProgressEstimate e;
  const uint64_t budget_left = p.budget > p.executions ? p.budget - p.executions : 0;
  if (p.done) return ProgressEstimate{ProgressEstimate::Scope::kSearch, 0};
  if (p.bound < 0) return ProgressEstimate{ProgressEstimate::Scope::kBudget, budget_left};
  // Executions at the current bound so far: the finished bounds' are the rest.
  uint64_t before = 0;
  for (const sim::BoundStats& b : p.bounds) before += b.executions;
  const uint64_t here = p.executions > before ? p.executions - before : 0;
  const size_t n = p.bounds.size();
  double growth = 0;
  if (n >= 2 && p.bounds[n - 2].executions > 0)
    growth = std::max(1.0, static_cast<double>(p.bounds[n - 1].executions) /
                               static_cast<double>(p.bounds[n - 2].executions));
  uint64_t current_left = p.frontier;
  if (growth > 0) {
    double current = static_cast<double>(p.bounds[n - 1].executions) * growth;
    current_left = std::max(current_left, clamp_count(current - static_cast<double>(here)));
    if (p.max_bound >= p.bound) {
      double later = 0, size = current;
      for (int b = p.bound + 1; b <= p.max_bound && later < 1e18; ++b) later += size *= growth;
      e.scope = ProgressEstimate::Scope::kSearch;
      e.remaining = std::min(budget_left, current_left + clamp_count(later));
      return e;
    }
  } else if (p.max_bound == p.bound && p.frontier > 0) {
    // The last bound: what is left of it is the whole rest.
    e.scope = ProgressEstimate::Scope::kSearch;
    e.remaining = std::min(budget_left, current_left);
    return e;
  }
  if (current_left == 0) return e;
  e.scope = ProgressEstimate::Scope::kBound;
  e.remaining = std::min(budget_left, current_left);
  return e;
}

std::string group_digits(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_progress(const sim::ExploreProgress& p, double seconds) {
  std::string line = fmt::format("{}  {} executions", p.strategy, group_digits(p.executions));
  if (seconds > 0)
    line += "  " + group_digits(clamp_count(static_cast<double>(p.executions) / seconds)) + "/s";
  if (p.bound >= 0) {
    line += "  bound " + std::to_string(p.bound);
    if (p.max_bound >= 0) line += " of " + std::to_string(p.max_bound);
    line += "  frontier " + group_digits(p.frontier);
  }
  if (p.redundant > 0) line += "  redundant " + group_digits(p.redundant);
  if (p.outcomes > 0)
    line += "  outcomes " + group_digits(p.outcomes);
  else
    line += "  findings " + group_digits(p.findings);
  ProgressEstimate e = estimate_remaining(p);
  switch (e.scope) {
    case ProgressEstimate::Scope::kNone:
      break;
    case ProgressEstimate::Scope::kBudget:
      line += "  budget left " + group_digits(e.remaining);
      break;
    case ProgressEstimate::Scope::kBound:
      line += "  about " + group_digits(e.remaining) + " left in this bound";
      break;
    case ProgressEstimate::Scope::kSearch:
      line += "  about " + group_digits(e.remaining) + " left";
      break;
  }
  return line;
}

ProgressLine::ProgressLine(std::ostream& out, Clock clock, double interval)
    : out_(out), clock_(std::move(clock)), interval_(interval), start_(clock_()) {}

ProgressLine::ProgressLine(std::ostream& out) : ProgressLine(out, steady_seconds) {}

void ProgressLine::update(const sim::ExploreProgress& p) {
  if (p.done) return clear();
  double now = clock_();
  if (last_ >= 0 && now - last_ < interval_) return;
  last_ = now;
  out_ << '\r' << format_progress(p, now - start_) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

sim::ProgressCallback ProgressLine::callback() {
  return [this](const sim::ExploreProgress& p) { update(p); };
}

}  // namespace lifeline::report
