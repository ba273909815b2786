// SPDX-License-Identifier: GPL-2.0-only
// Reading a file the user named (a board, a scenario, a replay file) with a
// limit on its size, so that /dev/zero, a FIFO fed for ever or a stray
// multi-gigabyte file ends in a clear error rather than in lifeline eating
// the machine's memory. The limits are listed in docs/cli.md.
#ifndef LIFELINE_SIM_INPUT_FILE_H_
#define LIFELINE_SIM_INPUT_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace lifeline::sim {

// A board (.dts or .dtb).
inline constexpr size_t kMaxBoardBytes = size_t{64} << 20;
// A scenario or a replay file.
inline constexpr size_t kMaxScenarioBytes = size_t{16} << 20;
// One line of a scenario.
inline constexpr size_t kMaxLineBytes = size_t{64} << 10;

// "64 MiB", "64 KiB", "100 bytes".
std::string size_text(size_t bytes);

// At most `max` bytes of `s` for quoting in a message, with the rest
// summarised ("abc... (1048576 bytes)").
std::string excerpt(std::string_view s, size_t max = 80);

// The bytes of the file at `path`, reading at most `limit` + 1 of them.
// Throws sim::UserError(path, ...) for a file that cannot be opened or read,
// a directory, or one longer than `limit` ("the scenario is larger than
// 16 MiB, lifeline's limit for a scenario"). `what` names the file's role:
// "scenario", "device tree", "replay file".
std::string read_input_file(const std::string& path, std::string_view what, size_t limit);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_INPUT_FILE_H_
