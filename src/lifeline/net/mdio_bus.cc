// SPDX-License-Identifier: GPL-2.0-only
// MDIO buses, after drivers/net/phy/mdio_bus.c and drivers/net/mdio/of_mdio.c
// and fwnode_mdio.c.
#include "lifeline/net/mdio_bus.h"

#include <fmt/format.h>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/designs/pse.h"
#include "lifeline/net/net.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

// mdio_bus_match(): OF compatible for MDIO drivers, PHY ID for PHY drivers.
int mdio_bus_match(core::Device* dev, core::Driver* drv) {
  auto* mdiodev = static_cast<MdioDevice*>(dev);
  auto* phydrv = dynamic_cast<PhyDriver*>(drv);
  if (!mdiodev->is_phy || !phydrv) return phydrv ? 0 : core::of_driver_match_device(dev, drv);
  if (core::of_driver_match_device(dev, drv)) return 1;
  // phy_bus_match(): genphy matches no real ID.
  if (phydrv->genphy) return 0;
  auto* phydev = to_phy_device(dev);
  if (!phydev->phy_id_known) return 0;
  return (phydrv->phy_id & phydrv->phy_id_mask) == (phydev->phy_id & phydrv->phy_id_mask);
}

// of_mdiobus_child_is_phy()
bool child_is_phy(const core::FwNode* child) {
  for (const std::string& c : child->compatible()) {
    if (c.rfind("ethernet-phy-id", 0) == 0) return true;
    if (c == "ethernet-phy-ieee802.3-c45" || c == "ethernet-phy-ieee802.3-c22") return true;
  }
  return !child->has_property("compatible");
}

// fwnode_get_phy_id(): "ethernet-phy-idAAAA.BBBB".
std::optional<uint32_t> fwnode_get_phy_id(const core::FwNode* child) {
  for (const std::string& c : child->compatible()) {
    unsigned a = 0, b = 0;
    if (std::sscanf(c.c_str(), "ethernet-phy-id%4x.%4x", &a, &b) == 2) return (a << 16) | b;
  }
  return std::nullopt;
}

// The interrupt parent of a node (of_irq_find_parent()).
const core::FwNode* irq_parent(const core::FwNode* n) {
  for (const core::FwNode* p = n; p; p = p->parent) {
    if (auto ph = p->read_u32("interrupt-parent"))
      return p->tree ? p->tree->find_by_phandle(*ph) : nullptr;
    if (p != n && p->has_property("interrupt-controller")) return p;
  }
  return nullptr;
}

// Whether the provider of a GPIO or an interrupt (the node a phandle names)
// is registered. A node with a device of its own is once that device is
// bound. A GPIO bank of a pin controller has none: the pin controller's probe
// registers a gpio_device and an irq domain for each available bank node
// (stm32_gpiolib_register_bank() from stm32_pctl_probe(), gpiochip_setup_dev()),
// so the bank is there once the nearest ancestor device is bound.
bool provider_node_ready(const core::FwNode* np) {
  if (np->flags & core::FWNODE_FLAG_INITIALIZED) return true;
  if (np->dev) return core::device_is_bound(np->dev);
  if (!np->is_available() ||
      (!np->has_property("gpio-controller") && !np->has_property("interrupt-controller")))
    return false;
  for (const core::FwNode* p = np->parent; p; p = p->parent)
    if (p->dev) return core::device_is_bound(p->dev);
  return false;
}

// fwnode_irq_get(child, 0): > 0 an IRQ, 0 none, -EPROBE_DEFER when the
// interrupt controller has no bound driver yet.
int fwnode_irq_get(const core::FwNode* child) {
  if (!child->has_property("interrupts") && !child->has_property("interrupts-extended")) return 0;
  const core::FwNode* ctrl = nullptr;
  if (child->has_property("interrupts-extended")) {
    auto a = core::parse_phandle_with_args(child, "interrupts-extended", "#interrupt-cells", 0);
    ctrl = a ? a->node : nullptr;
  } else {
    ctrl = irq_parent(child);
  }
  if (!ctrl) return 0;
  if (!provider_node_ready(ctrl)) return -EPROBE_DEFER;
  // A stable virtual IRQ number per node.
  return 100 + static_cast<int>(std::hash<std::string>{}(child->full_path) % 800);
}

