// SPDX-License-Identifier: GPL-2.0-only
// A first-in first-out list of waiters (a lock's or a completion's wait
// queue). Wait queues hold a handful of tasks and most are never used, so
// this is a vector that allocates nothing until the first push, unlike
// std::deque, which allocates when it is constructed: an execution creates
// hundreds of locks.
#ifndef LIFELINE_SIM_FIFO_H_
#define LIFELINE_SIM_FIFO_H_

#include <cstddef>
#include <vector>

namespace lifeline::sim {

template <class T>
class Fifo {
 public:
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  T& front() { return items_.front(); }
  const T& front() const { return items_.front(); }
  void push_back(const T& v) { items_.push_back(v); }
  void pop_front() { items_.erase(items_.begin()); }
  void clear() { items_.clear(); }
  iterator erase(const_iterator it) { return items_.erase(it); }
  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }

 private:
  std::vector<T> items_;
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_FIFO_H_
