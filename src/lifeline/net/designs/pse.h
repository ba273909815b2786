// SPDX-License-Identifier: GPL-2.0-only
// The pse designs as ops (docs/architecture.md, "How a design is modelled"),
// one table per value of the knob, one file each: pse_mainline.cc (every
// hook null: v6.12), pse_notifier_rtnl.cc, pse_notifier_mutex.cc and
// pse_notifier_narrow.cc (the 2026 PSE-PD notifier RFC, with rtnl, a
// dedicated mutex, or a lock held only around the attach attempt). The
// notifier designs share net/designs/pse_notifier.cc.
//
// What the RFC changes, and where the hooks sit:
// - 01: the PI regulator handle of a pse_control is a plain get/put scoped
//   to its kref, not a devres of the controller's device
//   (pse_control_get_internal(), __pse_control_release()).
// - 02/03: a blocking notifier chain; PSE_REGISTERED after list_add() in
//   pse_controller_register(), PSE_UNREGISTERED before pse_release_pis() in
//   pse_controller_unregister(). The chain is the PSE kind's chain of the
//   provider-lifecycle protocol (net/provider_lifecycle.h): "going away" is
//   the protocol's, delivered to the PHYs that hold a control of the
//   controller; PSE_REGISTERED is the RFC's own event on that chain.
// - 04: the phy core owns phydev->psec: it attaches it in
//   phy_device_register() and again on PSE_REGISTERED, releases it on
//   PSE_UNREGISTERED, puts it last in phy_device_release(); fwnode_mdio no
//   longer looks it up (no -EPROBE_DEFER coupling).
#ifndef LIFELINE_NET_DESIGNS_PSE_H_
#define LIFELINE_NET_DESIGNS_PSE_H_

#include <string>

#include "lifeline/net/net.h"

namespace lifeline::core {
class Device;
}

namespace lifeline::net {

class PhyDevice;
struct PseControllerDev;
struct Regulator;

struct PseOps {
  // phy_init(): the phy core subscribes to the PSE chain.
  void (*phy_init)() = nullptr;
  // pse_controller_register(), after list_add(): PSE_REGISTERED.
  void (*pse_registered)(PseControllerDev* pcdev) = nullptr;
  // pse_controller_unregister(), before pse_release_pis(): PSE_UNREGISTERED.
  void (*pse_unregistering)(PseControllerDev* pcdev) = nullptr;
  // pse_control_get_internal() / __pse_control_release(): the PI regulator
  // handle (mainline: devm_regulator_get_exclusive(pcdev->dev) and
  // devm_regulator_put()).
  Regulator* (*pse_regulator_get)(core::Device* dev, const std::string& id, int* err) = nullptr;
  void (*pse_regulator_put)(Regulator* regulator) = nullptr;
  // fwnode_mdiobus_register_phy(): true when it leaves psec to the phy core.
  bool (*fwnode_mdio_skips_pse)() = nullptr;
  // phy_device_register(): the registration, which the design wraps in its
  // lock and follows (or precedes) with the attach attempt. `reg` is the
  // mainline body (mdiobus_register_device() .. device_add()); `locked`:
  // the caller holds rtnl (phy_device_register_locked()).
  int (*phy_device_register)(PhyDevice* phydev, int (*reg)(PhyDevice*), bool locked) = nullptr;
  // phy_device_remove(), in place of mainline's pse_control_put().
  void (*phy_device_remove)(PhyDevice* phydev) = nullptr;
  // phy_device_release(): before the phy_device is freed.
  void (*phy_device_release)(PhyDevice* phydev) = nullptr;
};

extern const PseOps pse_mainline;
extern const PseOps pse_notifier_rtnl;
extern const PseOps pse_notifier_mutex;
extern const PseOps pse_notifier_narrow;

inline const PseOps& pse_ops() { return *Net::current().config.pse; }

// Shared by the notifier designs (net/designs/pse_notifier.cc).
enum class PseLock : uint8_t { kRtnl, kMutex, kNarrow };
void pse_notifier_phy_init(PseLock lock);
void pse_notifier_registered(PseControllerDev* pcdev);
void pse_notifier_unregistering(PseControllerDev* pcdev);
Regulator* pse_notifier_regulator_get(core::Device* dev, const std::string& id, int* err);
void pse_notifier_regulator_put(Regulator* regulator);
bool pse_notifier_fwnode_mdio_skips_pse();
int pse_notifier_phy_device_register(PhyDevice* phydev, int (*reg)(PhyDevice*), bool locked);
void pse_notifier_phy_device_remove(PhyDevice* phydev);
void pse_notifier_phy_device_release(PhyDevice* phydev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DESIGNS_PSE_H_
