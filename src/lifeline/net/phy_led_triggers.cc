// SPDX-License-Identifier: GPL-2.0-only
// phylib's LED triggers, after drivers/net/phy/phy_led_triggers.c and the
// LED core's led_trigger_event() (drivers/leds/led-triggers.c).
//
// phy_probe() registers them and phy_remove() unregisters and frees them,
// but phy_led_triggers_unregister() leaves phydev->last_triggered pointing
// into the freed array. The next link change of a PHY whose driver was
// unbound while it had a link (phy_stop() at ifdown reports the link down)
// walks the freed trigger's LED list: stale memory that still reads as an
// empty list, or, with init_on_free, zeros, which led_trigger_event()
// follows to a bogus led_classdev and led_set_brightness() faults on.
#include <fmt/format.h>

#include <algorithm>

#include "lifeline/net/catalog/phy_catalog.h"
#include "lifeline/net/net.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

// led_set_brightness() on the led_classdev that a zeroed list head yields
// (container_of(NULL, struct led_classdev, trig_list)): it reads
// led_cdev->flags and faults.
[[noreturn]] void led_set_brightness() {
  LL_FUNC();
  sim::null_deref("led_cdev->flags: a zeroed trig->led_cdevs list");
}

// led_trigger_event(&trigger, brightness): walks the trigger's LEDs. The
// PHY triggers of the modelled boards drive no LED, so a live trigger's list
// is empty.
void led_trigger_event(const sim::Object* trigger, const char* what) {
  LL_FUNC();
  if (!trigger) return;  // led_trigger_event(NULL, ...) returns at once
  if (!trigger->freed()) return;
  sim::check_access(trigger, what);  // KASAN would say use-after-free here
  if (Net::current().config.init_on_free) led_set_brightness();
  // Without init_on_free the freed trigger still holds its empty list.
}

std::vector<int> supported_speeds(const PhyDevice* phydev) {
  std::vector<int> speeds;
  const PhyDriver* d = phydev->drv.get();
  if (d && d->info && !d->info->speeds.empty())
    speeds.assign(d->info->speeds.begin(), d->info->speeds.end());
  else if (d && d->c45)
    speeds = {10000, 5000, 2500, 1000, 100};
  else
    speeds = {1000, 100, 10};
  std::sort(speeds.begin(), speeds.end());  // phy_supported_speeds(): lowest first
  return speeds;
}

void phy_led_trigger_no_link(PhyDevice* phy) {
  if (phy->last_triggered) {
    led_trigger_event(phy->last_triggered.get(), "phy->last_triggered->trigger");
    led_trigger_event(phy->led_link_trigger.get(), "phy->led_link_trigger->trigger");
    phy->last_triggered = nullptr;
  }
}

}  // namespace

void phy_led_trigger_change_speed(PhyDevice* phy) {
  LL_FUNC();
  if (!Net::current().config.led_trigger_phy) return;
  if (!phy->link) return phy_led_trigger_no_link(phy);
  if (phy->speed == 0) return;
  PhyLedTriggers* triggers = phy->phy_led_triggers.get();
  bool found = triggers && std::find(triggers->speeds.begin(), triggers->speeds.end(),
                                     phy->speed) != triggers->speeds.end();
  if (!found) {
    sim::note(
        fmt::format("{}: No phy led trigger registered for speed({})", phy->name(), phy->speed));
    return phy_led_trigger_no_link(phy);
  }
  if (phy->last_triggered != triggers || phy->last_triggered_speed != phy->speed) {
    if (!phy->last_triggered)
      led_trigger_event(phy->led_link_trigger.get(), "phy->led_link_trigger->trigger");
    else
      led_trigger_event(phy->last_triggered.get(), "phy->last_triggered->trigger");
    led_trigger_event(triggers, "plt->trigger");
    phy->last_triggered = triggers;
    phy->last_triggered_speed = phy->speed;
  }
}

int phy_led_triggers_register(PhyDevice* phy) {
  if (!Net::current().config.led_trigger_phy) return 0;
  std::vector<int> speeds = supported_speeds(phy);
  phy->phy_num_led_triggers = static_cast<int>(speeds.size());
  if (speeds.empty()) return 0;
  phy->led_link_trigger = sim::kzalloc<PhyLedTrigger>(phy->name() + ":link");
  PhyLedTriggers* triggers = sim::kzalloc<PhyLedTriggers>(phy->name());
  triggers->speeds = std::move(speeds);
  phy->phy_led_triggers = triggers;
  phy->last_triggered = nullptr;
  phy_led_trigger_change_speed(phy);
  return 0;
}

void phy_led_triggers_unregister(PhyDevice* phy) {
  // led_trigger_unregister() of each, then the frees; last_triggered stays.
  if (PhyLedTriggers* t = phy->phy_led_triggers.get()) sim::kfree(t);
  phy->phy_led_triggers = nullptr;
  if (PhyLedTrigger* l = phy->led_link_trigger.get()) {
    sim::kfree(l);
    phy->led_link_trigger = nullptr;
  }
}

}  // namespace lifeline::net
