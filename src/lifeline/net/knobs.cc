// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/knobs.h"

#include <vector>

#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::net {

namespace {

constexpr KnobValue kPhyLoss[] = {
    {"mainline", "today: carrier frozen by accident, WARN on restart, stale pointers, NULL drv"},
    {"holdover",
     "2026 proof of concept: nothing can crash, carrier kept, restart leaves the PHY down"},
    {"devlink", "a managed device link makes the PHY's unbind unbind the MAC"},
    {"port-device", "DSA/multi-port: a struct device per port, only that port goes"},
    {"notify-down", "PHY-going-away notifier: link forced down, references dropped"},
    {"replay", "as notify-down, and the consumer replays its configuration when the PHY returns"},
};
constexpr KnobValue kPse[] = {
    {"mainline", "PSE looked up at MDIO registration; -EPROBE_DEFER couples PHY and PSE"},
    {"notifier-rtnl", "2026 RFC: PSE lifecycle notifier, rtnl held across PHY registration"},
    {"notifier-mutex", "the same with a dedicated mutex"},
};
constexpr KnobValue kPcs[] = {
    {"mainline", "MAC-owned raw PCS pointers, no lifetime protocol"},
    {"module-ref", "lookup with module and device references only"},
    {"release", "provider removal tells phylink; link forced down before references drop"},
    {"devlink", "a managed device link from the PCS provider to the MAC"},
};
constexpr KnobValue kGenphy[] = {
    {"mainline", "phy_attach_direct() binds genphy when no driver is bound"},
    {"defer", "-EPROBE_DEFER while the specific driver may still bind"},
    {"opt-in", "defer only for callers attaching at probe time"},
};
constexpr KnobValue kSfpLock[] = {
    {"rtnl", "mainline: SFP bus and state machine serialised by rtnl"},
    {"mutex", "a dedicated SFP bus mutex"},
    {"none", "no serialisation (to show what rtnl protects)"},
};
constexpr KnobValue kProbe[] = {
    {"kernel", "deferred probe as in drivers/base/dd.c: every bind retries every deferred device"},
    {"event", "a deferred device is probed again when the supplier it waits for binds"},
};

// Kernel configuration options that change a lifecycle's outcome. Their
// defaults are Debian's arm64 kernel's (linux-image-6.12 arm64,
// /boot/config-*), the kernel `lifeline kernel-check` boots.
constexpr KnobValue kLedTriggerPhy[] = {
    {"y", "phy_probe() registers an LED trigger per speed, phy_remove() frees them"},
    {"n", "no PHY LED triggers"},
};
constexpr KnobValue kInitOnFree[] = {
    {"n", "freed memory keeps its contents until reused: a stale read may go unnoticed"},
    {"y", "freed memory is zeroed (init_on_free=1): a stale pointer read from it is NULL"},
};

constexpr KnobInfo kKnobs[] = {
    {"phy-loss", "mainline", kPhyLoss, "what happens when a PHY goes away while attached", true},
    // No PSE controller driver is modelled: pses nodes bind generic drivers.
    {"pse", "mainline", kPse, "how PHYs find their PSE controller", false},
    // No PCS provider is modelled: MACs with a PCS keep it inside the MAC.
    {"pcs", "mainline", kPcs, "how a MAC holds the PCS it uses", false},
    {"genphy", "mainline", kGenphy, "whether attaching a PHY without a driver binds genphy", true},
    // No SFP bus or cage is modelled: sfp nodes bind generic drivers.
    {"sfp-lock", "rtnl", kSfpLock, "what serialises the SFP bus", false},
    {"probe", "kernel", kProbe, "the deferred-probe algorithm", true},
    {"CONFIG_LED_TRIGGER_PHY", "y", kLedTriggerPhy,
     "kernel option: LED triggers for PHY link speeds", true},
    {"CONFIG_INIT_ON_FREE_DEFAULT_ON", "n", kInitOnFree,
     "kernel option: zero freed memory (init_on_free=1)", true},
};

}  // namespace

std::span<const KnobInfo> knob_table() { return kKnobs; }

const KnobInfo* find_knob(std::string_view name) {
  for (const KnobInfo& k : kKnobs)
    if (k.name == name) return &k;
  return nullptr;
}

bool knob_has_value(const KnobInfo& knob, std::string_view value) {
  for (const KnobValue& v : knob.values)
    if (v.name == value) return true;
  return false;
}

namespace {

std::string list_of(const std::vector<std::string>& names) {
  std::string s = "(";
  for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
  return s + ")";
}

}  // namespace

std::optional<KnobError> knob_error(std::string_view knob, std::optional<std::string_view> value) {
  const KnobInfo* k = find_knob(knob);
  if (!k) {
    std::vector<std::string> modelled, all;
    for (const KnobInfo& i : kKnobs) {
      all.emplace_back(i.name);
      if (i.modelled) modelled.emplace_back(i.name);
    }
    return KnobError{false, "expected a knob " + list_of(modelled) + ", got '" + std::string(knob) +
                                "'" + sim::did_you_mean(knob, all)};
  }
  if (value) {
    std::vector<std::string> values;
    for (const KnobValue& v : k->values) values.emplace_back(v.name);
    if (!knob_has_value(*k, *value)) {
      std::string got = value->empty() ? "nothing" : "'" + std::string(*value) + "'";
      return KnobError{true, "expected a value for '" + std::string(knob) + "' " + list_of(values) +
                                 ", got " + got + sim::did_you_mean(*value, values)};
    }
  }
  if (!k->modelled)
    return KnobError{false, "knob '" + std::string(knob) + "' (" + std::string(k->help) +
                                ") is not modelled yet: its provider has no model, so no value "
                                "would change what a run does"};
  return std::nullopt;
}

void validate_knob(std::string_view knob, std::optional<std::string_view> value,
                   std::string_view what) {
  if (auto e = knob_error(knob, value))
    throw sim::UserError(what.empty() ? e->message : std::string(what) + ": " + e->message);
}

}  // namespace lifeline::net
