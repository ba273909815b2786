// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/spi.h"

#include <vector>

#include "lifeline/core/errno.h"
#include "lifeline/dt/aliases.h"
#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/modalias.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::FwNode;

bool chip_select_in_use(const SpiController* ctlr, uint32_t cs) {
  for (Device* child : ctlr->children)
    if (const SpiDevice* s = to_spi_device(child); s && s->chip_select == cs) return true;
  return false;
}

// of_register_spi_device() -> spi_add_device()
SpiDevice* of_register_spi_device(SpiController* ctlr, FwNode* node) {
  std::string modalias = of_modalias(*node);
  std::optional<uint32_t> cs = node->read_u32("reg");
  if (modalias.empty() || !cs) return nullptr;  // "cannot find modalias" / "no valid 'reg'"
  if (chip_select_in_use(ctlr, *cs)) return nullptr;
  SpiDevice* spi = alloc_dt_device<SpiDevice>();
  spi->chip_select = *cs;
  spi->controller = ctlr;
  spi->modalias = modalias;
  spi->parent = ctlr;
  spi->bus = DtBuses::current().spi;
  spi->fwnode = node;
  core::dev_set_name(spi, ctlr->name() + "." + std::to_string(*cs));  // spi_dev_set_name()
  if (core::device_add(spi)) {
    core::put_device(spi);
    return nullptr;
  }
  return spi;
}

}  // namespace

SpiController* spi_register_controller(Device* parent, FwNode* node) {
  LL_FUNC();
  DtBuses& b = DtBuses::current();
  int bus_num = node ? of_alias_get_id(node, "spi") : -ENODEV;
  if (bus_num >= 0) {
    if (b.spi_controllers.count(bus_num)) return nullptr;  // spi_controller_id_alloc(): -EBUSY
  } else {
    int highest = node && node->tree ? of_alias_get_highest_id(*node->tree, "spi") : -ENODEV;
    bus_num = highest < 0 ? 0 : highest + 1;
    while (b.spi_controllers.count(bus_num)) ++bus_num;
  }
  SpiController* ctlr = alloc_dt_device<SpiController>();
  ctlr->bus_num = bus_num;
  ctlr->parent = parent;
  ctlr->fwnode = node;
  core::dev_set_name(ctlr, "spi" + std::to_string(bus_num));
  b.spi_controllers[bus_num] = ctlr;
  if (core::device_add(ctlr)) {
    b.spi_controllers.erase(bus_num);
    core::put_device(ctlr);
    return nullptr;
  }
  of_register_spi_devices(ctlr);
  return ctlr;
}

void of_register_spi_devices(SpiController* ctlr) {
  if (!ctlr->fwnode) return;
  DtBuses& b = DtBuses::current();
  for (FwNode* node : spi_device_nodes(*ctlr->fwnode)) {
    if (!b.populate.populated.insert(node).second) continue;  // OF_POPULATED
    if (!of_register_spi_device(ctlr, node)) b.populate.populated.erase(node);
  }
}

void spi_unregister_controller(SpiController* ctlr) {
  LL_FUNC();
  DtBuses& b = DtBuses::current();
  // device_for_each_child(&ctlr->dev, NULL, __unregister)
  std::vector<Device*> children = ctlr->children;
  for (Device* child : children) {
    if (SpiDevice* spi = to_spi_device(child)) {
      if (spi->fwnode) b.populate.populated.erase(spi->fwnode);
      core::device_unregister(spi);
    }
  }
  b.spi_controllers.erase(ctlr->bus_num);
  core::device_unregister(ctlr);
}

SpiController* of_find_spi_controller_by_node(const FwNode* node) {
  if (!node) return nullptr;
  for (const auto& [nr, ctlr] : DtBuses::current().spi_controllers)
    if (ctlr->fwnode == node) return ctlr;
  return nullptr;
}

}  // namespace lifeline::dt
