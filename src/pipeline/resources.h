// Where the engine finds its data: the data/ folder (dictionaries, lexicons) and the
// GeoNames gazetteer with its compiled index cache.
#pragma once

#include <string>

namespace crosscheck::pipeline {

struct ResourcePaths {
  std::string data_dir;
  std::string gazetteer;  // a GeoNames-format file
  std::string cache_dir;  // where the compiled gazetteer index is kept
};

// Explicit values win; then CROSSCHECK_DATA / CROSSCHECK_GAZETTEER / CROSSCHECK_CACHE;
// then the folders beside the source tree the binary was built from.
ResourcePaths ResolvePaths(const std::string& data_dir, const std::string& gazetteer, const std::string& cache_dir);

}  // namespace crosscheck::pipeline
