// Reader for the project's data files: a `# format: NAME vN` line, `#` comments,
// one header line, then tab-separated rows. Every loader of data/ goes through it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck {

struct TsvRow {
  std::vector<std::string> fields;  // padded to the header's width
  int line = 0;                     // 1-based line number in the file, for diagnostics
};

struct TsvTable {
  std::string path;
  int version = 0;
  std::vector<std::string> header;
  std::vector<TsvRow> rows;

  // Index of a header column, or -1.
  int Column(std::string_view name) const;
};

// Reads `path`, checking that its format line names `format` at a version no newer
// than `max_version`.
Result<TsvTable> ReadTsv(const std::string& path, std::string_view format, int max_version);

// Same, from text already in memory (`path` only names it in messages).
Result<TsvTable> ParseTsv(std::string_view content, const std::string& path, std::string_view format,
                          int max_version);

// Splits on a one-character separator, dropping empty pieces and trimming spaces.
std::vector<std::string> SplitList(std::string_view value, char separator = '|');

// Reads a whole file into memory.
Result<std::string> ReadFile(const std::string& path);

}  // namespace crosscheck
