// SPDX-License-Identifier: GPL-2.0-only
// Device-tree loading speed: reading the largest board's blob, compiling
// and reading its source (what `lifeline` does for a .dts), and reading a
// synthetic blob of 100,000 nodes built with libfdt's sequential-write API.
// Booting: the largest board and the synthetic tree loaded and every device
// bound by its generic driver (buses, population, fw_devlink, initcalls).
#include <benchmark/benchmark.h>
#include <libfdt.h>

#include <cstdio>
#include <string>
#include <vector>

#include "lifeline/core/boot.h"
#include "lifeline/core/device.h"
#include "lifeline/core/kernel.h"
#include "lifeline/dt/board_boot.h"
#include "lifeline/dt/dtb_reader.h"
#include "lifeline/dt/dtc.h"
#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/load.h"
#include "lifeline/sim/engine.h"

namespace lifeline::dt {
namespace {

const std::string kLargestBoard = std::string(LIFELINE_BOARDS_DIR) + "/stm32mp151a-prtt1c.dts";

const std::vector<uint8_t>& largest_board_blob() {
  static const std::vector<uint8_t> blob = compile_dts(kLargestBoard);
  return blob;
}

void BM_ReadDtb_Prtt1c(benchmark::State& state) {
  const std::vector<uint8_t>& blob = largest_board_blob();
  for (auto _ : state) {
    auto tree = read_dtb(blob, "stm32mp151a-prtt1c.dtb");
    benchmark::DoNotOptimize(tree);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blob.size()));
}
BENCHMARK(BM_ReadDtb_Prtt1c)->Unit(benchmark::kMillisecond);

// read_dtb() plus the fw_devlink supplier links.
void BM_ReadDtbAndLinks_Prtt1c(benchmark::State& state) {
  const std::vector<uint8_t>& blob = largest_board_blob();
  for (auto _ : state) {
    auto tree = read_dtb(blob, "stm32mp151a-prtt1c.dtb");
    add_fw_devlink_links(*tree);
    benchmark::DoNotOptimize(tree);
  }
}
BENCHMARK(BM_ReadDtbAndLinks_Prtt1c)->Unit(benchmark::kMillisecond);

// load_device_tree() on the .dts: dtc to a blob, dtc again for source
// positions, read, link.
void BM_LoadDts_Prtt1c(benchmark::State& state) {
  for (auto _ : state) {
    auto tree = load_device_tree(kLargestBoard);
    benchmark::DoNotOptimize(tree);
  }
}
BENCHMARK(BM_LoadDts_Prtt1c)->Unit(benchmark::kMillisecond);

void BM_LoadDtsWithoutSourcePositions_Prtt1c(benchmark::State& state) {
  LoadOptions o;
  o.dts.source_positions = false;
  for (auto _ : state) {
    auto tree = load_device_tree(kLargestBoard, o);
    benchmark::DoNotOptimize(tree);
  }
}
BENCHMARK(BM_LoadDtsWithoutSourcePositions_Prtt1c)->Unit(benchmark::kMillisecond);

// 100,000 nodes: 100 simple-bus nodes of 999 devices each, plus a clock
// provider every device names (so phandles are resolved and checked).
std::vector<uint8_t> synthetic_blob(int nodes) {
  std::vector<uint8_t> buf(64u << 20);
  void* fdt = buf.data();
  auto be = [](std::initializer_list<uint32_t> cells) {
    std::vector<uint32_t> out;
    for (uint32_t c : cells) out.push_back(cpu_to_fdt32(c));
    return out;
  };
  auto prop = [&](const char* name, const std::vector<uint32_t>& cells) {
    fdt_property(fdt, name, cells.data(), static_cast<int>(cells.size() * 4));
  };
  fdt_create(fdt, static_cast<int>(buf.size()));
  fdt_finish_reservemap(fdt);
  fdt_begin_node(fdt, "");
  prop("#address-cells", be({1}));
  prop("#size-cells", be({1}));
  fdt_begin_node(fdt, "clock");
  fdt_property_string(fdt, "compatible", "fixed-clock");
  prop("#clock-cells", be({0}));
  prop("phandle", be({1}));
  fdt_end_node(fdt);
  int made = 2;  // root and clock
  for (int bus = 0; made < nodes; ++bus) {
    char name[64];
    std::snprintf(name, sizeof name, "bus@%x", bus << 20);
    fdt_begin_node(fdt, name);
    fdt_property_string(fdt, "compatible", "simple-bus");
    prop("#address-cells", be({1}));
    prop("#size-cells", be({1}));
    prop("ranges", be({0, static_cast<uint32_t>(bus) << 20, 1u << 20}));
    ++made;
    for (int i = 0; i < 999 && made < nodes; ++i, ++made) {
      std::snprintf(name, sizeof name, "dev@%x", i * 0x100);
      fdt_begin_node(fdt, name);
      fdt_property_string(fdt, "compatible", "vendor,dev");
      prop("reg", be({static_cast<uint32_t>(i) * 0x100, 0x100}));
      prop("clocks", be({1}));
      fdt_end_node(fdt);
    }
    fdt_end_node(fdt);
  }
  fdt_end_node(fdt);
  fdt_finish(fdt);
  buf.resize(fdt_totalsize(fdt));
  return buf;
}

void BM_ReadDtb_Synthetic100k(benchmark::State& state) {
  static const std::vector<uint8_t> blob = synthetic_blob(100000);
  size_t nodes = 0;
  for (auto _ : state) {
    auto tree = read_dtb(blob, "synthetic.dtb");
    nodes = tree->nodes().size();
    benchmark::DoNotOptimize(tree);
  }
  state.counters["nodes"] = static_cast<double>(nodes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blob.size()));
}
BENCHMARK(BM_ReadDtb_Synthetic100k)->Unit(benchmark::kMillisecond);

