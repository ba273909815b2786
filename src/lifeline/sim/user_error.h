// SPDX-License-Identifier: GPL-2.0-only
// Errors in what the user gave lifeline (a missing file, a malformed device
// tree, a bad scenario line, an unknown device name), as opposed to errors of
// the model (kernel errnos). They carry the place they were found and end the
// command with exit status 2.
#ifndef LIFELINE_SIM_USER_ERROR_H_
#define LIFELINE_SIM_USER_ERROR_H_

#include <stdexcept>
#include <string>

namespace lifeline::sim {

class UserError : public std::runtime_error {
 public:
  // file may be empty; line and column are 1-based, 0 when not known.
  UserError(std::string file, int line, int column, std::string message)
      : std::runtime_error(format(file, line, column, message)),
        file_(std::move(file)),
        line_(line),
        column_(column),
        message_(std::move(message)) {}
  explicit UserError(std::string message) : UserError("", 0, 0, std::move(message)) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  // The message without the location prefix.
  const std::string& message() const { return message_; }

  // "file:line:column: message", leaving out what is unknown.
  static std::string format(const std::string& file, int line, int column,
                            const std::string& message) {
    std::string s;
    if (!file.empty()) s += file + ":";
    if (line > 0) s += std::to_string(line) + ":";
    if (line > 0 && column > 0) s += std::to_string(column) + ":";
    if (!s.empty()) s += " ";
    return s + message;
  }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string message_;
};

// Exit status for bad input, as `lifeline --help` and docs/cli.md say.
inline constexpr int kExitUserError = 2;

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_USER_ERROR_H_
