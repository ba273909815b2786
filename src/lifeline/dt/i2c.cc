// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/i2c.h"

#include <cstdio>
#include <vector>

#include "lifeline/core/dd.h"
#include "lifeline/core/errno.h"
#include "lifeline/dt/aliases.h"
#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/buses.h"
#include "lifeline/dt/modalias.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::dt {

namespace {

using core::Device;
using core::FwNode;

using sim::note;

// i2c_init(): __i2c_first_dynamic_bus_num from the aliases.
int first_dynamic_bus_num(DtBuses& b, const FwNode* node) {
  if (b.i2c_first_dynamic_bus_num < 0) {
    int highest = node && node->tree ? of_alias_get_highest_id(*node->tree, "i2c") : -ENODEV;
    b.i2c_first_dynamic_bus_num = highest >= 0 ? highest + 1 : 0;
  }
  return b.i2c_first_dynamic_bus_num;
}

std::string client_name(int nr, uint16_t encoded) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d-%04x", nr, encoded);
  return buf;
}

uint16_t encode_flags_to_addr(const I2cClient* c) {
  uint16_t addr = c->addr;
  if (c->ten_bit) addr |= 0xa000;  // I2C_ADDR_OFFSET_TEN_BIT
  if (c->slave) addr |= 0x1000;    // I2C_ADDR_OFFSET_SLAVE
  return addr;
}

// i2c_check_addr_busy() on this adapter (the kernel also walks the mux tree).
bool addr_busy(const I2cAdapter* adap, uint16_t addr) {
  for (Device* child : adap->children)
    if (const I2cClient* c = to_i2c_client(child); c && c->addr == addr) return true;
  return false;
}

// of_i2c_register_device() -> i2c_new_client_device()
I2cClient* of_i2c_register_device(I2cAdapter* adap, FwNode* node) {
  std::optional<uint32_t> reg = node->read_u32("reg");
  std::string modalias = of_modalias(*node);
  if (!reg || modalias.empty()) return nullptr;  // "invalid reg" / "modalias failure"
  bool ten_bit = *reg & I2C_TEN_BIT_ADDRESS;
  bool slave = *reg & I2C_OWN_SLAVE_ADDRESS;
  uint32_t addr = *reg & ~(I2C_TEN_BIT_ADDRESS | I2C_OWN_SLAVE_ADDRESS);
  // i2c_check_addr_validity()
  if (addr > (ten_bit ? 0x3ffu : 0x7fu)) return nullptr;
  if (!slave && addr_busy(adap, static_cast<uint16_t>(addr))) return nullptr;
  I2cClient* client = alloc_dt_device<I2cClient>();
  client->addr = static_cast<uint16_t>(addr);
  client->ten_bit = ten_bit;
  client->slave = slave;
  client->adapter = adap;
  client->modalias = modalias;
  client->parent = adap;
  client->bus = DtBuses::current().i2c;
  client->fwnode = node;
  core::dev_set_name(client, client_name(adap->nr, encode_flags_to_addr(client)));
  if (core::device_add(client)) {
    core::put_device(client);
    return nullptr;
  }
  return client;
}

}  // namespace

I2cAdapter* i2c_add_adapter(Device* parent, FwNode* node) {
  LL_FUNC();
  DtBuses& b = DtBuses::current();
  int nr = node ? of_alias_get_id(node, "i2c") : -ENODEV;
  if (nr >= 0) {
    if (b.i2c_adapters.count(nr)) return nullptr;  // __i2c_add_numbered_adapter(): -EBUSY
  } else {
    // idr_alloc(&i2c_adapter_idr, adap, __i2c_first_dynamic_bus_num, 0)
    nr = first_dynamic_bus_num(b, node);
    while (b.i2c_adapters.count(nr)) ++nr;
  }
  I2cAdapter* adap = alloc_dt_device<I2cAdapter>();
  adap->nr = nr;
  adap->parent = parent;
  adap->bus = b.i2c;
  adap->fwnode = node;
  core::dev_set_name(adap, "i2c-" + std::to_string(nr));
  b.i2c_adapters[nr] = adap;
  if (core::device_add(adap)) {
    b.i2c_adapters.erase(nr);
    core::put_device(adap);
    return nullptr;
  }
  note("i2c adapter " + adap->name() + " registered for " + (node ? node->full_path : "?"));
  of_i2c_register_devices(adap);
  return adap;
}