void BM_ReadDtbAndLinks_Synthetic100k(benchmark::State& state) {
  static const std::vector<uint8_t> blob = synthetic_blob(100000);
  for (auto _ : state) {
    auto tree = read_dtb(blob, "synthetic.dtb");
    add_fw_devlink_links(*tree);
    benchmark::DoNotOptimize(tree);
  }
}
BENCHMARK(BM_ReadDtbAndLinks_Synthetic100k)->Unit(benchmark::kMillisecond);

struct BootCounts {
  size_t devices = 0;
  size_t bound = 0;
  uint64_t probe_attempts = 0;
};

// A fresh execution: read the blob, add the fw_devlink links, register the
// buses and generic drivers, and boot with every generic module built in.
BootCounts load_and_boot(sim::Engine& e, const std::vector<uint8_t>& blob, const char* name) {
  e.reset();
  std::unique_ptr<core::FwTree> tree = read_dtb(blob, name);
  add_fw_devlink_links(*tree);
  core::Kernel* k = core::kernel_create({});
  e.spawn("init", [&] {
    core::BootPlan plan;
    board_boot_plan(*tree, {}, plan);
    core::kernel_boot(plan);
  });
  e.run();
  BootCounts c;
  for (core::Device* d : k->devices) {
    ++c.devices;
    c.bound += d->driver != nullptr;
  }
  c.probe_attempts = k->total_probe_attempts;
  e.reset();  // frees the devices before their tree goes
  return c;
}

void report(benchmark::State& state, const BootCounts& c) {
  state.counters["devices"] = static_cast<double>(c.devices);
  state.counters["bound"] = static_cast<double>(c.bound);
  state.counters["probe_attempts"] = static_cast<double>(c.probe_attempts);
}

void BM_LoadAndBoot_Prtt1c(benchmark::State& state) {
  const std::vector<uint8_t>& blob = largest_board_blob();
  sim::Engine e;
  BootCounts c;
  for (auto _ : state) c = load_and_boot(e, blob, "stm32mp151a-prtt1c.dtb");
  report(state, c);
}
BENCHMARK(BM_LoadAndBoot_Prtt1c)->Unit(benchmark::kMillisecond);

void BM_LoadAndBoot_Synthetic100k(benchmark::State& state) {
  static const std::vector<uint8_t> blob = synthetic_blob(100000);
  sim::Engine e;
  BootCounts c;
  for (auto _ : state) c = load_and_boot(e, blob, "synthetic.dtb");
  report(state, c);
}
BENCHMARK(BM_LoadAndBoot_Synthetic100k)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace lifeline::dt

BENCHMARK_MAIN();
