// A set of short folded words (Arabic articles, Abu forms) as integers: the matcher asks
// whether a word is one of them at nearly every lower-case word of an article, and a length
// test plus a binary search over a few integers answers that without hashing the word.
// Immutable after loading; thread-safe reads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/packed_word.h"

namespace crosscheck::places {

class ShortWordSet {
 public:
  // Words of up to kMaxLength bytes; the loader rejects longer ones.
  static constexpr size_t kMaxLength = kMaxPackedWordLength;

  // False when the word is empty or longer than kMaxLength.
  bool insert(std::string_view word) {
    if (word.empty() || word.size() > kMaxLength) return false;
    uint64_t packed = Pack(word);
    auto it = std::lower_bound(packed_.begin(), packed_.end(), packed);
    if (it != packed_.end() && *it == packed) return true;
    packed_.insert(it, packed);
    const uint64_t bit = FilterBit(packed);
    filter_[bit / kBitsPerWord] |= uint64_t{1} << (bit % kBitsPerWord);
    words_.emplace_back(word);
    max_length_ = std::max(max_length_, word.size());
    return true;
  }

  size_t count(std::string_view word) const {
    if (word.empty() || word.size() > max_length_) return 0;
    const uint64_t packed = Pack(word);
    const uint64_t bit = FilterBit(packed);
    if (((filter_[bit / kBitsPerWord] >> (bit % kBitsPerWord)) & 1) == 0) return 0;  // most words
    return std::binary_search(packed_.begin(), packed_.end(), packed) ? 1 : 0;
  }

  size_t max_length() const { return max_length_; }
  // The words in the order they were added.
  std::vector<std::string>::const_iterator begin() const { return words_.begin(); }
  std::vector<std::string>::const_iterator end() const { return words_.end(); }

 private:
  // Asked of nearly every lower-case word: the packing of core/packed_word.h.
  static uint64_t Pack(std::string_view word) { return PackShortWord(word); }

  // One bit of 256 per word (multiplicative hash of the packed word): with a few dozen
  // words, about nine in ten words that are none of them stop at this bit.
  static constexpr uint64_t kBitsPerWord = 64;
  static constexpr uint64_t kFilterBits = 256;
  static constexpr int kFilterShift = 56;  // top eight bits of the product: 0..255
  static uint64_t FilterBit(uint64_t packed) { return (packed * 0x9E3779B97F4A7C15ULL) >> kFilterShift; }

  uint64_t filter_[kFilterBits / kBitsPerWord] = {};
  std::vector<uint64_t> packed_;  // sorted
  std::vector<std::string> words_;
  size_t max_length_ = 0;
};

}  // namespace crosscheck::places
