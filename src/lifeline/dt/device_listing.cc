// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/dt/device_listing.h"

#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"

namespace lifeline::dt {

std::vector<ListedDevice> list_devices() {
  std::vector<ListedDevice> out;
  for (core::Device* d : core::Kernel::current().devices) {
    if (d->freed() || !core::device_is_registered(d)) continue;
    ListedDevice l;
    l.dev = d;
    l.bus = std::string(core::dev_bus_name(d));
    l.name = d->name();
    l.kind = d->kind();
    l.driver = std::string(core::dev_driver_string(d));
    l.node = d->fwnode ? d->fwnode->full_path : "";
    l.parent = d->parent ? d->parent->name() : "";
    out.push_back(std::move(l));
  }
  return out;
}

std::string format_device_listing(const std::vector<ListedDevice>& devices) {
  std::string s;
  for (const ListedDevice& l : devices) {
    if (!l.bus.empty()) s += l.bus + ":";
    s += l.name;
    if (!l.driver.empty()) s += " [" + l.driver + "]";
    if (!l.node.empty()) s += " " + l.node;
    s += "\n";
  }
  return s;
}

}  // namespace lifeline::dt
