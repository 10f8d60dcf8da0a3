// The small hand-kept files of data/places: countries, regions, stop list, relation cues and
// Arabic transliteration variants. Each file carries a "# format: NAME v1" tag that is checked.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

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

enum class CuePosition : uint8_t { kBefore, kAfter };

struct Cue {
  std::vector<std::string> words;  // folded
  CuePosition position = CuePosition::kBefore;
  std::string relation;
  int precision = 1;
};

struct PlacesData {
  std::string version;  // from MANIFEST
  std::vector<CountryRow> countries;
  std::vector<RegionRow> regions;
  std::unordered_map<std::string, std::string> stop_words;  // folded word -> reason
  std::vector<Cue> cues;
  std::unordered_set<std::string> articles;   // "al", "el", "ash"...
  std::unordered_set<std::string> abu_forms;  // "abu", "albu", "abou"...
  std::vector<std::string> attached_articles;  // also stripped when joined to the name: "al"
};

// Loads every file of data_dir; fails on a missing file or a wrong format tag.
Result<PlacesData> LoadPlacesData(const std::string& data_dir);

// The files whose content the compiled index depends on, in a fixed order.
std::vector<std::string> PlacesDataFiles(const std::string& data_dir);

}  // namespace crosscheck::places
