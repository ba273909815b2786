// SPDX-License-Identifier: GPL-2.0-only
// The SFP cage driver, after drivers/net/phy/sfp.c (v6.12). The state
// machines follow sfp_sm_device(), sfp_sm_module() and sfp_sm_main() line
// by line; the timers are the kernel's (T_SERIAL, T_WAIT, T_START_UP,
// T_FAULT_RECOVER, T_PHY_RETRY, T_HPOWER_LEVEL, the probe retries), in
// virtual time. Where the kernel takes rtnl around an event, the model calls
// sfp_lock() (the sfp-lock knob).
#include "lifeline/net/sfp/sfp.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/devres.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/i2c.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/sfp/mdio_i2c.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

constexpr sim::Time T_WAIT = 50 * sim::kMsec;
constexpr sim::Time T_WAIT_ROLLBALL = 4 * sim::kSec;
constexpr sim::Time T_START_UP = 300 * sim::kMsec;
constexpr sim::Time T_FAULT_RECOVER = 1 * sim::kSec;
constexpr sim::Time T_PHY_RETRY = 50 * sim::kMsec;
constexpr sim::Time T_PHY_RETRY_ROLLBALL = 1 * sim::kSec;
constexpr unsigned R_PHY_RETRY = 25;
constexpr unsigned N_FAULT_INIT = 5;
constexpr unsigned N_FAULT = 5;
constexpr sim::Time T_SERIAL = 300 * sim::kMsec;
constexpr sim::Time T_HPOWER_LEVEL = 300 * sim::kMsec;
constexpr sim::Time T_PROBE_RETRY_INIT = 100 * sim::kMsec;
constexpr unsigned R_PROBE_RETRY_INIT = 10;
constexpr sim::Time T_PROBE_RETRY_SLOW = 5 * sim::kSec;
constexpr unsigned R_PROBE_RETRY_SLOW = 12;
constexpr sim::Time POLL_JIFFIES = 100 * sim::kMsec;
constexpr int SFP_PHY_ADDR = 22;
constexpr int SFP_PHY_ADDR_ROLLBALL = kRollballPhyAddr;

std::string sfp_name(const Sfp* sfp) { return sfp->dev ? sfp->dev->name() : std::string("sfp"); }

// The module's I2C (EEPROM at 0x50/0x51): a transfer on the cage's adapter
// takes time, and fails while no module answers.
int sfp_read(Sfp* sfp, bool a2, size_t len) {
  (void)a2;
  sim::check_access(sfp->i2c, "sfp->i2c");
  sim::sleep_for(static_cast<sim::Time>(len) * 90 * sim::kUsec);  // 100 kHz, 9 bits a byte
  SfpSlot* slot = sfp->slot;
  if (!slot->module) return -ENXIO;
  if (slot->eeprom_failures_left > 0) {
    --slot->eeprom_failures_left;
    return -EIO;
  }
  return static_cast<int>(len);
}

// sfp_gpio_get_state() / sff_gpio_get_state(): the input pins.
unsigned sfp_gpio_get_state(const Sfp* sfp) {
  const SfpSlot* slot = sfp->slot;
  unsigned state = 0;
  if (!sfp->gpio_moddef0 || slot->module) state |= SFP_F_PRESENT;
  if (sfp->gpio_los && sfp_slot_los(slot)) state |= SFP_F_LOS;
  if (sfp->gpio_tx_fault && slot->module && slot->tx_fault) state |= SFP_F_TX_FAULT;
  return state;
}

// The pins the cage has (sfp_sm_mod_probe()'s mask).
unsigned sfp_gpio_mask(const Sfp* sfp) {
  unsigned mask = SFP_F_PRESENT;
  if (sfp->gpio_tx_disable) mask |= SFP_F_TX_DISABLE;
  if (sfp->gpio_tx_fault) mask |= SFP_F_TX_FAULT;
  if (sfp->gpio_los) mask |= SFP_F_LOS;
  if (sfp->gpio_rs0) mask |= SFP_F_RS0;
  return mask;
}

// The module drives TX while neither the TX_DISABLE pin nor its soft
// TX_DISABLE_FORCE bit holds it off.
void sfp_slot_update_tx(SfpSlot* slot) {
  bool disable = slot->tx_disable_pin || slot->tx_disable_soft;
  if (slot->tx_disable && !disable) slot->tx_enabled_at = sim::now();
  slot->tx_disable = disable;
}

// sfp_soft_get_state(): RX_LOS and TX_FAULT from the A2h status byte
// (SFP_STATUS, byte 110), an I2C read; a failed read keeps the state.
unsigned sfp_soft_get_state(Sfp* sfp) {
  unsigned state = 0;
  if (sfp_read(sfp, true, 1) == 1) {
    const SfpSlot* slot = sfp->slot;
    if (sfp_slot_los(slot)) state |= SFP_F_LOS;
    if (slot->tx_fault) state |= SFP_F_TX_FAULT;
  } else {
    note(sfp_name(sfp) + ": failed to read SFP soft status");
    state = sfp->state;
  }
  return state & sfp->state_soft_mask;
}

// sfp_soft_set_state(): TX_DISABLE_FORCE in the status byte, a
// read-modify-write over I2C (rate select is not modelled).
void sfp_soft_set_state(Sfp* sfp, unsigned state, unsigned soft) {
  if (!(soft & SFP_F_TX_DISABLE)) return;
  if (sfp_read(sfp, true, 1) != 1) return;
  bool force = (state & SFP_F_TX_DISABLE) != 0;
  if (sfp->slot->tx_disable_soft == force) return;  // sfp_modify_u8(): unchanged, no write
  sim::sleep_for(2 * 90 * sim::kUsec);              // the write: address and value
  sfp->slot->tx_disable_soft = force;
  sfp_slot_update_tx(sfp->slot);
}

// sfp_get_state(): the pins the mask lets through, and the soft signals
// while a module is present. With st_mutex held, or from probe.
unsigned sfp_get_state(Sfp* sfp) {
  unsigned soft = sfp->state_soft_mask & (SFP_F_LOS | SFP_F_TX_FAULT);
  unsigned state = sfp_gpio_get_state(sfp) & sfp->state_hw_mask;
  if ((state & SFP_F_PRESENT) && soft) state |= sfp_soft_get_state(sfp);
  return state;
}

