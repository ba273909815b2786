// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/metrics.h"

#include <algorithm>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/sim/engine.h"

namespace lifeline::scenario {

namespace {

bool is_self_or_ancestor(const core::Device* anc, const core::Device* d) {
  for (; d; d = d->parent)
    if (d == anc) return true;
  return false;
}

core::Module* driver_module(const core::Device* d) {
  return d && d->driver ? d->driver->owner : nullptr;
}

std::vector<net::NetDevice*> live_netdevs() {
  std::vector<net::NetDevice*> out;
  if (net::Net* n = net::Net::current_or_null())
    for (net::NetDevice* nd : n->netdevs)
      if (!nd->freed() && nd->reg_state == net::NetregState::NETREG_REGISTERED) out.push_back(nd);
  return out;
}

net::NetDevice* find_netdev(const std::vector<net::NetDevice*>& live, const std::string& name) {
  net::NetDevice* found = nullptr;
  for (net::NetDevice* nd : live)
    if (nd->name() == name) found = nd;
  return found;
}

// The PHY device a netdev uses, or would use (its node's phy-handle).
core::Device* phy_device_of(net::NetDevice* nd) {
  if (net::PhyDevice* p = nd->phydev.get(); p && !p->freed()) return p;
  if (!nd->of_node) return nullptr;
  core::FwNode* phy = net::fwnode_get_phy_node(nd->of_node);
  return phy && phy->dev && !phy->dev->freed() ? phy->dev : nullptr;
}

}  // namespace

std::string link_of(const net::NetDevice* nd) {
  if (!nd->carrier) return "down";
  if (net::PhyDevice* p = nd->phydev.get(); p && !p->freed() && p->link)
    return net::speed_duplex_string(p->speed, p->duplex);
  if (const net::Phylink* pl = nd->phylink; pl && pl->cur_link_an_mode == net::AnMode::MLO_AN_FIXED)
    return net::speed_duplex_string(pl->fixed_speed, pl->fixed_duplex);
  return "up";
}

void MetricsRecorder::provider_leaving(core::Device* dev, core::Module* mod) {
  if (metrics_.provider_left) return;
  metrics_.provider_left = true;
  metrics_.provider = dev ? dev->name() : "module " + mod->name();
  metrics_.left_at = sim::now();
  for (net::NetDevice* nd : live_netdevs()) {
    NetdevBefore b;
    b.name = nd->name();
    b.carrier = nd->carrier;
    b.link = link_of(nd);
    core::Device* phy = phy_device_of(nd);
    if (dev)
      b.depends = is_self_or_ancestor(dev, phy) || is_self_or_ancestor(dev, nd->parent);
    else
      b.depends = driver_module(phy) == mod || driver_module(nd->parent) == mod;
    if (b.carrier) metrics_.link_before[b.name] = b.link;
    before_left_.push_back(b);
  }
  pending_after_left_ = true;
}

void MetricsRecorder::sample_after_left() {
  pending_after_left_ = false;
  std::vector<net::NetDevice*> live = live_netdevs();
  for (const NetdevBefore& b : before_left_) {
    net::NetDevice* now = find_netdev(live, b.name);
    if (!now) {
      metrics_.netdevs_lost.push_back(b.name);
      if (!b.depends) metrics_.unrelated_netdevs_lost.push_back(b.name);
    }
    if (b.carrier) metrics_.carrier_after_left[b.name] = now && now->carrier;
  }
}

void MetricsRecorder::provider_back() {
  if (!metrics_.provider_left || metrics_.provider_back) return;
  before_action();
  metrics_.provider_back = true;
  metrics_.back_at = sim::now();
}

void MetricsRecorder::finish() {
  metrics_.probe_storm = check::take_probe_storm(/*all_buses=*/true);
  if (!metrics_.provider_left) return;
  std::vector<net::NetDevice*> live = live_netdevs();
  bool all = true;
  sim::Time slowest = 0;
  for (const auto& [name, before] : metrics_.link_before) {
    net::NetDevice* now = find_netdev(live, name);
    // Say why a link is not back: gone, left administratively down (the
    // netdev came back but nobody ran ifup), or up without carrier.
    metrics_.link_after[name] = !now                       ? "absent"
                                : !net::netif_running(now) ? "admin down"
                                                           : link_of(now);
    if (!now || !now->carrier) {
      all = false;
      continue;
    }
    if (metrics_.provider_back) {
      sim::Time first = 0;
      for (sim::Time t : carrier_on_times_[name])
        if (t >= metrics_.back_at) {
          first = t;
          break;
        }
      slowest = std::max(slowest, first ? first - metrics_.back_at : 0);
    }
  }
  metrics_.recovered = metrics_.provider_back && all && !metrics_.link_before.empty();
  if (metrics_.recovered) metrics_.recovery_time = slowest;
  if (metrics_.recovered)
    for (const auto& [name, before] : metrics_.link_before)
      if (metrics_.link_after[name] != before) metrics_.configuration_lost = true;
}

}  // namespace lifeline::scenario