// fwnode_find_pse_control(): the PSE control of the PHY node's "pses", or
// none (no "pses": -ENOENT becomes NULL); any other error is the caller's.
PseControl* fwnode_find_pse_control(const core::FwNode* child, int* err) {
  PseControl* psec = of_pse_control_get(child, err);
  if (*err == -ENOENT) *err = 0;
  return psec;
}

// fwnode_mdiobus_register_phy() (v6.12): the PSE control is looked up
// first, and any error but "none" (-EPROBE_DEFER while the controller is not
// registered) is returned before a PHY exists; the PHY gets psec only after
// phy_device_register(), so its driver probes without it.
int of_mdiobus_register_phy(MiiBus* bus, core::FwNode* child, int addr) {
  LL_FUNC();
  Net& net = Net::current();
  PseControl* psec = nullptr;
  int rc = 0;
  // design (pse): the notifier designs' phy core attaches it instead.
  if (!(pse_ops().fwnode_mdio_skips_pse && pse_ops().fwnode_mdio_skips_pse())) {
    psec = fwnode_find_pse_control(child, &rc);
    if (rc) {
      // The probe storm's count (net/pse/probe_storm.cc).
      if (rc == -EPROBE_DEFER) ++mdio_bus_counts(bus).pse_deferrals;
      return rc;
    }
  }
  bool is_c45 = child->is_compatible("ethernet-phy-ieee802.3-c45");
  uint32_t id = 0;
  bool known = true;
  if (auto dt_id = is_c45 ? std::nullopt : fwnode_get_phy_id(child)) {
    id = *dt_id;  // phy_device_create() with the ID the DT gives
  } else if (auto it = net.phy_ids.find(child); it != net.phy_ids.end()) {
    id = it->second;  // get_phy_device(): read from the hardware
  } else {
    known = false;  // lifeline does not know what is soldered there
  }
  PhyDevice* phy = phy_device_create(bus, addr, id, is_c45);
  phy->phy_id_known = known;
  // fwnode_mdiobus_phy_device_register()
  rc = fwnode_irq_get(child);
  // Do not wait forever for an IRQ provider: fall back to polling.
  if (rc == -EPROBE_DEFER) rc = core::driver_deferred_probe_check_state(phy);
  if (rc == -EPROBE_DEFER) {
    phy_device_free(phy);
    pse_control_put(psec);
    return rc;
  }
  phy->irq = rc > 0 ? rc : bus->irq[addr];
  phy->fwnode = child;
  rc = phy_device_register(phy);
  if (rc) {
    phy->fwnode = nullptr;
    phy_device_free(phy);
    pse_control_put(psec);
    return rc;
  }
  if (psec) {
    phy->psec = psec;
    psec->attached_phydev = phy;
  }
  return 0;
}

// of_mdiobus_register_device(): a non-PHY MDIO device (a switch, a PCS).
int of_mdiobus_register_device(MiiBus* bus, core::FwNode* child, int addr) {
  auto* mdiodev = sim::kzalloc<MdioDevice>();
  // mdio_device_create()
  core::device_initialize(mdiodev);
  mdiodev->bus = bus;
  mdiodev->addr = addr;
  mdiodev->parent = bus;
  static_cast<core::Device*>(mdiodev)->bus = Net::current().mdio_bus_type;
  core::dev_set_name(mdiodev, fmt::format("{}:{:02x}", bus->id, addr));
  mdiodev->release = [](core::Device* d) { sim::kfree(d); };
  mdiodev->device_remove = [](MdioDevice* d) {
    // mdio_device_remove()
    core::device_del(d);
    mdiobus_unregister_device(d);
  };
  mdiodev->device_free = [](MdioDevice* d) { core::put_device(d); };
  mdiodev->fwnode = child;
  // mdio_device_register()
  int rc = mdiobus_register_device(mdiodev);
  if (!rc) rc = core::device_add(mdiodev);
  if (rc) {
    mdiodev->fwnode = nullptr;
    core::put_device(mdiodev);
  }
  return rc;
}

}  // namespace

