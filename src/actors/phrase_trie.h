// A trie over folded token sequences: every dictionary phrase (alias, title, role, cue)
// is tokenized exactly as text is, so "Kata’ib", "U.S.-led" and "al-Shabaab" key the
// same way in the dictionary and in articles. Immutable after building; thread-safe reads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/inlined_vector.h>

#include "core/packed_word.h"
#include "core/packed_word_map.h"
#include "core/string_table.h"
#include "text/tokens.h"

namespace crosscheck::actors {

// Folded word -> small integer, shared by every trie of a dictionary so that a document
// is mapped to ids once, whatever the number of tries read over it.
class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = 0xFFFFFFFFu;

  uint32_t Intern(std::string_view folded);
  // Inline: Encode asks it of every token of every article.
  uint32_t Find(std::string_view folded) const {
    if (folded.size() == 1) return one_byte_ids_[static_cast<unsigned char>(folded[0])];
    if (folded.size() <= kMaxPackedWordLength) {
      return short_ids_.Find(PackShortWord(folded), kUnknown);
    }
    if (folded.size() <= kMaxMediumWordLength) return FindMedium(folded);
    return FindLong(folded);
  }
  // One id per token of the stream (kUnknown for words no phrase uses).
  std::vector<uint32_t> Encode(const text::TokenStream& tokens) const;
  // Encode's id of one token. Only a bare "s" reads differently as a possessive: "'s" is the
  // possessive's own form.
  uint32_t IdOf(const std::vector<text::Token>& tokens, size_t token_idx) const;
  // Ids run from 0 to size() - 1.
  uint32_t size() const { return size_; }

 private:
  // Every token of every article is looked up: most are short, and a short word packed into
  // an integer (core/packed_word.h) is hashed and compared in a few instructions instead of a
  // string hash and a memcmp call.

  // Most of the longer words are medium words (core/packed_word.h), likewise looked up by
  // integers; the few whose keys collide, and longer words, by the string table.
  uint32_t FindMedium(std::string_view folded) const {
    const MediumWord word = PackMediumWord(folded);
    const uint32_t slot = medium_slots_.Find(word.Key(), kUnknown);
    if (slot == kUnknown) return kUnknown;
    if (slot == kSharedKey) return FindLong(folded);
    const MediumEntry& entry = medium_words_[slot];
    return entry.word == word ? entry.id : kUnknown;
  }
  uint32_t FindLong(std::string_view folded) const;

  // A medium key two interned words share: both are then found in long_ids_.
  static constexpr uint32_t kSharedKey = kUnknown - 1;
  struct MediumEntry {
    MediumWord word;
    uint32_t id = kUnknown;
  };

  // One-byte tokens (punctuation, "a") are many of an article's: read by their byte.
  std::vector<uint32_t> one_byte_ids_ = std::vector<uint32_t>(256, kUnknown);
  PackedWordMap short_ids_;  // words of up to kMaxPackedWordLength bytes but one
  PackedWordMap medium_slots_;  // MediumWord::Key() -> index into medium_words_, or kSharedKey
  std::vector<MediumEntry> medium_words_;
  StringTable<uint32_t> long_ids_;  // every word longer than kMaxPackedWordLength
  uint32_t size_ = 0;
};

// True when token idx is a possessive "'s". The tokenizer folds "’s" to "s", so a bare
// "s" glued to the word before it is read as one too.
// Inline, with the length test first: the recogniser asks it of most capitalised words.
inline bool IsPossessiveToken(const std::vector<text::Token>& tokens, size_t idx) {
  const text::Token& token = tokens[idx];
  if (token.kind != text::TokenKind::kWord || token.folded.size() > 2) return false;
  if (token.folded == "'s") return true;
  return token.folded == "s" && !token.space_before && idx > 0 && tokens[idx - 1].kind == text::TokenKind::kWord;
}

inline uint32_t Vocabulary::IdOf(const std::vector<text::Token>& tokens, size_t token_idx) const {
  static constexpr std::string_view kPossessive = "'s";
  const std::string_view folded = tokens[token_idx].folded;
  const bool possessive = folded.size() == 1 && folded[0] == 's' && IsPossessiveToken(tokens, token_idx);
  return Find(possessive ? kPossessive : folded);
}

