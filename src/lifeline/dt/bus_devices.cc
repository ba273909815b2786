// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/bus_devices.h"

namespace lifeline::dt {

const char* dt_device_type_name(DtDeviceType type) {
  switch (type) {
    case DtDeviceType::kPlatform:
      return "platform_device";
    case DtDeviceType::kAmba:
      return "amba_device";
    case DtDeviceType::kI2cAdapter:
      return "i2c_adapter";
    case DtDeviceType::kI2cClient:
      return "i2c_client";
    case DtDeviceType::kSpiController:
      return "spi_controller";
    case DtDeviceType::kSpiDevice:
      return "spi_device";
    case DtDeviceType::kPciHostBridge:
      return "pci_host_bridge";
    case DtDeviceType::kPciDev:
      return "pci_dev";
    case DtDeviceType::kFslMc:
      return "fsl_mc_device";
  }
  return "?";
}

DtDevice* to_dt_device(core::Device* dev) {
  return dev && dev->subclass == &DtDevice::kTag ? static_cast<DtDevice*>(dev) : nullptr;
}
const DtDevice* to_dt_device(const core::Device* dev) {
  return dev && dev->subclass == &DtDevice::kTag ? static_cast<const DtDevice*>(dev) : nullptr;
}

}  // namespace lifeline::dt
