// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/report/table.h"

#include <algorithm>

namespace lifeline::report {

size_t display_width(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xc0) != 0x80) ++n;  // count lead bytes, not continuation bytes
  return n;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

std::string Table::render(std::string_view indent) const {
  const size_t n = columns_.size();
  bool header = std::any_of(columns_.begin(), columns_.end(),
                            [](const Column& c) { return !c.header.empty(); });
  std::vector<size_t> width(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (header) width[i] = display_width(columns_[i].header);
    for (const auto& row : rows_) width[i] = std::max(width[i], display_width(row[i]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s(indent);
    for (size_t i = 0; i < n; ++i) {
      size_t pad = width[i] - display_width(cells[i]);
      if (i > 0) s += "  ";
      if (columns_[i].align == Align::kRight) s.append(pad, ' ');
      s += cells[i];
      if (columns_[i].align == Align::kLeft) s.append(pad, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out += s;
    out += '\n';
  };
  if (header) {
    std::vector<std::string> h;
    for (const Column& c : columns_) h.push_back(c.header);
    line(h);
  }
  for (const auto& row : rows_) line(row);
  return out;
}

}  // namespace lifeline::report
