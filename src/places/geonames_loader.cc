#include "places/geonames_loader.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace crosscheck::places {
namespace {

constexpr size_t kColumns = 19;
constexpr size_t kMaxDiagnostics = 20;
constexpr size_t kReadChunk = 1 << 20;

enum Column : size_t {
  kColId = 0, kColName = 1, kColAscii = 2, kColAlternates = 3, kColLat = 4, kColLon = 5,
  kColFeatureClass = 6, kColFeatureCode = 7, kColCountry = 8, kColAdmin1 = 10, kColPopulation = 14,
};

bool ParseDouble(std::string_view field, double* out) {
  if (field.empty()) return false;
  std::string copy(field);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

bool ParseInt(std::string_view field, int64_t* out) {
  auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), *out);
  return ec == std::errc() && ptr == field.data() + field.size();
}

}  // namespace

Status ParseGeoNamesLine(std::string_view line, GeoNamesRow* row) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string_view fields[kColumns];
  size_t count = 0;
  size_t start = 0;
  while (count < kColumns) {
    size_t tab = line.find('\t', start);
    fields[count++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  // Older dumps and hand-made files may stop after the population column.
  if (count <= kColPopulation) {
    return Status(StatusCode::kDataFormat, "expected 19 tab-separated columns, got " + std::to_string(count));
  }
  if (!ParseInt(fields[kColId], &row->geonameid) || row->geonameid <= 0) {
    return Status(StatusCode::kDataFormat, "bad geonameid");
  }
  if (fields[kColName].empty()) return Status(StatusCode::kDataFormat, "empty name");
  if (!ParseDouble(fields[kColLat], &row->lat) || !ParseDouble(fields[kColLon], &row->lon) ||
      row->lat < -90 || row->lat > 90 || row->lon < -180 || row->lon > 180) {
    return Status(StatusCode::kDataFormat, "bad coordinates");
  }
  row->name = fields[kColName];
  row->ascii_name = fields[kColAscii];
  row->alternate_names = fields[kColAlternates];
  row->feature_class = fields[kColFeatureClass].empty() ? 0 : fields[kColFeatureClass][0];
  row->feature_code = fields[kColFeatureCode];
  row->country = fields[kColCountry];
  row->admin1 = fields[kColAdmin1];
  row->population = 0;
  if (!fields[kColPopulation].empty() && !ParseInt(fields[kColPopulation], &row->population)) {
    row->population = 0;
  }
  return Status::Ok();
}

Status ReadGeoNames(const std::string& path, const std::function<void(const GeoNamesRow&)>& on_row,
                    GeoNamesReadStats* stats) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status(StatusCode::kNotFound, "cannot open gazetteer " + path);
  std::string buffer;
  std::unique_ptr<char[]> chunk(new char[kReadChunk]);
  uint64_t line_number = 0;
  GeoNamesRow row;
  auto handle_line = [&](std::string_view line) {
    ++line_number;
    if (line.empty() || line[0] == '#') return;
    Status status = ParseGeoNamesLine(line, &row);
    if (!status.ok()) {
      ++stats->bad_rows;
      if (stats->diagnostics.size() < kMaxDiagnostics) {
        stats->diagnostics.push_back(path + ":" + std::to_string(line_number) + ": " + status.message());
      }
      return;
    }
    ++stats->rows;
    on_row(row);
  };
  size_t got = 0;
  while ((got = std::fread(chunk.get(), 1, kReadChunk, file.get())) > 0) {
    buffer.append(chunk.get(), got);
    size_t line_start = 0;
    size_t newline = 0;
    while ((newline = buffer.find('\n', line_start)) != std::string::npos) {
      handle_line(std::string_view(buffer).substr(line_start, newline - line_start));
      line_start = newline + 1;
    }
    buffer.erase(0, line_start);
  }
  if (std::ferror(file.get())) return Status(StatusCode::kIoError, "read error in " + path);
  if (!buffer.empty()) handle_line(buffer);
  if (stats->rows == 0) return Status(StatusCode::kDataFormat, "no GeoNames rows in " + path);
  return Status::Ok();
}

}  // namespace crosscheck::places
