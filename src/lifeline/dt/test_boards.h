// SPDX-License-Identifier: GPL-2.0-only
// Test helpers: each board of boards/ compiled and loaded once per test
// binary run, and small files written to a private temporary directory.
#ifndef LIFELINE_DT_TEST_BOARDS_H_
#define LIFELINE_DT_TEST_BOARDS_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lifeline/core/fwnode.h"
#include "lifeline/dt/dtb_reader.h"
#include "lifeline/dt/dtc.h"
#include "lifeline/dt/fw_devlink_links.h"
#include "lifeline/dt/load.h"

namespace lifeline::dt::testing {

inline const char* const kBoards[] = {
    "bcm2711-rpi-4-b.dts",
    "imx8mp-evk.dts",
    "armada-388-clearfog-pro.dts",
    "armada-8040-mcbin.dts",
    "fsl-lx2160a-clearfog-cx.dts",
    "fsl-ls1046a-rdb.dts",
    "fsl-ls1028a-rdb.dts",
    "armada-385-turris-omnia.dts",
    "at91-sama5d3_ksz9477_evb.dts",
    "stm32mp151a-prtt1c.dts",
    "r9a06g032-rzn1d400-db.dts",
    "mt7986a-bananapi-bpi-r3.dts",
    "k3-am642-evm.dts",
};

inline std::string board_path(const std::string& file) {
  return std::string(LIFELINE_BOARDS_DIR) + "/" + file;
}

// The loaded board, compiled by dtc on first use and kept for the run.
inline const core::FwTree& board(const std::string& file) {
  static std::map<std::string, std::unique_ptr<core::FwTree>> cache;
  auto it = cache.find(file);
  if (it == cache.end()) it = cache.emplace(file, load_device_tree(board_path(file))).first;
  return *it->second;
}

// A tree of its own for one execution (a boot changes the tree: fwnode
// links, flags, fwnode->dev), from the board's blob compiled once per run.
inline std::unique_ptr<core::FwTree> fresh_board(const std::string& file) {
  static std::map<std::string, std::vector<uint8_t>> blobs;
  auto it = blobs.find(file);
  if (it == blobs.end()) it = blobs.emplace(file, compile_dts(board_path(file))).first;
  std::unique_ptr<core::FwTree> tree = read_dtb(it->second, file);
  add_fw_devlink_links(*tree);
  return tree;
}

inline core::FwNode* node(const core::FwTree& tree, const std::string& path) {
  return tree.find_by_path(path);
}

// A private directory for the run, removed at exit.
inline const std::string& scratch_dir() {
  static std::string dir = [] {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/lifeline-dt-test-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    std::string made = mkdtemp(buf.data()) ? buf.data() : "/tmp";
    static struct Cleanup {
      std::string d;
      ~Cleanup() {
        std::error_code ec;
        if (d != "/tmp") std::filesystem::remove_all(d, ec);
      }
    } cleanup{made};
    return made;
  }();
  return dir;
}

inline std::string write_file(const std::string& name, const std::string& bytes) {
  std::string path = scratch_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

inline std::string write_file(const std::string& name, const std::vector<uint8_t>& bytes) {
  return write_file(name, std::string(bytes.begin(), bytes.end()));
}

}  // namespace lifeline::dt::testing

#endif  // LIFELINE_DT_TEST_BOARDS_H_
