#include "pipeline/resources.h"

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "pipeline/batch_runner.h"

namespace crosscheck::pipeline {
namespace {

std::string FromEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string FirstOf(const std::string& a, const std::string& b, const std::string& c) {
  if (!a.empty()) return a;
  if (!b.empty()) return b;
  return c;
}

}  // namespace

int DefaultThreads() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

ResourcePaths ResolvePaths(const std::string& data_dir, const std::string& gazetteer, const std::string& cache_dir) {
  const std::string source_dir = CROSSCHECK_SOURCE_DIR;
  ResourcePaths paths;
  paths.cache_dir = FirstOf(cache_dir, FromEnv("CROSSCHECK_CACHE"), source_dir + "/.cache/geonames");
  paths.data_dir = FirstOf(data_dir, FromEnv("CROSSCHECK_DATA"), source_dir + "/data");
  paths.gazetteer = FirstOf(gazetteer, FromEnv("CROSSCHECK_GAZETTEER"), paths.cache_dir + "/cities1000.txt");
  return paths;
}

}  // namespace crosscheck::pipeline
