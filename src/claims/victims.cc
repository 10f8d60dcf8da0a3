#include "claims/victims.h"

#include <algorithm>
#include <string_view>

namespace crosscheck::claims {
namespace {

constexpr uint32_t kMaxNameTokens = 8;
constexpr uint32_t kMinNameWords = 2;
// "a local school teacher," before a name; "named one of them as".
constexpr uint32_t kMaxDescriptionWords = 4;
constexpr uint32_t kMaxDescriptionTokens = 8;  // "a 64-year-old woman," is eight tokens
constexpr uint32_t kMaxWordsBeforeAs = 4;
// The words other than kill and reaction words that open a frame of ReadNamedVictims.
constexpr std::string_view kAmong = "among";
constexpr std::string_view kIdentified = "identified";
constexpr std::string_view kNamed = "named";

bool IsNameConnector(std::string_view w) {
  return w == "al" || w == "el" || w == "bin" || w == "bint" || w == "ibn" || w == "abu" || w == "abd" || w == "-" ||
         w == "ad" || w == "ash" || w == "as" || w == "ar" || w == "az" || w == "'" || w == "de" || w == "van";
}

// The name starting at `first`: capitalised words and connectors, no actor or place.
uint32_t NameEnd(const SentenceContext& s, uint32_t first) {
  uint32_t t = first;
  uint32_t words = 0;
  while (t < s.end() && t - first < kMaxNameTokens) {
    const text::Token& token = s.token(t);
    // A place word inside a name ("Al-Safi") stays part of the name.
    if (s.ActorAt(t) >= 0) break;
    if (token.kind == text::TokenKind::kWord && token.capitalized && !token.all_caps) {
      ++words;
    } else if (!IsNameConnector(token.folded)) {
      break;
    }
    ++t;
  }
  while (t > first && IsNameConnector(s.token(t - 1).folded)) --t;
  return words >= kMinNameWords ? t : first;
}

// Past "a pharmacist," / "a local teacher," before a name; else `t` itself.
uint32_t AfterDescription(const SentenceContext& s, uint32_t t) {
  if (!(s.IsWord(t, "a") || s.IsWord(t, "an"))) return t;
  uint32_t words = 0;
  for (uint32_t comma = t + 1; comma < s.end() && comma - t <= kMaxDescriptionTokens; ++comma) {
    if (s.IsPunct(comma, ",")) return comma + 1;
    // Ages are numbers and hyphens: "a 64-year-old woman,".
    if (s.token(comma).kind == text::TokenKind::kNumber || s.IsPunct(comma, "-")) continue;
    if (s.token(comma).kind != text::TokenKind::kWord || s.token(comma).capitalized || ++words > kMaxDescriptionWords) return t;
  }
  return t;
}

std::string Affiliation(const SentenceContext& s, uint32_t after_name) {
  uint32_t t = after_name;
  if (!s.IsPunct(t, ",")) return {};
  ++t;
  if (!(s.IsWord(t, "a") || s.IsWord(t, "an") || s.IsWord(t, "the"))) return {};
  ++t;
  // "a member of", "a commander in", "a senior leader of"
  uint32_t limit = std::min(s.end(), t + 4);
  while (t < limit && !(s.IsWord(t, "of") || s.IsWord(t, "in") || s.IsWord(t, "with"))) ++t;
  if (t >= limit) return {};
  ++t;
  while (t < s.end() && (s.IsWord(t, "the") || s.IsPunct(t, "\""))) ++t;
  if (int actor_idx = s.ActorAt(t); actor_idx >= 0) return s.actor(actor_idx).party.name;
  uint32_t end = t;
  while (end < s.end() && end - t < 6 && (s.token(end).capitalized || IsNameConnector(s.folded(end)) || s.IsPunct(end, "\"'"))) ++end;
  while (end > t && s.IsPunct(end - 1, "\"'")) --end;
  return end > t ? std::string(s.Text(t, end)) : std::string();
}

}  // namespace

std::vector<NamedVictim> ReadNamedVictims(const SentenceContext& s) {
  std::vector<NamedVictim> out;
  auto add = [&](uint32_t first, uint32_t end) {
    NamedVictim victim;
    victim.name = std::string(s.Text(first, end));
    victim.affiliation = Affiliation(s, end);
    victim.span = ByteSpan{s.token(first).span.begin, s.token(end - 1).span.end};
    for (const NamedVictim& existing : out) {
      if (existing.name == victim.name) return;
    }
    out.push_back(std::move(victim));
  };
  const bool has_kill = s.Has(Cue::kKill);
  for (uint32_t t = s.first(); t < s.end(); ++t) {
    // Every frame below opens at a kill or reaction word, at kAmong, kIdentified or kNamed,
    // or at a capitalised word of a sentence that kills: most words are none, and a test of
    // the cue bits, the case and the length passes them by.
    const size_t length = s.folded(t).size();
    if (!s.StartsAny(t, CueBit(Cue::kKill) | CueBit(Cue::kReaction)) && !(has_kill && s.token(t).capitalized) &&
        length != kAmong.size() && length != kIdentified.size() && length != kNamed.size()) {
      continue;
    }
    // Asked once: three frames open at a kill word, and most words are none.
    const bool kill_word = s.StartsAny(t, CueBit(Cue::kKill));
    // "the martyrdom of NAME", "the death of NAME", "the killing of NAME"
    if (kill_word && s.IsWord(t + 1, "of")) {
      uint32_t end = NameEnd(s, t + 2);
      if (end > t + 2) add(t + 2, end);
    }
    // "killed Hezbollah's media relations chief Mohammad Afif": the person a party's title
    // names, right after the verb, is the one killed.
    if (kill_word && s.folded(t) == "killed") {
      uint32_t u = t + 1;
      while (u < s.end() && u - t <= kMaxDescriptionTokens) {
        const int named = s.ActorAt(u);
        if (named >= 0 && !s.actor(named).party.person.empty()) {
          const uint32_t last = s.actor(named).end_token;
          uint32_t first = last;
          while (first > u && (s.token(first - 1).capitalized || IsNameConnector(s.folded(first - 1)))) --first;
          if (last - first >= kMinNameWords) add(first, last);
          break;
        }
        if (named >= 0) {
          u = std::max(u + 1, s.actor(named).end_token);
          continue;
        }
        if (s.token(u).kind != text::TokenKind::kWord || s.token(u).capitalized) break;
        ++u;
      }
    }
    // "mourned NAME", "mourns the martyrdom of NAME" (the second through the kill word).
    if (s.At(t, Cue::kReaction) && (s.folded(t) == "mourned" || s.folded(t) == "mourns" || s.folded(t) == "mourn")) {
      uint32_t end = NameEnd(s, t + 1);
      if (end > t + 1) add(t + 1, end);
    }
    // "One of the dead, NAME, was 17": the name in apposition.
    if (kill_word && s.IsPunct(t + 1, ",") && t > s.first() + 2 && s.IsWord(t - 3, "one") && s.IsWord(t - 2, "of") &&
        s.IsWord(t - 1, "the")) {
      uint32_t end = NameEnd(s, t + 2);
      if (end > t + 2 && s.IsPunct(end, ",")) add(t + 2, end);
    }
    // "Among the dead, he said, was NAME": a reporting parenthesis in between.
    if (kill_word && s.IsPunct(t + 1, ",")) {
      uint32_t close = t + 2;
      while (close < s.end() && !s.IsPunct(close, ",") && close - t < 6) ++close;
      if (close < s.end() && (s.IsWord(close + 1, "was") || s.IsWord(close + 1, "were"))) {
        // "..., was a local commander, Qasim Khalaf Murad": past the description.
        const uint32_t first = AfterDescription(s, close + 2);
        uint32_t end = NameEnd(s, first);
        if (end > first) add(first, end);
      }
    }
    // "among the dead was NAME", "the dead included NAME", "the dead included a pharmacist,
    // NAME, 71"
    if (kill_word && (s.IsWord(t + 1, "was") || s.IsWord(t + 1, "were") || s.IsWord(t + 1, "included") ||
                                s.IsWord(t + 1, "include") || s.IsWord(t + 1, "includes"))) {
      uint32_t first = AfterDescription(s, t + 2);
      uint32_t end = NameEnd(s, first);
      if (end > first) add(first, end);
    }
    // "Among them was NAME, a cattle dealer": "them" are the dead of the sentence before.
    if (s.IsWord(t, kAmong) && s.IsWord(t + 1, "them") && (s.IsWord(t + 2, "was") || s.IsWord(t + 2, "were"))) {
      uint32_t first = AfterDescription(s, t + 3);
      uint32_t end = NameEnd(s, first);
      if (end > first) add(first, end);
    }
    // "identified as NAME", "named one of them as NAME"
    if (s.IsWord(t, kIdentified) || s.IsWord(t, kNamed)) {
      uint32_t as = t + 1;
      while (as < s.end() && as - t <= kMaxWordsBeforeAs && s.token(as).kind == text::TokenKind::kWord &&
             !s.IsWord(as, "as")) {
        ++as;
      }
      if (s.IsWord(as, "as")) {
        uint32_t end = NameEnd(s, as + 1);
        if (end > as + 1) add(as + 1, end);
      }
    }
    // "NAME, who was killed" / "NAME was killed": only where the sentence has a kill word
    // at all, which spares reading a name at every capitalised word of most sentences.
    if (has_kill && s.token(t).capitalized && (t == s.first() || !s.token(t - 1).capitalized)) {
      uint32_t end = NameEnd(s, t);
      if (end > t) {
        uint32_t probe = end;
        if (s.IsPunct(probe, ",")) ++probe;
        // "NAME, a 40-year-old teacher, was among the dead": past the description.
        if (probe > end) probe = AfterDescription(s, probe);
        if (s.IsWord(probe, "who")) ++probe;
        if (s.IsWord(probe, "was") || s.IsWord(probe, "had")) ++probe;
        if (s.IsWord(probe, "been")) ++probe;
        // "NAME, was among the dead", "... was among those killed"
        if (s.IsWord(probe, "among") && (s.IsWord(probe + 1, "the") || s.IsWord(probe + 1, "those"))) probe += 2;
        // "Ras al-Ain, killing two guards" tells what the attack did there, not who died.
        if (probe > end && s.At(probe, Cue::kKill) && !s.folded(probe).ends_with("ing")) add(t, end);
      }
    }
  }
  return out;
}

}  // namespace crosscheck::claims
