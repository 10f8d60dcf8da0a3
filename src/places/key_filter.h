// A Bloom filter over the hashes of the compiled index's keys, built in memory when the index
// is mapped (the file format stays as it is). Most probes of the matcher are capitalised words
// that name no place; the filter answers those from 1 MB (for cities1000) that mostly stays in
// cache instead of a cache miss into the 48 MB slot table. Building it reads every slot once
// at start-up (about 15 ms for cities1000). Immutable after building; thread-safe reads.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace crosscheck::places {

class KeyFilter {
 public:
  // Sized from an upper bound on the number of keys to come.
  explicit KeyFilter(uint64_t max_keys = 0)
      : words_(std::bit_ceil(std::max<uint64_t>(1, max_keys / kKeysPerWord)), 0), word_mask_(words_.size() - 1) {}

  void Add(uint64_t key_hash) {
    uint64_t mixed = Mix(key_hash);
    words_[mixed & word_mask_] |= BitsOf(mixed);
  }

  // False only when no added key has this hash.
  bool MayContain(uint64_t key_hash) const {
    uint64_t mixed = Mix(key_hash);
    uint64_t bits = BitsOf(mixed);
    return (words_[mixed & word_mask_] & bits) == bits;
  }

 private:
  // One 64-bit word per key (one cache line touched per probe) with kBitsPerKey bits set in
  // it. At most eight keys a word (the table half full) keeps false positives to a few in a
  // hundred, and cities1000 (about four a word) to under one; a false positive only costs
  // the slot probe every lookup made before.
  static constexpr uint64_t kKeysPerWord = 8;
  static constexpr int kBitsPerKey = 4;
  static constexpr int kBitIndexWidth = 6;  // a bit of a 64-bit word
  static constexpr int kFirstBitIndexShift = 40;  // above the word index bits

  // FNV-1a's low bits depend only on the low bits of the key's bytes: remix (MurmurHash3's
  // finalizer) before taking bit fields.
  static uint64_t Mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
  }
  static uint64_t BitsOf(uint64_t mixed) {
    uint64_t bits = 0;
    for (int bit_idx = 0; bit_idx < kBitsPerKey; ++bit_idx) {
      bits |= uint64_t{1} << ((mixed >> (kFirstBitIndexShift + bit_idx * kBitIndexWidth)) & 63);
    }
    return bits;
  }

  std::vector<uint64_t> words_;
  uint64_t word_mask_;
};

}  // namespace crosscheck::places
