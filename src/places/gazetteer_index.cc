#include "places/gazetteer_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "places/geonames_loader.h"
#include "places/place_keys.h"

namespace crosscheck::places {

struct KeySlot {
  uint64_t hash;
  uint32_t key_offset;  // NUL-terminated key in the string pool
  uint32_t postings_offset;
  uint32_t postings_count;  // 0: empty slot
  uint32_t reserved;
};

namespace {

constexpr char kMagic[8] = {'C', 'C', 'G', 'A', 'Z', 'I', 'X', '\x1a'};
constexpr uint64_t kFnvOffset = kKeyHashSeed;
constexpr uint64_t kFnvPrime = 1099511628211ull;
constexpr size_t kMaxKeyWords = 8;

struct IndexHeader {
  char magic[8];
  uint32_t version;
  uint32_t max_key_words;
  uint64_t source_size;
  int64_t source_mtime;
  uint64_t data_fingerprint;
  uint64_t entry_count, entries_offset;
  uint64_t slot_count, slots_offset;
  uint64_t posting_count, postings_offset;
  uint64_t pool_size, pool_offset;
  uint64_t file_size;
};

uint64_t HashKey(std::string_view key) { return KeyHash(key); }

const IndexHeader* Header(const uint8_t* base) { return reinterpret_cast<const IndexHeader*>(base); }

class Builder {
 public:
  uint32_t AddString(std::string_view s) {
    auto it = strings_.find(std::string(s));
    if (it != strings_.end()) return it->second;
    uint32_t offset = static_cast<uint32_t>(pool_.size());
    pool_.append(s);
    pool_.push_back('\0');
    strings_.emplace(std::string(s), offset);
    return offset;
  }

  std::string String(uint32_t offset) const { return std::string(pool_.c_str() + offset); }

  uint32_t AddEntry(int64_t geonameid, std::string_view name, double lat, double lon, int64_t population,
                    std::string_view country, std::string_view admin1, std::string_view feature_code,
                    EntryKind kind) {
    EntryRecord record{};
    record.geonameid = geonameid;
    record.lat = static_cast<float>(lat);
    record.lon = static_cast<float>(lon);
    record.population = static_cast<uint32_t>(std::clamp<int64_t>(population, 0, UINT32_MAX));
    record.name_offset = AddString(name);
    record.admin1_offset = AddString(admin1);
    std::memcpy(record.country, country.data(), std::min<size_t>(2, country.size()));
    std::memcpy(record.feature_code, feature_code.data(), std::min<size_t>(6, feature_code.size()));
    record.kind = kind;
    entries_.push_back(record);
    return static_cast<uint32_t>(entries_.size() - 1);
  }

  const EntryRecord& entry(uint32_t index) const { return entries_[index]; }

  // Adds the plain and the variant key of one name of an entry.
  void AddName(std::string_view name, uint32_t entry, uint32_t flags, const PlacesData& data) {
    std::vector<std::string> words = FoldNameWords(name);
    if (words.empty() || words.size() > kMaxKeyWords) return;
    max_words_ = std::max(max_words_, static_cast<uint32_t>(words.size()));
    uint32_t dotted = 0;
    // "Ky.", "Calif.": a short alias that is an abbreviation with a final dot.
    if (name.size() >= 2 && name.back() == '.' && words.size() == 1 && name.find('.') == name.size() - 1) {
      dotted = kPostingDottedAbbrev;
    }
    AddKey(JoinKey(words), entry | flags | dotted);
    bool transformed = false;
    std::string variant = VariantKey(words, data, &transformed);
    if (!variant.empty() && !dotted) AddKey(variant, entry | flags);
  }

  void AddKey(const std::string& key, uint32_t posting) {
    std::vector<uint32_t>& postings = keys_[key];
    for (uint32_t existing : postings) {
      if ((existing & kPostingIndexMask) == (posting & kPostingIndexMask)) return;
    }
    postings.push_back(posting);
  }

