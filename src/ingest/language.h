// Language identification with CLD2 (Debian's libcld2): ISO 639-1 code, or "un".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck::ingest {

// Words that make up a good share of English news prose and are rare as words in other
// languages (data/lexicon/english_markers.tsv): text dense in them everywhere is English
// without asking CLD2, which is most of ingest's speed. Immutable after Load.
class EnglishMarkers {
 public:
  static Result<EnglishMarkers> Load(const std::string& path);
  // A lower-case word of up to eight bytes packed into an integer, first byte lowest.
  bool Contains(uint64_t packed_word) const;
  size_t max_length() const { return max_length_; }
  bool empty() const { return packed_.empty(); }

 private:
  std::vector<uint64_t> packed_;  // sorted
  size_t max_length_ = 0;
};

// With markers, plainly English text is answered without CLD2; without them, CLD2 always.
std::string DetectLanguage(std::string_view text, const EnglishMarkers* markers = nullptr);

}  // namespace crosscheck::ingest
