// SPDX-License-Identifier: GPL-2.0-only
// A network rig for tests: an engine, a kernel with phylib, a platform bus,
// the catalog's PHY driver modules, and helpers to build a MAC with an MDIO
// bus and a PHY in code.
#ifndef LIFELINE_NET_TEST_RIG_H_
#define LIFELINE_NET_TEST_RIG_H_

#include <map>
#include <string>

#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/mac_driver.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phy_drivers.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"

namespace lifeline::net::testing {

inline constexpr uint32_t kRtl8211f = 0x001cc916;

class NetRig {
 public:
  explicit NetRig(NetConfig config = {}, bool trace = true) {
    sim::EngineOptions o;
    o.record_trace = trace;
    engine.reset(o);
    core::kernel_create(config.core);
    net = net_create(config);
    platform = sim::kzalloc<core::Bus>("platform");
    core::bus_register(platform);
    tree.add_node(nullptr, "");
  }

  // Boots: phylib, the PHY driver modules (builtin unless named in `late`),
  // then `setup` (which adds devices and drivers), then the late initcall.
  void boot(std::function<void()> setup, const std::map<std::string, sim::Time>& late = {}) {
    engine.spawn("init", [this, setup, late] {
      phy_init();
      modules = phy_driver_modules_create();
      buses.platform = platform;
      if (auto port_bus = phy_loss_ops().mac_port_bus_register) buses.port = port_bus();
      for (auto& [name, mod] : modules)
        if (!late.count(name)) core::load_module(mod);
      setup();
      core::deferred_probe_initcall();
      for (auto& [name, at] : late) {
        core::Module* mod = modules.at(name);
        engine.spawn_at(at, "modprobe " + name, [mod] { core::load_module(mod); });
      }
    });
  }

  // A MAC node with an "mdio" child holding a PHY at address 1.
  core::FwNode* mac_with_phy(const std::string& mac_name, const std::string& compat,
                             uint32_t phy_id, core::FwNode** phy_out = nullptr) {
    core::FwNode* mac = tree.add_node(tree.root(), mac_name);
    core::FwTree::set_string(mac, "compatible", compat);
    core::FwTree::set_string(mac, "phy-mode", "rgmii-id");
    core::FwNode* mdio = tree.add_node(mac, "mdio");
    core::FwTree::set_string(mdio, "compatible", "snps,dwmac-mdio");
    core::FwNode* phy = tree.add_node(mdio, "ethernet-phy@1");
    core::FwTree::set_u32s(phy, "reg", {1});
    tree.set_phandles(mac, "phy-handle", {phy});
    net->phy_ids[phy] = phy_id;
    if (phy_out) *phy_out = phy;
    return mac;
  }

  // A MAC whose PHY sits on a separate MDIO controller (as on Armada 38x:
  // mvneta + orion-mdio).
  core::FwNode* mac_with_external_phy(const std::string& mac_name, const std::string& compat,
                                      const std::string& mdio_name, const std::string& mdio_compat,
                                      uint32_t phy_id, core::FwNode** mdio_out,
                                      core::FwNode** phy_out) {
    core::FwNode* mdio = tree.add_node(tree.root(), mdio_name);
    core::FwTree::set_string(mdio, "compatible", mdio_compat);
    core::FwNode* phy = tree.add_node(mdio, "ethernet-phy@0");
    core::FwTree::set_u32s(phy, "reg", {0});
    core::FwNode* mac = tree.add_node(tree.root(), mac_name);
    core::FwTree::set_string(mac, "compatible", compat);
    core::FwTree::set_string(mac, "phy-mode", "rgmii-id");
    tree.set_phandles(mac, "phy", {phy});
    net->phy_ids[phy] = phy_id;
    *mdio_out = mdio;
    *phy_out = phy;
    return mac;
  }

  core::Device* platform_device(core::FwNode* node, const std::string& name) {
    auto* dev = sim::kzalloc<core::Device>();
    core::device_initialize(dev);
    core::dev_set_name(dev, name);
    dev->bus = platform;
    dev->fwnode = node;
    dev->release = [](core::Device* d) { sim::kfree(d); };
    core::device_add(dev);
    return dev;
  }

  // Runs `fn` as the essential scenario task, then stops.
  void run(std::function<void()> fn) {
    engine.spawn("scenario", std::move(fn), true);
    engine.run();
  }

  std::string findings() const {
    std::string s;
    for (const sim::Finding& f : engine.findings()) {
      s += std::string(sim::finding_kind_name(f.kind)) + ": " + f.message + "\n";
      for (const std::string& d : f.details) s += "    " + d + "\n";
    }
    return s;
  }
  int count(sim::FindingKind kind) const {
    int n = 0;
    for (const sim::Finding& f : engine.findings()) n += f.kind == kind;
    return n;
  }
  std::string timeline() const {
    std::string s;
    for (const sim::Event& e : engine.trace().all())
      if (e.kind == sim::EventKind::kNote || e.kind == sim::EventKind::kFinding)
        s += engine.format_event(e) + "\n";
    return s;
  }

  sim::Engine engine;
  core::FwTree tree;
  Net* net = nullptr;
  core::Bus* platform = nullptr;
  MacBuses buses;
  std::map<std::string, core::Module*> modules;
};

}  // namespace lifeline::net::testing

#endif  // LIFELINE_NET_TEST_RIG_H_
