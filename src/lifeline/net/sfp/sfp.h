// SPDX-License-Identifier: GPL-2.0-only
// The SFP cage driver (drivers/net/phy/sfp.c, v6.12): "sff,sfp" and its
// variants, with the three state machines (device, module, main) run by
// one event at a time under sm_mutex, the kernel's timers in virtual time,
// GPIO interrupts or the 100 ms poll, the module's EEPROM and its PHY over
// I2C-MDIO. The physical cage (which module is in it, its LOS and TX_FAULT
// pins, what is plugged into the module) is a SfpSlot, which outlives the
// driver's bind and unbind.
#ifndef LIFELINE_NET_SFP_SFP_H_
#define LIFELINE_NET_SFP_SFP_H_

#include <string>
#include <vector>

#include "lifeline/net/sfp/sfp_bus.h"
#include "lifeline/net/sfp/sfp_module.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"
#include "lifeline/sim/workqueue.h"

namespace lifeline::core {
class Device;
class Driver;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

class Medium;
class MiiBus;
class PhyDevice;

enum SfpDevState : uint8_t { SFP_DEV_DETACHED, SFP_DEV_DOWN, SFP_DEV_UP };
enum SfpModState : uint8_t {
  SFP_MOD_EMPTY,
  SFP_MOD_ERROR,
  SFP_MOD_PROBE,
  SFP_MOD_WAITDEV,
  SFP_MOD_HPOWER,
  SFP_MOD_WAITPWR,
  SFP_MOD_PRESENT,
};
enum SfpState_ : uint8_t {
  SFP_S_DOWN,
  SFP_S_FAIL,
  SFP_S_WAIT,
  SFP_S_INIT,
  SFP_S_INIT_PHY,
  SFP_S_INIT_TX_FAULT,
  SFP_S_WAIT_LOS,
  SFP_S_LINK_UP,
  SFP_S_TX_FAULT,
  SFP_S_REINIT,
  SFP_S_TX_DISABLE,
};
enum SfpEvent : uint8_t {
  SFP_E_INSERT,
  SFP_E_REMOVE,
  SFP_E_DEV_ATTACH,
  SFP_E_DEV_DETACH,
  SFP_E_DEV_DOWN,
  SFP_E_DEV_UP,
  SFP_E_TX_FAULT,
  SFP_E_TX_CLEAR,
  SFP_E_LOS_HIGH,
  SFP_E_LOS_LOW,
  SFP_E_TIMEOUT,
};
// mod_state_to_str(), dev_state_to_str(), sm_state_to_str(), event_to_str()
const char* mod_state_to_str(unsigned s);
const char* dev_state_to_str(unsigned s);
const char* sm_state_to_str(unsigned s);
const char* event_to_str(unsigned e);

// The sfp->state bits (SFP_F_*).
inline constexpr unsigned SFP_F_PRESENT = 1u << 0;
inline constexpr unsigned SFP_F_LOS = 1u << 1;
inline constexpr unsigned SFP_F_TX_FAULT = 1u << 2;
inline constexpr unsigned SFP_F_TX_DISABLE = 1u << 3;
inline constexpr unsigned SFP_F_RS0 = 1u << 4;
inline constexpr unsigned SFP_F_OUTPUTS = SFP_F_TX_DISABLE | SFP_F_RS0;

struct Sfp;

// The physical cage: what the scenario's `sfp CAGE ...` and `cable CAGE`
// act on.
struct SfpSlot : sim::Object {
  explicit SfpSlot(std::string name) : sim::Object("sfp_slot", std::move(name)) {}
  const core::FwNode* node = nullptr;
  const SfpModuleProfile* module = nullptr;  // nullptr: the cage is empty
  bool los_forced = false;                   // `sfp CAGE los on`
  bool tx_fault = false;                     // `sfp CAGE tx-fault on`
  bool tx_disable = true;                    // the module's transmitter is held off
  bool tx_disable_pin = true;                // by the host's TX_DISABLE pin
  bool tx_disable_soft = false;              // by TX_DISABLE_FORCE in its A2h status byte
  sim::Time tx_enabled_at = 0;
  int eeprom_failures_left = 0;
  Medium* medium = nullptr;  // what is plugged into the module's port
  Sfp* driver = nullptr;     // the bound cage driver instance, if any
  int modules_inserted = 0;
  // Across binds of the driver: the module states it went through and the
  // module PHYs it registered.
  std::vector<std::string> mod_history;
  int phys_registered = 0;
};
// The slot of a cage node (made at first use).
SfpSlot* sfp_slot(const core::FwNode* cage);
// The scenario's physical actions on a cage.
void sfp_slot_insert(SfpSlot* slot, const SfpModuleProfile* module);
void sfp_slot_remove(SfpSlot* slot);
void sfp_slot_set_los(SfpSlot* slot, bool on);
void sfp_slot_set_tx_fault(SfpSlot* slot, bool on);
// The module's LOS output now: asserted when nothing lights it (no fibre
// plugged, `los on`), for a module with the signal (the pin exists).
bool sfp_slot_los(const SfpSlot* slot);

// struct sfp, the driver's instance.
struct Sfp : sim::Object {
  Sfp() : sim::Object("sfp", "") {}
  core::Device* dev = nullptr;
  SfpSlot* slot = nullptr;
  core::Device* i2c = nullptr;  // the "i2c-bus" adapter
  SfpBus* sfp_bus = nullptr;
  sim::Ptr<MiiBus> i2c_mii;
  sim::Ptr<PhyDevice> mod_phy;
  MdioI2cProto mdio_protocol = MdioI2cProto::MDIO_I2C_NONE;

  // GPIOs present, and which can interrupt.
  bool gpio_moddef0 = false, gpio_los = false, gpio_tx_fault = false, gpio_tx_disable = false,
       gpio_rs0 = false;
  bool irq_moddef0 = false, irq_los = false, irq_tx_fault = false;
  bool need_poll = false;
  unsigned max_power_mW = 1000;

  sim::Mutex st_mutex;  // protects state, state_hw_mask, state_soft_mask
  unsigned state = 0;
  // Which state bits come from the cage's pins (SFP_F_PRESENT until a
  // module's EEPROM was read, then every pin the cage has), and which from
  // the module's A2h status byte while the main machine runs
  // (sfp_soft_start_poll(): the module's soft signals for the pins the cage
  // lacks).
  unsigned state_hw_mask = SFP_F_PRESENT;
  unsigned state_soft_mask = 0;
  sim::Mutex sm_mutex;  // protects the state machines
  unsigned sm_mod_state = SFP_MOD_EMPTY;
  unsigned sm_mod_tries_init = 0, sm_mod_tries = 0;
  unsigned sm_dev_state = SFP_DEV_DETACHED;
  unsigned sm_state = SFP_S_DOWN;
  unsigned sm_fault_retries = 0, sm_phy_retries = 0;

  SfpEepromId id;
  bool have_id = false;
  bool quirk_2500basex = false;
  unsigned module_power_mW = 0;
  sim::Time module_t_wait = 0, module_t_start_up = 0, phy_t_retry = 0;
  bool hwmon = false;
  bool have_a2 = false;  // SFF-8472: the A2h page is there (sfp_module_parse_sff8472())

  sim::DelayedWork poll;
  sim::DelayedWork timeout;
};

// The cage driver, "sfp" in module "sfp" (CONFIG_SFP=m).
void sfp_driver_setup(core::Driver* drv);
inline constexpr const char* kSfpCompatibles[] = {"sff,sfp", "sff,sff"};
// The driver instance bound to a cage device, or nullptr.
Sfp* sfp_of(const core::Device* dev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_SFP_SFP_H_
