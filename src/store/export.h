// Exports of stored incidents for the tools analysts already use: CSV (one row per
// incident), GeoJSON (a FeatureCollection, RFC 7946) and an ACLED-compatible CSV.
// All work on crosscheck.ledger/1 incident objects, so the CLI and the API share them.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::store {

using Json = nlohmann::ordered_json;

// RFC 4180: fields holding a comma, quote, CR or LF are quoted, quotes doubled, CRLF rows.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void Row(const std::vector<std::string>& fields);
  static std::string Field(std::string_view field);

 private:
  std::ostream& out_;
};

inline constexpr const char* kExportFormats[] = {"ledger", "csv", "geojson", "acled"};
bool IsExportFormat(const std::string& format);
// The MIME type an export is served with.
const char* ExportContentType(const std::string& format);

void WriteIncidentCsv(std::ostream& out, const std::vector<Json>& incidents);
// Incidents without coordinates get a null geometry, as RFC 7946 allows.
Json IncidentGeoJson(const std::vector<Json>& incidents);
// `documents`: the ledger's documents array, for the outlets named in `source`.
void WriteAcledCsv(std::ostream& out, const std::vector<Json>& incidents, const Json& documents);

// ledger | csv | geojson | acled, written whole to `out`; `ledger` is the store's Ledger().
void WriteExport(std::ostream& out, const std::string& format, const Json& ledger);

}  // namespace crosscheck::store
