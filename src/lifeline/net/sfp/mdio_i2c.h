// SPDX-License-Identifier: GPL-2.0-only
// MDIO over the module's I2C (drivers/net/mdio/mdio-i2c.c): the bus the
// cage creates for a copper module, named "i2c:<cage>", and what a PHY read
// over it finds on the module.
#ifndef LIFELINE_NET_SFP_MDIO_I2C_H_
#define LIFELINE_NET_SFP_MDIO_I2C_H_

#include <cstdint>

#include "lifeline/net/sfp/sfp_module.h"

namespace lifeline::core {
class Device;
}

namespace lifeline::net {

class MiiBus;
class PhyDevice;
struct SfpSlot;

// The PHY address RollBall modules answer at (I2C 0x51).
inline constexpr int kRollballPhyAddr = 17;

// mdio_i2c_alloc(): an unregistered bus on the cage's adapter; for
// RollBall, nullptr with *err when the module does not take the password.
MiiBus* mdio_i2c_alloc(core::Device* parent, core::Device* i2c, const SfpSlot* slot,
                       MdioI2cProto protocol, int* err);
// get_phy_device() over I2C: the PHY of the module in `slot`, created (not
// registered) when it answers at `addr`; nullptr with *err = -ENODEV when
// nothing answers yet (no PHY, or it has not come out of reset).
PhyDevice* mdio_i2c_get_phy_device(MiiBus* bus, const SfpSlot* slot, int addr, bool is_c45,
                                   int* err);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_SFP_MDIO_I2C_H_
