// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/mdio_controller.h"

#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/bus_id_format.h"
#include "lifeline/net/catalog/mdio_catalog.h"
#include "lifeline/net/match_data.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/net.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

struct MdioPriv : sim::Object {
  MdioPriv() : sim::Object("mdio_priv", "") {}
  std::vector<MiiBus*> buses;  // one, or one per mux child
};

void unregister_all(MdioPriv* priv) {
  for (auto it = priv->buses.rbegin(); it != priv->buses.rend(); ++it) {
    mdiobus_unregister(*it);
    mdiobus_free(*it);
  }
  priv->buses.clear();
}

int register_one(MdioPriv* priv, const MdioControllerInfo& info, core::Device* dev,
                 core::FwNode* np, const std::string& id) {
  MiiBus* bus = mdiobus_alloc();
  bus->id = id;
  bus->parent_dev = dev;
  bus->owner = dev->driver ? dev->driver->owner : nullptr;
  bus->c45 = info.c45;
  int err = of_mdiobus_register(bus, np);
  if (err) {
    mdiobus_free(bus);
    return err;
  }
  priv->buses.push_back(bus);
  return 0;
}

int mdio_controller_probe(const MdioControllerInfo& info, core::Device* dev) {
  LL_FUNC();
  Net& net = Net::current();
  auto* priv = sim::kzalloc<MdioPriv>();
  core::dev_set_drvdata(dev, priv);
  BusIdContext ctx{dev, "", dev->fwnode, nullptr, "mdio:" + std::string(info.driver)};
  int err = 0;
  if (!info.mux) {
    auto ov = net.mdio_bus_id_override.find(dev);
    std::string id = ov != net.mdio_bus_id_override.end()
                         ? ov->second
                         : format_bus_id(info.bus_id, info.bus_id_number, ctx);
    err = register_one(priv, info, dev, dev->fwnode, id);
  } else {
    // mdio_mux_init(): a child bus per available "mdio@N" node; accesses go
    // through the parent bus ("mdio-parent-bus").
    for (core::FwNode* child : dev->fwnode->children) {
      if (!child->is_available() || !child->has_property("reg")) continue;
      BusIdContext cctx = ctx;
      cctx.node = child;
      err = register_one(priv, info, dev, child,
                         format_bus_id(info.bus_id, info.bus_id_number, cctx));
      if (err) break;
    }
  }
  if (err) {
    unregister_all(priv);
    core::dev_set_drvdata(dev, nullptr);
    sim::kfree(priv);
  }
  return err;
}

void mdio_controller_remove(core::Device* dev) {
  LL_FUNC();
  auto* priv = core::dev_get_drvdata<MdioPriv>(dev);
  if (!priv) return;
  unregister_all(priv);
  core::dev_set_drvdata(dev, nullptr);
  sim::kfree(priv);
}

}  // namespace

void mdio_controller_driver_setup(core::Driver* drv,
                                  const std::vector<const MdioControllerInfo*>& infos) {
  drv->of_match_table = of_match_table_of(infos);
  drv->probe = [infos](core::Device* dev) {
    return mdio_controller_probe(*of_device_get_match_data(dev, infos), dev);
  };
  drv->remove = mdio_controller_remove;
}

core::Driver* mdio_controller_driver_create(const MdioControllerInfo& info, core::Bus* bus) {
  auto* drv = sim::kzalloc<core::Driver>(std::string(info.driver));
  drv->bus = bus;
  mdio_controller_driver_setup(drv, {&info});
  return drv;
}

}  // namespace lifeline::net
