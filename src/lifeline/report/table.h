// SPDX-License-Identifier: GPL-2.0-only
// Plain-text tables: a header row and rows of cells, each column as wide as
// its widest cell, two blanks between columns, no trailing blanks. Every table
// of the reports goes through this, so they all look alike.
#ifndef LIFELINE_REPORT_TABLE_H_
#define LIFELINE_REPORT_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace lifeline::report {

enum class Align { kLeft, kRight };

struct Column {
  std::string header;
  Align align = Align::kLeft;
};

class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // A row with fewer cells than columns gets empty cells at the end; extra
  // cells are a programming error and are dropped.
  void add_row(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }

  // Every line starts with `indent` and ends with '\n'. The header row is left
  // out when every header is empty.
  std::string render(std::string_view indent = "") const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Columns on screen, counting a UTF-8 sequence as one (device names are ASCII,
// but a DT label or a driver name need not be).
size_t display_width(std::string_view text);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_TABLE_H_
