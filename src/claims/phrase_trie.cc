#include "claims/phrase_trie.h"

namespace crosscheck::claims {

void PhraseTrie::Add(const std::vector<std::string>& words, uint32_t payload) {
  if (words.empty()) return;
  uint32_t node = 0;
  for (const std::string& word : words) {
    uint32_t id = Intern(word);
    uint32_t child = Child(node, id);
    if (child == 0) {
      child = static_cast<uint32_t>(payloads_.size());
      payloads_.emplace_back();
      edges_.emplace((static_cast<uint64_t>(node) << 32) | id, child);
      if (node == 0) {
        if (id >= root_children_.size()) root_children_.resize(id + 1, 0);
        root_children_[id] = child;
      }
    }
    node = child;
  }
  payloads_[node].push_back(payload);
}

uint32_t PhraseTrie::Intern(const std::string& word) {
  if (word.size() == 1) {
    uint32_t& id = one_byte_ids_[static_cast<unsigned char>(word[0])];
    if (id == kUnknownWord) id = size_++;
    return id;
  }
  // Looked up as WordId looks it up, so that a word added again keeps its id.
  if (const uint32_t known = WordId(word); known != kUnknownWord) return known;
  const uint32_t id = size_++;
  if (word.size() <= kMaxPackedWordLength) {
    // An empty word is numbered but never found, as no token is looked up as one.
    if (!word.empty()) short_ids_.Insert(PackShortWord(word), id);
    return id;
  }
  if (word.size() <= kMaxMediumWordLength) {
    const MediumWord medium = PackMediumWord(word);
    if (medium_ids_.Find(medium.Key(), kUnknownWord) == kUnknownWord) {
      medium_ids_.Insert(medium.Key(), id);
      if (medium_words_.size() <= id) medium_words_.resize(id + 1);
      medium_words_[id] = medium;
      return id;
    }
  }
  long_ids_.try_emplace(word, id);
  return id;
}

void PhraseTrie::Pack() {
  payload_begin_.clear();
  packed_payloads_.clear();
  for (const std::vector<uint32_t>& payloads : payloads_) {
    payload_begin_.push_back(static_cast<uint32_t>(packed_payloads_.size()));
    packed_payloads_.insert(packed_payloads_.end(), payloads.begin(), payloads.end());
  }
  payload_begin_.push_back(static_cast<uint32_t>(packed_payloads_.size()));
  has_children_.assign(payloads_.size(), 0);
  for (const auto& [edge, child] : edges_) has_children_[edge >> 32] = 1;
}

bool PhraseTrie::OneWordOnly(uint32_t word, std::span<const uint32_t>* payloads) const {
  const uint32_t node = Child(0, word);
  if (node == 0) {
    *payloads = {};
    return true;
  }
  if (has_children_[node]) return false;
  *payloads = std::span<const uint32_t>(packed_payloads_).subspan(payload_begin_[node], payload_begin_[node + 1] - payload_begin_[node]);
  return true;
}

uint32_t PhraseTrie::FirstWordNode(uint32_t word, std::span<const uint32_t>* payloads) const {
  const uint32_t node = Child(0, word);
  *payloads = node == 0 ? std::span<const uint32_t>()
                        : std::span<const uint32_t>(packed_payloads_)
                              .subspan(payload_begin_[node], payload_begin_[node + 1] - payload_begin_[node]);
  return node;
}

bool PhraseTrie::ContinuesAt(const std::vector<text::Token>& tokens, const std::vector<uint32_t>& ids,
                             uint32_t ids_first, uint32_t node, uint32_t next, uint32_t limit) const {
  if (node == 0 || !has_children_[node]) return false;
  for (uint32_t token_idx = next; token_idx < limit; ++token_idx) {
    if (tokens[token_idx].folded == "-") continue;
    const uint32_t word = ids[token_idx - ids_first];
    return word != kUnknownWord && Child(node, word) != 0;
  }
  return false;
}

uint32_t PhraseTrie::Child(uint32_t node, uint32_t word) const {
  if (node == 0) return word < root_children_.size() ? root_children_[word] : 0;
  auto it = edges_.find((static_cast<uint64_t>(node) << 32) | word);
  return it == edges_.end() ? 0 : it->second;
}

void PhraseTrie::WordIds(const std::vector<text::Token>& tokens, uint32_t first, uint32_t end,
                         std::vector<uint32_t>* ids) const {
  ids->resize(end - first);
  for (uint32_t token_idx = first; token_idx < end; ++token_idx) (*ids)[token_idx - first] = WordId(tokens[token_idx].folded);
}

void PhraseTrie::Match(const std::vector<text::Token>& tokens, const std::vector<uint32_t>& ids, uint32_t ids_first,
                       uint32_t start, uint32_t limit, std::vector<Hit>* hits) const {
  uint32_t node = 0;
  for (uint32_t token_idx = start; token_idx < limit; ++token_idx) {
    if (token_idx > start && tokens[token_idx].folded == "-") continue;
    uint32_t word = ids[token_idx - ids_first];
    if (word == kUnknownWord) return;
    node = Child(node, word);
    if (node == 0) return;
    for (uint32_t at = payload_begin_[node]; at < payload_begin_[node + 1]; ++at) {
      hits->push_back(Hit{packed_payloads_[at], token_idx + 1});
    }
    if (!has_children_[node]) return;
  }
}

}  // namespace crosscheck::claims
