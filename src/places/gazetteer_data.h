// What an opened Gazetteer holds: the mapped index and the small data files. Internal to
// src/places; read-only after Open().
#pragma once

#include <string>
#include <vector>

#include "places/gazetteer_index.h"
#include "places/places_data.h"

namespace crosscheck::places {

struct GazetteerData {
  MappedIndex index;
  PlacesData data;
  std::string index_path;
  std::string version;
  bool rebuilt = false;
  std::vector<std::string> diagnostics;
};

}  // namespace crosscheck::places
