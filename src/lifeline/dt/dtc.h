// SPDX-License-Identifier: GPL-2.0-only
// Compiling a .dts with the Device Tree Compiler. lifeline runs the real
// dtc (`-@` so that labels survive as /__symbols__) rather than parsing
// source itself, so a board behaves exactly as the kernel build would see it.
#ifndef LIFELINE_DT_DTC_H_
#define LIFELINE_DT_DTC_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lifeline/core/fwnode.h"

namespace lifeline::dt {

// The dtc executable found on PATH, or nullopt.
std::optional<std::string> find_dtc();

// `dtc -q -@ -I dts -O dtb` into a private temporary file (mkstemp, always
// removed), returning the blob. Warnings are suppressed (-q: the kernel's
// own build turns most of them off, see boards/SOURCES.md). Throws
// sim::UserError when dtc is missing, or when it fails: the error carries
// dtc's text and the file, line and column dtc reported.
std::vector<uint8_t> compile_dts(const std::string& dts_path);

// Where each node was written: the first place dtc's annotated output
// (`-O dts -T -T`) names for it. Keys are full node paths.
struct SourcePos {
  std::string file;
  int line = 0;
};
using SourceMap = std::unordered_map<std::string, SourcePos>;

// Runs dtc once more to annotate the source; throws like compile_dts().
SourceMap dts_source_positions(const std::string& dts_path);
// The parser of that annotated output (exposed for tests).
SourceMap parse_annotated_dts(const std::string& text);

struct DtsOptions {
  // Fill FwNode::source_file/source_line (costs a second dtc run).
  bool source_positions = true;
};

// compile_dts() then read_dtb(); FwTree::source is dts_path.
std::unique_ptr<core::FwTree> read_dts(const std::string& dts_path, DtsOptions options = {});

}  // namespace lifeline::dt

#endif  // LIFELINE_DT_DTC_H_
