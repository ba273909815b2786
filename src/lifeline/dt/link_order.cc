// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/link_order.h"

#include <algorithm>
#include <vector>

#include "lifeline/dt/bus_roles.h"
#include "lifeline/dt/providers.h"

namespace lifeline::dt {

namespace {

// drivers/Makefile, Linux v6.12: the obj-y / obj-$(CONFIG_...) subdirectory
// lines in order (repeats and architectures the boards do not use left out;
// mfd sits between base and nvdimm, and "i2c/muxes" after "i2c" as
// drivers/i2c/Makefile links algos/ busses/ muxes/).
constexpr std::string_view kLinkOrder[] = {
    "irqchip", "bus",        "phy",        "pinctrl",     "gpio",    "pwm",          "leds",
    "pci",     "video",      "idle",       "char",        "amba",    "clk",          "dma",
    "soc",     "pmdomain",   "virtio",     "regulator",   "reset",   "tty",          "iommu",
    "gpu",     "base",       "mfd",        "nvdimm",      "dma-buf", "scsi",         "nvme",
    "ata",     "mtd",        "spi",        "spmi",        "net",     "usb",          "input",
    "rtc",     "i2c",        "i2c/muxes",  "pps",         "ptp",     "w1",           "power",
    "hwmon",   "thermal",    "watchdog",   "bluetooth",   "opp",     "cpufreq",      "cpuidle",
    "mmc",     "firmware",   "crypto",     "clocksource", "hid",     "of",           "platform",
    "mailbox", "hwspinlock", "remoteproc", "rpmsg",       "devfreq", "extcon",       "memory",
    "iio",     "perf",       "nvmem",      "tee",         "mux",     "interconnect",
};

bool has(const std::vector<ProviderKind>& kinds, ProviderKind k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

}  // namespace

std::string_view driver_subsystem(const core::FwNode& node) {
  std::vector<ProviderKind> k = provider_kinds(node);
  BusRole role = bus_role(node);
  if (has(k, ProviderKind::kPinController)) return "pinctrl";
  if (has(k, ProviderKind::kGpioController)) return "gpio";
  if (role == BusRole::kI2cMux) return "i2c/muxes";
  if (role == BusRole::kI2cAdapter) return "i2c";
  if (role == BusRole::kSpiController) return "spi";
  if (role == BusRole::kPciHost) return "pci";
  if (has(k, ProviderKind::kClock)) return "clk";
  if (has(k, ProviderKind::kInterruptController) || has(k, ProviderKind::kMsiController))
    return "irqchip";
  if (has(k, ProviderKind::kRegulator)) return "regulator";
  if (has(k, ProviderKind::kPowerDomain)) return "pmdomain";
  if (has(k, ProviderKind::kReset)) return "reset";
  if (has(k, ProviderKind::kGenericPhy)) return "phy";
  if (has(k, ProviderKind::kPwm)) return "pwm";
  if (has(k, ProviderKind::kDma)) return "dma";
  if (has(k, ProviderKind::kIommu)) return "iommu";
  if (has(k, ProviderKind::kMailbox)) return "mailbox";
  if (has(k, ProviderKind::kNvmem)) return "nvmem";
  if (has(k, ProviderKind::kThermalSensor)) return "thermal";
  if (has(k, ProviderKind::kHwlock)) return "hwspinlock";
  if (has(k, ProviderKind::kMuxController)) return "mux";
  if (has(k, ProviderKind::kInterconnect)) return "interconnect";
  if (has(k, ProviderKind::kIoChannel)) return "iio";
  if (role == BusRole::kFslMc || role == BusRole::kPopulates ||
      has(k, ProviderKind::kAccessController) || node.is_compatible("simple-bus") ||
      node.is_compatible("simple-mfd") || node.is_compatible("simple-pm-bus"))
    return "bus";
  if (has(k, ProviderKind::kSyscon)) return "mfd";
  return "";
}

int link_rank(std::string_view subsystem) {
  const auto* it = std::find(std::begin(kLinkOrder), std::end(kLinkOrder), subsystem);
  return static_cast<int>(it - std::begin(kLinkOrder));
}

}  // namespace lifeline::dt