// sfp_set_state(): sfp_gpio_set_state() on the output pins, then the soft
// outputs of a present module.
void sfp_set_state(Sfp* sfp, unsigned state) {
  SfpSlot* slot = sfp->slot;
  slot->tx_disable_pin = sfp->gpio_tx_disable && (state & SFP_F_TX_DISABLE);
  sfp_slot_update_tx(slot);
  unsigned soft = sfp->state_soft_mask & SFP_F_OUTPUTS;
  if ((state & SFP_F_PRESENT) && soft) sfp_soft_set_state(sfp, state, soft);
}

void sfp_mod_state(Sfp* sfp, unsigned mask, unsigned set) {
  sim::mutex_lock(&sfp->st_mutex);
  sfp->state = (sfp->state & ~mask) | set;
  sfp_set_state(sfp, sfp->state);
  sim::mutex_unlock(&sfp->st_mutex);
}

void sfp_module_tx_disable(Sfp* sfp) { sfp_mod_state(sfp, SFP_F_TX_DISABLE, SFP_F_TX_DISABLE); }
void sfp_module_tx_enable(Sfp* sfp) { sfp_mod_state(sfp, SFP_F_TX_DISABLE, 0); }

// sfp_module_tx_fault_reset(): pulse TX_DISABLE for T_RESET_US.
void sfp_module_tx_fault_reset(Sfp* sfp) {
  sim::mutex_lock(&sfp->st_mutex);
  unsigned state = sfp->state;
  if (!(state & SFP_F_TX_DISABLE)) {
    sfp_set_state(sfp, state | SFP_F_TX_DISABLE);
    sim::sleep_for(10 * sim::kUsec);
    sfp_set_state(sfp, state);
  }
  sim::mutex_unlock(&sfp->st_mutex);
}

void sfp_sm_set_timer(Sfp* sfp, sim::Time timeout) {
  sim::Workqueue* wq = sim::Engine::current().system_power_efficient_wq();
  if (timeout)
    sim::mod_delayed_work(wq, &sfp->timeout, timeout);
  else
    sim::cancel_delayed_work(&sfp->timeout);
}

void sfp_sm_next(Sfp* sfp, unsigned state, sim::Time timeout) {
  if (sfp->sm_state != state) {
    sim::Engine::current().mark_progress();
    note(fmt::format("{}: SM: {} -> {}", sfp_name(sfp), sm_state_to_str(sfp->sm_state),
                     sm_state_to_str(state)));
  }
  sfp->sm_state = state;
  sfp_sm_set_timer(sfp, timeout);
}

void sfp_sm_mod_next(Sfp* sfp, unsigned state, sim::Time timeout) {
  if (sfp->sm_mod_state != state) {
    sim::Engine::current().mark_progress();
    note(fmt::format("{}: module {} -> {}", sfp_name(sfp), mod_state_to_str(sfp->sm_mod_state),
                     mod_state_to_str(state)));
    sfp->slot->mod_history.emplace_back(mod_state_to_str(state));
  }
  sfp->sm_mod_state = state;
  sfp_sm_set_timer(sfp, timeout);
}

// ---- the module: EEPROM, power

bool supports_a2(const SfpEepromId& id) {
  return id.sff8472_compliance != SFP_SFF8472_COMPLIANCE_NONE || (id.diagmon & SFP_DIAGMON_DDM);
}

int sfp_module_parse_power(Sfp* sfp) {
  unsigned power_mW = sfp_module_power_mW(sfp->id);
  if (power_mW <= 1000) {
    sfp->module_power_mW = power_mW;
    return 0;
  }
  if (power_mW > sfp->max_power_mW) {
    if (!supports_a2(sfp->id)) {
      note(fmt::format("{}: Host does not support {}.{}W modules", sfp_name(sfp), power_mW / 1000,
                       (power_mW / 100) % 10));
      return -EINVAL;
    }
    note(fmt::format("{}: Host does not support {}.{}W modules, module left in power mode 1",
                     sfp_name(sfp), power_mW / 1000, (power_mW / 100) % 10));
    return 0;
  }
  sfp->module_power_mW = power_mW;
  return 0;
}

// sfp_sm_mod_hpower(): select the power level in A2h byte 118.
int sfp_sm_mod_hpower(Sfp* sfp, bool enable) {
  int err = sfp_read(sfp, true, 1);
  if (err < 0) return -EAGAIN;
  note(fmt::format("{}: Module switched to {}.{}W power level", sfp_name(sfp),
                   enable ? sfp->module_power_mW / 1000 : 1,
                   enable ? (sfp->module_power_mW / 100) % 10 : 0));
  return 0;
}

// ---- sfp_quirks[]: the modules sfp.c knows by vendor and part

// sfp_fixup_rollball(): the PHY is behind RollBall's I2C protocol, and its
// registers read all-ones for up to 25 s: probe it every 1 s, not 50 ms.
void sfp_fixup_rollball(Sfp* sfp) {
  sfp->mdio_protocol = MdioI2cProto::MDIO_I2C_ROLLBALL;
  sfp->phy_t_retry = T_PHY_RETRY_ROLLBALL;
}
// sfp_fixup_rollball_wait4s(): FS modules also need 4 s before the first
// PHY access (module_t_wait, the main machine's WAIT).
void sfp_fixup_rollball_wait4s(Sfp* sfp) {
  sfp_fixup_rollball(sfp);
  sfp->module_t_wait = T_WAIT_ROLLBALL;
}
// sfp_fixup_fs_10gt(): the FS SFP-10G-T does not say it is copper.
void sfp_fixup_fs_10gt(Sfp* sfp) {
  sfp->id.connector = SFF8024_CONNECTOR_RJ45;
  sfp->id.extended_cc = SFF8024_ECC_10GBASE_T_SR;
  sfp_fixup_rollball_wait4s(sfp);
}
// sfp_fixup_rollball_cc(): a zero extended code burned in; the PHY probe
// needs the right one.
void sfp_fixup_rollball_cc(Sfp* sfp) {
  sfp_fixup_rollball(sfp);
  sfp->id.extended_cc = SFF8024_ECC_10GBASE_T_SFI;
}

