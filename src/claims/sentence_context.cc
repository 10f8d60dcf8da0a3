#include "claims/sentence_context.h"

#include <algorithm>

namespace crosscheck::claims {
static_assert(static_cast<unsigned>(Cue::kCount) <= 64, "cue classes must fit a 64-bit mask");

SentenceContext::SentenceContext(const DocumentView& view, const Lexicon& lexicon, uint32_t sentence_index,
                                 TokenSlot* document_slots, std::vector<CueHit>* document_cues)
    : view_(&view), lexicon_(&lexicon), tokens_(&view.tokens->tokens), index_(sentence_index) {
  const text::Sentence& sentence = view.tokens->sentences[sentence_index];
  first_ = sentence.first_token;
  end_ = sentence.end_token;
  const uint32_t count = end_ - first_;
  if (document_slots != nullptr) {
    slots_ = document_slots + first_;
  } else {
    own_slots_.resize(count);
    slots_ = own_slots_.data();
  }
  // Mentions are sorted by first token: the sentence's run is found by binary search.
  auto first_at_or_after = [](const auto& spans, uint32_t token) {
    return std::lower_bound(spans.begin(), spans.end(), token,
                            [](const auto& span, uint32_t value) { return span.first_token < value; }) -
           spans.begin();
  };
  // Each list is allocated once, at its size: grown one push at a time, a sentence with
  // five mentions allocated four times.
  const size_t actors_end = first_at_or_after(view.actors, end_);
  actors_.reserve(actors_end - first_at_or_after(view.actors, first_));
  for (size_t actor_idx = first_at_or_after(view.actors, first_); actor_idx < actors_end; ++actor_idx) {
    const ActorSpan& actor = view.actors[actor_idx];
    actors_.push_back(static_cast<int>(actor_idx));
    for (uint32_t t = actor.first_token; t < actor.end_token && t < end_; ++t) slots_[t - first_].actor_at = static_cast<int>(actor_idx);
  }
  // Words inside a party's name are not cues: "United States" is not "states", "Islamic
  // State" not a state, "Rapid Support Forces" not a reporting verb.
  // Tagged straight into the store, then those left out are dropped there.
  thread_local std::vector<uint64_t> marks;
  cue_store_ = document_cues;
  std::vector<CueHit>& store = document_cues != nullptr ? *document_cues : own_cues_;
  cue_begin_ = static_cast<uint32_t>(store.size());
  lexicon.Tag(*tokens_, first_, end_, &store, &marks);
  // Weapons stay: "Israeli jets" is a party and a sign of an air attack.
  // Victim nouns stay too: "70 villagers were killed" names unnamed people, not a party.
  auto in_party_name = [&](const CueHit& hit) {
    return slots_[hit.first_token - first_].actor_at >= 0 && hit.cue != Cue::kSelfReference &&
           hit.cue != Cue::kWeapon && hit.cue != Cue::kVictim;
  };
  store.erase(std::remove_if(store.begin() + cue_begin_, store.end(), in_party_name), store.end());
  cue_end_ = static_cast<uint32_t>(store.size());
  const std::span<const CueHit> hits = cues();
  for (uint32_t t = first_; t < end_; ++t) {
    TokenSlot& slot = slots_[t - first_];
    has_number_ |= (*tokens_)[t].kind == text::TokenKind::kNumber;
    if (slot.actor_at >= 0) continue;
    slot.cue_starts = marks[t - first_];
    classes_ |= slot.cue_starts;
  }
  // Cues come in token order: the first cue of each token is where At() starts looking.
  for (size_t hit_idx = hits.size(); hit_idx-- > 0;) {
    const CueHit& hit = hits[hit_idx];
    TokenSlot& slot = slots_[hit.first_token - first_];
    slot.cue_starts |= Bit(hit.cue);
    slot.first_cue = static_cast<uint32_t>(hit_idx);
    classes_ |= Bit(hit.cue);
    for (uint32_t t = hit.first_token; t < hit.end_token && t < end_; ++t) slots_[t - first_].cue_covers |= Bit(hit.cue);
  }
  // "the Iran-aligned Houthi movement": the backer qualifies the party after it and is
  // itself no party to the sentence.
  actors_.erase(std::remove_if(actors_.begin(), actors_.end(),
                               [&](int actor_idx) {
                                 const ActorSpan& actor = view.actors[actor_idx];
                                 if (actor.end_token + 1 >= end_ || !IsPunct(actor.end_token, "-") ||
                                     !At(actor.end_token + 1, Cue::kPatron)) {
                                   return false;
                                 }
                                 for (uint32_t t = actor.first_token; t < actor.end_token; ++t) {
                                   slots_[t - first_].actor_at = -1;
                                 }
                                 return true;
                               }),
                actors_.end());
  const size_t places_end = first_at_or_after(view.places, end_);
  places_.reserve(places_end - first_at_or_after(view.places, first_));
  for (size_t place_idx = first_at_or_after(view.places, first_); place_idx < places_end; ++place_idx) {
    const PlaceSpan& place = view.places[place_idx];
    places_.push_back(static_cast<int>(place_idx));
    for (uint32_t t = place.first_token; t < place.end_token && t < end_; ++t) slots_[t - first_].place_at = static_cast<int>(place_idx);
  }
}

std::string_view SentenceContext::Text(uint32_t first_token, uint32_t end_token) const {
  if (first_token >= end_token) return {};
  const std::string& text = view_->doc->text;
  uint32_t begin = (*tokens_)[first_token].span.begin;
  uint32_t end = (*tokens_)[end_token - 1].span.end;
  return std::string_view(text).substr(begin, end - begin);
}

std::string_view SentenceContext::SentenceText() const { return Span().Of(view_->doc->text); }

ByteSpan SentenceContext::Span() const { return view_->tokens->sentences[index_].span; }

const CueHit* SentenceContext::FirstAt(uint32_t token_idx, Cue cue) const {
  const std::span<const CueHit> hits = cues();
  for (size_t hit_idx = slots_[token_idx - first_].first_cue; hit_idx < hits.size(); ++hit_idx) {
    const CueHit& hit = hits[hit_idx];
    if (hit.first_token != token_idx) break;
    if (hit.cue == cue) return &hit;
  }
  return nullptr;
}

const CueHit* SentenceContext::FirstIn(Cue cue, uint32_t from, uint32_t to) const {
  for (const CueHit& hit : cues()) {
    if (hit.cue == cue && hit.first_token >= from && hit.first_token < to) return &hit;
  }
  return nullptr;
}

const CueHit* SentenceContext::FirstCovering(uint32_t token_idx, Cue cue) const {
  for (const CueHit& hit : cues()) {
    if (hit.cue == cue && hit.first_token <= token_idx && token_idx < hit.end_token) return &hit;
  }
  return nullptr;
}

bool SentenceContext::IsClauseBreak(uint32_t token_idx) const { return IsPunct(token_idx, ";:"); }

}  // namespace crosscheck::claims
