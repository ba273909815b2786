// SPDX-License-Identifier: GPL-2.0-only
// MDIO buses and MDIO devices (drivers/net/phy/mdio_bus.c, mdio_device.c,
// drivers/net/mdio/of_mdio.c, fwnode_mdio.c).
#ifndef LIFELINE_NET_MDIO_BUS_H_
#define LIFELINE_NET_MDIO_BUS_H_

#include <array>
#include <functional>
#include <string>

#include "lifeline/core/device.h"
#include "lifeline/sim/mutex.h"

namespace lifeline::core {
class Bus;
class FwNode;
class Module;
}  // namespace lifeline::core

namespace lifeline::net {

inline constexpr int PHY_MAX_ADDR = 32;
inline constexpr int PHY_POLL = -1;

class MiiBus;

class MdioDevice : public core::Device {
 public:
  explicit MdioDevice(const char* kind = "mdio_device") : core::Device(kind) {}
  sim::Ptr<MiiBus> bus;  // mdio.bus: may outlive its target
  int addr = 0;
  bool is_phy = false;
  // mdiodev->device_remove / device_free, called by mdiobus_unregister().
  std::function<void(MdioDevice*)> device_remove;
  std::function<void(MdioDevice*)> device_free;
};

enum class MdiobusState : uint8_t {
  MDIOBUS_ALLOCATED = 1,
  MDIOBUS_REGISTERED,
  MDIOBUS_UNREGISTERED,
  MDIOBUS_RELEASED,
};

class MiiBus : public core::Device {
 public:
  MiiBus() : core::Device("mii_bus") {}
  std::string id;                   // bus->id: PHYs are named "<id>:<addr %02x>"
  core::Device* parent_dev = nullptr;  // bus->parent: the controller device
  core::Module* owner = nullptr;    // bus->owner: the controller's module
  MdiobusState state = MdiobusState::MDIOBUS_ALLOCATED;
  std::array<MdioDevice*, PHY_MAX_ADDR> mdio_map{};
  std::array<int, PHY_MAX_ADDR> irq{};
  sim::Mutex mdio_lock;
  bool c45 = false;
  uint64_t accesses = 0;
};

// The mdio_bus bus_type; registered by phylib's init.
core::Bus* mdio_bus_type_register();

// mdiobus_alloc(): every address polled (PHY_POLL) until the DT says otherwise.
MiiBus* mdiobus_alloc();
// __mdiobus_register(): the bus device appears (named bus->id).
int mdiobus_register(MiiBus* bus);
// of_mdiobus_register(): registers the bus and a PHY or MDIO device for
// every available child with a reg; any error but -ENODEV unregisters the
// whole bus again and is returned (a PSE or IRQ provider that is not ready
// makes it -EPROBE_DEFER).
int of_mdiobus_register(MiiBus* bus, core::FwNode* np);
// mdiobus_unregister(): removes and frees every device on the bus (PHYs
// included, attached or not), then the bus device.
void mdiobus_unregister(MiiBus* bus);
// mdiobus_free(): drops the bus's memory (its last reference).
void mdiobus_free(MiiBus* bus);

int mdiobus_register_device(MdioDevice* mdiodev);
void mdiobus_unregister_device(MdioDevice* mdiodev);
MdioDevice* mdiobus_get_phy(MiiBus* bus, int addr);

// An MDIO transaction on behalf of `mdiodev` (what phy_read()/phy_write()
// do): takes the bus lock, reads bus->read through a bus pointer that may be
// stale. A freed bus is a use-after-free; a bus whose controller went away
// (unregistered, its registers unmapped) is an oops. Returns 0 or -EIO.
int mdio_access(MdioDevice* mdiodev, const char* what);

// Finds the MDIO device registered for a firmware node
// (fwnode_mdio_find_device()); nullptr when there is none.
MdioDevice* fwnode_mdio_find_device(const core::FwNode* np);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_MDIO_BUS_H_
