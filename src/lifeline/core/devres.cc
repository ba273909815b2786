// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/core/devres.h"

#include <iterator>

#include "lifeline/core/errno.h"

namespace lifeline::core {

int devm_add_action(Device* dev, std::string name, std::function<void()> release) {
  Devres* dr = sim::kzalloc<Devres>(std::move(name));
  dr->release = std::move(release);
  dev->devres.push_back(dr);
  return 0;
}

int devm_add_action_or_reset(Device* dev, std::string name, std::function<void()> release) {
  return devm_add_action(dev, std::move(name), std::move(release));
}

int devm_add_action_key(Device* dev, std::string name, const void* key,
                        std::function<void()> release) {
  devm_add_action(dev, std::move(name), std::move(release));
  dev->devres.back()->key = key;
  return 0;
}

int devres_release(Device* dev, const void* key) {
  for (auto it = dev->devres.rbegin(); it != dev->devres.rend(); ++it) {
    Devres* dr = *it;
    if (dr->key != key) continue;
    dev->devres.erase(std::next(it).base());
    if (dr->release) dr->release();
    sim::kfree(dr);
    return 0;
  }
  return -ENOENT;
}

int devres_release_all(Device* dev) {
  int n = 0;
  // Newest first; a release may add nothing, but take them off one at a time
  // so that a release touching the list sees a consistent one.
  while (!dev->devres.empty()) {
    Devres* dr = dev->devres.back();
    dev->devres.pop_back();
    if (dr->release) dr->release();
    sim::kfree(dr);
    ++n;
  }
  return n;
}

}  // namespace lifeline::core
