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
  bool Contains(uint64_t packed_word) const {
    if (packed_word == kEmptySlot) return false;  // the empty word
    for (uint64_t slot = Slot(packed_word);; slot = (slot + 1) & slot_mask_) {
      if (slots_[slot] == packed_word) return true;
      if (slots_[slot] == kEmptySlot) return false;
    }
  }
  size_t max_length() const { return max_length_; }
  bool empty() const { return count_ == 0; }

 private:
  // Asked of every short word of a sample: an open-addressed table of a few dozen packed words,
  // one multiply and mostly one compare, instead of a binary search. A packed word is never 0
  // (it holds at least one non-zero byte), so 0 marks an empty slot.
  static constexpr uint64_t kEmptySlot = 0;
  static constexpr uint64_t kSlotsPerMarker = 4;
  uint64_t Slot(uint64_t packed_word) const { return (packed_word * 0x9E3779B97F4A7C15ULL >> slot_shift_) & slot_mask_; }
  void Insert(uint64_t packed_word);

  std::vector<uint64_t> slots_ = std::vector<uint64_t>(1, kEmptySlot);
  uint64_t slot_mask_ = 0;
  int slot_shift_ = 63;
  size_t count_ = 0;
  size_t max_length_ = 0;
};

// With markers, plainly English text is answered without CLD2; without them, CLD2 always.
std::string DetectLanguage(std::string_view text, const EnglishMarkers* markers = nullptr);

}  // namespace crosscheck::ingest
