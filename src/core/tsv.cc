#include "core/tsv.h"

#include <fstream>
#include <sstream>

namespace crosscheck {
namespace {

constexpr std::string_view kFormatPrefix = "# format: ";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.emplace_back(Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

int TsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read failed");
  return buffer.str();
}

Result<TsvTable> ParseTsv(std::string_view content, const std::string& path, std::string_view format,
                          int max_version) {
  TsvTable table;
  table.path = path;
  bool saw_format = false;
  int line_number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t newline = content.find('\n', pos);
    std::string_view line = content.substr(pos, newline == std::string_view::npos ? newline : newline - pos);
    pos = newline == std::string_view::npos ? content.size() + 1 : newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!saw_format) {
      if (line.substr(0, kFormatPrefix.size()) != kFormatPrefix) {
        return Status(StatusCode::kDataFormat, path + ":1: expected '# format: " + std::string(format) + " vN'");
      }
      std::string_view rest = line.substr(kFormatPrefix.size());
      size_t space = rest.find(" v");
      if (space == std::string_view::npos || rest.substr(0, space) != format) {
        return Status(StatusCode::kDataFormat, path + ":1: not a " + std::string(format) + " file");
      }
      table.version = std::atoi(std::string(rest.substr(space + 2)).c_str());
      if (table.version < 1 || table.version > max_version) {
        return Status(StatusCode::kDataFormat,
                      path + ":1: version " + std::to_string(table.version) + " is newer than this engine reads");
      }
      saw_format = true;
      continue;
    }
    if (Trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() > table.header.size()) {
      return Status(StatusCode::kDataFormat, path + ":" + std::to_string(line_number) + ": " +
                                                 std::to_string(fields.size()) + " fields, header has " +
                                                 std::to_string(table.header.size()));
    }
    fields.resize(table.header.size());
    table.rows.push_back(TsvRow{std::move(fields), line_number});
  }
  if (!saw_format) return Status(StatusCode::kDataFormat, path + ": empty file");
  if (table.header.empty()) return Status(StatusCode::kDataFormat, path + ": no header line");
  return table;
}

Result<TsvTable> ReadTsv(const std::string& path, std::string_view format, int max_version) {
  Result<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  return ParseTsv(*content, path, format, max_version);
}

std::vector<std::string> SplitList(std::string_view value, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(separator, start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view piece = Trim(value.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

}  // namespace crosscheck
