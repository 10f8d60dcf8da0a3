#include "actors/phrase_trie.h"

#include <cstring>

#include "text/tokenize.h"

namespace crosscheck::actors {
namespace {

bool IsHyphen(const text::Token& token) {
  return token.kind == text::TokenKind::kPunct && token.folded == "-";
}

}  // namespace

uint32_t Vocabulary::Intern(std::string_view folded) {
  if (uint32_t id = Find(folded); id != kUnknown) return id;
  const uint32_t id = size_++;
  if (folded.size() == 1) {
    one_byte_ids_[static_cast<unsigned char>(folded[0])] = id;
  } else if (folded.size() <= kMaxPackedWordLength) {
    short_ids_.Insert(PackShortWord(folded), id);
  } else {
    long_ids_.emplace(std::string(folded), id);
    if (folded.size() <= kMaxMediumWordLength) {
      const MediumWord word = PackMediumWord(folded);
      const uint32_t slot = medium_slots_.Find(word.Key(), kUnknown);
      if (slot == kUnknown) {
        medium_slots_.Insert(word.Key(), static_cast<uint32_t>(medium_words_.size()));
        medium_words_.push_back(MediumEntry{word, id});
      } else {
        medium_slots_.Insert(word.Key(), kSharedKey);  // another word has this key
      }
    }
  }
  return id;
}

uint32_t Vocabulary::FindLong(std::string_view folded) const {
  auto it = long_ids_.find(folded);
  return it == long_ids_.end() ? kUnknown : it->second;
}

std::vector<uint32_t> Vocabulary::Encode(const text::TokenStream& tokens) const {
  std::vector<uint32_t> ids;
  ids.reserve(tokens.tokens.size());
  for (size_t token_idx = 0; token_idx < tokens.tokens.size(); ++token_idx) ids.push_back(IdOf(tokens.tokens, token_idx));
  return ids;
}

uint32_t PhraseTrie::Child(uint32_t node, uint32_t id) const {
  if (node == 0) return id < root_children_.size() ? root_children_[id] : 0;
  return edges_.Find((static_cast<uint64_t>(node) << 32) | id, 0);
}

bool PhraseTrie::Add(std::string_view phrase, int32_t value, uint8_t tag, Vocabulary* vocabulary) {
  // Dictionary phrases go through the same tokenizer as articles, so both fold alike.
  text::TokenStream stream = text::Tokenize(phrase);
  Entry entry;
  entry.value = value;
  entry.tag = tag;
  uint32_t node = 0;
  uint32_t depth = 0;
  uint32_t root_id = 0;
  for (const text::Token& token : stream.tokens) {
    if (IsHyphen(token)) continue;
    if (depth >= kMaxDepth) return false;
    if (token.kind == text::TokenKind::kWord) {
      if (token.all_caps) entry.caps_mask |= 1u << depth;
      if (token.capitalized) entry.needs_capital = true;
    }
    uint32_t id = vocabulary->Intern(token.folded);
    uint64_t key = (static_cast<uint64_t>(node) << 32) | id;
    uint32_t child = edges_.Find(key, 0);  // no child is the root, node 0
    if (child == 0) {
      child = static_cast<uint32_t>(entries_.size());
      entries_.emplace_back();
      edges_.Insert(key, child);
    }
    node = child;
    if (depth == 0) {
      if (id >= root_children_.size()) root_children_.resize(id + 1, 0);
      root_children_[id] = node;
      root_id = id;
    }
    ++depth;
  }
  if (depth == 0) return false;
  if (root_id >= root_values_.size()) root_values_.resize(root_id + 1, 0);
  root_values_[root_id] |= ValueBit(value);
  entry.length = static_cast<uint8_t>(depth);
  for (const Entry& existing : entries_[node]) {
    if (existing.value == value && existing.tag == tag && existing.caps_mask == entry.caps_mask &&
        existing.needs_capital == entry.needs_capital) {
      return true;  // the same form listed twice ("Hamas|HAMAS" differ; "Hamas|Hamas" do not)
    }
  }
  entries_[node].push_back(entry);
  if (depth == 1) {
    if (root_id >= one_word_.size()) one_word_.resize(root_id + 1);
    OneWordValueBits& bits = one_word_[root_id];
    // WalkFrom's rule for one token: an acronym bit asks for all caps, needs_capital for
    // a capital or all caps.
    if (entry.caps_mask & 1u) {
      bits.all_caps |= ValueBit(value);
    } else if (entry.needs_capital) {
      bits.capital |= ValueBit(value);
    } else {
      bits.any_case |= ValueBit(value);
    }
  }
  return true;
}

bool PhraseTrie::WalkFrom(const text::TokenStream& tokens, const std::vector<uint32_t>& ids, uint32_t start,
                          uint32_t limit, Match* match) const {
  uint32_t path[kMaxDepth];       // text token of each keyed position, for the case rules
  uint32_t ends[kMaxDepth + 1];   // end token after `depth` keyed tokens
  uint32_t nodes[kMaxDepth + 1];
  uint32_t node = 0;
  uint32_t depth = 0;
  uint32_t pos = start;
  while (pos < limit && depth < kMaxDepth) {
    if (depth > 0 && IsHyphen(tokens.tokens[pos])) {
      ++pos;
      continue;
    }
    uint32_t id = ids[pos];
    if (id == Vocabulary::kUnknown) break;
    uint32_t child = Child(node, id);
    if (child == 0) break;
    path[depth] = pos;
    node = child;
    ++depth;
    ++pos;
    nodes[depth] = node;
    ends[depth] = pos;
  }
  for (uint32_t length = depth; length > 0; --length) {
    const std::vector<Entry>& candidates = entries_[nodes[length]];
    if (candidates.empty()) continue;
    match->entries.clear();
    for (const Entry& entry : candidates) {
      bool ok = true;
      bool has_capital = false;
      for (uint32_t word_idx = 0; word_idx < length; ++word_idx) {
        const text::Token& token = tokens.tokens[path[word_idx]];
        if (token.capitalized || token.all_caps) has_capital = true;
        if ((entry.caps_mask >> word_idx) & 1u) {
          if (!token.all_caps) ok = false;
        }
      }
      if (entry.needs_capital && !has_capital) ok = false;
      if (ok) match->entries.push_back(&entry);
    }
    if (!match->entries.empty()) {
      match->end_token = ends[length];
      return true;
    }
  }
  return false;
}

}  // namespace crosscheck::actors
