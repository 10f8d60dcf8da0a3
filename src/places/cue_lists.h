// Cue indices listed by one word of each cue (an after-cue's first word, a before-cue's last):
// the matcher asks for the list of the word next to every candidate and every mention. Most
// of those words are short, and a packed word (core/packed_word.h) is found in a few integer
// operations where a string hash walks the word and then probes a general table. Immutable
// after loading; thread-safe reads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/packed_word.h"
#include "core/packed_word_map.h"
#include "core/string_table.h"

namespace crosscheck::places {

class CueLists {
 public:
  // Appends cue_idx to the word's list.
  void Add(std::string_view word, uint32_t cue_idx) {
    uint32_t list_idx = Find(word);
    if (list_idx == kNone) {
      list_idx = static_cast<uint32_t>(lists_.size());
      lists_.emplace_back();
      if (word.size() <= kMaxPackedWordLength) short_lists_.Insert(PackShortWord(word), list_idx);
      else long_lists_.emplace(word, list_idx);
    }
    lists_[list_idx].push_back(cue_idx);
  }

  // The word's cue indices in the order they were added; null when it has none.
  const std::vector<uint32_t>* ListOf(std::string_view word) const {
    const uint32_t list_idx = Find(word);
    return list_idx == kNone ? nullptr : &lists_[list_idx];
  }
  std::span<const uint32_t> Of(std::string_view word) const {
    const std::vector<uint32_t>* list = ListOf(word);
    return list == nullptr ? std::span<const uint32_t>() : std::span<const uint32_t>(*list);
  }

  size_t word_count() const { return lists_.size(); }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  uint32_t Find(std::string_view word) const {
    if (word.size() <= kMaxPackedWordLength) return short_lists_.Find(PackShortWord(word), kNone);
    auto it = long_lists_.find(word);
    return it == long_lists_.end() ? kNone : it->second;
  }

  PackedWordMap short_lists_;         // words of up to kMaxPackedWordLength bytes -> index in lists_
  StringTable<uint32_t> long_lists_;  // longer words -> index in lists_
  std::vector<std::vector<uint32_t>> lists_;
};

}  // namespace crosscheck::places