struct SfpQuirk {
  const char* vendor;
  const char* part;
  void (*fixup)(Sfp* sfp);
};
// The RollBall entries of v6.12's sfp_quirks[].
constexpr SfpQuirk kSfpQuirks[] = {
    {"FLYPRO", "SFP-10GT-CS-30M", sfp_fixup_rollball},
    {"FS", "SFP-10G-T", sfp_fixup_fs_10gt},
    {"FS", "SFP-2.5G-T", sfp_fixup_rollball_wait4s},
    {"FS", "SFP-10GM-T", sfp_fixup_rollball_wait4s},
    {"OEM", "HC-10GE-113C", sfp_fixup_rollball},
    {"OEM", "SFP-10G-T", sfp_fixup_rollball_cc},
    {"OEM", "RTSFP-10", sfp_fixup_rollball_cc},
    {"OEM", "RTSFP-10G", sfp_fixup_rollball_cc},
    {"Turris", "RTSFP-2.5G", sfp_fixup_rollball},
    {"Turris", "RTSFP-10", sfp_fixup_rollball},
    {"Turris", "RTSFP-10G", sfp_fixup_rollball},
};

// sfp_lookup_quirk(): vendor name and part number, exactly.
const SfpQuirk* sfp_lookup_quirk(const SfpEepromId& id) {
  for (const SfpQuirk& q : kSfpQuirks)
    if (id.vendor_name == q.vendor && id.vendor_pn == q.part) return &q;
  return nullptr;
}

// sfp_sm_mod_probe(): read and check the EEPROM, choose the PHY protocol
// and the module's timings.
int sfp_sm_mod_probe(Sfp* sfp, bool report) {
  int ret = sfp_read(sfp, false, 96);
  if (ret < 0) {
    if (report) note(fmt::format("{}: failed to read EEPROM: {}", sfp_name(sfp), ret));
    return -EAGAIN;
  }
  const SfpModuleProfile* m = sfp->slot->module;
  if (!m) return -EAGAIN;
  sfp->id = m->id;
  sfp->have_id = true;
  sfp->quirk_2500basex = m->quirk_2500basex;
  note(fmt::format("{}: module {} {} rev {} sn {}", sfp_name(sfp), m->id.vendor_name,
                   m->id.vendor_pn, m->id.vendor_rev, m->id.vendor_sn));
  sfp->module_t_wait = T_WAIT;
  sfp->module_t_start_up = T_START_UP;
  sfp->phy_t_retry = T_PHY_RETRY;
  sfp->mdio_protocol = sfp_mdio_protocol(sfp->id);
  if (const SfpQuirk* q = sfp_lookup_quirk(sfp->id); q && q->fixup) q->fixup(sfp);
  // sfp_module_parse_sff8472()
  if (sfp->id.sff8472_compliance != SFP_SFF8472_COMPLIANCE_NONE) {
    if (sfp->id.diagmon & SFP_DIAGMON_ADDRMODE)
      note(sfp_name(sfp) + ": module address swap to access page 0xA2 is not supported.");
    else
      sfp->have_a2 = true;
  }
  int ret_power = sfp_module_parse_power(sfp);
  if (ret_power < 0) return ret_power;
  // The pins the module's signals come from from now on; until the first
  // module was read only MOD_DEF0 is looked at.
  sim::mutex_lock(&sfp->st_mutex);
  sfp->state_hw_mask = sfp_gpio_mask(sfp);
  sim::mutex_unlock(&sfp->st_mutex);
  return 0;
}

void sfp_sm_mod_remove(Sfp* sfp) {
  if (sfp->sm_mod_state > SFP_MOD_WAITDEV) sfp_module_remove(sfp->sfp_bus);
  sfp->hwmon = false;  // sfp_hwmon_remove()
  sfp->id = SfpEepromId{};
  sfp->have_id = false;
  sfp->module_power_mW = 0;
  sfp->have_a2 = false;
  sfp_module_tx_disable(sfp);
  note(sfp_name(sfp) + ": module removed");
}

// ---- the module's PHY, over I2C-MDIO

int sfp_i2c_mdiobus_create(Sfp* sfp) {
  int ret = 0;
  MiiBus* i2c_mii = mdio_i2c_alloc(sfp->dev, sfp->i2c, sfp->slot, sfp->mdio_protocol, &ret);
  if (!i2c_mii) {
    note(fmt::format("{}: Cannot initialize RollBall MDIO I2C protocol: {}", sfp_name(sfp),
                     core::errno_name(ret)));
    return ret;
  }
  ret = mdiobus_register(i2c_mii);
  if (ret < 0) {
    mdiobus_free(i2c_mii);
    return ret;
  }
  sfp->i2c_mii = i2c_mii;
  return 0;
}

void sfp_i2c_mdiobus_destroy(Sfp* sfp) {
  mdiobus_unregister(sfp->i2c_mii.at("sfp->i2c_mii"));
  mdiobus_free(sfp->i2c_mii.get());
  sfp->i2c_mii = nullptr;
}

void sfp_sm_phy_detach(Sfp* sfp) {
  LL_FUNC();
  PhyDevice* phy = sfp->mod_phy.at("sfp->mod_phy");
  sfp_remove_phy(sfp->sfp_bus);
  phy_device_remove(phy);
  phy_device_free(phy);
  sfp->mod_phy = nullptr;
}

