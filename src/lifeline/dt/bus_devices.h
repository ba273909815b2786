// SPDX-License-Identifier: GPL-2.0-only
// The devices and drivers of the buses a device tree describes: the
// kernel's struct platform_device, amba_device, i2c_adapter, i2c_client,
// spi_controller, spi_device, pci_host_bridge, pci_dev and fsl_mc_device, and
// the per-bus parts of their drivers (ID tables). Each is a core::Device (or
// core::Driver) so the driver core handles it like any other; the buses'
// match functions (buses.cc) read the extra fields.
//
// Devices are kzalloc'd objects of the running execution; their release
// frees them (kfree()), as the kernel's release functions do.
#ifndef LIFELINE_DT_BUS_DEVICES_H_
#define LIFELINE_DT_BUS_DEVICES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"

namespace lifeline::dt {

enum class DtDeviceType : uint8_t {
  kPlatform,       // platform_device
  kAmba,           // amba_device (an "arm,primecell" node)
  kI2cAdapter,     // i2c_adapter: "i2c-<nr>", on the i2c bus but never matched
  kI2cClient,      // i2c_client: "<nr>-<addr %04x>"
  kSpiController,  // spi_controller: "spi<bus_num>", a class device (no bus)
  kSpiDevice,      // spi_device: "spi<bus_num>.<chip select>"
  kPciHostBridge,  // pci_host_bridge: "pci<domain %04x>:<bus %02x>" (no bus)
  kPciDev,         // pci_dev: "<domain %04x>:<bus %02x>:<slot %02x>.<fn>"
  kFslMc,          // fsl_mc_device: "<object type>.<id>" ("dprc.1", "dpmac.3")
};
const char* dt_device_type_name(DtDeviceType type);

class DtDevice : public core::Device {
 public:
  DtDevice(const char* kind, DtDeviceType type) : core::Device(kind), type(type) {
    subclass = &kTag;
  }
  static constexpr char kTag = 0;

