// SPDX-License-Identifier: GPL-2.0-only
// pcs=module-ref: the lookup of the 2022 "PCS subsystem" RFC (Sean
// Anderson): pcs_get() takes a reference to the provider driver's module
// (try_module_get()) and to its device (get_device()), and nothing else.
// Russell King's objection, which the model shows: neither stops a driver
// unbind (sysfs unbind, or the controller's own remove), so the PCS's bus
// goes away under phylink exactly as in mainline; the module reference only
// makes rmmod of the provider fail with -EBUSY.
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/module.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/pcs/pcs.h"

namespace lifeline::net {

namespace {

int module_ref_hold(core::Device*, PhylinkPcs* pcs) {
  core::Device* supplier = pcs->supplier;
  core::Module* owner = supplier && supplier->driver ? supplier->driver.get()->owner : nullptr;
  if (!core::try_module_get(owner)) return -ENODEV;
  pcs->module_ref = owner;
  if (pcs->provider) core::get_device(pcs->provider);
  return 0;
}

void module_ref_unhold(core::Device*, PhylinkPcs* pcs) {
  if (pcs->provider) core::put_device(pcs->provider);
  core::module_put(pcs->module_ref);
  pcs->module_ref = nullptr;
}

}  // namespace

const PcsOps pcs_module_ref = {
    .pcs_hold = module_ref_hold,
    .pcs_unhold = module_ref_unhold,
};

}  // namespace lifeline::net
