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
    if ((size_ + 1) * kMaxLoadDenominator > slots_.size() * kMaxLoadNumerator) Grow();
    Slot& slot = slots_[Probe(key)];
    if (slot.key == kEmptyKey) ++size_;
    slot = Slot{key, value};
  }

  // The key's value, or `missing`.
  uint32_t Find(uint64_t key, uint32_t missing) const {
    for (uint64_t idx = Home(key);; idx = (idx + 1) & mask_) {
      const Slot& slot = slots_[idx];
      // Key 0 meets itself at the first empty slot.
      if (slot.key == key) return key != kEmptyKey ? slot.value : has_empty_key_ ? empty_key_value_ : missing;
      if (slot.key == kEmptyKey) return missing;
    }
  }

  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kEmptyKey = 0;
  // At most half full: a miss (most tokens name nothing) stops within a few slots.
  static constexpr uint64_t kMaxLoadNumerator = 1;
  static constexpr uint64_t kMaxLoadDenominator = 2;
  static constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio

  struct Slot {
    uint64_t key = kEmptyKey;
    uint32_t value = 0;
  };

  // The top bits of the product: they depend on every byte of the key.
  uint64_t Home(uint64_t key) const { return (key * kMultiplier) >> shift_; }
  // The key's slot, or the empty slot where it would go.
  uint64_t Probe(uint64_t key) const {
    uint64_t idx = Home(key);
    while (slots_[idx].key != kEmptyKey && slots_[idx].key != key) idx = (idx + 1) & mask_;
    return idx;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    const uint64_t capacity = old.size() * 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    --shift_;
    for (const Slot& slot : old) {
      if (slot.key != kEmptyKey) slots_[Probe(slot.key)] = slot;
    }
  }

  static constexpr uint64_t kInitialCapacity = 16;
  static constexpr int kInitialShift = 60;  // 64 - log2(kInitialCapacity)
  std::vector<Slot> slots_ = std::vector<Slot>(kInitialCapacity);
  uint64_t mask_ = kInitialCapacity - 1;
  int shift_ = kInitialShift;
  size_t size_ = 0;
  bool has_empty_key_ = false;
  uint32_t empty_key_value_ = 0;
};

}  // namespace crosscheck