int sfp_sm_probe_phy(Sfp* sfp, int addr, bool is_c45) {
  LL_FUNC();
  int err = 0;
  PhyDevice* phy =
      mdio_i2c_get_phy_device(sfp->i2c_mii.at("sfp->i2c_mii"), sfp->slot, addr, is_c45, &err);
  if (!phy) return err;
  phy->is_on_sfp_module = true;
  // What the PHY's line side sees: the cable plugged into the module.
  phy->hw.medium = sfp->slot->medium;
  phy->hw.medium->watch(phy, [phy] { phy_hw_changed(phy); });
  err = phy_device_register(phy);
  if (err) {
    phy->hw.medium->unwatch(phy);
    phy_device_free(phy);
    note(fmt::format("{}: phy_device_register failed: {}", sfp_name(sfp), core::errno_name(err)));
    return err;
  }
  ++sfp->slot->phys_registered;
  err = sfp_add_phy(sfp->sfp_bus, phy);
  if (err) {
    phy_device_remove(phy);
    phy_device_free(phy);
    note(fmt::format("{}: sfp_add_phy failed: {}", sfp_name(sfp), core::errno_name(err)));
    return err;
  }
  sfp->mod_phy = phy;
  return 0;
}

int sfp_sm_probe_for_phy(Sfp* sfp) {
  switch (sfp->mdio_protocol) {
    case MdioI2cProto::MDIO_I2C_NONE:
      return 0;
    case MdioI2cProto::MDIO_I2C_MARVELL_C22:
      return sfp_sm_probe_phy(sfp, SFP_PHY_ADDR, false);
    case MdioI2cProto::MDIO_I2C_C45:
      return sfp_sm_probe_phy(sfp, SFP_PHY_ADDR, true);
    case MdioI2cProto::MDIO_I2C_ROLLBALL:
      return sfp_sm_probe_phy(sfp, SFP_PHY_ADDR_ROLLBALL, true);
  }
  return 0;
}

// ---- soft signals: the module's A2h status byte for the pins the cage lacks

// sfp_soft_start_poll(): the soft signals the module offers (enhanced
// options, byte 93) for the pins that are not there, polled every 100 ms.
void sfp_soft_start_poll(Sfp* sfp) {
  unsigned mask = 0;
  if (sfp->id.enhopts & SFP_ENHOPTS_SOFT_TX_DISABLE) mask |= SFP_F_TX_DISABLE;
  if (sfp->id.enhopts & SFP_ENHOPTS_SOFT_TX_FAULT) mask |= SFP_F_TX_FAULT;
  if (sfp->id.enhopts & SFP_ENHOPTS_SOFT_RX_LOS) mask |= SFP_F_LOS;
  sim::mutex_lock(&sfp->st_mutex);
  sfp->state_soft_mask = ~sfp->state_hw_mask & mask;
  if ((sfp->state_soft_mask & (SFP_F_LOS | SFP_F_TX_FAULT)) && !sfp->need_poll)
    sim::mod_delayed_work(sim::Engine::current().system_wq(), &sfp->poll, POLL_JIFFIES);
  sim::mutex_unlock(&sfp->st_mutex);
}

void sfp_soft_stop_poll(Sfp* sfp) {
  sim::mutex_lock(&sfp->st_mutex);
  sfp->state_soft_mask = 0;
  sim::mutex_unlock(&sfp->st_mutex);
}

// ---- the main state machine's helpers

void sfp_sm_link_up(Sfp* sfp) {
  sfp_link_up(sfp->sfp_bus);
  sfp_sm_next(sfp, SFP_S_LINK_UP, 0);
}

void sfp_sm_link_down(Sfp* sfp) { sfp_link_down(sfp->sfp_bus); }

unsigned los_options(const Sfp* sfp) {
  return sfp->id.options & (SFP_OPTIONS_LOS_INVERTED | SFP_OPTIONS_LOS_NORMAL);
}

void sfp_sm_link_check_los(Sfp* sfp) {
  bool los = false;
  // Neither or both option bits: the module has no meaningful LOS.
  if (los_options(sfp) == SFP_OPTIONS_LOS_INVERTED)
    los = !(sfp->state & SFP_F_LOS);
  else if (los_options(sfp) == SFP_OPTIONS_LOS_NORMAL)
    los = sfp->state & SFP_F_LOS;
  if (los)
    sfp_sm_next(sfp, SFP_S_WAIT_LOS, 0);
  else
    sfp_sm_link_up(sfp);
}

bool sfp_los_event_active(const Sfp* sfp, unsigned event) {
  return (los_options(sfp) == SFP_OPTIONS_LOS_INVERTED && event == SFP_E_LOS_LOW) ||
         (los_options(sfp) == SFP_OPTIONS_LOS_NORMAL && event == SFP_E_LOS_HIGH);
}

bool sfp_los_event_inactive(const Sfp* sfp, unsigned event) {
  return (los_options(sfp) == SFP_OPTIONS_LOS_INVERTED && event == SFP_E_LOS_HIGH) ||
         (los_options(sfp) == SFP_OPTIONS_LOS_NORMAL && event == SFP_E_LOS_LOW);
}

void sfp_sm_fault(Sfp* sfp, unsigned next_state, bool warn) {
  if (sfp->sm_fault_retries && !--sfp->sm_fault_retries) {
    note(sfp_name(sfp) + ": module persistently indicates fault, disabling");
    sfp_sm_next(sfp, SFP_S_TX_DISABLE, 0);
  } else {
    if (warn) note(sfp_name(sfp) + ": module transmit fault indicated");
    sfp_sm_next(sfp, next_state, T_FAULT_RECOVER);
  }
}

// ---- the three state machines

void sfp_sm_device(Sfp* sfp, unsigned event) {
  switch (sfp->sm_dev_state) {
    default:
      if (event == SFP_E_DEV_ATTACH) sfp->sm_dev_state = SFP_DEV_DOWN;
      break;
    case SFP_DEV_DOWN:
      if (event == SFP_E_DEV_DETACH)
        sfp->sm_dev_state = SFP_DEV_DETACHED;
      else if (event == SFP_E_DEV_UP)
        sfp->sm_dev_state = SFP_DEV_UP;
      break;
    case SFP_DEV_UP:
      if (event == SFP_E_DEV_DETACH)
        sfp->sm_dev_state = SFP_DEV_DETACHED;
      else if (event == SFP_E_DEV_DOWN)
        sfp->sm_dev_state = SFP_DEV_DOWN;
      break;
  }
}

