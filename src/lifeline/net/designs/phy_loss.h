// SPDX-License-Identifier: GPL-2.0-only
// The phy-loss designs as ops (docs/architecture.md, "How a design is
// modelled"): each value of the knob is one ops table, in one file of this
// folder, chosen once when the execution's configuration is made. phylib and
// phylink call a hook at each point where a proposed kernel patch changes
// what mainline does; a hook left null is mainline there, so the mainline
// design is the table with every hook null and the model code around each
// call reads as v6.12 does.
//
// The genphy knob's designs are a second, smaller table (GenphyOps).
#ifndef LIFELINE_NET_DESIGNS_PHY_LOSS_H_
#define LIFELINE_NET_DESIGNS_PHY_LOSS_H_

#include <cstdint>

#include "lifeline/net/net.h"

namespace lifeline::core {
class Bus;
struct DeviceLink;
}  // namespace lifeline::core

namespace lifeline::net {

class MiiBus;
class NetDevice;
class PhyDevice;

struct PhyLossOps {
  // phy_init() (phylib's module init): subscribe to what the design needs.
  void (*phy_init)() = nullptr;
  // phy_probe() bound `phydev`'s driver (a specific one or genphy).
  void (*phy_probe)(PhyDevice* phydev) = nullptr;
  // phy_remove() is starting: the driver still owns the PHY.
  void (*phy_remove)(PhyDevice* phydev) = nullptr;
  // phy_attach_direct() is about to bind genphy to a PHY without driver:
  // 0, or the -errno it fails with instead.
  int (*phy_attach_genphy)(PhyDevice* phydev) = nullptr;
  // phy_attach_direct()/phy_detach(): a reference the attachment holds on
  // the MDIO bus besides the module one (phy_attach_get on every path in,
  // phy_detach_put on every path out).
  void (*phy_attach_get)(MiiBus* bus) = nullptr;
  void (*phy_detach_put)(MiiBus* bus) = nullptr;
  // phy_attach_direct(): the device link from the netdev's parent to the
  // PHY, instead of phylib's stateless one.
  core::DeviceLink* (*phy_device_link_add)(NetDevice* dev, PhyDevice* phydev) = nullptr;
  // phy_detach(): the driver core already dropped phydev->devlink (it
  // purges a device's links when the device is deleted).
  bool (*phy_device_link_gone)(const PhyDevice* phydev) = nullptr;
  // phy_detach(): undo genphy's binding, instead of device_release_driver().
  void (*phy_release_genphy)(PhyDevice* phydev) = nullptr;
  // phy.c: the state machine, phy_start(), phy_stop(), phy_interrupt() leave
  // this PHY alone (it has no driver).
  bool (*phy_leave_alone)(const PhyDevice* phydev) = nullptr;
  // A plain phylib MAC's ndo_open/ndo_stop found netdev->phydev NULL: the
  // design took the PHY away, and the MAC drivers tolerate it.
  bool (*ndo_phy_may_be_gone)(const NetDevice* dev) = nullptr;
  // system init: the bus of the per-port devices MACs create (port-device).
  core::Bus* (*mac_port_bus_register)() = nullptr;
  // system init: the bus of the per-port devices that own DSA user
  // netdevs (port-device); without it ds->dev owns them all.
  core::Bus* (*dsa_port_bus_register)() = nullptr;
};

extern const PhyLossOps phy_loss_mainline;
extern const PhyLossOps phy_loss_holdover;
extern const PhyLossOps phy_loss_devlink;
extern const PhyLossOps phy_loss_port_device;
extern const PhyLossOps phy_loss_notify_down;
extern const PhyLossOps phy_loss_replay;

inline const PhyLossOps& phy_loss_ops() { return *Net::current().config.phy_loss; }

struct GenphyOps {
  // phy_attach_direct() would bind genphy: defer instead (-EPROBE_DEFER)?
  // `flags` are the attach's (PHY_F_ATTACH_AT_PROBE).
  bool (*phy_attach_defers)(PhyDevice* phydev, uint32_t flags) = nullptr;
};

extern const GenphyOps genphy_mainline;
extern const GenphyOps genphy_defer;
extern const GenphyOps genphy_opt_in;

inline const GenphyOps& genphy_ops() { return *Net::current().config.genphy; }

// Shared by the designs (net/designs/phy_loss_common.cc).
// Every design but mainline remembers that a PHY's specific driver went
// away, and never falls back to genphy for it.
void phy_loss_note_driver(PhyDevice* phydev, bool bound);
int phy_loss_refuse_genphy_after_loss(PhyDevice* phydev);
// phy_detach() called from inside the PHY's own unbind (the device link's
// consumer being unbound, or a notifier callback): the driver core is
// releasing the driver already, and taking the device lock again would
// deadlock.
bool phy_is_unbinding(const PhyDevice* phydev);
// A managed device link makes `phydev` a supplier of a consumer that is
// bound, probing or unbinding.
bool phy_has_managed_consumer(const PhyDevice* phydev);
// The notifier designs' hooks (net/designs/phy_loss_notify.cc).
void phy_loss_notify_probe(PhyDevice* phydev);
void phy_loss_notify_remove(PhyDevice* phydev);
void phy_loss_notify_release_genphy(PhyDevice* phydev);
bool phy_loss_notify_phy_may_be_gone(const NetDevice* dev);
// The devlink designs' phy_device_link_add, phy_release_genphy and
// phy_remove.
core::DeviceLink* phy_loss_managed_link_add(NetDevice* dev, PhyDevice* phydev);
void phy_loss_managed_release_genphy(PhyDevice* phydev);
void phy_loss_managed_remove(PhyDevice* phydev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DESIGNS_PHY_LOSS_H_
