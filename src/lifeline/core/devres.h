// SPDX-License-Identifier: GPL-2.0-only
// devres: managed resources, released in reverse order when the driver
// unbinds (after remove()) or when probe fails.
#ifndef LIFELINE_CORE_DEVRES_H_
#define LIFELINE_CORE_DEVRES_H_

#include <functional>
#include <string>
#include <utility>

#include "lifeline/core/device.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {

struct Devres : sim::Object {
  explicit Devres(std::string name) : sim::Object("devres", std::move(name)) {}
  std::function<void()> release;
  // What devres_release() matches (the kernel's match callback and its
  // data): the resource itself, a regulator handle, ...; null for none.
  const void* key = nullptr;
};

// devm_add_action(): `release` runs at unbind.
int devm_add_action(Device* dev, std::string name, std::function<void()> release);
// devm_add_action_or_reset(): on failure runs the action at once.
int devm_add_action_or_reset(Device* dev, std::string name, std::function<void()> release);
// devres_add() of a resource that devres_release() can find again by `key`.
int devm_add_action_key(Device* dev, std::string name, const void* key,
                        std::function<void()> release);
// devres_release(): removes the newest resource of `dev` added with `key`
// and runs its release; -ENOENT when there is none (already released at
// unbind, say). Callers WARN as the kernel's do (devm_regulator_put()).
int devres_release(Device* dev, const void* key);
// devres_release_all(): newest first. Returns the number released.
int devres_release_all(Device* dev);

// devm_kzalloc() of a model object: kfree()d (poisoned) at unbind.
template <class T, class... Args>
T* devm_kzalloc(Device* dev, Args&&... args) {
  T* obj = sim::kzalloc<T>(std::forward<Args>(args)...);
  devm_add_action(dev, std::string("devm_kzalloc ") + obj->kind(), [obj] { sim::kfree(obj); });
  return obj;
}

}  // namespace lifeline::core

#endif  // LIFELINE_CORE_DEVRES_H_
