// Streaming reader of the GeoNames tab-separated format (cities1000.txt, cities500.txt,
// allCountries.txt: 19 columns). Bad rows are skipped and counted, never fatal.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck::places {

// One row; the views are valid only during the callback.
struct GeoNamesRow {
  int64_t geonameid = 0;
  std::string_view name;
  std::string_view ascii_name;
  std::string_view alternate_names;  // comma-separated
  double lat = 0, lon = 0;
  char feature_class = 0;
  std::string_view feature_code;
  std::string_view country;
  std::string_view admin1;
  int64_t population = 0;
};

struct GeoNamesReadStats {
  uint64_t rows = 0;
  uint64_t bad_rows = 0;
  std::vector<std::string> diagnostics;  // the first kMaxDiagnostics bad rows, "line N: reason"
};

// Calls on_row for every well-formed row of the file at path.
Status ReadGeoNames(const std::string& path, const std::function<void(const GeoNamesRow&)>& on_row,
                    GeoNamesReadStats* stats);

// Parses one line (without its newline). Exposed for tests.
Status ParseGeoNamesLine(std::string_view line, GeoNamesRow* row);

}  // namespace crosscheck::places