  Status Write(const std::string& path, uint64_t source_size, int64_t source_mtime, uint64_t fingerprint,
               BuildStats* stats) {
    // Key strings go to the pool too.
    uint64_t slot_count = 1;
    while (slot_count < keys_.size() * 2) slot_count <<= 1;
    std::vector<KeySlot> slots(slot_count, KeySlot{0, 0, 0, 0, 0});
    std::vector<uint32_t> postings;
    for (auto& [key, list] : keys_) {
      uint64_t h = HashKey(key);
      uint64_t slot = h & (slot_count - 1);
      while (slots[slot].postings_count != 0) slot = (slot + 1) & (slot_count - 1);
      uint32_t key_offset = static_cast<uint32_t>(pool_.size());
      pool_.append(key);
      pool_.push_back('\0');
      slots[slot] = KeySlot{h, key_offset, static_cast<uint32_t>(postings.size()),
                            static_cast<uint32_t>(list.size()), 0};
      postings.insert(postings.end(), list.begin(), list.end());
    }
    auto align = [](uint64_t n) { return (n + 7) & ~uint64_t{7}; };
    IndexHeader header{};
    std::memcpy(header.magic, kMagic, sizeof(kMagic));
    header.version = kIndexFormatVersion;
    header.max_key_words = max_words_;
    header.source_size = source_size;
    header.source_mtime = source_mtime;
    header.data_fingerprint = fingerprint;
    header.entry_count = entries_.size();
    header.entries_offset = align(sizeof(IndexHeader));
    header.slot_count = slot_count;
    header.slots_offset = align(header.entries_offset + entries_.size() * sizeof(EntryRecord));
    header.posting_count = postings.size();
    header.postings_offset = align(header.slots_offset + slot_count * sizeof(KeySlot));
    header.pool_size = pool_.size();
    header.pool_offset = align(header.postings_offset + postings.size() * sizeof(uint32_t));
    header.file_size = header.pool_offset + pool_.size();

    std::string tmp = path + ".tmp" + std::to_string(::getpid());
    std::FILE* out = std::fopen(tmp.c_str(), "wb");
    if (out == nullptr) return Status(StatusCode::kIoError, "cannot write index " + tmp);
    auto write_at = [&](uint64_t offset, const void* bytes, size_t n) {
      std::fseek(out, static_cast<long>(offset), SEEK_SET);
      return n == 0 || std::fwrite(bytes, 1, n, out) == n;
    };
    bool ok = write_at(0, &header, sizeof(header)) &&
              write_at(header.entries_offset, entries_.data(), entries_.size() * sizeof(EntryRecord)) &&
              write_at(header.slots_offset, slots.data(), slots.size() * sizeof(KeySlot)) &&
              write_at(header.postings_offset, postings.data(), postings.size() * sizeof(uint32_t)) &&
              write_at(header.pool_offset, pool_.data(), pool_.size());
    ok = (std::fclose(out) == 0) && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::remove(tmp.c_str());
      return Status(StatusCode::kIoError, "cannot write index " + path);
    }
    stats->entries = entries_.size();
    stats->keys = keys_.size();
    return Status::Ok();
  }

