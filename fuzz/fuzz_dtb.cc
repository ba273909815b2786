// SPDX-License-Identifier: GPL-2.0-only
// The device-tree loader, blob bytes in: the way `lifeline boot x.dtb`
// reads a board (load_device_tree_blob(): read_dtb(), the dangling-phandle
// and phandle-walk checks, fw_devlink's supplier links), then the board-wide
// analyses every command starts with. Any bytes are a tree or a
// sim::UserError; nothing may hang, crash or balloon.
#include <cstddef>
#include <cstdint>
#include <span>

#include "lifeline/dt/board_summary.h"
#include "lifeline/dt/early_init.h"
#include "lifeline/dt/load.h"
#include "lifeline/sim/user_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    std::unique_ptr<lifeline::core::FwTree> tree =
        lifeline::dt::load_device_tree_blob(std::span<const uint8_t>(data, size), "fuzz.dtb");
    lifeline::dt::summarize_board(*tree);
    lifeline::dt::early_init_nodes(*tree);
    tree->checkpoint();
    lifeline::dt::summarize_board(*tree);
  } catch (const lifeline::sim::UserError&) {
  }
  return 0;
}
