// One sentence prepared for the frames: its cues by token, the actor and place
// mentions inside it, and small queries the frames share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <absl/container/inlined_vector.h>

#include "claims/document_view.h"
#include "claims/lexicon.h"
#include "claims/same_word.h"

namespace crosscheck::claims {

class SentenceContext {
 public:
  // What At(), ActorAt() and PlaceAt() read for one token, kept together so that a
  // sentence costs one allocation rather than one per table (sentences are many and short).
  struct TokenSlot {
    uint64_t cue_starts = 0;  // bit per Cue class starting there
    uint64_t cue_covers = 0;  // bit per Cue class covering it
    uint32_t first_cue = 0;   // index of its first cue in cues()
    int actor_at = -1;
    int place_at = -1;
  };

  SentenceContext(const DocumentView& view, const Lexicon& lexicon, uint32_t sentence_index)
      : SentenceContext(view, lexicon, sentence_index, nullptr, nullptr) {}
  // `document_slots`: one default TokenSlot per token of the document, which its sentences
  // share (their tokens do not overlap), so that a document's contexts make one allocation
  // for their token tables instead of one each. `document_cues`: where the document's
  // contexts keep their cues, one sentence after another, so that a sentence allocates none
  // (the tagger appends there). Both must outlive the context, and `document_cues` grow only
  // while the contexts are built.
  SentenceContext(const DocumentView& view, const Lexicon& lexicon, uint32_t sentence_index,
                  TokenSlot* document_slots, std::vector<CueHit>* document_cues);
  SentenceContext(SentenceContext&&) = default;  // a moved vector keeps its buffer: slots_ stays valid
  SentenceContext& operator=(SentenceContext&&) = default;
  SentenceContext(const SentenceContext&) = delete;
  SentenceContext& operator=(const SentenceContext&) = delete;

  uint32_t index() const { return index_; }
  uint32_t first() const { return first_; }
  uint32_t end() const { return end_; }
  const text::Token& token(uint32_t token_idx) const { return (*tokens_)[token_idx]; }
  std::string_view folded(uint32_t token_idx) const { return (*tokens_)[token_idx].folded; }
  std::string_view Text(uint32_t first_token, uint32_t end_token) const;
  std::string_view SentenceText() const;
  ByteSpan Span() const;

  // Most sentences hold a few mentions: kept inline, a context allocates nothing.
  using MentionList = absl::InlinedVector<int, 8>;

  // The sentence's cues in token order.
  std::span<const CueHit> cues() const {
    const std::vector<CueHit>& store = cue_store_ != nullptr ? *cue_store_ : own_cues_;
    return {store.data() + cue_begin_, cue_end_ - cue_begin_};
  }
  const Lexicon& lexicon() const { return *lexicon_; }
  const CueEntry& Entry(const CueHit& hit) const { return lexicon_->entry(hit.entry); }

  bool Has(Cue cue) const { return (classes_ & Bit(cue)) != 0; }
  // Whether a token of the sentence is written in digits: readers of counts, years and dates
  // pass by the many sentences with none (and none of their cues) without reading a word.
  bool HasNumber() const { return has_number_; }
  // Whether a cue of any class in `mask` (CueBit of each) is in the sentence.
  bool HasAny(uint64_t mask) const { return (classes_ & mask) != 0; }
  // Whether a cue of this class starts at the token: the only question for kMarkCues
  // classes, which At(), Find(), Covering() and cues() leave out.
  bool Is(uint32_t token_idx, Cue cue) const {
    return token_idx >= first_ && token_idx < end_ && (slots_[token_idx - first_].cue_starts & Bit(cue)) != 0;
  }
  // Whether a cue of any class in `mask` (CueBit of each) starts at the token: one test for
  // readers that ask several classes of every token, where most tokens start none.
  bool StartsAny(uint32_t token_idx, uint64_t mask) const {
    return token_idx >= first_ && token_idx < end_ && (slots_[token_idx - first_].cue_starts & mask) != 0;
  }
  // The cue of this class starting at the token, or nullptr. The frames ask this of most
  // tokens and most answers are no: the slot's bit answers those inline.
  [[gnu::always_inline]] const CueHit* At(uint32_t token_idx, Cue cue) const {
    if (token_idx < first_ || token_idx >= end_ || (slots_[token_idx - first_].cue_starts & Bit(cue)) == 0) return nullptr;
    return FirstAt(token_idx, cue);
  }
  // The first cue of this class starting in [from, to), or nullptr.
  const CueHit* Find(Cue cue, uint32_t from, uint32_t to) const {
    return Has(cue) ? FirstIn(cue, from, to) : nullptr;
  }
  // A cue of this class covering the token.
  const CueHit* Covering(uint32_t token_idx, Cue cue) const {
    if (token_idx < first_ || token_idx >= end_ || (slots_[token_idx - first_].cue_covers & Bit(cue)) == 0) return nullptr;
    return FirstCovering(token_idx, cue);
  }

