// SPDX-License-Identifier: GPL-2.0-only
// struct kref: init to 1, get, put with a release callback, and the
// kref_put_mutex() variant. Misuse is reported the way refcount_t reports it.
#ifndef LIFELINE_SIM_KREF_H_
#define LIFELINE_SIM_KREF_H_

#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::sim {

struct Kref {
  int refcount = 0;
  const Object* owner = nullptr;  // names the object in reports
};

// Reports "refcount_t: addition on 0" / "underflow" against the kref's owner.
void refcount_report(const Kref* kref, const char* what);

inline void kref_init(Kref* kref, const Object* owner = nullptr) {
  kref->refcount = 1;
  kref->owner = owner;
}

inline unsigned kref_read(const Kref* kref) { return static_cast<unsigned>(kref->refcount); }

inline void kref_get(Kref* kref) {
  if (kref->owner) check_access(kref->owner, "kref_get");
  if (kref->refcount <= 0) {
    refcount_report(kref, "addition on 0; use-after-free");
    return;  // refcount_t saturates instead of resurrecting the object
  }
  ++kref->refcount;
}

// kref_get_unless_zero(): false when the object is already on its way out.
inline bool kref_get_unless_zero(Kref* kref) {
  if (kref->refcount <= 0) return false;
  ++kref->refcount;
  return true;
}

// Drops a reference; calls release(kref) when it was the last. Returns 1 then.
template <class Release>
int kref_put(Kref* kref, Release&& release) {
  if (kref->owner) check_access(kref->owner, "kref_put");
  if (kref->refcount <= 0) {
    refcount_report(kref, "underflow; use-after-free");
    return 0;
  }
  if (--kref->refcount == 0) {
    release(kref);
    return 1;
  }
  return 0;
}

// Takes `lock` only when the count would drop to zero; the release callback
// is called with the lock held and must unlock it.
template <class Release>
int kref_put_mutex(Kref* kref, Release&& release, Mutex* lock) {
  if (kref->owner) check_access(kref->owner, "kref_put_mutex");
  if (kref->refcount <= 0) {
    refcount_report(kref, "underflow; use-after-free");
    return 0;
  }
  if (kref->refcount > 1) {
    --kref->refcount;
    return 0;
  }
  mutex_lock(lock);
  if (--kref->refcount == 0) {
    release(kref);
    return 1;
  }
  mutex_unlock(lock);
  return 0;
}

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_KREF_H_
