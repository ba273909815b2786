// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/pcs/miic.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/net.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

// struct miic: devm_kzalloc()ed in probe, so freed at unbind; its
// registers are devm_ioremap()ed with it.
struct Miic : sim::Object {
  Miic() : sim::Object("miic", "") {}
  core::Device* dev = nullptr;
};

struct MiicPort : PhylinkPcs {
  MiicPort() : PhylinkPcs("miic_port") {}
  sim::Ptr<Miic> miic;
  int port = 0;
};

// miic_reg_rmw(): a register of the converter through miic->base.
void miic_reg_rmw(MiicPort* p, const char* what) {
  sim::check_access(p, what);
  p->miic.at(what);
}

int miic_config(PhylinkPcs* pcs, unsigned, phy_interface_t, const LinkModes&) {
  miic_reg_rmw(static_cast<MiicPort*>(pcs), "miic_config: miic->base");
  return 0;
}

void miic_link_up(PhylinkPcs* pcs, unsigned, phy_interface_t, int, Duplex) {
  miic_reg_rmw(static_cast<MiicPort*>(pcs), "miic_link_up: miic->base");
}

// miic_phylink_ops: config, link_up (and validate, pre_init); no
// get_state: its ports are MII/RMII/RGMII links read from a PHY.
constexpr PhylinkPcsOps kMiicPhylinkOps = {
    .pcs_config = miic_config,
    .pcs_link_up = miic_link_up,
};

int miic_probe(core::Device* dev) {
  auto* miic = sim::kzalloc<Miic>();
  miic->set_name(dev->name());
  miic->dev = dev;
  core::dev_set_drvdata(dev, miic);  // platform_set_drvdata()
  return 0;
}

void miic_remove(core::Device* dev) {
  auto* miic = core::dev_get_drvdata<Miic>(dev);
  core::dev_set_drvdata(dev, nullptr);
  if (miic) sim::kfree(miic);  // devm
}

}  // namespace

void miic_driver_setup(core::Driver* drv) {
  drv->of_match_table = {"renesas,rzn1-miic"};
  drv->probe = miic_probe;
  drv->remove = miic_remove;
  drv->suppress_bind_attrs = true;
}

core::ErrOr<PhylinkPcs*> miic_create(core::Device* dev, core::FwNode* np) {
  LL_FUNC();
  if (!np->is_available()) return {nullptr, -ENODEV};
  std::optional<uint32_t> port = np->read_u32("reg");
  if (!port) return {nullptr, -EINVAL};
  if (*port > 5 || *port < 1) return {nullptr, -EINVAL};
  core::FwNode* pcs_np = np->parent;  // the PCS pdev is the parent node's
  if (!pcs_np || !pcs_np->is_available()) return {nullptr, -ENODEV};
  core::Device* pdev = pcs_np->dev;
  if (!pdev || !core::dev_get_drvdata<Miic>(pdev)) return {nullptr, -EPROBE_DEFER};
  auto* miic = core::dev_get_drvdata<Miic>(pdev);
  auto* p = sim::kzalloc<MiicPort>();
  p->set_name(fmt::format("miic {} port {}", pdev->name(), *port));
  // The return value is not checked in v6.12.
  core::device_link_add(dev, miic->dev, core::DL_FLAG_AUTOREMOVE_CONSUMER);
  p->miic = miic;
  p->port = static_cast<int>(*port) - 1;
  p->ops = &kMiicPhylinkOps;
  p->neg_mode = true;
  p->provider = pdev;
  p->supplier = pdev;
  return {p, 0};
}

void miic_destroy(PhylinkPcs* pcs) {
  LL_FUNC();
  auto* p = static_cast<MiicPort*>(pcs);
  // miic_converter_enable(miic_port->miic, port, 0)
  miic_reg_rmw(p, "miic_destroy: miic_converter_enable");
  sim::kfree(p);
}

int a5psw_pcs_get(core::Device* dev) {
  LL_FUNC();
  core::FwNode* ports = dev->fwnode ? dev->fwnode->child_by_name("ethernet-ports") : nullptr;
  if (!ports) return 0;
  auto& table = Net::current().port_pcs;
  int err = 0;
  for (core::FwNode* port : ports->children) {
    if (!port->is_available()) continue;
    core::FwNode* pcs_node = core::parse_phandle(port, "pcs-handle");
    if (!pcs_node) continue;
    core::ErrOr<PhylinkPcs*> pcs = miic_create(dev, pcs_node);
    if (!pcs.ok()) {
      err = pcs.err;
      break;
    }
    // design: what the lookup takes besides (module-ref, devlink).
    if (auto hold = pcs_ops().pcs_hold) err = hold(dev, pcs.value);
    table[port] = pcs.value;
    if (err) break;
  }
  if (err) a5psw_pcs_free(dev);
  return err;
}

void a5psw_pcs_free(core::Device* dev) {
  LL_FUNC();
  auto& table = Net::current().port_pcs;
  for (auto it = table.begin(); it != table.end();) {
    const core::FwNode* port = it->first;
    if (port->parent && port->parent->parent == dev->fwnode) {
      if (auto unhold = pcs_ops().pcs_unhold) unhold(dev, it->second);
      miic_destroy(it->second);
      it = table.erase(it);
    } else {
      ++it;
    }
  }
}

PhylinkPcs* dsa_port_pcs(const core::FwNode* port) {
  auto& table = Net::current().port_pcs;
  auto it = table.find(port);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace lifeline::net
