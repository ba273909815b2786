// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/sfp/mdio_i2c.h"

#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net {

namespace {

// i2c_mii_init_rollball(): the password written to 0x51 unlocks the
// module's MDIO page; nothing answers without a module.
int i2c_mii_init_rollball(const SfpSlot* slot) {
  sim::sleep_for(6 * 90 * sim::kUsec);  // address and 5 bytes at 100 kHz
  return slot && slot->module ? 0 : -ENXIO;
}

}  // namespace

MiiBus* mdio_i2c_alloc(core::Device* parent, core::Device* i2c, const SfpSlot* slot,
                       MdioI2cProto protocol, int* err) {
  *err = 0;
  if (protocol == MdioI2cProto::MDIO_I2C_ROLLBALL) {
    *err = i2c_mii_init_rollball(slot);
    if (*err) return nullptr;
  }
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
  if (addr == kRollballPhyAddr) {
    // i2c_mii_read_rollball(), for the ID registers get_phy_c45_ids()
    // reads: each a command written to page 3, then polled every 20 ms
    // until the module says done (about 40 ms a register).
    sim::sleep_for(4 * 40 * sim::kMsec);
  } else {
    // i2c_mii_read_default_c22()/c45(): two register reads over I2C.
    sim::sleep_for(sim::kMsec);
  }
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