void sfp_sm_module(Sfp* sfp, unsigned event) {
  if (event == SFP_E_REMOVE) {
    sfp_sm_mod_remove(sfp);
    sfp_sm_mod_next(sfp, SFP_MOD_EMPTY, 0);
    return;
  }
  if (sfp->sm_dev_state < SFP_DEV_DOWN && sfp->sm_mod_state > SFP_MOD_WAITDEV) {
    if (sfp->module_power_mW > 1000 && sfp->sm_mod_state > SFP_MOD_HPOWER)
      sfp_sm_mod_hpower(sfp, false);
    sfp_sm_mod_next(sfp, SFP_MOD_WAITDEV, 0);
    return;
  }
  int err = 0;
  switch (sfp->sm_mod_state) {
    default:
      if (event == SFP_E_INSERT) {
        sfp_sm_mod_next(sfp, SFP_MOD_PROBE, T_SERIAL);
        sfp->sm_mod_tries_init = R_PROBE_RETRY_INIT;
        sfp->sm_mod_tries = R_PROBE_RETRY_SLOW;
      }
      break;
    case SFP_MOD_PROBE:
      if (event != SFP_E_TIMEOUT) break;
      err = sfp_sm_mod_probe(sfp, sfp->sm_mod_tries == 1);
      if (err == -EAGAIN) {
        if (sfp->sm_mod_tries_init && --sfp->sm_mod_tries_init) {
          sfp_sm_set_timer(sfp, T_PROBE_RETRY_INIT);
          break;
        } else if (sfp->sm_mod_tries && --sfp->sm_mod_tries) {
          if (sfp->sm_mod_tries == R_PROBE_RETRY_SLOW - 1)
            note(sfp_name(sfp) + ": please wait, module slow to respond");
          sfp_sm_set_timer(sfp, T_PROBE_RETRY_SLOW);
          break;
        }
      }
      if (err < 0) {
        sfp_sm_mod_next(sfp, SFP_MOD_ERROR, 0);
        break;
      }
      // Force a poll to re-read the pins sfp_sm_mod_probe() may unmask.
      sim::mod_delayed_work(sim::Engine::current().system_wq(), &sfp->poll, 1);
      sfp->hwmon = supports_a2(sfp->id);  // sfp_hwmon_insert()
      sfp_sm_mod_next(sfp, SFP_MOD_WAITDEV, 0);
      [[fallthrough]];
    case SFP_MOD_WAITDEV:
      if (sfp->sm_dev_state < SFP_DEV_DOWN) break;
      err = sfp_module_insert(sfp->sfp_bus, &sfp->id, sfp->quirk_2500basex);
      if (err < 0) {
        sfp_sm_mod_next(sfp, SFP_MOD_ERROR, 0);
        break;
      }
      if (sfp->module_power_mW <= 1000) {
        sfp_sm_mod_next(sfp, SFP_MOD_PRESENT, 0);
        break;
      }
      sfp_sm_mod_next(sfp, SFP_MOD_HPOWER, 0);
      [[fallthrough]];
    case SFP_MOD_HPOWER:
      err = sfp_sm_mod_hpower(sfp, true);
      if (err < 0) {
        if (err != -EAGAIN) {
          sfp_module_remove(sfp->sfp_bus);
          sfp_sm_mod_next(sfp, SFP_MOD_ERROR, 0);
        } else {
          sfp_sm_set_timer(sfp, T_PROBE_RETRY_INIT);
        }
        break;
      }
      sfp_sm_mod_next(sfp, SFP_MOD_WAITPWR, T_HPOWER_LEVEL);
      break;
    case SFP_MOD_WAITPWR:
      if (event != SFP_E_TIMEOUT) break;
      sfp_sm_mod_next(sfp, SFP_MOD_PRESENT, 0);
      break;
    case SFP_MOD_PRESENT:
    case SFP_MOD_ERROR:
      break;
  }
}

