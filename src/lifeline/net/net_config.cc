// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/net_config.h"

namespace lifeline::net {

namespace {

template <class E, size_t N>
bool pick(const std::pair<const char*, E> (&table)[N], const std::string& value, E& out) {
  for (const auto& [name, e] : table) {
    if (value == name) {
      out = e;
      return true;
    }
  }
  return false;
}

template <class E, size_t N>
std::string name_of(const std::pair<const char*, E> (&table)[N], E e) {
  for (const auto& [name, v] : table)
    if (v == e) return name;
  return "?";
}

const std::pair<const char*, PhyLoss> kPhyLoss[] = {
    {"mainline", PhyLoss::kMainline},      {"holdover", PhyLoss::kHoldover},
    {"devlink", PhyLoss::kDevlink},        {"port-device", PhyLoss::kPortDevice},
    {"notify-down", PhyLoss::kNotifyDown}, {"replay", PhyLoss::kReplay}};
const std::pair<const char*, GenphyPolicy> kGenphy[] = {{"mainline", GenphyPolicy::kMainline},
                                                        {"defer", GenphyPolicy::kDefer},
                                                        {"opt-in", GenphyPolicy::kOptIn}};
const std::pair<const char*, PseDesign> kPse[] = {{"mainline", PseDesign::kMainline},
                                                  {"notifier-rtnl", PseDesign::kNotifierRtnl},
                                                  {"notifier-mutex", PseDesign::kNotifierMutex}};
const std::pair<const char*, PcsDesign> kPcs[] = {{"mainline", PcsDesign::kMainline},
                                                  {"module-ref", PcsDesign::kModuleRef},
                                                  {"release", PcsDesign::kRelease},
                                                  {"devlink", PcsDesign::kDevlink}};
const std::pair<const char*, SfpLock> kSfpLock[] = {
    {"rtnl", SfpLock::kRtnl}, {"mutex", SfpLock::kMutex}, {"none", SfpLock::kNone}};
const std::pair<const char*, core::ProbeAlgorithm> kProbe[] = {
    {"kernel", core::ProbeAlgorithm::kKernel}, {"event", core::ProbeAlgorithm::kEvent}};
const std::pair<const char*, bool> kYesNo[] = {{"y", true}, {"n", false}};

}  // namespace

bool NetConfig::set(const std::string& knob, const std::string& value) {
  if (knob == "phy-loss") return pick(kPhyLoss, value, phy_loss);
  if (knob == "genphy") return pick(kGenphy, value, genphy);
  if (knob == "pse") return pick(kPse, value, pse);
  if (knob == "pcs") return pick(kPcs, value, pcs);
  if (knob == "sfp-lock") return pick(kSfpLock, value, sfp_lock);
  if (knob == "probe") return pick(kProbe, value, core.probe);
  if (knob == "CONFIG_LED_TRIGGER_PHY") return pick(kYesNo, value, led_trigger_phy);
  if (knob == "CONFIG_INIT_ON_FREE_DEFAULT_ON") return pick(kYesNo, value, init_on_free);
  return false;
}

std::string NetConfig::get(const std::string& knob) const {
  if (knob == "phy-loss") return name_of(kPhyLoss, phy_loss);
  if (knob == "genphy") return name_of(kGenphy, genphy);
  if (knob == "pse") return name_of(kPse, pse);
  if (knob == "pcs") return name_of(kPcs, pcs);
  if (knob == "sfp-lock") return name_of(kSfpLock, sfp_lock);
  if (knob == "probe") return name_of(kProbe, core.probe);
  if (knob == "CONFIG_LED_TRIGGER_PHY") return name_of(kYesNo, led_trigger_phy);
  if (knob == "CONFIG_INIT_ON_FREE_DEFAULT_ON") return name_of(kYesNo, init_on_free);
  return "";
}

}  // namespace lifeline::net
