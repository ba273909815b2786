// SPDX-License-Identifier: GPL-2.0-only
// struct phy_device and struct phy_driver (include/linux/phy.h).
#ifndef LIFELINE_NET_PHY_DEVICE_H_
#define LIFELINE_NET_PHY_DEVICE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lifeline/core/driver.h"
#include "lifeline/net/link_mode.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/phy_interface.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/timer.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::core {
struct DeviceLink;
}

namespace lifeline::net {

class Medium;
class NetDevice;
class Phylink;
class SfpBus;
struct PhyDriverInfo;
struct PseControl;

enum class PhyState : uint8_t {
  PHY_DOWN,
  PHY_READY,
  PHY_HALTED,
  PHY_ERROR,
  PHY_UP,
  PHY_RUNNING,
  PHY_NOLINK,
  PHY_CABLETEST,
};
const char* phy_state_to_str(PhyState s);  // "DOWN", "READY", ...

class PhyDevice;

// struct phy_led_trigger (include/linux/phy_led_triggers.h): the triggers
// of one PHY, "<phy>:link" and one per supported speed ("<phy>:100Mbps"),
// registered with the LED core. phylib allocates the link trigger and the
// array of speed triggers separately (kzalloc, kcalloc).
class PhyLedTrigger : public sim::Object {
 public:
  explicit PhyLedTrigger(std::string name) : sim::Object("phy_led_trigger", std::move(name)) {}
  int speed = 0;
};
class PhyLedTriggers : public sim::Object {
 public:
  explicit PhyLedTriggers(std::string name)
      : sim::Object("phy_led_trigger array", std::move(name)) {}
  std::vector<int> speeds;  // the triggers, one per speed
};

class PhyDriver : public core::Driver {
 public:
  explicit PhyDriver(std::string name) : core::Driver(std::move(name)) {}
  uint32_t phy_id = 0;
  uint32_t phy_id_mask = 0;
  bool genphy = false;  // genphy or genphy_c45: bound only by phy_attach_direct()
  bool c45 = false;
  bool has_interrupt = false;  // config_intr + handle_interrupt
  bool sfp_upstream = false;
  LinkModes features;
  const PhyDriverInfo* info = nullptr;
  // drv->probe / drv->remove, for PHYs that do something special (defer, ...).
  std::function<int(PhyDevice*)> phy_probe;
  std::function<void(PhyDevice*)> phy_remove;
};

// What the PHY's hardware is doing, for the physical model.
struct PhyHw {
  Medium* medium = nullptr;
  sim::Time aneg_restart = 0;  // last restart of autonegotiation (or forcing)
  bool in_reset = true;        // reset line asserted
  bool powered_down = false;   // BMCR_PDOWN (suspend)
  bool irq_enabled = false;    // interrupt enable register
  sim::TimerList irq_timer;    // raises the interrupt when the link changes
};

class PhyDevice : public MdioDevice {
 public:
  PhyDevice() : MdioDevice("phy_device") { is_phy = true; }

  sim::Ptr<PhyDriver> drv;  // phydev->drv: NULL once the driver is unbound
  uint32_t phy_id = 0;
  bool phy_id_known = true;  // lifeline knows the real ID (else genphy binds)
  bool is_c45 = false;
  bool is_internal = false;
  bool is_on_sfp_module = false;
  // phy_sfp_probe() (net/phy_sfp.h): the bus of the cage this PHY hosts,
  // and whether it is registered (phy_sfp_attach()).
  SfpBus* sfp_bus = nullptr;
  bool sfp_bus_attached = false;
  PhyState state = PhyState::PHY_DOWN;
  sim::Mutex lock;
  sim::DelayedWork state_queue;
  int irq = PHY_POLL;
  bool irq_requested = false;  // phy_request_interrupt() succeeded

  int link = 0;
  int speed = SPEED_UNKNOWN;
  Duplex duplex = DUPLEX_UNKNOWN;
  int autoneg = AUTONEG_ENABLE;
  bool pause = false, asym_pause = false;
  LinkModes supported, advertising, lp_advertising;
  bool suspended = false;
  bool wol_enabled = false;
  uint32_t wolopts = 0;
  bool eee_enabled = false;
  uint32_t dev_flags = 0;
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;

  sim::Ptr<NetDevice> attached_dev;
  std::function<void(NetDevice*)> adjust_link;
  std::function<void(PhyDevice*, bool)> phy_link_change;
  sim::Ptr<Phylink> phylink;
  // phydev->devlink: the driver core frees the link when either device is
  // deleted (device_links_purge()), so phy_detach() may read a stale one.
  sim::Ptr<core::DeviceLink> devlink;
  bool attaching = false;    // inside phy_attach_direct() (genphy bind)
  bool driver_lost = false;  // its specific driver was unbound (not genphy's)
  // holdover: phy_remove() has begun (set under phydev->lock): phylib
  // leaves the PHY alone from then on.
  bool removing = false;
  int link_down_events = 0;

  // phydev->psec: the PSE control of the PHY's "pses" (fwnode_mdio assigns it
  // after phy_device_register() in v6.12; the pse notifier designs' phy core
  // owns it, net/designs/pse.h).
  sim::Ptr<PseControl> psec;

  // CONFIG_LED_TRIGGER_PHY. last_triggered points into phy_led_triggers
  // (the element for last_triggered_speed); phy_led_triggers_unregister()
  // frees the array and clears the two allocation pointers, not this one.
  sim::Ptr<PhyLedTrigger> led_link_trigger;
  sim::Ptr<PhyLedTriggers> phy_led_triggers;
  sim::Ptr<PhyLedTriggers> last_triggered;
  int phy_num_led_triggers = 0;
  int last_triggered_speed = 0;

