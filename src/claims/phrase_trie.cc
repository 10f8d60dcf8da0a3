#include "claims/phrase_trie.h"

namespace crosscheck::claims {

void PhraseTrie::Add(const std::vector<std::string>& words, uint32_t payload) {
  if (words.empty()) return;
  uint32_t node = 0;
  for (const std::string& word : words) {
    auto it = nodes_[node].children.find(word);
    if (it == nodes_[node].children.end()) {
      uint32_t child = static_cast<uint32_t>(nodes_.size());
      nodes_[node].children.emplace(word, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  nodes_[node].payloads.push_back(payload);
}

void PhraseTrie::Match(const std::vector<text::Token>& tokens, uint32_t start, uint32_t limit,
                       std::vector<Hit>* hits) const {
  uint32_t node = 0;
  for (uint32_t token_idx = start; token_idx < limit; ++token_idx) {
    const text::Token& token = tokens[token_idx];
    if (token_idx > start && token.folded == "-") continue;
    auto it = nodes_[node].children.find(token.folded);
    if (it == nodes_[node].children.end()) return;
    node = it->second;
    for (uint32_t payload : nodes_[node].payloads) hits->push_back(Hit{payload, token_idx + 1});
  }
}

}  // namespace crosscheck::claims
