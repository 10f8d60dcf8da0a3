// A trie over folded token sequences: every dictionary phrase that starts at a token
// is found in one walk, hyphen tokens inside a phrase skipped ("twenty-two", "MQ-1C").
// Words are numbered once (WordIds), so that a sentence is hashed once however many
// phrases are tried at each of its tokens. Built once at load; reads are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

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
  // ids[0] is tokens[first]'s.
  void WordIds(const std::vector<text::Token>& tokens, uint32_t first, uint32_t end, std::vector<uint32_t>* ids) const;

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

  StringTable<uint32_t> words_;
  std::vector<uint32_t> root_children_;              // word id -> child of the root, 0 for none
  absl::flat_hash_map<uint64_t, uint32_t> edges_;    // (node << 32 | word id) -> child node
  std::vector<std::vector<uint32_t>> payloads_{1};   // per node while adding; node 0 is the root
  // After Pack: node n's payloads are packed_payloads_[payload_begin_[n], payload_begin_[n + 1]).
  std::vector<uint32_t> payload_begin_;
  std::vector<uint32_t> packed_payloads_;
};

}  // namespace crosscheck::claims