class PhraseTrie {
 public:
  // What a phrase carries, and the case its words must have in text to match.
  struct Entry {
    int32_t value = 0;         // caller's payload: actor index, role kind...
    uint8_t tag = 0;           // caller's second payload: alias or adjective...
    uint8_t length = 0;        // number of keyed tokens (hyphens are not keyed)
    bool needs_capital = false;  // some word of the phrase is capitalized: one in text must be
    uint32_t caps_mask = 0;    // bit k set: keyed token k is an acronym and must be all caps in text
  };

  struct Match {
    uint32_t end_token = 0;               // one past the last token matched
    // Those whose case rule the text satisfies; inline so that a match allocates nothing.
    absl::InlinedVector<const Entry*, 4> entries;
  };

  // Adds a phrase; returns false when it has no keyable tokens. Ids go into *vocabulary.
  bool Add(std::string_view phrase, int32_t value, uint8_t tag, Vocabulary* vocabulary);

  // Longest phrase starting at token `start` and ending before `limit` whose case rule
  // holds; a hyphen token between two words is optional ("al Shabaab" ~ "al-Shabaab").
  // Most tokens start no phrase: that answer is inline, the walk is not.
  bool LongestAt(const text::TokenStream& tokens, const std::vector<uint32_t>& ids, uint32_t start,
                 uint32_t limit, Match* match) const {
    if (start >= limit || !MayStartAt(ids, start)) return false;
    return WalkFrom(tokens, ids, start, limit, match);
  }

  // False when no phrase starts with token `start`'s word: lets a caller skip working out
  // the limit of a walk that would stop at once.
  bool MayStartAt(const std::vector<uint32_t>& ids, uint32_t start) const { return WordMayStart(ids[start]); }
  // The same of a word id.
  bool WordMayStart(uint32_t id) const { return id < root_children_.size() && root_children_[id] != 0; }

  // False when no phrase starting with token `start`'s word carries `value`, so that a caller
  // after one kind of phrase skips the walk at words that only start other kinds. Values of
  // kValueBits - 1 and above share one bit, which then answers true.
  bool MayStartValue(const std::vector<uint32_t>& ids, uint32_t start, int32_t value) const {
    return WordMayStartValue(ids[start], value);
  }
  // The same of a word id.
  bool WordMayStartValue(uint32_t id, int32_t value) const {
    return id < root_values_.size() && (root_values_[id] & ValueBit(value)) != 0;
  }

  // ValueBit of every one-word phrase at token `start` whose case rule the token satisfies:
  // the value bits of the entries LongestAt(start, start + 1) would return, without the walk.
  uint64_t OneWordValues(const text::Token& token, uint32_t id) const {
    const OneWordValueBits bits = OneWordValuesOf(id);
    uint64_t values = bits.any_case;
    if (token.capitalized || token.all_caps) values |= bits.capital;
    if (token.all_caps) values |= bits.all_caps;
    return values;
  }

  // The one-word phrases of a word by the case they ask of the token: none, a capital
  // (capitalized or all caps), all caps.
  struct OneWordValueBits {
    uint64_t any_case = 0, capital = 0, all_caps = 0;
  };
  OneWordValueBits OneWordValuesOf(uint32_t id) const { return id < one_word_.size() ? one_word_[id] : OneWordValueBits{}; }

  size_t node_count() const { return entries_.size(); }

 private:
  static constexpr uint32_t kMaxDepth = 24;  // longer than any name; bounds the per-start walk
  static constexpr int32_t kValueBits = 64;
  static uint64_t ValueBit(int32_t value) {
    return uint64_t{1} << std::clamp<int32_t>(value, 0, kValueBits - 1);
  }
  uint32_t Child(uint32_t node, uint32_t id) const;
  bool WalkFrom(const text::TokenStream& tokens, const std::vector<uint32_t>& ids, uint32_t start, uint32_t limit,
                Match* match) const;

  // Most words start no phrase: the root's children are an array by word id, so that the
  // common miss costs one load. Deeper edges are hashed.
  std::vector<uint32_t> root_children_;                // word id -> child node, 0 for none
  std::vector<uint64_t> root_values_;                  // word id -> ValueBit of every phrase it starts
  std::vector<OneWordValueBits> one_word_;             // word id -> its one-word phrases' ValueBits
  PackedWordMap edges_;                                // (node << 32 | word id) -> child node
  std::vector<std::vector<Entry>> entries_ = {{}};    // per node; node 0 is the root
};

}  // namespace crosscheck::actors