void sfp_sm_main(Sfp* sfp, unsigned event) {
  // Some events are global.
  if (sfp->sm_state != SFP_S_DOWN &&
      (sfp->sm_mod_state != SFP_MOD_PRESENT || sfp->sm_dev_state != SFP_DEV_UP)) {
    if (sfp->sm_state == SFP_S_LINK_UP && sfp->sm_dev_state == SFP_DEV_UP) sfp_sm_link_down(sfp);
    if (sfp->sm_state > SFP_S_INIT) sfp_module_stop(sfp->sfp_bus);
    if (sfp->mod_phy) sfp_sm_phy_detach(sfp);
    if (sfp->i2c_mii) sfp_i2c_mdiobus_destroy(sfp);
    sfp_module_tx_disable(sfp);
    sfp_soft_stop_poll(sfp);
    sfp_sm_next(sfp, SFP_S_DOWN, 0);
    return;
  }
  int ret = 0;
  switch (sfp->sm_state) {
    case SFP_S_DOWN:
      if (sfp->sm_mod_state != SFP_MOD_PRESENT || sfp->sm_dev_state != SFP_DEV_UP) break;
      // Soft signals only with the A2h page (some SFF-8472 compliance).
      if (sfp->have_a2) sfp_soft_start_poll(sfp);
      sfp_module_tx_enable(sfp);
      sfp->sm_fault_retries = N_FAULT_INIT;
      sfp_sm_next(sfp, SFP_S_WAIT, sfp->module_t_wait);
      break;
    case SFP_S_WAIT:
      if (event != SFP_E_TIMEOUT) break;
      if (sfp->state & SFP_F_TX_FAULT) {
        sim::Time timeout = sfp->module_t_start_up > sfp->module_t_wait
                                ? sfp->module_t_start_up - sfp->module_t_wait
                                : 1;
        sfp_sm_next(sfp, SFP_S_INIT, timeout);
        break;
      }
      goto init_done;
    case SFP_S_INIT:
      if (event == SFP_E_TIMEOUT && (sfp->state & SFP_F_TX_FAULT)) {
        sfp_sm_fault(sfp, SFP_S_INIT_TX_FAULT, sfp->sm_fault_retries == N_FAULT_INIT);
      } else if (event == SFP_E_TIMEOUT || event == SFP_E_TX_CLEAR) {
      init_done:
        if (sfp->mdio_protocol != MdioI2cProto::MDIO_I2C_NONE) {
          ret = sfp_i2c_mdiobus_create(sfp);
          if (ret < 0) {
            sfp_sm_next(sfp, SFP_S_FAIL, 0);
            break;
          }
        }
        sfp->sm_phy_retries = R_PHY_RETRY;
        goto phy_probe;
      }
      break;
    case SFP_S_INIT_PHY:
      if (event != SFP_E_TIMEOUT) break;
    phy_probe:
      ret = sfp_sm_probe_for_phy(sfp);
      if (ret == -ENODEV) {
        if (--sfp->sm_phy_retries) {
          sfp_sm_next(sfp, SFP_S_INIT_PHY, sfp->phy_t_retry);
          break;
        }
        note(sfp_name(sfp) + ": no PHY detected");
      } else if (ret) {
        sfp_sm_next(sfp, SFP_S_FAIL, 0);
        break;
      }
      if (sfp_module_start(sfp->sfp_bus)) {
        sfp_sm_next(sfp, SFP_S_FAIL, 0);
        break;
      }
      sfp_sm_link_check_los(sfp);
      sfp->sm_fault_retries = N_FAULT;
      break;
    case SFP_S_INIT_TX_FAULT:
      if (event == SFP_E_TIMEOUT) {
        sfp_module_tx_fault_reset(sfp);
        sfp_sm_next(sfp, SFP_S_INIT, sfp->module_t_start_up);
      }
      break;
    case SFP_S_WAIT_LOS:
      if (event == SFP_E_TX_FAULT)
        sfp_sm_fault(sfp, SFP_S_TX_FAULT, true);
      else if (sfp_los_event_inactive(sfp, event))
        sfp_sm_link_up(sfp);
      break;
    case SFP_S_LINK_UP:
      if (event == SFP_E_TX_FAULT) {
        sfp_sm_link_down(sfp);
        sfp_sm_fault(sfp, SFP_S_TX_FAULT, true);
      } else if (sfp_los_event_active(sfp, event)) {
        sfp_sm_link_down(sfp);
        sfp_sm_next(sfp, SFP_S_WAIT_LOS, 0);
      }
      break;
    case SFP_S_TX_FAULT:
      if (event == SFP_E_TIMEOUT) {
        sfp_module_tx_fault_reset(sfp);
        sfp_sm_next(sfp, SFP_S_REINIT, sfp->module_t_start_up);
      }
      break;
    case SFP_S_REINIT:
      if (event == SFP_E_TIMEOUT && (sfp->state & SFP_F_TX_FAULT)) {
        sfp_sm_fault(sfp, SFP_S_TX_FAULT, false);
      } else if (event == SFP_E_TIMEOUT || event == SFP_E_TX_CLEAR) {
        note(sfp_name(sfp) + ": module transmit fault recovered");
        sfp_sm_link_check_los(sfp);
      }
      break;
    case SFP_S_TX_DISABLE:
    case SFP_S_FAIL:
      break;
  }
}

void __sfp_sm_event(Sfp* sfp, unsigned event) {
  sim::check_access(sfp, "sfp->sm_state");
  sfp_sm_device(sfp, event);
  sfp_sm_module(sfp, event);
  sfp_sm_main(sfp, event);
}

void sfp_sm_event(Sfp* sfp, unsigned event) {
  LL_FUNC();
  sim::mutex_lock(&sfp->sm_mutex);
  __sfp_sm_event(sfp, event);
  sim::mutex_unlock(&sfp->sm_mutex);
}

// ---- the socket ops (sfp_module_ops)

void sfp_attach(Sfp* sfp) { sfp_sm_event(sfp, SFP_E_DEV_ATTACH); }
void sfp_detach(Sfp* sfp) { sfp_sm_event(sfp, SFP_E_DEV_DETACH); }
void sfp_start(Sfp* sfp) { sfp_sm_event(sfp, SFP_E_DEV_UP); }
void sfp_stop(Sfp* sfp) { sfp_sm_event(sfp, SFP_E_DEV_DOWN); }

const char* connector_name(uint8_t c) {
  switch (c) {
    case 0x07:
      return "LC";
    case 0x21:
      return "Copper pigtail";
    case 0x22:
      return "RJ45";
  }
  return "unknown";
}

// sfp_module_info() and what ethtool -m decodes from the A0h page.
int sfp_module_info(Sfp* sfp, std::string* info) {
  sim::check_access(sfp, "sfp->id");
  if (!sfp->have_id) return -EOPNOTSUPP;  // no module identified (the kernel reads zeros)
  const SfpEepromId& id = sfp->id;
  std::string codes;
  auto add = [&codes](bool on, const char* s) {
    if (on) codes += (codes.empty() ? "" : ", ") + std::string(s);
  };
  add(id.e10g_base_sr, "10G Ethernet: 10G Base-SR");
  add(id.e10g_base_lr, "10G Ethernet: 10G Base-LR");
  add(id.e1000_base_sx, "Ethernet: 1000BASE-SX");
  add(id.e1000_base_lx, "Ethernet: 1000BASE-LX");
  add(id.e1000_base_t, "Ethernet: 1000BASE-T");
  add(id.sfp_ct_passive, "Passive Cable");
  add(id.extended_cc == SFF8024_ECC_10GBASE_T_SFI, "Extended: 10GBASE-T with SFI electrical");
  *info = fmt::format(
      "Identifier: 0x{:02x} (SFP), Connector: 0x{:02x} ({}), Transceiver type: {}, "
      "BR nominal: {}MBd, Vendor name: {}, Vendor PN: {}, Vendor rev: {}, Vendor SN: {}, "
      "SFF-8472: {}",
      id.phys_id, id.connector, connector_name(id.connector), codes.empty() ? "none" : codes,
      id.br_nominal * 100, id.vendor_name, id.vendor_pn, id.vendor_rev, id.vendor_sn,
      id.sff8472_compliance != SFP_SFF8472_COMPLIANCE_NONE ? "yes" : "no");
  return 0;
}

