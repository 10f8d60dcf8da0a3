// A word of up to seven bytes as one integer, for tables keyed by short words (the actor
// vocabulary, the places stop sets): an integer hash and compare instead of a string's.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace crosscheck {

inline constexpr size_t kMaxPackedWordLength = 7;  // the top byte holds the length

// The bytes, first byte lowest, and the length in the top byte: "a" and "a\0" differ. Two
// overlapping four-byte loads (three single bytes below four) read only the word's own
// bytes. Words longer than kMaxPackedWordLength must not be packed.
inline uint64_t PackShortWord(std::string_view word) {
  const size_t size = word.size();
  const char* bytes = word.data();
  uint64_t packed = static_cast<uint64_t>(size) << (8 * kMaxPackedWordLength);
  if (size >= sizeof(uint32_t)) {
    uint32_t head = 0, tail = 0;
    std::memcpy(&head, bytes, sizeof(head));
    std::memcpy(&tail, bytes + size - sizeof(tail), sizeof(tail));
    return packed | head | (static_cast<uint64_t>(tail) << (8 * (size - sizeof(tail))));
  }
  if (size == 0) return packed;
  const auto byte_at = [&](size_t idx) { return static_cast<uint64_t>(static_cast<unsigned char>(bytes[idx])) << (8 * idx); };
  return packed | byte_at(0) | byte_at(size / 2) | byte_at(size - 1);
}

inline constexpr size_t kMaxMediumWordLength = 16;

// A word of kMaxPackedWordLength + 1 to kMaxMediumWordLength bytes as its first and last eight
// bytes (overlapping below sixteen) and its length, which together are the word: compared in
// three integer compares, hashed in two multiplies, where a string hash walks every byte.
struct MediumWord {
  uint64_t head = 0, tail = 0, size = 0;
  bool operator==(const MediumWord& other) const = default;
  // A non-zero key for core/packed_word_map.h: equal words have equal keys, and different
  // words rarely do (a caller must compare the words on a hit).
  uint64_t Key() const {
    uint64_t key = head * 0x9E3779B97F4A7C15ULL ^ (tail + size) * 0xC2B2AE3D27D4EB4FULL;
    key ^= key >> 29;
    return key != 0 ? key : 1;
  }
};

// Only for words of kMaxPackedWordLength + 1 to kMaxMediumWordLength bytes.
inline MediumWord PackMediumWord(std::string_view word) {
  MediumWord packed;
  std::memcpy(&packed.head, word.data(), sizeof(packed.head));
  std::memcpy(&packed.tail, word.data() + word.size() - sizeof(packed.tail), sizeof(packed.tail));
  packed.size = word.size();
  return packed;
}

}  // namespace crosscheck
