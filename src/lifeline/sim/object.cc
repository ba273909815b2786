// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/object.h"

#include <fmt/format.h>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/kref.h"
#include "lifeline/sim/lockdep.h"

namespace lifeline::sim {

namespace {
std::string site(Engine&) { return current_site().str(); }

// The model frames of the task that made the access, typed beside the text
// as an oops and a WARN keep them (Finding::stack).
void keep_stack(Engine& e, Finding& f) {
  if (const Task* t = e.current_task(); t && f.count == 1) f.stack = frames_of(*t);
}
}  // namespace

void adopt_object(std::unique_ptr<Object> object) { Engine::current().adopt(std::move(object)); }

void kfree(Object* object) {
  if (!object) return;
  Engine& e = Engine::current();
  e.touch(AccessKind::kObject, object);
  if (object->freed_) {
    keep_stack(e,
               e.report(FindingKind::kUseAfterFree,
                        fmt::format("BUG: KASAN: double-free of {}", object->describe()),
                        {"first freed by: " + object->free_site(), "freed again by: " + site(e)}));
    return;
  }
  object->freed_ = true;
  object->free_site_ = current_site();
  if (e.tracing()) e.note("kfree " + object->describe(), NoteKind::kFree);
}

void check_access(const Object* object, const char* what) {
  // Whether it reads or writes is not known here: recorded as a write.
  if (Engine* cur = Engine::current_or_null()) cur->touch(AccessKind::kObject, object);
  if (!object->freed()) return;
  Engine& e = Engine::current();
  keep_stack(e, e.report(FindingKind::kUseAfterFree,
                         fmt::format("BUG: KASAN: slab-use-after-free: {} of freed {}", what,
                                     object->describe()),
                         {"freed by: " + object->free_site(), "used by: " + site(e)}));
}

void null_deref(const char* what) {
  Engine& e = Engine::current();
  e.oops(fmt::format("BUG: kernel NULL pointer dereference ({})", what));
}

void refcount_report(const Kref* kref, const char* what) {
  Engine& e = Engine::current();
  std::string whose = kref->owner ? " on " + kref->owner->describe() : "";
  e.report(FindingKind::kRefcount, fmt::format("refcount_t: {}{}", what, whose),
           {"at: " + site(e)});
}

}  // namespace lifeline::sim