  // Actor mentions (indices into view.actors) inside the sentence.
  const MentionList& actors() const { return actors_; }
  const MentionList& places() const { return places_; }
  const ActorSpan& actor(int actor_idx) const { return view_->actors[actor_idx]; }
  const PlaceSpan& place(int place_idx) const { return view_->places[place_idx]; }
  // The actor mention covering the token, or -1.
  int ActorAt(uint32_t token_idx) const {
    return token_idx < first_ || token_idx >= end_ ? -1 : slots_[token_idx - first_].actor_at;
  }
  int PlaceAt(uint32_t token_idx) const {
    return token_idx < first_ || token_idx >= end_ ? -1 : slots_[token_idx - first_].place_at;
  }

  // The country most of the document's towns lie in: where its attacks happen.
  const std::string& home_country() const { return view_->home_country; }
  const std::optional<Party>& home_military() const { return view_->home_military; }

  [[gnu::always_inline]] bool IsPunct(uint32_t token_idx, std::string_view which) const {
    if (token_idx < first_ || token_idx >= end_) return false;
    const text::Token& t = (*tokens_)[token_idx];
    if (t.kind != text::TokenKind::kPunct) return false;
    if (which.empty()) return true;
    // Most marks are one byte: a byte search instead of a substring search.
    if (t.folded.size() == 1) return std::find(which.begin(), which.end(), t.folded[0]) != which.end();
    return which.find(t.folded) != std::string_view::npos;
  }
  // Always inline, as At and IsPunct are: the frames call it with literals hundreds of
  // thousands of times, and the compiler kept the long frame functions' calls out of line.
  // Inline, the literal's length is known and its bytes are compared in place (SameWord).
  [[gnu::always_inline]] bool IsWord(uint32_t token_idx, std::string_view folded_word) const {
    return token_idx >= first_ && token_idx < end_ && SameWord((*tokens_)[token_idx].folded, folded_word);
  }
  // True when the token is a clause boundary for frames: ; : or a comma before a conjunction.
  bool IsClauseBreak(uint32_t token_idx) const;

 private:
  static uint64_t Bit(Cue cue) { return uint64_t{1} << static_cast<unsigned>(cue); }
  const CueHit* FirstAt(uint32_t token_idx, Cue cue) const;
  const CueHit* FirstIn(Cue cue, uint32_t from, uint32_t to) const;
  const CueHit* FirstCovering(uint32_t token_idx, Cue cue) const;

  const DocumentView* view_;
  const Lexicon* lexicon_;
  const std::vector<text::Token>* tokens_;
  uint32_t index_;
  uint32_t first_;
  uint32_t end_;
  uint64_t classes_ = 0;  // bit per Cue class found in the sentence
  bool has_number_ = false;
  const std::vector<CueHit>* cue_store_ = nullptr;  // the document's cues; own_cues_ when null
  std::vector<CueHit> own_cues_;
  uint32_t cue_begin_ = 0;  // this sentence's: [cue_begin_, cue_end_) of the store
  uint32_t cue_end_ = 0;
  MentionList actors_;
  MentionList places_;
  std::vector<TokenSlot> own_slots_;  // when no document-wide table was given
  TokenSlot* slots_ = nullptr;        // per token of the sentence: slots_[0] is token first_'s
};

}  // namespace crosscheck::claims
