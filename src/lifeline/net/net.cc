// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/net/net.h"

#include <cstdio>
#include <cstdlib>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/provider_lifecycle.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::net {

namespace {
thread_local Net* tl_net = nullptr;
// Part of every snapshot of an execution (sim/snapshot.h).
const sim::ThreadRoot kNetRoot([]() -> void* { return &tl_net; }, sizeof(tl_net));
}  // namespace

Net::Net(NetConfig cfg) : sim::Object("net", "net"), config(cfg) {
  sim::mutex_init(&rtnl_mutex, "rtnl_mutex");
  netdev_chain.name = "netdev_chain";
}

Net::~Net() {
  if (tl_net == this) tl_net = nullptr;
}

Net& Net::current() {
  if (!tl_net) {
    std::fprintf(stderr, "lifeline: network code ran with no network state (net_create())\n");
    std::abort();
  }
  return *tl_net;
}

Net* Net::current_or_null() { return tl_net; }

Medium* Net::medium_for(const core::FwNode* port) {
  auto it = media.find(port);
  if (it != media.end()) return it->second;
  Medium* m = sim::kzalloc<Medium>(port ? port->full_path : std::string("(none)"));
  media[port] = m;
  return m;
}

Net* net_create(NetConfig config) {
  Net* n = sim::kzalloc<Net>(config);
  tl_net = n;
  provider_lifecycle_init();
  // design (pcs): its subscriptions.
  if (auto init = n->config.pcs->pcs_init) init();
  pse_state_init();
  dsa_init();
  return n;
}

void rtnl_lock() { sim::mutex_lock(&Net::current().rtnl_mutex); }
void rtnl_unlock() { sim::mutex_unlock(&Net::current().rtnl_mutex); }
bool rtnl_is_locked() { return sim::mutex_is_locked(&Net::current().rtnl_mutex); }

void ASSERT_RTNL() {
  if (rtnl_is_locked()) return;
  sim::Engine& e = sim::Engine::current();
  sim::Task* t = e.current_task();
  std::string where = t && !t->frames.empty() ? t->frames.back() : "?";
  sim::warn("RTNL: assertion failed at " + where);
}

}  // namespace lifeline::net