void of_i2c_register_devices(I2cAdapter* adap) {
  LL_FUNC();
  if (!adap->fwnode) return;
  DtBuses& b = DtBuses::current();
  for (FwNode* node : i2c_client_nodes(*adap->fwnode)) {
    if (!b.populate.populated.insert(node).second) continue;  // OF_POPULATED
    if (!of_i2c_register_device(adap, node)) b.populate.populated.erase(node);
  }
}

void i2c_unregister_device(I2cClient* client) {
  if (client->fwnode) DtBuses::current().populate.populated.erase(client->fwnode);
  core::device_unregister(client);
}

void i2c_del_adapter(I2cAdapter* adap) {
  LL_FUNC();
  DtBuses& b = DtBuses::current();
  // device_for_each_child(&adap->dev, NULL, __unregister_client)
  std::vector<Device*> children = adap->children;
  for (Device* child : children)
    if (I2cClient* c = to_i2c_client(child)) i2c_unregister_device(c);
  b.i2c_adapters.erase(adap->nr);
  core::device_unregister(adap);
}

I2cAdapter* of_find_i2c_adapter_by_node(const FwNode* node) {
  if (!node) return nullptr;
  for (const auto& [nr, adap] : DtBuses::current().i2c_adapters)
    if (adap->fwnode == node) return adap;
  return nullptr;
}

I2cAdapter* i2c_get_adapter(int nr) {
  auto& all = DtBuses::current().i2c_adapters;
  auto it = all.find(nr);
  return it == all.end() ? nullptr : it->second;
}

int i2c_mux_probe(Device* mux_dev) {
  LL_FUNC();
  const FwNode* node = mux_dev->fwnode;
  if (!node) return -ENODEV;
  I2cAdapter* parent = nullptr;
  if (I2cClient* client = to_i2c_client(mux_dev)) {
    parent = client->adapter;
  } else {
    // mux_parent_adapter(): of_get_i2c_adapter_by_node(i2c-parent)
    FwNode* parent_np = core::parse_phandle(node, "i2c-parent");
    if (!parent_np) return core::dev_err_probe(mux_dev, -ENODEV, "Cannot parse i2c-parent");
    parent = of_find_i2c_adapter_by_node(parent_np);
    if (!parent)
      return core::dev_err_probe_wait_fwnode(mux_dev, parent_np,
                                             "i2c-parent " + parent_np->full_path + " not ready");
  }
  for (uint32_t chan : i2c_mux_channels(*node)) {
    I2cAdapter* adap = i2c_add_adapter(parent, i2c_mux_channel_node(*node, chan));
    if (!adap) {
      i2c_mux_del_adapters(mux_dev);
      return -EBUSY;
    }
    adap->mux = mux_dev;
    adap->chan_id = chan;
  }
  return 0;
}

void i2c_mux_del_adapters(Device* mux_dev) {
  std::vector<I2cAdapter*> channels;
  for (const auto& [nr, adap] : DtBuses::current().i2c_adapters)
    if (adap->mux == mux_dev) channels.push_back(adap);
  // The kernel keeps them in muxc->adapter[] in add order; they go last first.
  std::sort(channels.begin(), channels.end(),
            [](const Device* a, const Device* b) { return a->add_order < b->add_order; });
  for (auto it = channels.rbegin(); it != channels.rend(); ++it) i2c_del_adapter(*it);
}

}  // namespace lifeline::dt
