// A map from non-zero 64-bit keys (packed words, core/packed_word.h) to 32-bit values, for
// tables asked about nearly every token of every article: open addressing with linear probing
// and a multiplicative hash, so that a look-up is a multiply, a load and a compare or two,
// where a general hash table mixes the key and scans a group of control bytes first.
// Immutable after building; thread-safe reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck {

class PackedWordMap {
 public:
  // Inserting a key again replaces its value. Key 0 (the empty word packed) is kept apart:
  // it marks empty slots.
  void Insert(uint64_t key, uint32_t value) {
    if (key == kEmptyKey) {
      if (!has_empty_key_) ++size_;
      has_empty_key_ = true;
      empty_key_value_ = value;
      return;
    }
    if ((size_ + 1) * kMaxLoadDenominator > keys_.size() * kMaxLoadNumerator) Grow();
    const uint64_t idx = Probe(key);
    if (keys_[idx] == kEmptyKey) ++size_;
    keys_[idx] = key;
    values_[idx] = value;
  }

  // The key's value, or `missing`.
  uint32_t Find(uint64_t key, uint32_t missing) const {
    for (uint64_t idx = Home(key);; idx = (idx + 1) & mask_) {
      const uint64_t slot_key = keys_[idx];
      // Key 0 meets itself at the first empty slot.
      if (slot_key == key) return key != kEmptyKey ? values_[idx] : has_empty_key_ ? empty_key_value_ : missing;
      if (slot_key == kEmptyKey) return missing;
    }
  }

  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kEmptyKey = 0;
  // At most half full: a miss (most tokens name nothing) stops within a few slots.
  static constexpr uint64_t kMaxLoadNumerator = 1;
  static constexpr uint64_t kMaxLoadDenominator = 2;
  static constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio


  // The top bits of the product: they depend on every byte of the key.
  uint64_t Home(uint64_t key) const { return (key * kMultiplier) >> shift_; }
  // The key's slot, or the empty slot where it would go.
  uint64_t Probe(uint64_t key) const {
    uint64_t idx = Home(key);
    while (keys_[idx] != kEmptyKey && keys_[idx] != key) idx = (idx + 1) & mask_;
    return idx;
  }
  void Grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<uint32_t> old_values = std::move(values_);
    const uint64_t capacity = old_keys.size() * 2;
    keys_.assign(capacity, kEmptyKey);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    --shift_;
    for (size_t old_idx = 0; old_idx < old_keys.size(); ++old_idx) {
      if (old_keys[old_idx] == kEmptyKey) continue;
      const uint64_t idx = Probe(old_keys[old_idx]);
      keys_[idx] = old_keys[old_idx];
      values_[idx] = old_values[old_idx];
    }
  }

  static constexpr uint64_t kInitialCapacity = 16;
  static constexpr int kInitialShift = 60;  // 64 - log2(kInitialCapacity)
  // Keys apart from values: a miss (most look-ups) reads only keys, eight bytes a slot
  // instead of sixteen, so twice as many slots stay in the first-level cache.
  std::vector<uint64_t> keys_ = std::vector<uint64_t>(kInitialCapacity, kEmptyKey);
  std::vector<uint32_t> values_ = std::vector<uint32_t>(kInitialCapacity, 0);
  uint64_t mask_ = kInitialCapacity - 1;
  int shift_ = kInitialShift;
  size_t size_ = 0;
  bool has_empty_key_ = false;
  uint32_t empty_key_value_ = 0;
};

}  // namespace crosscheck
