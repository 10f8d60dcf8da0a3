// Places: a GeoNames gazetteer compiled into an index file, plus countries, regions and
// cue words from data/places, and the matcher that finds and resolves place mentions in
// a document's token stream. A Gazetteer is immutable after Open(); FindPlaces may be
// called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "core/status.h"
#include "text/tokens.h"

namespace crosscheck::places {

struct GazetteerData;  // gazetteer_data.h: the mapped index and the small data files

class Gazetteer {
 public:
  // geonames_file: any GeoNames-format file (cities1000.txt, allCountries.txt).
  // data_dir: data/places. index_cache_dir: where the compiled index is kept; empty means
  // beside geonames_file. The index is rebuilt when the source or the data files change.
  static Result<Gazetteer> Open(const std::string& geonames_file, const std::string& data_dir,
                                const std::string& index_cache_dir);

  Gazetteer(Gazetteer&& other) noexcept;
  Gazetteer& operator=(Gazetteer&& other) noexcept;
  ~Gazetteer();

  size_t entry_count() const;
  const std::string& index_path() const;
  bool rebuilt() const;                    // true when Open() compiled the index
  const std::string& data_version() const; // "places/<MANIFEST version>+<fingerprint>"
  const std::vector<std::string>& diagnostics() const;  // bad source rows, at most a few

  const GazetteerData& data() const { return *data_; }

 private:
  explicit Gazetteer(std::unique_ptr<GazetteerData> data);
  std::unique_ptr<GazetteerData> data_;
};

// UCDP where_prec values (spec/LEDGER.md) the matcher gives and later stages read.
inline constexpr int kPrecisionExact = 1;
inline constexpr int kPrecisionDistrict = 3;
inline constexpr int kPrecisionProvince = 4;
inline constexpr int kPrecisionLargeArea = 5;
inline constexpr int kPrecisionCountry = 6;
inline constexpr int kPrecisionWater = 7;

struct PlaceMention {
  ByteSpan span;
  uint32_t first_token = 0, end_token = 0;
  std::string text;
  int64_t geonameid = 0;
  std::string name;
  std::string country;       // ISO 3166-1 alpha-2
  std::string admin1;        // GeoNames admin1 code of a town
  std::string feature_code;  // GeoNames feature code; PCLI for countries, ADM1, CONT, RGN, SEA
  double lat = 0, lon = 0;
  bool resolved = false;
  // "", "near", "outskirts", "southeast_of"..., "between", "border", "countryside",
  // "demonym", "region", "country", "county", "province", "district"
  std::string relation;
  int precision = 1;         // UCDP where_prec, see spec/LEDGER.md
  int64_t population = 0;
  ByteSpan relation_span;    // the cue words, empty when there are none
};

std::vector<PlaceMention> FindPlaces(const Gazetteer& gazetteer, std::string_view text,
                                     const text::TokenStream& tokens);

}  // namespace crosscheck::places
