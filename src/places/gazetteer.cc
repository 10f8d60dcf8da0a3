#include <sys/stat.h>

#include <cstdio>

#include "places/gazetteer_data.h"
#include "places/places.h"

namespace crosscheck::places {
namespace {

constexpr char kIndexSuffix[] = ".ccgaz";

std::string IndexPathFor(const std::string& geonames_file, const std::string& index_cache_dir) {
  size_t slash = geonames_file.find_last_of('/');
  std::string base = slash == std::string::npos ? geonames_file : geonames_file.substr(slash + 1);
  std::string dir = index_cache_dir;
  if (dir.empty()) dir = slash == std::string::npos ? "." : geonames_file.substr(0, slash);
  return dir + "/" + base + kIndexSuffix;
}

bool IsCurrent(const MappedIndex& index, const struct stat& source, uint64_t fingerprint) {
  return index.source_size() == static_cast<uint64_t>(source.st_size) && index.source_mtime() == source.st_mtime &&
         index.data_fingerprint() == fingerprint;
}

}  // namespace

Gazetteer::Gazetteer(std::unique_ptr<GazetteerData> data) : data_(std::move(data)) {}
Gazetteer::Gazetteer(Gazetteer&& other) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&& other) noexcept = default;
Gazetteer::~Gazetteer() = default;

size_t Gazetteer::entry_count() const { return data_->index.entry_count(); }
const std::string& Gazetteer::index_path() const { return data_->index_path; }
bool Gazetteer::rebuilt() const { return data_->rebuilt; }
const std::string& Gazetteer::data_version() const { return data_->version; }
const std::vector<std::string>& Gazetteer::diagnostics() const { return data_->diagnostics; }

Result<Gazetteer> Gazetteer::Open(const std::string& geonames_file, const std::string& data_dir,
                                  const std::string& index_cache_dir) {
  auto data = std::make_unique<GazetteerData>();
  Result<PlacesData> places_data = LoadPlacesData(data_dir);
  if (!places_data.ok()) return places_data.status();
  data->data = std::move(places_data.value());
  struct stat source {};
  if (::stat(geonames_file.c_str(), &source) != 0) {
    return Status(StatusCode::kNotFound,
                  "gazetteer not found: " + geonames_file + " (run scripts/fetch_gazetteer.sh)");
  }
  uint64_t fingerprint = FingerprintFiles(PlacesDataFiles(data_dir));
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(fingerprint));
  data->version = "places/" + data->data.version + "+" + std::string(hex, 8);
  data->index_path = IndexPathFor(geonames_file, index_cache_dir);
  if (!index_cache_dir.empty()) ::mkdir(index_cache_dir.c_str(), 0755);

  Result<MappedIndex> mapped = MappedIndex::Map(data->index_path);
  if (!mapped.ok() || !IsCurrent(mapped.value(), source, fingerprint)) {
    BuildStats stats;
    Status built = BuildIndex(geonames_file, data->data, fingerprint, data->index_path, &stats);
    if (!built.ok()) return built;
    data->diagnostics = std::move(stats.diagnostics);
    if (stats.bad_rows > data->diagnostics.size()) {
      data->diagnostics.push_back(std::to_string(stats.bad_rows) + " bad rows in all");
    }
    data->rebuilt = true;
    mapped = MappedIndex::Map(data->index_path);
    if (!mapped.ok()) return mapped.status();
  }
  data->index = std::move(mapped.value());
  return Gazetteer(std::move(data));
}

}  // namespace crosscheck::places
