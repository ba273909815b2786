// SPDX-License-Identifier: GPL-2.0-only
// A minimal intrusive doubly-linked list (struct list_head) for the deferred
// probe lists: O(1) add, delete and splice, as in the kernel.
#ifndef LIFELINE_CORE_INTRUSIVE_LIST_H_
#define LIFELINE_CORE_INTRUSIVE_LIST_H_

#include <cstddef>

namespace lifeline::core {

struct ListNode {
  ListNode* prev = nullptr;
  ListNode* next = nullptr;
  bool linked() const { return next != nullptr; }
};

class List {
 public:
  List() { head_.prev = head_.next = &head_; }
  List(const List&) = delete;
  List& operator=(const List&) = delete;

  bool empty() const { return head_.next == &head_; }
  size_t size() const { return size_; }
  ListNode* front() const { return empty() ? nullptr : head_.next; }
  void push_back(ListNode* n) {
    n->prev = head_.prev;
    n->next = &head_;
    head_.prev->next = n;
    head_.prev = n;
    ++size_;
  }
  void remove(ListNode* n) {
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->prev = n->next = nullptr;
    --size_;
  }
  // list_splice_tail_init(): moves every node of `other` to our end.
  void splice_tail(List& other) {
    if (other.empty()) return;
    ListNode* first = other.head_.next;
    ListNode* last = other.head_.prev;
    first->prev = head_.prev;
    head_.prev->next = first;
    last->next = &head_;
    head_.prev = last;
    size_ += other.size_;
    other.head_.prev = other.head_.next = &other.head_;
    other.size_ = 0;
  }
  void clear() {
    while (!empty()) remove(head_.next);
  }
  template <class F>
  void for_each(F&& f) const {
    for (ListNode* n = head_.next; n != &head_; n = n->next) f(n);
  }

 private:
  ListNode head_;
  size_t size_ = 0;
};

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_INTRUSIVE_LIST_H_