core::Bus* mdio_bus_type_register() {
  core::Bus* bus = sim::kzalloc<core::Bus>("mdio_bus");
  bus->match = mdio_bus_match;
  core::bus_register(bus);
  return bus;
}

MiiBus* mdiobus_alloc() {
  MiiBus* bus = sim::kzalloc<MiiBus>();
  bus->state = MdiobusState::MDIOBUS_ALLOCATED;
  bus->irq.fill(PHY_POLL);
  sim::mutex_init(&bus->mdio_lock, "&bus->mdio_lock");
  return bus;
}

int mdiobus_register(MiiBus* bus) {
  LL_FUNC();
  if (bus->state != MdiobusState::MDIOBUS_ALLOCATED &&
      bus->state != MdiobusState::MDIOBUS_UNREGISTERED)
    return -EINVAL;
  if (bus->id.empty()) return -EINVAL;
  core::device_initialize(bus);
  core::dev_set_name(bus, bus->id);
  bus->parent = bus->parent_dev;
  // __mdiobus_register(): the PHYs are children of the bus parent's node, and
  // a consumer among them must not wait for that parent to finish probing
  // (fw_devlink then makes no link from a descendant to it).
  if (bus->parent && bus->parent->fwnode)
    bus->parent->fwnode->flags |= core::FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD;
  // The bus device belongs to the mdio_bus class, not to a bus_type: it is
  // never probed. It is freed by mdiobus_free()'s put_device().
  bus->release = [](core::Device* d) {
    auto* b = static_cast<MiiBus*>(d);
    b->state = MdiobusState::MDIOBUS_RELEASED;
    sim::kfree(b);
  };
  int err = core::device_add(bus);
  if (err) return err;
  bus->state = MdiobusState::MDIOBUS_REGISTERED;
  note("mdio_bus " + bus->id + ": registered");
  return 0;
}

int of_mdiobus_register(MiiBus* bus, core::FwNode* np) {
  LL_FUNC();
  if (!np) return mdiobus_register(bus);
  if (!np->is_available()) return -ENODEV;
  bus->fwnode = np;
  int rc = mdiobus_register(bus);
  if (rc) return rc;
  for (core::FwNode* child : np->children) {
    if (!child->is_available()) continue;
    std::optional<uint32_t> reg = child->read_u32("reg");
    if (!reg || *reg >= PHY_MAX_ADDR) continue;  // no address: would be scanned; none on our boards
    int addr = static_cast<int>(*reg);
    rc = child_is_phy(child) ? of_mdiobus_register_phy(bus, child, addr)
                             : of_mdiobus_register_device(bus, child, addr);
    if (rc == -ENODEV) {
      note(bus->id + ": MDIO device at address " + std::to_string(addr) + " is missing.");
      continue;
    }
    if (rc) {
      note(bus->id + ": registering " + child->full_path + " failed: " + core::errno_name(rc));
      mdiobus_unregister(bus);
      return rc;
    }
    // design (pcs): a PCS provider's probe for the device.
    if (auto added = pcs_ops().mdio_device_added)
      if (MdioDevice* d = bus->mdio_map[addr]) added(d);
  }
  return 0;
}

void mdiobus_unregister(MiiBus* bus) {
  LL_FUNC();
  sim::check_access(bus, "mdiobus_unregister");
  if (bus->state != MdiobusState::MDIOBUS_REGISTERED) {
    sim::warn("WARNING: mdiobus_unregister: bus " + bus->id + " is not registered");
    return;
  }
  bus->state = MdiobusState::MDIOBUS_UNREGISTERED;
  for (int i = 0; i < PHY_MAX_ADDR; ++i) {
    MdioDevice* mdiodev = bus->mdio_map[i];
    if (!mdiodev) continue;
    // design (pcs): a PCS provider's remove, while the device still works.
    if (auto removing = pcs_ops().mdio_device_removing) removing(mdiodev);
    mdiodev->device_remove(mdiodev);
    mdiodev->device_free(mdiodev);
  }
  core::device_del(bus);
  note("mdio_bus " + bus->id + ": unregistered");
}

