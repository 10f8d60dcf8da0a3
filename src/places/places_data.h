// The small hand-kept files of data/places: countries, regions, stop list, relation cues,
// Arabic transliteration variants and the supplement of localities GeoNames lacks. Each file carries a "# format: NAME v1" tag that is checked.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/packed_word_map.h"
#include "core/status.h"
#include "core/string_table.h"
#include "places/cue_lists.h"
#include "places/short_word_set.h"

namespace crosscheck::places {

struct CountryRow {
  std::string iso2;
  int64_t geonameid = 0;
  std::string name;
  double lat = 0, lon = 0;
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;
};

enum class RegionKind : uint8_t { kAdmin1, kRegion, kContinent, kWater, kBorder };

struct RegionRow {
  std::string iso2;  // empty for continents and seas
  std::string name;
  int64_t geonameid = 0;
  double lat = 0, lon = 0;
  RegionKind kind = RegionKind::kRegion;
  std::vector<std::string> aliases;
};

// A row of supplement.tsv: with a geonameid, spellings added to that GeoNames entry; without,
// a new entry at the row's point.
struct SupplementRow {
  std::string name;
  std::vector<std::string> aliases;
  std::string country;
  std::string admin1_name;
  double lat = 0, lon = 0;
  std::string feature_code;
  int64_t population = 0;
  int64_t geonameid = 0;  // 0: not in GeoNames
};

enum class CuePosition : uint8_t { kBefore, kAfter };

struct Cue {
  std::vector<std::string> words;  // folded
  CuePosition position = CuePosition::kBefore;
  std::string relation;
  int precision = 1;
};

// Looked up with token views, without building a std::string per token.
using StringSet = StringTableSet;
template <typename V>
using StringMap = StringTable<V>;

// The first two bytes of a word of two bytes or more, the first byte lowest.
inline uint16_t BytePair(std::string_view word) {
  return static_cast<uint16_t>(static_cast<unsigned char>(word[0]) | (static_cast<unsigned char>(word[1]) << 8));
}

struct PlacesData {
  std::string version;  // from MANIFEST
  std::vector<CountryRow> countries;
  std::vector<RegionRow> regions;
  StringMap<std::string> stop_words;  // folded word -> reason
  // The stop words of up to kMaxPackedWordLength bytes again, packed, to their reason's index
  // in stop_reasons: the matcher asks about the words at and before every candidate.
  PackedWordMap short_stop_words;
  std::vector<std::string> stop_reasons;
  std::vector<Cue> cues;
  // Cue indices (in file order) by the cue's first word (after-cues) and last word (before-cues):
  // the matcher tests only the cues that can match the word next to a place.
  CueLists after_cues_by_first_word;
  CueLists before_cues_by_last_word;
  ShortWordSet articles;   // "al", "el", "ash"...
  ShortWordSet abu_forms;  // "abu", "albu", "abou"...
  size_t max_article_length = 0;  // longest article or Abu form: longer words are neither
  std::vector<std::string> attached_articles;  // also stripped when joined to the name: "al"
  // First bytes of the Abu forms and attached articles (every byte if one is empty): a name
  // that starts with none of them keeps its words in the variant key (VariantKeyIsPlain).
  std::bitset<256> variant_openers;
  // The first two bytes (first byte lowest) of each Abu form and attached article, when all
  // have two or more (variant_pairs_known): a name whose first word opens with no such pair
  // keeps its words in the variant key too, without comparing it with every form.
  std::vector<uint16_t> variant_opener_pairs;
  bool variant_pairs_known = true;
  std::vector<SupplementRow> supplement;
};

// Loads every file of data_dir; fails on a missing file or a wrong format tag.
Result<PlacesData> LoadPlacesData(const std::string& data_dir);

// The files whose content the compiled index depends on, in a fixed order.
std::vector<std::string> PlacesDataFiles(const std::string& data_dir);

}  // namespace crosscheck::places
