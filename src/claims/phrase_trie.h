// A trie over folded token sequences: every dictionary phrase that starts at a token
// is found in one walk, hyphen tokens inside a phrase skipped ("twenty-two", "MQ-1C").
// Words are numbered once (WordIds), so that a sentence is hashed once however many
// phrases are tried at each of its tokens. Built once at load; reads are thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "core/packed_word.h"
#include "core/packed_word_map.h"
#include "core/string_table.h"
#include "text/tokens.h"

namespace crosscheck::claims {

class PhraseTrie {
 public:
  static constexpr uint32_t kUnknownWord = 0xFFFFFFFFu;

  // Adds a phrase given as folded words; `payload` is returned by Match.
  void Add(const std::vector<std::string>& words, uint32_t payload);
  // Lays every node's payloads out in one array for Match. Call once, after the last Add.
  void Pack();

  // The word id of each token in [first, end), kUnknownWord for words no phrase uses;
  // ids[0] is tokens[first]'s. After Pack.
  void WordIds(const std::vector<text::Token>& tokens, uint32_t first, uint32_t end, std::vector<uint32_t>* ids) const;

  // How many words have ids (ids are 0 .. word_count() - 1).
  uint32_t word_count() const { return size_; }
  // When no phrase of two words or more starts with `word`, the payloads of the one-word
  // phrases it is (perhaps none), as Match would give them; else false. After Pack.
  bool OneWordOnly(uint32_t word, std::span<const uint32_t>* payloads) const;
  // The payloads of the one-word phrase `word` is (perhaps none) and the node it leads to (0
  // when no phrase starts with it), whether or not longer phrases start with it. After Pack.
  uint32_t FirstWordNode(uint32_t word, std::span<const uint32_t>* payloads) const;
  // Whether a phrase goes on from `node` (a FirstWordNode) at tokens[next], hyphens skipped as
  // Match skips them: when not, Match from the word before gives only the word's own phrases.
  bool ContinuesAt(const std::vector<text::Token>& tokens, const std::vector<uint32_t>& ids, uint32_t ids_first,
                   uint32_t node, uint32_t next, uint32_t limit) const;

  struct Hit {
    uint32_t payload;
    uint32_t end_token;  // one past the phrase's last token
  };
  // Every phrase starting at tokens[start], shortest first; `ids` as WordIds gave them for
  // a range starting at `ids_first`.
  void Match(const std::vector<text::Token>& tokens, const std::vector<uint32_t>& ids, uint32_t ids_first,
             uint32_t start, uint32_t limit, std::vector<Hit>* hits) const;

 private:
  uint32_t Child(uint32_t node, uint32_t word) const;
  // The id of a folded word, kUnknownWord when no phrase uses it; after Pack. Every token
  // of every sentence is looked up: one-byte words ("a", ",") by their byte, words of up to
  // kMaxPackedWordLength bytes (most English words) as one packed integer, and words of up to
  // kMaxMediumWordLength bytes by their first and last eight bytes, each in an open-addressing
  // table of keys apart from ids (a multiply and mostly one probe of a table that stays in
  // cache), so that only longer words pay a string hash and compare.
  uint32_t WordId(std::string_view folded) const {
    if (folded.size() == 1) return one_byte_ids_[static_cast<unsigned char>(folded[0])];
    if (folded.size() <= kMaxPackedWordLength) return short_ids_.Find(PackShortWord(folded), kUnknownWord);
    if (folded.size() <= kMaxMediumWordLength) {
      const MediumWord medium = PackMediumWord(folded);
      const uint32_t id = medium_ids_.Find(medium.Key(), kUnknownWord);
      // Different words may share a key: the word is compared, and of two known words that
      // share one, the second is kept with the long words.
      if (id == kUnknownWord || medium_words_[id] == medium) return id;
    }
    auto it = long_ids_.find(folded);
    return it == long_ids_.end() ? kUnknownWord : it->second;
  }
  uint32_t Intern(const std::string& word);

  uint32_t size_ = 0;  // words numbered so far
  std::vector<uint32_t> one_byte_ids_ = std::vector<uint32_t>(256, kUnknownWord);
  PackedWordMap short_ids_;   // PackShortWord -> id
  PackedWordMap medium_ids_;  // MediumWord::Key -> id
  // By id, for the words in medium_ids_ (others hold an empty MediumWord, which no word is).
  std::vector<MediumWord> medium_words_;
  StringTable<uint32_t> long_ids_;
  std::vector<uint32_t> root_children_;              // word id -> child of the root, 0 for none
  absl::flat_hash_map<uint64_t, uint32_t> edges_;    // (node << 32 | word id) -> child node
  std::vector<std::vector<uint32_t>> payloads_{1};   // per node while adding; node 0 is the root
  // After Pack: node n's payloads are packed_payloads_[payload_begin_[n], payload_begin_[n + 1]).
  std::vector<uint32_t> payload_begin_;
  std::vector<uint32_t> packed_payloads_;
  // After Pack: whether node n has a child. Most phrases are one word: Match stops at them
  // without probing the edge table for the next token.
  std::vector<uint8_t> has_children_;
};

}  // namespace crosscheck::claims
