// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/fsl_mc.h"

#include <vector>

#include "lifeline/core/errno.h"
#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/buses.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::FwNode;

// fsl_mc_device_add(): "<type>.<id>" on the fsl-mc bus.
FslMcDevice* fsl_mc_device_add(const char* type, int id, Device* parent, FwNode* dt_node) {
  FslMcDevice* mc = alloc_dt_device<FslMcDevice>();
  mc->obj_type = type;
  mc->obj_id = id;
  mc->dt_node = dt_node;
  mc->parent = parent;
  mc->bus = DtBuses::current().fsl_mc;
  core::dev_set_name(mc, std::string(type) + "." + std::to_string(id));
  if (core::device_add(mc)) {
    core::put_device(mc);
    return nullptr;
  }
  return mc;
}

FslMcDevice* root_dprc_of(Device* mc_dev) {
  for (Device* c : mc_dev->children)
    if (FslMcDevice* d = to_fsl_mc_device(c); d && d->obj_type == "dprc") return d;
  return nullptr;
}

// The fsl-mc node above a DPRC (the root DPRC's fwnode).
const FwNode* mc_node_of(const Device* dprc) {
  for (const Device* d = dprc; d; d = d->parent)
    if (d->fwnode) return d->fwnode;
  return nullptr;
}

}  // namespace

FslMcDevice* fsl_mc_bus_probe(Device* mc_dev) {
  LL_FUNC();
  // The MC reports the root container's id; on these SoCs it is 1.
  FslMcDevice* root = fsl_mc_device_add("dprc", 1, mc_dev, nullptr);
  if (root) root->fwnode = mc_dev->fwnode;  // mc_bus_dev->dev.fwnode = pdev->dev.fwnode
  return root;
}

void fsl_mc_bus_remove(Device* mc_dev) {
  LL_FUNC();
  if (FslMcDevice* root = root_dprc_of(mc_dev)) core::device_unregister(root);
}

int dprc_probe(Device* dprc) {
  LL_FUNC();
  const FwNode* mc_node = mc_node_of(dprc);
  if (!mc_node) return 0;
  for (FwNode* m : fsl_mc_dpmac_nodes(*mc_node))
    fsl_mc_device_add("dpmac", static_cast<int>(*m->read_u32("reg")), dprc, m);
  int n = 0;
  for (FwNode* m : fsl_mc_connected_dpmacs(*mc_node)) {
    FslMcDevice* dpmac = nullptr;
    for (Device* c : dprc->children)
      if (FslMcDevice* d = to_fsl_mc_device(c); d && d->obj_type == "dpmac" && d->dt_node == m)
        dpmac = d;
    // The DPNI's endpoint is set before it is added: a driver bound at
    // device_add() asks for it in probe.
    FslMcDevice* dpni = alloc_dt_device<FslMcDevice>();
    dpni->obj_type = "dpni";
    dpni->obj_id = n++;
    dpni->endpoint = dpmac;
    dpni->parent = dprc;
    dpni->bus = DtBuses::current().fsl_mc;
    core::dev_set_name(dpni, "dpni." + std::to_string(dpni->obj_id));
    if (core::device_add(dpni)) core::put_device(dpni);
  }
  return 0;
}

std::vector<FwNode*> fsl_mc_connected_dpmacs(const FwNode& fsl_mc) {
  std::vector<FwNode*> out;
  for (FwNode* m : fsl_mc_dpmac_nodes(fsl_mc))
    for (const char* p :
         {"phy-handle", "sfp", "fixed-link", "managed", "phy-connection-type", "phy-mode"})
      if (m->has_property(p) || (std::string_view(p) == "fixed-link" && m->child_by_name(p))) {
        out.push_back(m);
        break;
      }
  return out;
}

core::ErrOr<FslMcDevice*> fsl_mc_get_endpoint(FslMcDevice* dpni) {
  FslMcDevice* ep = dpni->endpoint;
  if (!ep) return {nullptr, -ENOTCONN};
  if (!core::device_is_registered(ep)) return {nullptr, -EPROBE_DEFER};
  core::get_device(ep);
  return {ep, 0};
}

void dprc_remove(Device* dprc) {
  LL_FUNC();
  // dprc_teardown_container() -> device_for_each_child(__fsl_mc_device_remove)
  std::vector<Device*> children = dprc->children;
  for (Device* c : children)
    if (to_fsl_mc_device(c)) core::device_unregister(c);
}

}  // namespace lifeline::dt