void mdiobus_free(MiiBus* bus) {
  if (bus->state == MdiobusState::MDIOBUS_ALLOCATED) {
    sim::kfree(bus);
    return;
  }
  sim::warn_on(bus->state != MdiobusState::MDIOBUS_UNREGISTERED,
               "WARNING: mdiobus_free of a bus that is still registered");
  bus->state = MdiobusState::MDIOBUS_RELEASED;
  core::put_device(bus);
}

namespace {

// A reset line's provider has probed: gpiod_get_optional() and
// reset_control_get_optional_exclusive() find it registered; before that
// (or never, when it is disabled) they return -EPROBE_DEFER.
bool reset_provider_ready(const std::optional<core::PhandleArgs>& p) {
  return !p || (p->node && provider_node_ready(p->node));
}

}  // namespace

int mdiobus_register_device(MdioDevice* mdiodev) {
  MiiBus* bus = mdiodev->bus.at("mdiodev->bus");
  if (bus->mdio_map[mdiodev->addr]) return -EBUSY;
  if (mdiodev->is_phy && mdiodev->fwnode) {
    // mdiobus_register_gpiod(): the optional "reset" GPIO.
    const core::FwNode* np = mdiodev->fwnode;
    if (!reset_provider_ready(core::parse_phandle_with_args(np, "reset-gpios", "#gpio-cells", 0))) {
      note(mdiodev->name() + ": reset GPIO not there yet, deferring");
      return -EPROBE_DEFER;
    }
    // mdiobus_register_reset(): the optional reset control named "phy".
    std::vector<std::string> names = np->read_string_array("reset-names");
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == "phy" &&
          !reset_provider_ready(core::parse_phandle_with_args(np, "resets", "#reset-cells", i))) {
        note(mdiodev->name() + ": reset controller not there yet, deferring");
        return -EPROBE_DEFER;
      }
  }
  bus->mdio_map[mdiodev->addr] = mdiodev;
  return 0;
}

void mdiobus_unregister_device(MdioDevice* mdiodev) {
  MiiBus* bus = mdiodev->bus.at("mdiodev->bus");
  if (bus->mdio_map[mdiodev->addr] != mdiodev) {
    sim::warn("WARNING: mdiobus_unregister_device: not the registered device");
    return;
  }
  bus->mdio_map[mdiodev->addr] = nullptr;
}

MdioDevice* mdiobus_get_phy(MiiBus* bus, int addr) {
  if (addr < 0 || addr >= PHY_MAX_ADDR) return nullptr;
  MdioDevice* d = bus->mdio_map[addr];
  return d && d->is_phy ? d : nullptr;
}

int mdio_access(MdioDevice* mdiodev, const char* what) {
  MiiBus* bus = mdiodev->bus.at(what);
  sim::mutex_lock(&bus->mdio_lock);
  ++bus->accesses;
  if (bus->state != MdiobusState::MDIOBUS_REGISTERED) {
    // The controller's driver is gone: its registers are unmapped.
    sim::mutex_unlock(&bus->mdio_lock);
    sim::Engine::current().oops(
        fmt::format("Unable to handle kernel paging request: MDIO access ({}) to {} on bus {} "
                    "whose controller was unbound",
                    what, mdiodev->name(), bus->id));
  }
  sim::mutex_unlock(&bus->mdio_lock);
  return 0;
}

MdioDevice* fwnode_mdio_find_device(const core::FwNode* np) {
  if (!np || !np->dev) return nullptr;
  core::Device* d = np->dev;
  if (!d->bus || d->bus != Net::current().mdio_bus_type) return nullptr;
  return static_cast<MdioDevice*>(d);
}

}  // namespace lifeline::net
