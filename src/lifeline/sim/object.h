// SPDX-License-Identifier: GPL-2.0-only
// Lifetime tracking of model objects (devices, phydevs, buses, PSE controls,
// PCS instances). kfree() poisons an object instead of releasing its memory;
// the memory lives until the execution ends, so a later access through a
// model pointer is reported as a use-after-free (as KASAN would) instead of
// being undefined behaviour in lifeline itself.
#ifndef LIFELINE_SIM_OBJECT_H_
#define LIFELINE_SIM_OBJECT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "lifeline/sim/site.h"
#include "lifeline/sim/time.h"

namespace lifeline::sim {

class Object {
 public:
  Object(const char* kind, std::string name) : kind_(kind), name_(std::move(name)) {}
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  const char* kind() const { return kind_; }
  const std::string& name() const { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }
  bool freed() const { return freed_; }
  // Where kfree() happened: "[   1.000000] task: frame > frame".
  std::string free_site() const { return free_site_.str(); }
  // "phy_device stmmac-0:01"
  std::string describe() const { return std::string(kind_) + " " + name_; }

 private:
  friend void kfree(Object* object);
  const char* kind_;
  std::string name_;
  bool freed_ = false;
  Site free_site_;
};

// Hands an object to the running execution, which destroys it when it ends.
void adopt_object(std::unique_ptr<Object> object);

// kzalloc() of a model object: constructed now, owned by the execution.
template <class T, class... Args>
T* kzalloc(Args&&... args) {
  auto owned = std::make_unique<T>(std::forward<Args>(args)...);
  T* raw = owned.get();
  adopt_object(std::move(owned));
  return raw;
}

// Poisons the object. A second kfree() is a double-free finding.
void kfree(Object* object);

// Checks an access through a model pointer: NULL is an oops (the task dies),
// a freed object a use-after-free finding (execution continues, as KASAN).
// `what` names the access: "phydev->drv", "bus->owner".
void check_access(const Object* object, const char* what);
[[noreturn]] void null_deref(const char* what);

// A model pointer: dereferencing it checks the target's lifetime.
template <class T>
class Ptr {
 public:
  Ptr() = default;
  Ptr(std::nullptr_t) {}
  Ptr(T* p) : p_(p) {}  // NOLINT: converts like a raw pointer
  T* operator->() const {
    deref("pointer");
    return p_;
  }
  T& operator*() const {
    deref("pointer");
    return *p_;
  }
  // An access with a name for the report: ptr.at("phydev->mdio.bus")->...
  T* at(const char* what) const {
    deref(what);
    return p_;
  }
  T* get() const { return p_; }  // no check: comparing, storing, passing on
  explicit operator bool() const { return p_ != nullptr; }
  bool operator==(const Ptr& o) const { return p_ == o.p_; }
  bool operator==(const T* o) const { return p_ == o; }

 private:
  void deref(const char* what) const {
    if (!p_) null_deref(what);
    if constexpr (std::is_base_of_v<Object, T>) check_access(p_, what);
  }
  T* p_ = nullptr;
};

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_OBJECT_H_