 private:
  std::vector<EntryRecord> entries_;
  std::string pool_ = std::string(1, '\0');  // offset 0 is the empty string
  std::unordered_map<std::string, uint32_t> strings_{{"", 0}};
  std::unordered_map<std::string, std::vector<uint32_t>> keys_;
  uint32_t max_words_ = 1;
};

const char* RegionFeatureCode(RegionKind kind) {
  switch (kind) {
    case RegionKind::kAdmin1: return "ADM1";
    case RegionKind::kContinent: return "CONT";
    case RegionKind::kWater: return "SEA";
    case RegionKind::kBorder: return "BDR";
    case RegionKind::kRegion: return "RGN";
  }
  return "RGN";
}

// Alternate names that are airport or postal codes ("THE", "LHR"): upper-case ASCII, short.
constexpr size_t kMaxCodeLength = 4;
bool IsCode(std::string_view name) {
  if (name.size() > kMaxCodeLength) return false;
  for (char c : name) {
    if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

// Keeps populated places and administrative divisions: what news names as a location.
bool IsIndexedFeature(char feature_class) { return feature_class == 'P' || feature_class == 'A'; }

// Where a GeoNames town lies and its admin1 code: new supplement entries take the admin1 code
// of the nearest town of their country, so that codes stay GeoNames codes.
struct TownPoint {
  char country[2];
  float lat, lon;
  uint32_t admin1_offset;
};

std::string NearestAdmin1(const std::vector<TownPoint>& towns, const Builder& builder, const SupplementRow& row) {
  const double cos_lat = std::cos(row.lat * 3.14159265358979323846 / 180.0);
  double best = 1e18;
  uint32_t best_offset = 0;
  for (const TownPoint& town : towns) {
    if (town.country[0] != row.country[0] || town.country[1] != row.country[1]) continue;
    double dlat = town.lat - row.lat, dlon = (town.lon - row.lon) * cos_lat;
    double d = dlat * dlat + dlon * dlon;  // equirectangular: only the order matters
    if (d < best) {
      best = d;
      best_offset = town.admin1_offset;
    }
  }
  return builder.String(best_offset);
}

EntryKind SupplementKind(std::string_view feature_code) {
  return feature_code.substr(0, 3) == "ADM" ? EntryKind::kAdmin : EntryKind::kTown;
}

}  // namespace

uint64_t FingerprintFiles(const std::vector<std::string>& paths) {
  uint64_t h = kFnvOffset ^ kIndexFormatVersion;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (unsigned char c : bytes) h = (h ^ c) * kFnvPrime;
    h = (h ^ 0xFF) * kFnvPrime;
  }
  return h;
}

Status BuildIndex(const std::string& geonames_file, const PlacesData& data, uint64_t data_fingerprint,
                  const std::string& out_path, BuildStats* stats) {
  struct stat source_stat {};
  if (::stat(geonames_file.c_str(), &source_stat) != 0) {
    return Status(StatusCode::kNotFound, "cannot open gazetteer " + geonames_file);
  }
  Builder builder;
  for (const CountryRow& country : data.countries) {
    uint32_t entry = builder.AddEntry(country.geonameid, country.name, country.lat, country.lon, 0, country.iso2,
                                      "", "PCLI", EntryKind::kCountry);
    builder.AddName(country.name, entry, 0, data);
    for (const std::string& alias : country.aliases) builder.AddName(alias, entry, kPostingAlternate, data);
    for (const std::string& demonym : country.demonyms) builder.AddName(demonym, entry, kPostingDemonym, data);
  }
  for (const RegionRow& region : data.regions) {
    uint32_t entry = builder.AddEntry(region.geonameid, region.name, region.lat, region.lon, 0, region.iso2, "",
                                      RegionFeatureCode(region.kind), EntryKind::kRegion);
    builder.AddName(region.name, entry, 0, data);
    for (const std::string& alias : region.aliases) builder.AddName(alias, entry, kPostingAlternate, data);
  }
  // Supplement rows that add spellings to a GeoNames entry, by geonameid.
  std::unordered_map<int64_t, std::vector<size_t>> supplement_of;
  for (size_t row_idx = 0; row_idx < data.supplement.size(); ++row_idx) {
    if (data.supplement[row_idx].geonameid != 0) supplement_of[data.supplement[row_idx].geonameid].push_back(row_idx);
  }
  std::vector<bool> supplement_used(data.supplement.size(), false);
  std::vector<TownPoint> towns;
  GeoNamesReadStats read_stats;
  Status status = ReadGeoNames(
      geonames_file,
      [&](const GeoNamesRow& row) {
        if (!IsIndexedFeature(row.feature_class)) return;
        // Countries come from countries.tsv, with their aliases and demonyms.
        if (row.feature_code.substr(0, 3) == "PCL") return;
        EntryKind kind = row.feature_class == 'P' ? EntryKind::kTown : EntryKind::kAdmin;
        uint32_t entry = builder.AddEntry(row.geonameid, row.name, row.lat, row.lon, row.population, row.country,
                                          row.admin1, row.feature_code, kind);
        builder.AddName(row.name, entry, 0, data);
        if (row.ascii_name != row.name) builder.AddName(row.ascii_name, entry, 0, data);
        std::string_view rest = row.alternate_names;
        while (!rest.empty()) {
          size_t comma = rest.find(',');
          std::string_view name = rest.substr(0, comma);
          rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
          if (!name.empty() && !IsCode(name)) builder.AddName(name, entry, kPostingAlternate, data);
        }
        if (auto it = supplement_of.find(row.geonameid); it != supplement_of.end()) {
          for (size_t row_idx : it->second) {
            const SupplementRow& extra = data.supplement[row_idx];
            builder.AddName(extra.name, entry, kPostingAlternate, data);
            for (const std::string& alias : extra.aliases) builder.AddName(alias, entry, kPostingAlternate, data);
            supplement_used[row_idx] = true;
          }
        }
        if (kind == EntryKind::kTown && row.country.size() == 2) {
          towns.push_back(TownPoint{{row.country[0], row.country[1]}, static_cast<float>(row.lat),
                                    static_cast<float>(row.lon), builder.entry(entry).admin1_offset});
        }
      },
      &read_stats);
  stats->rows = read_stats.rows;
  stats->bad_rows = read_stats.bad_rows;
  stats->diagnostics = read_stats.diagnostics;
  if (!status.ok()) return status;
  // New localities, and rows whose GeoNames entry this source file lacks (a smaller dump):
  // those become entries of their own at the row's point, keeping the GeoNames id.
  for (size_t row_idx = 0; row_idx < data.supplement.size(); ++row_idx) {
    if (supplement_used[row_idx]) continue;
    const SupplementRow& extra = data.supplement[row_idx];
    uint32_t entry = builder.AddEntry(extra.geonameid, extra.name, extra.lat, extra.lon, extra.population,
                                      extra.country, NearestAdmin1(towns, builder, extra), extra.feature_code,
                                      SupplementKind(extra.feature_code));
    builder.AddName(extra.name, entry, 0, data);
    for (const std::string& alias : extra.aliases) builder.AddName(alias, entry, kPostingAlternate, data);
  }
  return builder.Write(out_path, static_cast<uint64_t>(source_stat.st_size), source_stat.st_mtime, data_fingerprint,
                       stats);
}

MappedIndex::MappedIndex(MappedIndex&& other) noexcept { *this = std::move(other); }

MappedIndex& MappedIndex::operator=(MappedIndex&& other) noexcept {
  if (this != &other) {
    Reset();
    base_ = other.base_;
    size_ = other.size_;
    entries_ = other.entries_;
    entry_count_ = other.entry_count_;
    slots_ = other.slots_;
    slot_mask_ = other.slot_mask_;
    postings_ = other.postings_;
    pool_ = other.pool_;
    filter_ = std::move(other.filter_);
    other.base_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

MappedIndex::~MappedIndex() { Reset(); }

void MappedIndex::Reset() {
  if (base_ != nullptr) ::munmap(const_cast<uint8_t*>(base_), size_);
  base_ = nullptr;
  size_ = 0;
}

Result<MappedIndex> MappedIndex::Map(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status(StatusCode::kNotFound, "no index at " + path);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(IndexHeader)) {
    ::close(fd);
    return Status(StatusCode::kDataFormat, "index too small: " + path);
  }
  void* mapped = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return Status(StatusCode::kIoError, "cannot map index " + path);
  MappedIndex index;
  index.base_ = static_cast<const uint8_t*>(mapped);
  index.size_ = static_cast<size_t>(st.st_size);
  const IndexHeader* header = Header(index.base_);
  if (std::memcmp(header->magic, kMagic, sizeof(kMagic)) != 0) {
    return Status(StatusCode::kDataFormat, "not a crosscheck gazetteer index: " + path);
  }
  if (header->version != kIndexFormatVersion) {
    return Status(StatusCode::kDataFormat, "index format version " + std::to_string(header->version) + " in " + path);
  }
  if (header->file_size != index.size_ || header->pool_offset + header->pool_size > index.size_) {
    return Status(StatusCode::kDataFormat, "truncated index: " + path);
  }
  index.entries_ = reinterpret_cast<const EntryRecord*>(index.base_ + header->entries_offset);
  index.entry_count_ = header->entry_count;
  index.slots_ = reinterpret_cast<const KeySlot*>(index.base_ + header->slots_offset);
  index.slot_mask_ = header->slot_count - 1;
  index.postings_ = reinterpret_cast<const uint32_t*>(index.base_ + header->postings_offset);
  index.pool_ = reinterpret_cast<const char*>(index.base_ + header->pool_offset);
  // The table is at most half full (Write), so half its slots bound the number of keys.
  index.filter_ = KeyFilter(header->slot_count / 2);
  for (uint64_t slot = 0; slot < header->slot_count; ++slot) {
    if (index.slots_[slot].postings_count != 0) index.filter_.Add(index.slots_[slot].hash);
  }
  return index;
}

std::span<const uint32_t> MappedIndex::Lookup(std::string_view key, uint64_t key_hash) const {
  if (base_ == nullptr) return {};
  const uint64_t h = key_hash;
  if (!filter_.MayContain(h)) return {};
  for (uint64_t slot = h & slot_mask_;; slot = (slot + 1) & slot_mask_) {
    const KeySlot& s = slots_[slot];
    if (s.postings_count == 0) return {};
    if (s.hash == h && key == std::string_view(pool_ + s.key_offset)) {
      return {postings_ + s.postings_offset, s.postings_count};
    }
  }
}

uint32_t MappedIndex::max_key_words() const { return Header(base_)->max_key_words; }
uint64_t MappedIndex::source_size() const { return Header(base_)->source_size; }
int64_t MappedIndex::source_mtime() const { return Header(base_)->source_mtime; }
uint64_t MappedIndex::data_fingerprint() const { return Header(base_)->data_fingerprint; }

}  // namespace crosscheck::places
