// SPDX-License-Identifier: GPL-2.0-only
// The PHY state machine and its entry points, after drivers/net/phy/phy.c.
// The phy-loss design's phy_leave_alone hook guards the places marked
// "design:" (holdover, the 2026 proof of concept: a PHY without a driver is
// left alone, nothing WARNs or crashes; net/designs/phy_loss_holdover.cc).
#include <fmt/format.h>

#include "lifeline/core/errno.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

constexpr sim::Time PHY_STATE_TIME = sim::kSec;

using sim::note;

bool phy_leave_alone(const PhyDevice* phydev) {
  auto leave = phy_loss_ops().phy_leave_alone;
  return leave && leave(phydev);
}

enum class StateWork { kNone, kAneg, kSuspend };

void phy_process_state_change(PhyDevice* phydev, PhyState old_state) {
  if (old_state != phydev->state) sim::Engine::current().mark_progress();
  if (old_state != phydev->state)
    note(fmt::format("{}: PHY state change {} -> {}", phydev->name(), phy_state_to_str(old_state),
                     phy_state_to_str(phydev->state)));
}

void call_link_change(PhyDevice* phydev, bool up) {
  if (!phydev->phy_link_change) sim::null_deref("phydev->phy_link_change");
  phydev->phy_link_change(phydev, up);
}

void phy_link_up(PhyDevice* phydev) {
  note(fmt::format("{}: link up {}", phydev->name(),
                   speed_duplex_string(phydev->speed, phydev->duplex)));
  call_link_change(phydev, true);
  phy_led_trigger_change_speed(phydev);
}

void phy_link_down(PhyDevice* phydev) {
  note(phydev->name() + ": link down");
  call_link_change(phydev, false);
  phy_led_trigger_change_speed(phydev);
  ++phydev->link_down_events;
}

void phy_process_error(PhyDevice* phydev) {
  phydev->state = PhyState::PHY_ERROR;
  phy_trigger_machine(phydev);
}

void phy_error_precise(PhyDevice* phydev, const char* func, int err) {
  sim::warn(
      fmt::format("WARNING: {}: returned: {} ({})", func, core::errno_name(err), phydev->name()));
  phy_process_error(phydev);
}

// genphy_read_status() over the physical model.
int phy_read_status(PhyDevice* phydev) {
  if (!phydev->drv) return -EIO;
  mdio_access(phydev, "phy_read_status");
  HwLinkState hw = phy_hw_link_state(phydev);
  phydev->link = hw.link;
  phydev->lp_advertising = hw.lp_advertising;
  if (hw.link) {
    phydev->speed = hw.speed;
    phydev->duplex = hw.duplex;
  } else if (phydev->autoneg == AUTONEG_ENABLE) {
    phydev->speed = SPEED_UNKNOWN;
    phydev->duplex = DUPLEX_UNKNOWN;
  }
  return 0;
}

int phy_check_link_status(PhyDevice* phydev) {
  sim::lockdep_assert_held(&phydev->lock);
  int err = phy_read_status(phydev);
  if (err) return err;
  if (phydev->link && phydev->state != PhyState::PHY_RUNNING) {
    phydev->state = PhyState::PHY_RUNNING;
    phy_link_up(phydev);
  } else if (!phydev->link && phydev->state != PhyState::PHY_NOLINK) {
    phydev->state = PhyState::PHY_NOLINK;
    phy_link_down(phydev);
  }
  return 0;
}

// genphy_config_aneg(): restart negotiation (or force) in the hardware.
int phy_config_aneg(PhyDevice* phydev) {
  mdio_access(phydev, "phy_config_aneg");
  phydev->hw.aneg_restart = sim::now();
  phy_hw_changed(phydev);
  return 0;
}

StateWork _phy_state_machine(PhyDevice* phydev) {
  StateWork work = StateWork::kNone;
  PhyState old_state = phydev->state;
  const char* func = nullptr;
  int err = 0;
  switch (phydev->state) {
    case PhyState::PHY_DOWN:
    case PhyState::PHY_READY:
      break;
    case PhyState::PHY_UP:
      work = StateWork::kAneg;
      break;
    case PhyState::PHY_NOLINK:
    case PhyState::PHY_RUNNING:
      if (phy_leave_alone(phydev)) return work;  // design: no driver, leave it alone
      err = phy_check_link_status(phydev);
      func = "phy_check_link_status";
      break;
    case PhyState::PHY_CABLETEST:
      break;
    case PhyState::PHY_HALTED:
      if (phydev->link && phydev->autoneg == AUTONEG_ENABLE) {
        phydev->speed = SPEED_UNKNOWN;
        phydev->duplex = DUPLEX_UNKNOWN;
      }
      if (phydev->link) phydev->lp_advertising = 0;
      [[fallthrough]];
    case PhyState::PHY_ERROR:
      if (phydev->link) {
        phydev->link = 0;
        phy_link_down(phydev);
      }
      work = StateWork::kSuspend;
      break;
  }
  if (work == StateWork::kAneg) {
    if (phy_leave_alone(phydev)) return StateWork::kNone;  // design
    err = _phy_start_aneg(phydev);
    func = "_phy_start_aneg";
  }
  if (err == -ENODEV) return work;
  if (err < 0) phy_error_precise(phydev, func, err);
  phy_process_state_change(phydev, old_state);
  // Re-queue only when polling and started.
  if (phy_polling_mode(phydev) && phy_is_started(phydev))
    phy_queue_state_machine(phydev, PHY_STATE_TIME);
  return work;
}

}  // namespace

