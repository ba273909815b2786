// SPDX-License-Identifier: GPL-2.0-only
// Booting a generated board of devices in chains of suppliers, under both
// deferred-probe algorithms: time and probe attempts.
#include <benchmark/benchmark.h>

#include <memory>

#include "lifeline/core/boot.h"
#include "lifeline/core/bus.h"
#include "lifeline/core/dd.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/kernel.h"
#include "lifeline/core/module.h"
#include "lifeline/sim/engine.h"

namespace lifeline::core {
namespace {

// `n` nodes in chains of `chain`: node k of a chain names node k-1 as its
// supplier ("clocks"). Half of the chains are created consumer first, so
// their devices must defer until the supplier binds.
std::unique_ptr<FwTree> make_tree(int n, int chain, std::vector<FwNode*>& order) {
  const int kChain = chain;
  auto tree = std::make_unique<FwTree>();
  FwNode* root = tree->add_node(nullptr, "");
  std::vector<FwNode*> nodes;
  nodes.reserve(n);
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "dev@%x", i);
    FwNode* node = tree->add_node(root, name);
    FwTree::set_string(node, "compatible", "bench,dev");
    if (i % kChain) tree->link_add(node, nodes.back(), "clocks");
    nodes.push_back(node);
  }
  order.clear();
  order.reserve(n);
  for (int c = 0; c < n; c += kChain) {
    int end = std::min(n, c + kChain);
    bool reversed = (c / kChain) % 2;
    for (int k = 0; k < end - c; ++k) order.push_back(nodes[reversed ? end - 1 - k : c + k]);
  }
  return tree;
}

struct BootResult {
  uint64_t attempts = 0;
  uint64_t bound = 0;
  uint64_t single_attempt = 0;
  uint64_t never_deferred = 0;
};

BootResult boot(sim::Engine& e, const std::vector<FwNode*>& order, ProbeAlgorithm algo) {
  e.reset();
  Kernel* k = kernel_create(CoreConfig{algo});
  Bus* bus = sim::kzalloc<Bus>("platform");
  bus_register(bus);
  Driver* drv = sim::kzalloc<Driver>("bench");
  drv->bus = bus;
  drv->of_match_table = {"bench,dev"};
  drv->probe = [](Device*) { return 0; };
  Module* mod = module_create("bench", [drv](Module*) { return driver_register(drv); });
  std::vector<Device*> devices;
  devices.reserve(order.size());
  BootPlan plan;
  plan.builtin = {mod};
  plan.populate = [&] {
    for (FwNode* n : order) {
      Device* d = sim::kzalloc<Device>();
      device_initialize(d);
      dev_set_name(d, n->name);
      d->fwnode = n;
      d->bus = bus;
      d->release = [](Device* x) { sim::kfree(x); };
      device_add(d);
      devices.push_back(d);
    }
  };
  e.spawn("init", [&] { kernel_boot(plan); }, true);
  e.run();
  BootResult r;
  r.attempts = k->total_probe_attempts;
  for (Device* d : devices) {
    r.bound += d->driver != nullptr;
    r.single_attempt += d->probe_attempts == 1;
    r.never_deferred += d->deferrals == 0;
  }
  return r;
}

void BM_BootChains(benchmark::State& state, ProbeAlgorithm algo) {
  int n = static_cast<int>(state.range(0));
  int chain = static_cast<int>(state.range(1));
  sim::Engine e;
  BootResult r;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<FwNode*> order;
    auto tree = make_tree(n, chain, order);
    state.ResumeTiming();
    r = boot(e, order, algo);
    state.PauseTiming();
    e.reset();  // frees the devices before their tree goes
    state.ResumeTiming();
  }
  state.counters["devices"] = n;
  state.counters["chain"] = chain;
  state.counters["bound"] = static_cast<double>(r.bound);
  state.counters["probe_attempts"] = static_cast<double>(r.attempts);
  state.counters["attempts_per_device"] = static_cast<double>(r.attempts) / n;
  // Devices that never deferred were probed exactly once.
  state.counters["never_deferred"] = static_cast<double>(r.never_deferred);
  state.counters["single_attempt"] = static_cast<double>(r.single_attempt);
  if (r.bound != static_cast<uint64_t>(n)) state.SkipWithError("not every device bound");
}

BENCHMARK_CAPTURE(BM_BootChains, event, ProbeAlgorithm::kEvent)
    ->Args({10000, 10})->Args({100000, 10})->Args({10000, 100})
    ->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_BootChains, kernel, ProbeAlgorithm::kKernel)
    ->Args({10000, 10})->Args({100000, 10})->Args({10000, 100})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace lifeline::core

BENCHMARK_MAIN();
