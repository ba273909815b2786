// SPDX-License-Identifier: GPL-2.0-only
// The I2C core's device side (drivers/i2c/i2c-core-base.c, i2c-core-of.c,
// i2c-mux.c): adapters numbered from "i2cN" aliases or dynamically, the
// client devices an adapter's node describes, and mux channels as adapters
// of their own. Call from a task of an execution with DtBuses.
#ifndef LIFELINE_DT_I2C_H_
#define LIFELINE_DT_I2C_H_

#include "lifeline/core/device.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/bus_devices.h"

namespace lifeline::dt {

// i2c_add_adapter(): adap->nr is the node's "i2cN" alias if it has one
// (__i2c_add_numbered_adapter()), else the lowest free number from
// __i2c_first_dynamic_bus_num (one past the highest "i2c" alias, 0 without
// any: i2c_init()). Registers "i2c-<nr>" on the i2c bus with `parent` as
// parent and `node` as fwnode, then creates its clients
// (of_i2c_register_devices()). nullptr when the alias number is taken
// (-EBUSY in the kernel).
I2cAdapter* i2c_add_adapter(core::Device* parent, core::FwNode* node);

// i2c_del_adapter(): unregisters the adapter's clients (in registration
// order), then the adapter; its number becomes free.
void i2c_del_adapter(I2cAdapter* adap);

// of_i2c_register_devices(): a client for each node of i2c_client_nodes()
// not already populated. Clients are named "<nr>-<addr %04x>" (with 0xa000
// added for a ten-bit address and 0x1000 for an own-slave address:
// i2c_encode_flags_to_addr()); a node with an invalid address, or one whose
// address is already taken on the adapter, gets no client (as
// i2c_new_client_device() refuses it).
void of_i2c_register_devices(I2cAdapter* adap);
// i2c_unregister_device(): clears the node's OF_POPULATED, unregisters.
void i2c_unregister_device(I2cClient* client);

// of_find_i2c_adapter_by_node() / i2c_get_adapter(): a registered adapter.
I2cAdapter* of_find_i2c_adapter_by_node(const core::FwNode* node);
I2cAdapter* i2c_get_adapter(int nr);

// A mux driver's probe: finds the parent adapter (the client's adapter for a
// mux on I2C, the "i2c-parent" adapter for a platform mux: -EPROBE_DEFER
// until that is registered, as mux_parent_adapter() does) and adds an
// adapter per channel of i2c_mux_channels() (i2c_mux_add_adapter()): child of
// the parent adapter, fwnode the channel's node (when the tree has one).
// Returns 0 or a negative errno.
int i2c_mux_probe(core::Device* mux_dev);
// i2c_mux_del_adapters(): the channels, last one first.
void i2c_mux_del_adapters(core::Device* mux_dev);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_I2C_H_