// sfp_module_eeprom(): the A0h page, read over I2C now.
int sfp_module_eeprom(Sfp* sfp, std::vector<uint8_t>* data) {
  sim::check_access(sfp, "sfp->i2c");
  int ret = sfp_read(sfp, false, 256);
  // The transfer slept: the cage may have gone meanwhile.
  sim::check_access(sfp, "sfp->id");
  if (ret < 0) return ret;
  data->assign(256, 0);
  (*data)[0] = sfp->id.phys_id;
  return 0;
}

constexpr SfpSocketOps sfp_module_ops = {
    .attach = sfp_attach,
    .detach = sfp_detach,
    .start = sfp_start,
    .stop = sfp_stop,
    .module_info = sfp_module_info,
    .module_eeprom = sfp_module_eeprom,
};

// ---- events from the pins and the timers

void sfp_timeout(Sfp* sfp) {
  LL_FUNC();
  sfp_lock();
  sfp_sm_event(sfp, SFP_E_TIMEOUT);
  sfp_unlock();
}

void sfp_check_state(Sfp* sfp) {
  LL_FUNC();
  sfp_lock();
  sim::mutex_lock(&sfp->st_mutex);
  unsigned state = sfp_get_state(sfp);
  unsigned changed = (state ^ sfp->state) & (SFP_F_PRESENT | SFP_F_LOS | SFP_F_TX_FAULT);
  state |= sfp->state & SFP_F_OUTPUTS;
  sfp->state = state;
  sim::mutex_unlock(&sfp->st_mutex);
  sim::mutex_lock(&sfp->sm_mutex);
  if (changed & SFP_F_PRESENT)
    __sfp_sm_event(sfp, (state & SFP_F_PRESENT) ? SFP_E_INSERT : SFP_E_REMOVE);
  if (changed & SFP_F_TX_FAULT)
    __sfp_sm_event(sfp, (state & SFP_F_TX_FAULT) ? SFP_E_TX_FAULT : SFP_E_TX_CLEAR);
  if (changed & SFP_F_LOS)
    __sfp_sm_event(sfp, (state & SFP_F_LOS) ? SFP_E_LOS_HIGH : SFP_E_LOS_LOW);
  sim::mutex_unlock(&sfp->sm_mutex);
  sfp_unlock();
}

void sfp_poll(Sfp* sfp) {
  sfp_check_state(sfp);
  if ((sfp->state_soft_mask & (SFP_F_LOS | SFP_F_TX_FAULT)) || sfp->need_poll)
    sim::mod_delayed_work(sim::Engine::current().system_wq(), &sfp->poll, POLL_JIFFIES);
}

// The GPIO lines the cage uses: "<name>-gpios" or the older "<name>-gpio".
const core::FwNode* gpio_provider(const core::FwNode* np, const char* name) {
  std::string base(name);
  for (std::string prop : {base + "-gpios", base + "-gpio"})
    if (np->has_property(prop)) {
      core::FwNode* p = core::parse_phandle(np, prop);
      return p ? p : np;
    }
  return nullptr;
}

// devm_gpiod_get_optional(): absent is fine, a provider without a driver
// defers.
int gpiod_get_optional(const core::FwNode* np, const char* name, bool* present, bool* irq) {
  const core::FwNode* provider = gpio_provider(np, name);
  *present = provider != nullptr;
  if (irq) *irq = false;
  if (!provider || provider == np) return 0;
  if (!provider->dev || !provider->dev->driver) return -EPROBE_DEFER;
  // gpiod_to_irq(): only a controller that is also an interrupt controller.
  if (irq) *irq = provider->has_property("interrupt-controller");
  return 0;
}

// A module signal changed (SFP_F_PRESENT, SFP_F_LOS or SFP_F_TX_FAULT):
// the threaded IRQ of its line when that line has one; else the poll (of
// the pins, or of the module's soft status) sees it.
void sfp_slot_changed(SfpSlot* slot, unsigned signal) {
  Sfp* sfp = slot->driver;
  if (!sfp) return;
  bool irq = (signal == SFP_F_PRESENT && sfp->irq_moddef0) ||
             (signal == SFP_F_LOS && sfp->irq_los) ||
             (signal == SFP_F_TX_FAULT && sfp->irq_tx_fault);
  if (irq)
    sim::Engine::current().spawn(fmt::format("irq/{}", sfp_name(sfp)),
                                 [sfp] { sfp_check_state(sfp); });
}

void sfp_cleanup(Sfp* sfp) {
  sfp->slot->driver = nullptr;
  sim::cancel_delayed_work_sync(&sfp->poll);
  sim::cancel_delayed_work_sync(&sfp->timeout);
  if (sfp->i2c_mii) {
    mdiobus_unregister(sfp->i2c_mii.get());
    mdiobus_free(sfp->i2c_mii.get());
  }
  sim::kfree(sfp);
}

