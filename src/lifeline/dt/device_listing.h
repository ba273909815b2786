// SPDX-License-Identifier: GPL-2.0-only
// Every device of the running kernel, the way /sys/devices lists them: what
// a booted board has, for reports and tests.
#ifndef LIFELINE_DT_DEVICE_LISTING_H_
#define LIFELINE_DT_DEVICE_LISTING_H_

#include <string>
#include <vector>

#include "lifeline/core/device.h"

namespace lifeline::dt {

struct ListedDevice {
  core::Device* dev = nullptr;
  std::string bus;     // "platform", "i2c", ... or "" (class devices: spi0, pci0000:00)
  std::string name;    // dev_name()
  std::string kind;    // "platform_device", "i2c_client", ...
  std::string driver;  // bound driver, "" if none
  std::string node;    // the fwnode's full path, "" if none
  std::string parent;  // the parent's dev_name(), "" for a root device
};

// Registered devices in device_add() order.
std::vector<ListedDevice> list_devices();

// One line per device: "<bus>:<name> [<driver>] <node>" (bus and driver
// left out when empty).
std::string format_device_listing(const std::vector<ListedDevice>& devices);

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_DEVICE_LISTING_H_
