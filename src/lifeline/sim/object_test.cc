// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/object.h"

#include <gtest/gtest.h>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/kref.h"
#include "lifeline/sim/test_util.h"

namespace lifeline::sim {
namespace {

using testing::all_findings;
using testing::first_finding;

struct Thing : Object {
  explicit Thing(std::string name) : Object("thing", std::move(name)) { kref_init(&ref, this); }
  Kref ref;
  bool released = false;
};

void release_thing(Kref* k) {
  auto* t = static_cast<Thing*>(const_cast<Object*>(k->owner));
  t->released = true;
  kfree(t);
}

TEST(Kref, ReleasesOnLastPutOnly) {
  Engine e;
  e.reset();
  Thing* t = nullptr;
  e.spawn("t", [&] {
    t = kzalloc<Thing>("a");
    kref_get(&t->ref);
    EXPECT_EQ(kref_put(&t->ref, release_thing), 0);
    EXPECT_FALSE(t->released);
    EXPECT_EQ(kref_put(&t->ref, release_thing), 1);
    EXPECT_TRUE(t->released);
    EXPECT_TRUE(t->freed());
  });
  e.run();
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Kref, PutTooManyIsARefcountFinding) {
  Engine e;
  e.reset();
  e.spawn("t", [&] {
    auto* t = kzalloc<Thing>("b");
    kref_put(&t->ref, release_thing);
    kref_put(&t->ref, release_thing);
  });
  e.run();
  const Finding* f = first_finding(e, FindingKind::kRefcount);
  ASSERT_NE(f, nullptr) << all_findings(e);
  EXPECT_EQ(f->message, "refcount_t: underflow; use-after-free on thing b");
  // The put also touched a freed object.
  EXPECT_NE(first_finding(e, FindingKind::kUseAfterFree), nullptr);
}

TEST(Kref, PutMutexTakesTheLockOnlyForTheLastPut) {
  Engine e;
  e.reset();
  Mutex list_lock("sfp_mutex");
  bool locked_in_release = false;
  e.spawn("t", [&] {
    auto* t = kzalloc<Thing>("c");
    kref_get(&t->ref);
    kref_put_mutex(&t->ref, [&](Kref*) { FAIL(); }, &list_lock);
    EXPECT_FALSE(mutex_is_locked(&list_lock));
    kref_put_mutex(
        &t->ref,
        [&](Kref* k) {
          locked_in_release = mutex_is_locked(&list_lock);
          mutex_unlock(&list_lock);
          release_thing(k);
        },
        &list_lock);
  });
  e.run();
  EXPECT_TRUE(locked_in_release);
  EXPECT_TRUE(e.findings().empty()) << all_findings(e);
}

TEST(Object, DoubleFree) {
  Engine e;
  e.reset();
  e.spawn("t", [&] {
    auto* t = kzalloc<Thing>("d");
    kfree(t);
    kfree(t);
  });
  e.run();
  const Finding* f = first_finding(e, FindingKind::kUseAfterFree);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message, "BUG: KASAN: double-free of thing d");
}

TEST(Object, PtrToLiveObjectIsSilentAndNullIsOops) {
  Engine e;
  e.reset();
  int reached = 0;
  e.spawn("t", [&] {
    Ptr<Thing> p = kzalloc<Thing>("e");
    p->released = false;
    ++reached;
    Ptr<Thing> none;
    none.at("phydev->drv")->released = true;
    ++reached;
  });
  e.run();
  EXPECT_EQ(reached, 1);
  const Finding* f = first_finding(e, FindingKind::kOops);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message, "BUG: kernel NULL pointer dereference (phydev->drv)");
}

}  // namespace
}  // namespace lifeline::sim