int sfp_probe(core::Device* dev) {
  LL_FUNC();
  auto* sfp = sim::kzalloc<Sfp>();
  sfp->set_name(dev->name());
  sfp->dev = dev;
  sfp->slot = sfp_slot(dev->fwnode);
  sim::mutex_init(&sfp->sm_mutex, "&sfp->sm_mutex");
  sim::mutex_init(&sfp->st_mutex, "&sfp->st_mutex");
  sim::INIT_DELAYED_WORK(
      &sfp->poll, "sfp_poll", [sfp] { sfp_poll(sfp); }, dev->name());
  sfp->poll.timer.poll = true;
  sim::INIT_DELAYED_WORK(
      &sfp->timeout, "sfp_timeout", [sfp] { sfp_timeout(sfp); }, dev->name());
  core::dev_set_drvdata(dev, sfp);
  core::devm_add_action_or_reset(dev, "sfp_cleanup", [sfp] { sfp_cleanup(sfp); });

  // sfp_i2c_get()
  const core::FwNode* np = dev->fwnode;
  core::FwNode* h = core::parse_phandle(np, "i2c-bus");
  if (!h) {
    note(dev->name() + ": missing 'i2c-bus' property");
    return -ENODEV;
  }
  sfp->i2c = dt::of_find_i2c_adapter_by_node(h);
  if (!sfp->i2c) return -EPROBE_DEFER;

  int err = gpiod_get_optional(np, "mod-def0", &sfp->gpio_moddef0, &sfp->irq_moddef0);
  if (!err) err = gpiod_get_optional(np, "los", &sfp->gpio_los, &sfp->irq_los);
  if (!err) err = gpiod_get_optional(np, "tx-fault", &sfp->gpio_tx_fault, &sfp->irq_tx_fault);
  if (!err) err = gpiod_get_optional(np, "tx-disable", &sfp->gpio_tx_disable, nullptr);
  if (!err) err = gpiod_get_optional(np, "rate-select0", &sfp->gpio_rs0, nullptr);
  if (err) return err;
  sfp->need_poll = (sfp->gpio_moddef0 && !sfp->irq_moddef0) || (sfp->gpio_los && !sfp->irq_los) ||
                   (sfp->gpio_tx_fault && !sfp->irq_tx_fault);

  sfp->max_power_mW = np->read_u32("maximum-power-milliwatt").value_or(0);
  if (sfp->max_power_mW < 1000) {
    if (sfp->max_power_mW)
      note(dev->name() + ": Firmware bug: host maximum power should be at least 1W");
    sfp->max_power_mW = 1000;
  }
  note(fmt::format("{}: Host maximum power {}.{}W", dev->name(), sfp->max_power_mW / 1000,
                   (sfp->max_power_mW / 100) % 10));

  // The initial state, with TX disabled: the interface is not up.
  sfp->state = sfp_get_state(sfp) | SFP_F_TX_DISABLE;
  sfp_set_state(sfp, sfp->state);
  sfp_module_tx_disable(sfp);
  sfp->slot->driver = sfp;
  if (sfp->state & SFP_F_PRESENT) {
    sfp_lock();
    sfp_sm_event(sfp, SFP_E_INSERT);
    sfp_unlock();
  }
  if (sfp->need_poll)
    sim::mod_delayed_work(sim::Engine::current().system_wq(), &sfp->poll, POLL_JIFFIES);
  if (!sfp->gpio_tx_disable)
    note(dev->name() + ": No tx_disable pin: SFP modules will always be emitting.");

  sfp->sfp_bus = sfp_register_socket(dev, sfp, &sfp_module_ops);
  if (!sfp->sfp_bus) return -ENOMEM;
  return 0;
}

void sfp_remove(core::Device* dev) {
  LL_FUNC();
  Sfp* sfp = core::dev_get_drvdata<Sfp>(dev);
  sfp_unregister_socket(sfp->sfp_bus);
  sfp_lock();
  sfp_sm_event(sfp, SFP_E_REMOVE);
  sfp_unlock();
  // devm: sfp_cleanup() runs after remove().
}

}  // namespace

const char* mod_state_to_str(unsigned s) {
  static constexpr const char* k[] = {"empty",  "error",   "probe",  "waitdev",
                                      "hpower", "waitpwr", "present"};
  return s < std::size(k) ? k[s] : "Unknown module state";
}
const char* dev_state_to_str(unsigned s) {
  static constexpr const char* k[] = {"detached", "down", "up"};
  return s < std::size(k) ? k[s] : "Unknown device state";
}
const char* sm_state_to_str(unsigned s) {
  static constexpr const char* k[] = {"down",     "fail",          "wait",      "init",
                                      "init_phy", "init_tx_fault", "wait_los",  "link_up",
                                      "tx_fault", "reinit",        "tx_disable"};
  return s < std::size(k) ? k[s] : "Unknown state";
}
const char* event_to_str(unsigned e) {
  static constexpr const char* k[] = {"insert",   "remove",  "dev_attach", "dev_detach",
                                      "dev_down", "dev_up",  "tx_fault",   "tx_clear",
                                      "los_high", "los_low", "timeout"};
  return e < std::size(k) ? k[e] : "Unknown event";
}

SfpSlot* sfp_slot(const core::FwNode* cage) {
  SfpState& st = sfp_state();
  for (SfpSlot* s : st.slots)
    if (s->node == cage) return s;
  auto* slot = sim::kzalloc<SfpSlot>(cage->full_path);
  slot->node = cage;
  slot->medium = Net::current().medium_for(cage);
  // LOS follows what is plugged into the module.
  slot->medium->watch(slot, [slot] { sfp_slot_changed(slot, SFP_F_LOS); });
  st.slots.push_back(slot);
  return slot;
}

bool sfp_slot_los(const SfpSlot* slot) {
  if (!slot->module) return true;
  return slot->los_forced || !slot->medium->plugged;
}

void sfp_slot_insert(SfpSlot* slot, const SfpModuleProfile* module) {
  slot->module = module;
  slot->eeprom_failures_left = module->eeprom_slow_reads;
  // A module powers up with its soft TX_DISABLE_FORCE clear: emitting
  // from now on unless the pin holds it off.
  slot->tx_disable_soft = false;
  if (!slot->tx_disable_pin) slot->tx_enabled_at = sim::now();
  ++slot->modules_inserted;
  note(fmt::format("{}: module {} inserted", slot->name(), module->name));
  sfp_slot_changed(slot, SFP_F_PRESENT);
}

void sfp_slot_remove(SfpSlot* slot) {
  slot->module = nullptr;
  note(slot->name() + ": module removed from the cage");
  sfp_slot_changed(slot, SFP_F_PRESENT);
}

void sfp_slot_set_los(SfpSlot* slot, bool on) {
  slot->los_forced = on;
  sfp_slot_changed(slot, SFP_F_LOS);
}

void sfp_slot_set_tx_fault(SfpSlot* slot, bool on) {
  slot->tx_fault = on;
  sfp_slot_changed(slot, SFP_F_TX_FAULT);
}

Sfp* sfp_of(const core::Device* dev) {
  if (!dev || !dev->driver || !dev->fwnode) return nullptr;
  for (SfpSlot* s : sfp_state().slots)
    if (s->node == dev->fwnode && s->driver && s->driver->dev == dev) return s->driver;
  return nullptr;
}

void sfp_driver_setup(core::Driver* drv) {
  drv->of_match_table = {kSfpCompatibles[0], kSfpCompatibles[1]};
  drv->probe = sfp_probe;
  drv->remove = sfp_remove;
}

}  // namespace lifeline::net
