// A half-open byte range [begin, end) into a document's cleaned UTF-8 text.
#pragma once

#include <cstdint>
#include <string_view>

namespace crosscheck {

struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const ByteSpan& other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(const ByteSpan& other) const { return begin < other.end && other.begin < end; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

}  // namespace crosscheck

namespace crosscheck {

// Where the cleaned text's offsets came from: a new anchor wherever the shift changes.
struct OffsetAnchor {
  uint32_t clean = 0;   // offset in the cleaned text
  uint32_t source = 0;  // matching offset in the input the cleaner was given
};

}  // namespace crosscheck