  DtDeviceType type;
  // /sys/bus/*/devices/*/driver_override: when set, only the driver of
  // that name may bind (device_match_driver_override()).
  std::string driver_override;
  // The name ID tables are matched against: platform_device->name (the
  // device name for DT-made devices: of_device_add() sets name =
  // dev_name()), i2c_client->name and spi_device->modalias (the first
  // compatible without its vendor prefix, of_alias_from_compatible()).
  std::string modalias;
};

class PlatformDevice : public DtDevice {
 public:
  PlatformDevice() : DtDevice("platform_device", DtDeviceType::kPlatform) {}
};

class AmbaDevice : public DtDevice {
 public:
  AmbaDevice() : DtDevice("amba_device", DtDeviceType::kAmba) {}
};

class I2cAdapter : public DtDevice {
 public:
  I2cAdapter() : DtDevice("i2c_adapter", DtDeviceType::kI2cAdapter) {}
  int nr = -1;                  // adap->nr
  core::Device* mux = nullptr;  // the mux device of a mux channel adapter
  uint32_t chan_id = 0;         // the channel of a mux channel adapter
};

// i2c_board_info flags carried in the high bits of "reg" (dt-bindings/i2c/i2c.h).
inline constexpr uint32_t I2C_TEN_BIT_ADDRESS = 1u << 31;
inline constexpr uint32_t I2C_OWN_SLAVE_ADDRESS = 1u << 30;

class I2cClient : public DtDevice {
 public:
  I2cClient() : DtDevice("i2c_client", DtDeviceType::kI2cClient) {}
  uint16_t addr = 0;
  bool ten_bit = false;
  bool slave = false;
  I2cAdapter* adapter = nullptr;
};

class SpiController : public DtDevice {
 public:
  SpiController() : DtDevice("spi_controller", DtDeviceType::kSpiController) {}
  int bus_num = -1;
};

class SpiDevice : public DtDevice {
 public:
  SpiDevice() : DtDevice("spi_device", DtDeviceType::kSpiDevice) {}
  uint32_t chip_select = 0;
  SpiController* controller = nullptr;
};

class PciHostBridge : public DtDevice {
 public:
  PciHostBridge() : DtDevice("pci_host_bridge", DtDeviceType::kPciHostBridge) {}
  int domain = 0;
  uint8_t busnr = 0;
};

inline constexpr uint32_t PCI_ANY_ID = ~0u;
// PCI_CLASS_BRIDGE_PCI_NORMAL, as dev->class holds it (class << 8 | prog-if).
inline constexpr uint32_t PCI_CLASS_BRIDGE_PCI_NORMAL = 0x060400;

class PciDev : public DtDevice {
 public:
  PciDev() : DtDevice("pci_dev", DtDeviceType::kPciDev) {}
  int domain = 0;
  uint8_t bus_number = 0;  // dev->bus->number (Device::bus is the pci bus_type)
  uint8_t devfn = 0;
  // Vendor and device IDs: from a "pciVVVV,DDDD" compatible, else from the
  // caller's table (DtBuses::extra_pci_ids); PCI_ANY_ID when unknown.
  uint32_t vendor = PCI_ANY_ID;
  uint32_t device = PCI_ANY_ID;
  uint32_t class_code = 0;  // 24-bit class; PCI_CLASS_BRIDGE_PCI_NORMAL for bridges
  // pci_bus_add_device(): false for a function whose node is disabled, so no
  // driver ever matches it (the function is still enumerated).
  bool match_driver = false;
  uint8_t subordinate = 0;  // a bridge's secondary bus number
};

class FslMcDevice : public DtDevice {
 public:
  FslMcDevice() : DtDevice("fsl_mc_device", DtDeviceType::kFslMc) {}
  std::string obj_type;  // "dprc", "dpmac", "dpni"
  int obj_id = 0;
  // The node dpaa2_mac_get_node() finds for a dpmac (the "dpmacs" child
  // whose reg is obj_id). The kernel does not set dev->of_node of fsl-mc
  // objects (only the root DPRC gets the fsl-mc node's fwnode), so neither
  // does the model: this is how the network layer finds the node.
  core::FwNode* dt_node = nullptr;
  // A DPNI's endpoint (dprc_get_connection()): the DPMAC object the MC
  // firmware connected it to, or nullptr.
  FslMcDevice* endpoint = nullptr;
};

// struct pci_device_id: PCI_ANY_ID fields match anything; class_code is
// compared under class_mask.
struct PciDeviceId {
  uint32_t vendor = PCI_ANY_ID;
  uint32_t device = PCI_ANY_ID;
  uint32_t class_code = 0;
  uint32_t class_mask = 0;
};

// A driver on one of the device-tree buses, with the ID tables the kernel's
// per-bus driver structures carry. A plain core::Driver works too (OF
// matching only).
class DtDriver : public core::Driver {
 public:
  explicit DtDriver(std::string name) : core::Driver(std::move(name)) { subclass = &kTag; }
  static constexpr char kTag = 0;
  // platform_device_id / i2c_device_id / spi_device_id names, compared with
  // DtDevice::modalias.
  std::vector<std::string> id_names;
  std::vector<PciDeviceId> pci_ids;       // pci_driver->id_table
  std::vector<std::string> fsl_mc_types;  // fsl_mc_driver->match_id_table object types
  // The model's own restriction (nullptr: none): a device this returns
  // false for never matches. Generic drivers use it to bind only the nodes
  // they stand for (see generic_drivers.h).
  std::function<bool(const core::Device*)> accept;
};

// The DtDevice behind a core::Device, or nullptr for other devices.
DtDevice* to_dt_device(core::Device* dev);
const DtDevice* to_dt_device(const core::Device* dev);
template <class T>
T* dt_device_as(core::Device* dev, DtDeviceType type) {
  DtDevice* d = to_dt_device(dev);
  return d && d->type == type ? static_cast<T*>(d) : nullptr;
}
inline I2cAdapter* to_i2c_adapter(core::Device* dev) {
  return dt_device_as<I2cAdapter>(dev, DtDeviceType::kI2cAdapter);
}
inline I2cClient* to_i2c_client(core::Device* dev) {
  return dt_device_as<I2cClient>(dev, DtDeviceType::kI2cClient);
}
inline SpiDevice* to_spi_device(core::Device* dev) {
  return dt_device_as<SpiDevice>(dev, DtDeviceType::kSpiDevice);
}
inline SpiController* to_spi_controller(core::Device* dev) {
  return dt_device_as<SpiController>(dev, DtDeviceType::kSpiController);
}
inline PciDev* to_pci_dev(core::Device* dev) {
  return dt_device_as<PciDev>(dev, DtDeviceType::kPciDev);
}
inline FslMcDevice* to_fsl_mc_device(core::Device* dev) {
  return dt_device_as<FslMcDevice>(dev, DtDeviceType::kFslMc);
}

// Allocates a device of type T (kzalloc), runs device_initialize() and
// gives it a release that frees it. The caller names it and adds it.
template <class T>
T* alloc_dt_device() {
  T* dev = sim::kzalloc<T>();
  core::device_initialize(dev);
  dev->release = [](core::Device* d) { sim::kfree(d); };
  return dev;
}

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_BUS_DEVICES_H_
