// SPDX-License-Identifier: GPL-2.0-only
// fw_devlink, after drivers/base/core.c. The firmware layer (dt/) has turned
// supplier properties into fwnode links; here they become device links once
// both ends have devices.
#include "lifeline/core/fw_devlink.h"

#include <optional>
#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/sim/engine.h"

namespace lifeline::core {

namespace {

Kernel& K() { return Kernel::current(); }

// fw_devlink=rpm, the default: INFERRED | AUTOPROBE_CONSUMER | PM_RUNTIME.
constexpr uint32_t kFwDevlinkFlags =
    DL_FLAG_INFERRED | DL_FLAG_AUTOPROBE_CONSUMER | DL_FLAG_PM_RUNTIME;

uint32_t fw_devlink_get_flags(uint8_t fwlink_flags) {
  if (fwlink_flags & FWLINK_FLAG_CYCLE) return FW_DEVLINK_FLAGS_PERMISSIVE | DL_FLAG_CYCLE;
  return kFwDevlinkFlags;
}

bool test_flag(const FwNode* n, uint32_t f) { return (n->flags & f) != 0; }

void fw_devlink_relax_link(DeviceLink* link) {
  if (!(link->flags & DL_FLAG_INFERRED)) return;
  uint32_t f = link->flags & ~(DL_FLAG_INFERRED | DL_FLAG_CYCLE);
  if (f == (DL_FLAG_SYNC_STATE_ONLY | DL_FLAG_MANAGED)) return;  // already sync-state only
  link->flags = DL_FLAG_MANAGED | FW_DEVLINK_FLAGS_PERMISSIVE;
  sim::Engine& e = sim::Engine::current();
  if (e.tracing()) e.note("fw_devlink: relaxing link " + link->name());
}

bool fwnode_init_without_drv(const FwNode* fwnode) {
  if (!test_flag(fwnode, FWNODE_FLAG_INITIALIZED)) return false;
  return !fwnode->dev || fwnode->dev->link_status == DlDevState::DL_DEV_NO_DRIVER;
}

bool fwnode_ancestor_init_without_drv(const FwNode* fwnode) {
  for (const FwNode* p = fwnode->parent; p; p = p->parent)
    if (fwnode_init_without_drv(p)) return true;
  return false;
}

bool fwnode_is_ancestor_of(const FwNode* ancestor, const FwNode* child) {
  if (!ancestor) return false;
  for (const FwNode* n = child; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

Device* fwnode_get_next_parent_dev(const FwNode* fwnode) {
  for (const FwNode* p = fwnode->parent; p; p = p->parent)
    if (p->dev) return p->dev;
  return nullptr;
}

void fwnode_link_cycle(FwLink* link) { link->flags |= FWLINK_FLAG_CYCLE; }

// __fw_devlink_relax_cycles(): does sup_handle (transitively) depend on
// con_handle? Marks the links of any cycle found so they stop blocking.
//
// The kernel recurses once per supplier on the way; here the walk keeps its
// own stack, because a board whose suppliers form a long chain (thousands
// of nodes, each the consumer of the next) would overflow a fiber's stack.
// The order of the visits and every flag set are the kernel's.
bool relax_cycles(FwNode* con_handle, FwNode* sup_handle) {
  // One open __fw_devlink_relax_cycles() call.
  struct Frame {
    FwNode* sup;
    enum Phase { kFwLinks, kParent, kDevLinks, kDone } phase = kFwLinks;
    size_t next = 0;     // in links
    size_t next_dl = 0;  // in dls
    bool dls_taken = false;
    std::vector<FwLink*> links;    // sup's fwnode links, copied as the kernel iterates
    std::vector<DeviceLink*> dls;  // sup's device links to suppliers
    bool ret = false;
    // What the call below this one was made for.
    enum Waiting { kNone, kFwLink, kParentDev, kDevLink } waiting = kNone;
    FwLink* waiting_link = nullptr;
    DeviceLink* waiting_dl = nullptr;
  };
  std::vector<Frame> stack;
  Device* con_dev = con_handle->dev;

  // The call's start: a result at once, or a new frame (nullopt).
  auto enter = [&](FwNode* sup) -> std::optional<bool> {
    if (!sup || test_flag(sup, FWNODE_FLAG_VISITED)) return false;
    sup->flags |= FWNODE_FLAG_VISITED;
    bool done = false, ret = false;
    if (sup == con_handle) {
      done = ret = true;
    } else if (Device* sup_dev = sup->dev;
               sup_dev && sup_dev->link_status == DlDevState::DL_DEV_DRIVER_BOUND && con_dev &&
               con_dev->link_status == DlDevState::DL_DEV_NO_DRIVER) {
      // A bound supplier with an unbound consumer cannot be part of a cycle.
      done = true;
    }
    if (done) {
      sup->flags &= ~FWNODE_FLAG_VISITED;
      return ret;
    }
    Frame f;
    f.sup = sup;
    f.links = sup->suppliers;
    stack.push_back(std::move(f));
    return std::nullopt;
  };
  // What a frame does with the result of the call it waited for.
  auto take = [](Frame& f, bool r) {
    if (r) {
      if (f.waiting == Frame::kFwLink) fwnode_link_cycle(f.waiting_link);
      if (f.waiting == Frame::kDevLink) {
        fw_devlink_relax_link(f.waiting_dl);
        f.waiting_dl->flags |= DL_FLAG_CYCLE;
      }
      f.ret = true;
    }
    f.waiting = Frame::kNone;
  };

  if (std::optional<bool> r = enter(sup_handle)) return *r;
  while (true) {
    Frame& f = stack.back();
    std::optional<bool> r;
    bool called = false;
    switch (f.phase) {
      case Frame::kFwLinks:
        while (!called && f.next < f.links.size()) {  // `f` is stale once called
          FwLink* link = f.links[f.next++];
          if (link->flags & FWLINK_FLAG_IGNORE) continue;
          f.waiting = Frame::kFwLink;
          f.waiting_link = link;
          called = true;
          r = enter(link->supplier);
        }
        if (!called) f.phase = Frame::kParent;
        break;
      case Frame::kParent: {
        Device* sup_dev = f.sup->dev;
        f.phase = sup_dev ? Frame::kDevLinks : Frame::kDone;
        Device* par_dev = sup_dev ? sup_dev->parent : fwnode_get_next_parent_dev(f.sup);
        if (par_dev && par_dev->fwnode) {
          f.waiting = Frame::kParentDev;
          called = true;
          r = enter(par_dev->fwnode);
        }
        break;
      }
      case Frame::kDevLinks:
        if (!f.dls_taken) {  // the list as it is when the kernel's loop starts
          f.dls_taken = true;
          f.dls = f.sup->dev->link_suppliers;
        }
        while (!called && f.next_dl < f.dls.size()) {
          DeviceLink* dl = f.dls[f.next_dl++];
          uint32_t fl = dl->flags & ~(DL_FLAG_INFERRED | DL_FLAG_CYCLE);
          if (fl == (DL_FLAG_SYNC_STATE_ONLY | DL_FLAG_MANAGED) && !(dl->flags & DL_FLAG_CYCLE))
            continue;
          if (!dl->supplier->fwnode) continue;
          f.waiting = Frame::kDevLink;
          f.waiting_dl = dl;
          called = true;
          r = enter(dl->supplier->fwnode);
        }
        if (!called) f.phase = Frame::kDone;
        break;
      case Frame::kDone:
        break;
    }
    if (called) {
      // A result at once goes back to this frame; otherwise a new frame is
      // open and `f` may have moved.
      if (r) take(stack.back(), *r);
      continue;
    }
    if (stack.back().phase != Frame::kDone) continue;
    // The call returns: out: clear the mark, hand the result up.
    bool ret = stack.back().ret;
    stack.back().sup->flags &= ~FWNODE_FLAG_VISITED;
    stack.pop_back();
    if (stack.empty()) return ret;
    take(stack.back(), ret);
  }
}

// fw_devlink_create_devlink(): 0 linked (or nothing to do), -EAGAIN when the
// supplier has no device yet, -EINVAL when it never will.
int fw_devlink_create_devlink(Device* con, FwNode* sup_handle, FwLink* link) {
  if (link->flags & FWLINK_FLAG_IGNORE) return 0;
  if (test_flag(sup_handle, FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD) &&
      fwnode_is_ancestor_of(sup_handle, con->fwnode))
    return -EINVAL;
  sim::mutex_lock(&K().device_links_lock);
  if (relax_cycles(link->consumer, sup_handle)) {
    fwnode_link_cycle(link);
    sim::Engine& e = sim::Engine::current();
    if (e.tracing())
      e.note(link->consumer->full_path + ": Fixed dependency cycle(s) with " +
             sup_handle->full_path);
  }
  sim::mutex_unlock(&K().device_links_lock);
  uint32_t flags = con->fwnode == link->consumer ? fw_devlink_get_flags(link->flags)
                                                 : FW_DEVLINK_FLAGS_PERMISSIVE;
  Device* sup_dev = test_flag(sup_handle, FWNODE_FLAG_NOT_DEVICE)
                        ? fwnode_get_next_parent_dev(sup_handle)
                        : sup_handle->dev;
  if (sup_dev) {
    if (sup_dev->link_status == DlDevState::DL_DEV_NO_DRIVER &&
        test_flag(sup_handle, FWNODE_FLAG_INITIALIZED))
      return -EINVAL;  // the device might never probe
    if (con != sup_dev && !device_link_add(con, sup_dev, flags)) return -EINVAL;
    return 0;
  }
  if (fwnode_init_without_drv(sup_handle) || fwnode_ancestor_init_without_drv(sup_handle))
    return -EINVAL;  // might never become a device
  return -EAGAIN;
}

void fw_devlink_link_to_consumers(Device* dev) {
  FwNode* fwnode = dev->fwnode;
  for (FwLink* link : std::vector<FwLink*>(fwnode->consumers)) {
    bool own_link = true;
    Device* con_dev = link->consumer->dev;
    if (!con_dev) {
      con_dev = fwnode_get_next_parent_dev(link->consumer);
      if (con_dev && fwnode_is_ancestor_of(con_dev->fwnode, fwnode))
        con_dev = nullptr;
      else
        own_link = false;
    }
    if (!con_dev) continue;
    int ret = fw_devlink_create_devlink(con_dev, fwnode, link);
    if (!own_link || ret == -EAGAIN) continue;
    fwnode->tree->link_del(link);
  }
}

void fw_devlink_link_to_suppliers(Device* dev, FwNode* fwnode) {
  bool own_link = dev->fwnode == fwnode;
  for (FwLink* link : std::vector<FwLink*>(fwnode->suppliers)) {
    int ret = fw_devlink_create_devlink(dev, link->supplier, link);
    if (!own_link || ret == -EAGAIN) continue;
    fwnode->tree->link_del(link);
  }
  // Child nodes without devices of their own: their suppliers become
  // sync-state-only links of this device.
  for (FwNode* child : fwnode->children)
    if (child->is_available()) fw_devlink_link_to_suppliers(dev, child);
}

void pickup_dangling_consumers(FwNode* fwnode, FwNode* new_sup) {
  if (fwnode->dev && fwnode->dev->bus) return;
  fwnode->flags |= FWNODE_FLAG_NOT_DEVICE;
  Kernel& k = K();
  for (FwLink* link : std::vector<FwLink*>(fwnode->consumers)) {
    fwnode->tree->link_add(link->consumer, new_sup, link->property);
    fwnode->tree->link_del(link);
  }
  // probe=event: whoever waited for the child node now waits for us.
  auto it = k.fwnode_waiters.find(fwnode);
  if (it != k.fwnode_waiters.end()) {
    // Their own record too, so that a retry not caused by a bind (the
    // late_initcall's) sees that what they wait for is there.
    for (Device* w : it->second)
      if (w->waiting_for_fwnode == fwnode) w->waiting_for_fwnode = new_sup;
    auto& to = k.fwnode_waiters[new_sup];
    to.insert(to.end(), it->second.begin(), it->second.end());
    k.fwnode_waiters.erase(fwnode);
  }
  for (FwNode* child : fwnode->children)
    if (child->is_available()) pickup_dangling_consumers(child, new_sup);
}

}  // namespace

void fw_devlink_link_device(Device* dev) {
  Kernel& k = K();
  sim::mutex_lock(&k.fwnode_link_lock);
  fw_devlink_link_to_consumers(dev);
  fw_devlink_link_to_suppliers(dev, dev->fwnode);
  sim::mutex_unlock(&k.fwnode_link_lock);
}

FwNode* fwnode_links_check_suppliers(FwNode* fwnode) {
  if (!fwnode) return nullptr;
  for (FwLink* link : fwnode->suppliers)
    if (!(link->flags & (FWLINK_FLAG_CYCLE | FWLINK_FLAG_IGNORE))) return link->supplier;
  return nullptr;
}

void fw_devlink_device_bound(Device* dev) {
  Kernel& k = K();
  FwNode* fwnode = dev->fwnode;
  sim::mutex_lock(&k.fwnode_link_lock);
  // fwnode_links_purge_suppliers(): bound now, it waits for nothing.
  for (FwLink* link : std::vector<FwLink*>(fwnode->suppliers)) fwnode->tree->link_del(link);
  // fw_devlink_pickup_dangling_consumers()
  for (FwNode* child : fwnode->children)
    if (child->is_available()) pickup_dangling_consumers(child, fwnode);
  fw_devlink_link_to_consumers(dev);
  sim::mutex_unlock(&k.fwnode_link_lock);
}

void fw_devlink_drivers_done() {
  Kernel& k = K();
  k.fw_devlink_drv_reg_done = true;
  sim::mutex_lock(&k.device_links_lock);
  for (Device* dev : k.devices)
    for (DeviceLink* link : dev->link_consumers)
      if (!link->supplier->can_match) fw_devlink_relax_link(link);
  sim::mutex_unlock(&k.device_links_lock);
}

void fw_devlink_unblock_consumers(Device* dev) {
  sim::mutex_lock(&K().device_links_lock);
  for (DeviceLink* link : dev->link_consumers) fw_devlink_relax_link(link);
  sim::mutex_unlock(&K().device_links_lock);
}

void fwnode_dev_initialized(FwNode* fwnode, bool initialized) {
  if (initialized)
    fwnode->flags |= FWNODE_FLAG_INITIALIZED;
  else
    fwnode->flags &= ~FWNODE_FLAG_INITIALIZED;
}

}  // namespace lifeline::core