  PhyHw hw;
};

inline PhyDevice* to_phy_device(core::Device* d) { return static_cast<PhyDevice*>(d); }
inline bool phy_is_started(const PhyDevice* p) { return p->state >= PhyState::PHY_UP; }
inline bool phy_interrupt_is_valid(const PhyDevice* p) { return p->irq > 0; }
inline bool phy_polling_mode(const PhyDevice* p) { return p->irq == PHY_POLL; }
bool phy_driver_is_genphy(const PhyDevice* phydev);
// What the timeline says where genphy binds to a PHY whose ID lifeline does
// not know: "PHY ID unknown: state it with `phy-id DEV 0xID`", DEV the node.
std::string phy_id_unknown_message(const std::string& phy, const std::string& node_path);
std::string phydev_name(const PhyDevice* phydev);

// ---- drivers/net/phy/phy_device.c
// phylib's init: the mdio bus type, genphy and genphy_c45, and the
// lifecycle notifier. Returns the libphy module (builtin).
core::Module* phy_init();
int phy_driver_register(PhyDriver* drv, core::Module* owner);
void phy_driver_unregister(PhyDriver* drv);

PhyDevice* phy_device_create(MiiBus* bus, int addr, uint32_t phy_id, bool is_c45);
int phy_device_register(PhyDevice* phydev);
// The PSE RFC's phy_device_register_locked(): for a caller that holds rtnl
// (the SFP module PHY path); the same as phy_device_register() elsewhere.
int phy_device_register_locked(PhyDevice* phydev);
void phy_device_remove(PhyDevice* phydev);
void phy_device_free(PhyDevice* phydev);

// Attaching and detaching a netdev (phy_attach_direct() and friends).
inline constexpr uint32_t PHY_F_ATTACH_AT_PROBE = 1u << 30;  // genphy=opt-in: the caller is a probe
int phy_attach_direct(NetDevice* dev, PhyDevice* phydev, uint32_t flags, phy_interface_t interface);
int phy_connect_direct(NetDevice* dev, PhyDevice* phydev, std::function<void(NetDevice*)> handler,
                       phy_interface_t interface, uint32_t flags = 0);
// of_phy_connect(): by firmware node; nullptr (-ENODEV) when the node has no
// PHY device.
PhyDevice* of_phy_connect(NetDevice* dev, core::FwNode* phy_np,
                          std::function<void(NetDevice*)> handler, uint32_t flags,
                          phy_interface_t interface, int* err = nullptr);
void phy_detach(PhyDevice* phydev);
// phy_interface_is_rgmii(): the attached interface is one of the RGMII
// variants (the PHY drivers' delay setup asks it).
inline bool phy_interface_is_rgmii(const PhyDevice* phydev) {
  return phy_interface_mode_is_rgmii(phydev->interface);
}
void phy_disconnect(PhyDevice* phydev);
PhyDevice* of_phy_find_device(const core::FwNode* phy_np);
// The 2021 RFC's question (genphy=defer, opt-in): could the specific driver
// still bind? Its probe deferred, or its module is on the root file system
// but not loaded yet and the deferred probe timeout has not given up on
// optional dependencies.
bool phy_driver_pending(PhyDevice* phydev);

int phy_init_hw(PhyDevice* phydev);
int phy_suspend(PhyDevice* phydev);
int __phy_resume(PhyDevice* phydev);
int phy_resume(PhyDevice* phydev);

// ---- drivers/net/phy/phy_led_triggers.c (CONFIG_LED_TRIGGER_PHY)
int phy_led_triggers_register(PhyDevice* phydev);
void phy_led_triggers_unregister(PhyDevice* phydev);
void phy_led_trigger_change_speed(PhyDevice* phydev);

// ---- drivers/net/phy/phy.c
void phy_start(PhyDevice* phydev);
void phy_stop(PhyDevice* phydev);
void phy_start_machine(PhyDevice* phydev);
void phy_stop_machine(PhyDevice* phydev);
void phy_trigger_machine(PhyDevice* phydev);
void phy_queue_state_machine(PhyDevice* phydev, sim::Time delay);
void phy_state_machine(PhyDevice* phydev);
int phy_start_aneg(PhyDevice* phydev);
int _phy_start_aneg(PhyDevice* phydev);
void phy_error(PhyDevice* phydev);
void phy_request_interrupt(PhyDevice* phydev);
void phy_free_interrupt(PhyDevice* phydev);
void phy_interrupt(PhyDevice* phydev);

struct EthtoolLinkSettings {
  int autoneg = AUTONEG_ENABLE;
  int speed = SPEED_UNKNOWN;
  Duplex duplex = DUPLEX_UNKNOWN;
  LinkModes advertising;  // empty: leave as is
};
int phy_ethtool_ksettings_set(PhyDevice* phydev, const EthtoolLinkSettings& cmd);
int phy_ethtool_set_wol(PhyDevice* phydev, uint32_t wolopts);

// The physical model behind a PHY's registers.
struct HwLinkState {
  bool link = false;
  int speed = SPEED_UNKNOWN;
  Duplex duplex = DUPLEX_UNKNOWN;
  LinkModes lp_advertising;
};
HwLinkState phy_hw_link_state(const PhyDevice* phydev);
// Arms the PHY's interrupt for the next change of its hardware link state.
void phy_hw_changed(PhyDevice* phydev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_DEVICE_H_