void phy_queue_state_machine(PhyDevice* phydev, sim::Time delay) {
  sim::mod_delayed_work(sim::Engine::current().system_power_efficient_wq(), &phydev->state_queue,
                        delay);
}

void phy_trigger_machine(PhyDevice* phydev) { phy_queue_state_machine(phydev, 0); }
void phy_start_machine(PhyDevice* phydev) { phy_trigger_machine(phydev); }

void phy_state_machine(PhyDevice* phydev) {
  LL_FUNC();
  sim::check_access(phydev, "phy_state_machine");
  sim::mutex_lock(&phydev->lock);
  StateWork work = _phy_state_machine(phydev);
  sim::mutex_unlock(&phydev->lock);
  if (work == StateWork::kSuspend) phy_suspend(phydev);
}

int _phy_start_aneg(PhyDevice* phydev) {
  sim::lockdep_assert_held(&phydev->lock);
  if (!phydev->drv) return -EIO;
  int err = phy_config_aneg(phydev);
  if (err < 0) return err;
  if (phy_is_started(phydev)) err = phy_check_link_status(phydev);
  return err;
}

int phy_start_aneg(PhyDevice* phydev) {
  sim::mutex_lock(&phydev->lock);
  int err = _phy_start_aneg(phydev);
  sim::mutex_unlock(&phydev->lock);
  return err;
}

void phy_error(PhyDevice* phydev) {
  sim::warn("WARNING: phy_error (" + phydev->name() + ")");
  phy_process_error(phydev);
}

void phy_start(PhyDevice* phydev) {
  LL_FUNC();
  sim::check_access(phydev, "phy_start");
  sim::mutex_lock(&phydev->lock);
  if (phydev->state != PhyState::PHY_READY && phydev->state != PhyState::PHY_HALTED) {
    if (phy_leave_alone(phydev)) {  // design
      note(phydev->name() + ": no driver, staying " + phy_state_to_str(phydev->state));
    } else {
      sim::warn(fmt::format("WARNING: phy_start: called from state {} ({})",
                            phy_state_to_str(phydev->state), phydev->name()));
    }
    sim::mutex_unlock(&phydev->lock);
    return;
  }
  __phy_resume(phydev);
  phydev->state = PhyState::PHY_UP;
  phy_start_machine(phydev);
  sim::mutex_unlock(&phydev->lock);
}

void phy_stop(PhyDevice* phydev) {
  LL_FUNC();
  sim::check_access(phydev, "phy_stop");
  if (!phy_is_started(phydev) && phydev->state != PhyState::PHY_DOWN &&
      phydev->state != PhyState::PHY_ERROR) {
    sim::warn(fmt::format("WARNING: phy_stop: called from state {} ({})",
                          phy_state_to_str(phydev->state), phydev->name()));
    return;
  }
  sim::mutex_lock(&phydev->lock);
  // design: leave a driverless PHY alone (no state machine, no register
  // access; looked at under phydev->lock, which holdover's phy_remove takes
  // to mark the PHY), but an interface taken down keeps no carrier: tell the
  // MAC the link is down, as the HALTED state's link-down would have.
  if (phy_leave_alone(phydev)) {
    if (phydev->link) {
      phydev->link = 0;
      note(phydev->name() + ": no driver, link down for phy_stop");
      call_link_change(phydev, false);
    }
    sim::mutex_unlock(&phydev->lock);
    return;
  }
  PhyState old_state = phydev->state;
  phydev->state = PhyState::PHY_HALTED;
  phy_process_state_change(phydev, old_state);
  StateWork work = _phy_state_machine(phydev);
  sim::mutex_unlock(&phydev->lock);
  if (work == StateWork::kSuspend) phy_suspend(phydev);
  phy_stop_machine(phydev);
}

void phy_stop_machine(PhyDevice* phydev) {
  sim::cancel_delayed_work_sync(&phydev->state_queue);
  sim::mutex_lock(&phydev->lock);
  if (phy_is_started(phydev)) phydev->state = PhyState::PHY_UP;
  sim::mutex_unlock(&phydev->lock);
}

void phy_request_interrupt(PhyDevice* phydev) {
  // request_threaded_irq() + phy_enable_interrupts()
  phydev->irq_requested = true;
  phydev->hw.irq_enabled = true;
}

