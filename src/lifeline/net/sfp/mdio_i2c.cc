// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/sfp/mdio_i2c.h"

#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

MiiBus* mdio_i2c_alloc(core::Device* parent, core::Device* i2c, MdioI2cProto protocol) {
  MiiBus* bus = mdiobus_alloc();
  bus->id = "i2c:" + parent->name();
  bus->parent_dev = parent;
  bus->owner = parent->driver ? parent->driver->owner : nullptr;
  bus->c45 = protocol != MdioI2cProto::MDIO_I2C_MARVELL_C22;
  (void)i2c;
  return bus;
}

PhyDevice* mdio_i2c_get_phy_device(MiiBus* bus, const SfpSlot* slot, int addr, bool is_c45,
                                   int* err) {
  sim::check_access(bus, "i2c_mii");
  // i2c_mii_read_default_c22()/c45(): two register reads over I2C.
  sim::sleep_for(sim::kMsec);
  const SfpModuleProfile* m = slot->module;
  bool answers = m && m->phy_id && !slot->tx_disable &&
                 sim::now() >= slot->tx_enabled_at + m->phy_ready_ms * sim::kMsec;
  if (!answers) {
    *err = -ENODEV;
    return nullptr;
  }
  *err = 0;
  return phy_device_create(bus, addr, m->phy_id, is_c45);
}

}  // namespace lifeline::net
