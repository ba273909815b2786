// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/knobs.h"

#include <vector>

#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/designs/pse.h"
#include "lifeline/net/designs/sfp_lock.h"
#include "lifeline/net/net_config.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::net {

namespace {

constexpr std::string_view kPhyThread =
    "netdev 2026, Vladimir Oltean, \"Disappearance of network PHYs\"";

// A design knob's values: adding a design is one file in net/designs/ and
// one row here.
constexpr KnobValue kPhyLoss[] = {
    {"mainline", "today: carrier frozen by accident, WARN on restart, stale pointers, NULL drv",
     "drivers/net/phy/phy_device.c (v6.12)", &phy_loss_mainline},
    {"holdover",
     "2026 proof of concept: nothing can crash, carrier kept, restart leaves the PHY down",
     kPhyThread, &phy_loss_holdover},
    {"devlink", "a managed device link makes the PHY's unbind unbind the MAC", kPhyThread,
     &phy_loss_devlink},
    {"port-device", "DSA/multi-port: a struct device per port, only that port goes", kPhyThread,
     &phy_loss_port_device},
    {"notify-down", "PHY-going-away notifier: link forced down, references dropped", kPhyThread,
     &phy_loss_notify_down},
    {"replay", "as notify-down, and the consumer replays its configuration when the PHY returns",
     "lifeline's own design (no kernel proposal)", &phy_loss_replay},
};
constexpr std::string_view kPseRfc =
    "netdev 2026 RFC, Corey Leavitt, PSE-PD notifier (OpenWrt 896-0x patches)";
constexpr KnobValue kPse[] = {
    {"mainline", "PSE looked up at PHY registration: -EPROBE_DEFER fails the MDIO bus; no notice",
     "drivers/net/mdio/fwnode_mdio.c, drivers/net/pse-pd/pse_core.c (v6.12)", &pse_mainline},
    {"notifier-rtnl", "2026 RFC: PSE notifier, phy core owns psec, rtnl across phy registration",
     kPseRfc, &pse_notifier_rtnl},
    {"notifier-mutex", "the same with a dedicated mutex instead of rtnl", kPseRfc,
     &pse_notifier_mutex},
    {"notifier-narrow", "the same, the lock held only around the attach attempt (argued against)",
     kPseRfc, &pse_notifier_narrow},
};
constexpr KnobValue kPcs[] = {
    {"mainline", "MAC-owned raw PCS pointers, no lifetime protocol",
     "drivers/net/phy/phylink.c (v6.12)", &pcs_mainline},
    {"module-ref", "lookup with module and device references only",
     "netdev 2022 RFC, Sean Anderson, \"PCS subsystem\"", &pcs_module_ref},
    {"release", "provider removal tells phylink; link forced down before references drop",
     "netdev 2025-2026 RFC, Christian Marangi, \"Introduce support for fwnode PCS\"", &pcs_release},
    {"devlink", "a managed device link from the PCS provider to the MAC",
     "netdev 2022 RFC, Sean Anderson, \"PCS subsystem\"", &pcs_devlink},
    {"release-enodev", "release with the v5 lookup: -ENODEV instead of -EPROBE_DEFER",
     "netdev 2025 RFC v5, Christian Marangi, fwnode PCS", &pcs_release_enodev},
    {"release-no-del", "release with a provider whose remove forgets fwnode_pcs_del_provider()",
     "review of the fwnode PCS series (provider without del_provider)", &pcs_release_no_del},
};
constexpr KnobValue kGenphy[] = {
    {"mainline", "phy_attach_direct() binds genphy when no driver is bound",
     "drivers/net/phy/phy_device.c (v6.12)", &genphy_mainline},
    {"defer", "-EPROBE_DEFER while the specific driver may still bind",
     "netdev 2021 RFC, Vladimir Oltean, \"don't bind genphy in phy_attach_direct\"", &genphy_defer},
    {"opt-in", "defer only for callers attaching at probe time",
     "Russell King's reply in the same 2021 RFC thread", &genphy_opt_in},
};
constexpr std::string_view kSfpThread =
    "netdev 2021, Vladimir Oltean, \"don't bind genphy in phy_attach_direct\": why rtnl?";
constexpr KnobValue kSfpLock[] = {
    {"rtnl", "mainline: SFP bus and state machine serialised by rtnl",
     "drivers/net/phy/sfp.c, sfp-bus.c (v6.12)", &sfp_lock_rtnl},
    {"mutex", "a dedicated SFP bus mutex exactly where rtnl is taken today", kSfpThread,
     &sfp_lock_mutex},
    {"none", "no serialisation (to show what rtnl protects)", kSfpThread, &sfp_lock_none},
};
constexpr KnobValue kProbe[] = {
    {"kernel", "deferred probe as in drivers/base/dd.c: every bind retries every deferred device",
     "drivers/base/dd.c (v6.12)"},
    {"event", "a deferred device is probed again when the supplier it waits for binds",
     "lifeline's own algorithm (for speed; same outcomes)"},
};

// Kernel configuration options that change a lifecycle's outcome. Their
// defaults are Debian's arm64 kernel's (linux-image-6.12 arm64,
// /boot/config-*), the kernel `lifeline kernel-check` boots.
constexpr KnobValue kLedTriggerPhy[] = {
    {"y", "phy_probe() registers an LED trigger per speed, phy_remove() frees them",
     "drivers/net/phy/phy_led_triggers.c"},
    {"n", "no PHY LED triggers", "drivers/net/phy/Kconfig"},
};
constexpr KnobValue kInitOnFree[] = {
    {"n", "freed memory keeps its contents until reused: a stale read may go unnoticed",
     "mm/Kconfig"},
    {"y", "freed memory is zeroed (init_on_free=1): a stale pointer read from it is NULL",
     "mm/Kconfig"},
};

template <size_t N>
size_t index_of_ops(const KnobValue (&values)[N], const void* ops) {
  for (size_t i = 0; i < N; ++i)
    if (values[i].ops == ops) return i;
  return N;
}

constexpr KnobInfo kKnobs[] = {
    {"phy-loss", "mainline", kPhyLoss, "what happens when a PHY goes away while attached", true,
     [](NetConfig& c, size_t i) { c.phy_loss = static_cast<const PhyLossOps*>(kPhyLoss[i].ops); },
     [](const NetConfig& c) { return index_of_ops(kPhyLoss, c.phy_loss); }},
    {"pse", "mainline", kPse, "how PHYs find their PSE controller and hear that it goes", true,
     [](NetConfig& c, size_t i) { c.pse = static_cast<const PseOps*>(kPse[i].ops); },
     [](const NetConfig& c) { return index_of_ops(kPse, c.pse); }},
    {"pcs", "mainline", kPcs, "how a MAC holds the PCS it uses", true,
     [](NetConfig& c, size_t i) { c.pcs = static_cast<const PcsOps*>(kPcs[i].ops); },
     [](const NetConfig& c) { return index_of_ops(kPcs, c.pcs); }},
    {"genphy", "mainline", kGenphy, "whether attaching a PHY without a driver binds genphy", true,
     [](NetConfig& c, size_t i) { c.genphy = static_cast<const GenphyOps*>(kGenphy[i].ops); },
     [](const NetConfig& c) { return index_of_ops(kGenphy, c.genphy); }},
    {"sfp-lock", "rtnl", kSfpLock, "what serialises the SFP bus", true,
     [](NetConfig& c, size_t i) { c.sfp_lock = static_cast<const SfpLockOps*>(kSfpLock[i].ops); },
     [](const NetConfig& c) { return index_of_ops(kSfpLock, c.sfp_lock); }},
    {"probe", "kernel", kProbe, "the deferred-probe algorithm", true,
     [](NetConfig& c, size_t i) {
       c.core.probe = i == 0 ? core::ProbeAlgorithm::kKernel : core::ProbeAlgorithm::kEvent;
     },
     [](const NetConfig& c) -> size_t {
       return c.core.probe == core::ProbeAlgorithm::kKernel ? 0 : 1;
     }},
    {"CONFIG_LED_TRIGGER_PHY", "y", kLedTriggerPhy,
     "kernel option: LED triggers for PHY link speeds", true,
     [](NetConfig& c, size_t i) { c.led_trigger_phy = i == 0; },
     [](const NetConfig& c) -> size_t { return c.led_trigger_phy ? 0 : 1; }},
    {"CONFIG_INIT_ON_FREE_DEFAULT_ON", "n", kInitOnFree,
     "kernel option: zero freed memory (init_on_free=1)", true,
     [](NetConfig& c, size_t i) { c.init_on_free = i == 1; },
     [](const NetConfig& c) -> size_t { return c.init_on_free ? 1 : 0; }},
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
