// SPDX-License-Identifier: GPL-2.0-only
// Every bundled board boots with its generic drivers: what gets a device,
// what binds, what stays unbound and why, and that nothing waits on the
// interrupt controllers and clocks the kernel sets up before the driver core.
#include "lifeline/dt/board_boot.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "lifeline/core/dd.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fw_devlink.h"
#include "lifeline/dt/boot_test_util.h"
#include "lifeline/dt/bus_devices.h"
#include "lifeline/dt/device_listing.h"
#include "lifeline/dt/device_nodes.h"
#include "lifeline/dt/early_init.h"

namespace lifeline::dt {
namespace {

using testing::boot_board;
using testing::BootedBoard;
using testing::BootOptions;

// Devices that stay unbound on the real board too, named one by one: PCI
// functions the tree describes without a compatible, so that nothing here
// knows their IDs (their real drivers match IDs or classes read from config
// space).
const std::map<std::string, std::set<std::string>> kUnboundByName = {
    // The VL805 xHCI controller behind the root port: xhci_pci binds it by class.
    {"bcm2711-rpi-4-b.dts", {"pci:0000:01:00.0"}},
    // The Felix switch (the network layer's mscc_felix, matched by the ID it
    // passes in) and the Root Complex Event Collector (pcieport binds it by
    // class, which the tree does not give).
    {"fsl-ls1028a-rdb.dts", {"pci:0000:00:00.5", "pci:0000:00:1f.0"}},
};

std::string id(const ListedDevice& l) { return (l.bus.empty() ? "" : l.bus + ":") + l.name; }

// Why a device is unbound, when that is expected; "" when it is not.
std::string expected_unbound_reason(const std::string& board, const ListedDevice& l) {
  const DtDevice* d = to_dt_device(l.dev);
  if (!d) return "";
  switch (d->type) {
    case DtDeviceType::kI2cAdapter:
      return "an i2c_adapter is on the i2c bus but only clients match";
    case DtDeviceType::kSpiController:
    case DtDeviceType::kPciHostBridge:
      return "a class device, on no bus";
    case DtDeviceType::kFslMc:
      if (static_cast<const FslMcDevice*>(d)->obj_type == "dpmac")
        return "no driver binds a dpmac object: dpaa2-eth reaches it through its DPNI's endpoint";
      if (static_cast<const FslMcDevice*>(d)->obj_type == "dpni")
        return "a DPNI binds fsl_dpaa2_eth, a network driver (net/dpaa2/), not a generic one";
      return "";
    case DtDeviceType::kPciDev:
      if (!static_cast<const PciDev*>(d)->match_driver) return "its node is disabled";
      break;
    default:
      break;
  }
  if (l.dev->fwnode && in_timer_table(*l.dev->fwnode))
    return "timer_probe() set it up; no driver binds a TIMER_OF_DECLARE node";
  if (l.dev->fwnode && in_irqchip_table(*l.dev->fwnode))
    return "an IRQCHIP_DECLARE node of_irq_init() passed by; it has no platform driver";
  auto it = kUnboundByName.find(board);
  if (it != kUnboundByName.end() && it->second.count(id(l))) return "named in kUnboundByName";
  return "";
}

void check_board_boot(const std::string& file, core::ProbeAlgorithm probe) {
  SCOPED_TRACE(file);
  BootOptions o;
  o.config.probe = probe;
  // Everything binds during the initcalls, long before the deferred probe
  // timeout (10 s) could relax a link.
  o.until = sim::secs(1);
  auto b = boot_board(file, o);
  EXPECT_EQ(b->findings(), "");
  std::vector<ListedDevice> listing = list_devices();
  SCOPED_TRACE(format_device_listing(listing));

  // Every device of the execution is listed, once, under a unique name per bus.
  size_t registered = 0;
  for (core::Device* d : b->kernel->devices) registered += core::device_is_registered(d);
  EXPECT_EQ(listing.size(), registered);
  std::set<std::string> names;
  for (const ListedDevice& l : listing) EXPECT_TRUE(names.insert(id(l)).second) << id(l);

  // What the tree alone predicts gets a device, and nothing else does.
  std::set<const core::FwNode*> predicted;
  for (const DeviceNode& dn : device_nodes(*b->tree, nullptr)) {
    predicted.insert(dn.node);
    ASSERT_NE(dn.node->dev, nullptr) << dn.node->full_path << " got no device";
    EXPECT_EQ(core::dev_bus_name(dn.node->dev), node_bus_name(dn.bus)) << dn.node->full_path;
  }
  for (const ListedDevice& l : listing) {
    const DtDevice* d = to_dt_device(l.dev);
    if (!d || !l.dev->fwnode || l.dev->fwnode->dev != l.dev) continue;
    if (d->type == DtDeviceType::kI2cAdapter) continue;  // a mux channel's node
    EXPECT_TRUE(predicted.count(l.dev->fwnode)) << id(l) << " was not predicted";
  }

  // Every device a generic driver stands for is bound to it; every other
  // unbound device is unbound for a known reason.
  std::set<std::string> named_unbound;
  for (const ListedDevice& l : listing) {
    const GenericDriver* g = b->boot->generic.for_node(l.dev->fwnode);
    bool generic_device = g && l.dev->fwnode->dev == l.dev;
    if (generic_device) {
      EXPECT_EQ(l.driver, g->name)
          << id(l) << ": " << l.dev->deferred_probe_reason << " attempts " << l.dev->probe_attempts
          << " deferred=" << core::device_is_deferred(l.dev)
          << " wait_dev=" << (l.dev->waiting_for_device ? l.dev->waiting_for_device->name() : "-")
          << " wait_fw="
          << (l.dev->waiting_for_fwnode ? l.dev->waiting_for_fwnode->full_path : "-");
      continue;
    }
    if (!l.driver.empty()) continue;
    std::string why = expected_unbound_reason(file, l);
    EXPECT_NE(why, "") << id(l) << " (" << l.node << ") is unbound for no known reason";
    if (why == "named in kUnboundByName") named_unbound.insert(id(l));
  }
  auto it = kUnboundByName.find(file);
  EXPECT_EQ(named_unbound, it == kUnboundByName.end() ? std::set<std::string>{} : it->second);

  // Nothing waits on what the kernel set up before the driver core: the
  // early irqchips and clocks have no device, are marked initialised, and
  // fw_devlink dropped every link to them; no device ever deferred for one.
  for (const EarlyInit& e : early_init_nodes(*b->tree)) {
    if (e.kind == EarlyKind::kTimer) continue;
    SCOPED_TRACE(e.node->full_path);
    EXPECT_EQ(e.node->dev, nullptr);
    EXPECT_TRUE(e.node->flags & core::FWNODE_FLAG_INITIALIZED);
    // A link left is one whose consumer never became a device (a CPU node).
    for (const core::FwLink* link : e.node->consumers)
      EXPECT_EQ(link->consumer->dev, nullptr) << link->consumer->full_path;
    for (const ListedDevice& l : listing)
      for (const std::string& r : l.dev->deferral_reasons)
        EXPECT_EQ(r.find(e.node->full_path), std::string::npos) << id(l) << ": " << r;
  }
}

TEST(BoardBoot, EveryBoardBootsWithItsGenericDriversProbeKernel) {
  for (const char* file : testing::kBoards) check_board_boot(file, core::ProbeAlgorithm::kKernel);
}

TEST(BoardBoot, EveryBoardBootsWithItsGenericDriversProbeEvent) {
  for (const char* file : testing::kBoards) check_board_boot(file, core::ProbeAlgorithm::kEvent);
}

}  // namespace
}  // namespace lifeline::dt
