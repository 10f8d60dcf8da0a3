// The compiled gazetteer: entries (GeoNames rows plus the countries and regions of
// data/places) and a hash table from folded keys to postings, in one file with a magic
// number and a format version, mapped read-only. Immutable once mapped; thread-safe to read.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "places/key_filter.h"
#include "places/places_data.h"

namespace crosscheck::places {

inline constexpr uint32_t kIndexFormatVersion = 1;

enum class EntryKind : uint8_t { kTown, kAdmin, kCountry, kRegion };

#pragma pack(push, 1)
struct EntryRecord {
  int64_t geonameid;
  float lat, lon;
  uint32_t population;
  uint32_t name_offset;    // NUL-terminated in the string pool
  uint32_t admin1_offset;  // NUL-terminated in the string pool
  char country[2];         // ISO2, or two NULs
  char feature_code[7];    // NUL-padded
  EntryKind kind;
};
#pragma pack(pop)

// Posting flags above the entry index.
inline constexpr uint32_t kPostingIndexMask = 0x0FFFFFFF;
inline constexpr uint32_t kPostingDemonym = 1u << 28;    // the key is an adjectival form
inline constexpr uint32_t kPostingAlternate = 1u << 29;  // the key is not the entry's main name
inline constexpr uint32_t kPostingDottedAbbrev = 1u << 30;  // "Ky.": only after a comma, with its dot

// The hash the index stores for each key (FNV-1a). It runs over the key byte after byte, so a
// key extended by a word ("deir" -> "deir ez zor") continues from its prefix's hash: the matcher
// hashes each byte of a growing name once instead of once per prefix.
inline constexpr uint64_t kKeyHashSeed = 1469598103934665603ull;
inline uint64_t ExtendKeyHash(uint64_t hash, std::string_view bytes) {
  constexpr uint64_t kFnvPrime = 1099511628211ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * kFnvPrime;
  return hash;
}
inline uint64_t KeyHash(std::string_view key) { return ExtendKeyHash(kKeyHashSeed, key); }
// Two keys extended by the same bytes in one pass. FNV-1a waits on its multiply at every
// byte; two independent chains in one loop take about the time of one.
inline void ExtendKeyHashes(std::string_view bytes, uint64_t* first_hash, uint64_t* second_hash) {
  constexpr uint64_t kFnvPrime = 1099511628211ull;
  uint64_t first = *first_hash, second = *second_hash;
  for (unsigned char c : bytes) {
    first = (first ^ c) * kFnvPrime;
    second = (second ^ c) * kFnvPrime;
  }
  *first_hash = first;
  *second_hash = second;
}

class MappedIndex {
 public:
  MappedIndex() = default;
  MappedIndex(MappedIndex&& other) noexcept;
  MappedIndex& operator=(MappedIndex&& other) noexcept;
  ~MappedIndex();

  static Result<MappedIndex> Map(const std::string& path);

  std::span<const uint32_t> Lookup(std::string_view key) const { return Lookup(key, KeyHash(key)); }
  // With key_hash == KeyHash(key) already worked out.
  std::span<const uint32_t> Lookup(std::string_view key, uint64_t key_hash) const;
  // False only when no key has this hash: lets a caller skip writing out a key it has hashed.
  bool MayContain(uint64_t key_hash) const { return base_ != nullptr && filter_.MayContain(key_hash); }
  const EntryRecord& entry(uint32_t index) const { return entries_[index]; }
  size_t entry_count() const { return entry_count_; }
  const char* String(uint32_t offset) const { return pool_ + offset; }
  uint32_t max_key_words() const;
  uint64_t source_size() const;
  int64_t source_mtime() const;
  uint64_t data_fingerprint() const;

 private:
  void Reset();
  const uint8_t* base_ = nullptr;
  size_t size_ = 0;
  const EntryRecord* entries_ = nullptr;
  size_t entry_count_ = 0;
  const struct KeySlot* slots_ = nullptr;
  uint64_t slot_mask_ = 0;
  const uint32_t* postings_ = nullptr;
  const char* pool_ = nullptr;
  KeyFilter filter_;  // of every key's hash: most misses stop here
};

struct BuildStats {
  uint64_t rows = 0, bad_rows = 0, entries = 0, keys = 0;
  std::vector<std::string> diagnostics;
};

// Compiles geonames_file and data into an index file at out_path (written beside, then renamed).
Status BuildIndex(const std::string& geonames_file, const PlacesData& data, uint64_t data_fingerprint,
                  const std::string& out_path, BuildStats* stats);

// FNV-1a over the bytes of the given files and the index format version.
uint64_t FingerprintFiles(const std::vector<std::string>& paths);

}  // namespace crosscheck::places