void phy_free_interrupt(PhyDevice* phydev) {
  phydev->hw.irq_enabled = false;
  phydev->irq_requested = false;
}

void phy_interrupt(PhyDevice* phydev) {
  LL_FUNC();
  sim::check_access(phydev, "phy_interrupt");
  sim::mutex_lock(&phydev->lock);
  if (phy_leave_alone(phydev)) {  // design
    sim::mutex_unlock(&phydev->lock);
    return;
  }
  // phydev->drv->handle_interrupt(phydev): read the status, kick the machine.
  PhyDriver* drv = phydev->drv.at("phydev->drv->handle_interrupt");
  (void)drv;
  mdio_access(phydev, "handle_interrupt");
  phy_trigger_machine(phydev);
  sim::mutex_unlock(&phydev->lock);
}

int phy_ethtool_ksettings_set(PhyDevice* phydev, const EthtoolLinkSettings& cmd) {
  LL_FUNC();
  LinkModes advertising = cmd.advertising.any() ? cmd.advertising : phydev->supported;
  advertising &= phydev->supported;
  if (cmd.autoneg != AUTONEG_ENABLE && cmd.autoneg != AUTONEG_DISABLE) return -EINVAL;
  if (cmd.autoneg == AUTONEG_ENABLE &&
      ((advertising & speed_link_modes()).none() ||
       !linkmode_test_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, phydev->supported)))
    return -EINVAL;
  if (cmd.autoneg == AUTONEG_DISABLE &&
      ((cmd.speed != 1000 && cmd.speed != 100 && cmd.speed != 10) ||
       (cmd.duplex != DUPLEX_HALF && cmd.duplex != DUPLEX_FULL)))
    return -EINVAL;
  sim::mutex_lock(&phydev->lock);
  phydev->autoneg = cmd.autoneg;
  if (cmd.autoneg == AUTONEG_DISABLE) {
    phydev->speed = cmd.speed;
    phydev->duplex = cmd.duplex;
  }
  phydev->advertising = advertising;
  if (cmd.autoneg == AUTONEG_ENABLE)
    linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, phydev->advertising);
  else
    linkmode_clear_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, phydev->advertising);
  // Restart the PHY.
  if (phy_is_started(phydev)) {
    phydev->state = PhyState::PHY_UP;
    phy_trigger_machine(phydev);
  } else {
    _phy_start_aneg(phydev);
  }
  sim::mutex_unlock(&phydev->lock);
  return 0;
}

int phy_ethtool_set_wol(PhyDevice* phydev, uint32_t wolopts) {
  PhyDriver* drv = phydev->drv.get();
  if (!drv || drv->genphy) return -EOPNOTSUPP;
  mdio_access(phydev, "set_wol");
  phydev->wolopts = wolopts;
  return 0;
}

// ---------------------------------------------------------------- hardware

HwLinkState phy_hw_link_state(const PhyDevice* phydev) {
  HwLinkState s;
  const Medium* m = phydev->hw.medium;
  if (!m || !m->plugged || phydev->hw.in_reset || phydev->hw.powered_down) return s;
  sim::Time since = std::max(phydev->hw.aneg_restart, m->changed_at);
  sim::Time now = sim::now();
  if (phydev->autoneg == AUTONEG_ENABLE) {
    if (m->partner_autoneg) {
      auto sd = resolve_aneg(phydev->advertising, m->partner_modes);
      if (!sd || now < since + kAnegTime) return s;
      s = {true, sd->speed, sd->duplex, m->partner_modes};
      linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, s.lp_advertising);
    } else {
      // Parallel detection: the partner's speed, half duplex.
      auto sd = resolve_aneg(phydev->advertising | copper_modes_up_to(1000), m->partner_modes);
      if (!sd || now < since + kAnegTime) return s;
      s = {true, sd->speed, DUPLEX_HALF, {}};
    }
  } else {
    LinkModes want =
        link_mode_for(phydev->speed, DUPLEX_FULL) | link_mode_for(phydev->speed, DUPLEX_HALF);
    if ((m->partner_modes & want).none() || now < since + kForcedLinkTime) return s;
    s = {true, phydev->speed, phydev->duplex, {}};
  }
  return s;
}

void phy_hw_changed(PhyDevice* phydev) {
  // The interrupt line rises when the hardware link changes: now for a
  // loss, after negotiation for a gain.
  const Medium* m = phydev->hw.medium;
  sim::Time now = sim::now();
  sim::Time when = now;
  if (m && m->plugged) {
    sim::Time since = std::max(phydev->hw.aneg_restart, m->changed_at);
    when = since + (phydev->autoneg == AUTONEG_ENABLE ? kAnegTime : kForcedLinkTime);
  }
  sim::mod_timer(&phydev->hw.irq_timer, std::max(when, now));
}

}  // namespace lifeline::net
