// A trie over folded token sequences: every dictionary phrase that starts at a token
// is found in one walk, hyphen tokens inside a phrase skipped ("twenty-two", "MQ-1C").
// Built once at load; lookups are read-only and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/tokens.h"

namespace crosscheck::claims {

class PhraseTrie {
 public:
  // Adds a phrase given as folded words; `payload` is returned by Match.
  void Add(const std::vector<std::string>& words, uint32_t payload);

  struct Hit {
    uint32_t payload;
    uint32_t end_token;  // one past the phrase's last token
  };
  // Every phrase starting at tokens[start], shortest first.
  void Match(const std::vector<text::Token>& tokens, uint32_t start, uint32_t limit, std::vector<Hit>* hits) const;

 private:
  // Transparent hashing: lookups by string_view allocate nothing in the hot loop.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };
  struct Node {
    std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>> children;
    std::vector<uint32_t> payloads;
  };
  std::vector<Node> nodes_{1};
};

}  // namespace crosscheck::claims
