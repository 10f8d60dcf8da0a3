#include "claims/numbers.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "absl/strings/ascii.h"
#include "claims/same_word.h"

namespace crosscheck::claims {
namespace {

// Words after a number that make it a measure or a date, not a count of people.
bool IsMeasureWord(std::string_view w) {
  static constexpr std::string_view kMeasures[] = {
      "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
      "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
      "meter", "percent", "per", "%", "am", "pm", "gmt", "utc", "times", "brigade", "brigades", "battalion",
      "division", "am", "decades", "decade", "nights", "night", "storey", "floors", "kg", "tonnes", "tons"};
  for (std::string_view m : kMeasures) {
    if (SameWord(w, m)) return true;
  }
  return false;
}

// The classes of words that give a count without digits.
constexpr uint64_t kCountWordCues = CueBit(Cue::kCardinal) | CueBit(Cue::kVague) | CueBit(Cue::kSingular);

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::vector<Count> FindCounts(const SentenceContext& sentence) {
  std::vector<Count> counts;
  // Only a number or a number word opens a count: most sentences have neither.
  if (!sentence.HasNumber() && !sentence.HasAny(kCountWordCues)) return counts;
  const uint32_t end = sentence.end();
  for (uint32_t token_idx = sentence.first(); token_idx < end; ++token_idx) {
    const text::Token& token = sentence.token(token_idx);
    // Only a number or a number word opens a count: most words are neither.
    if (token.kind != text::TokenKind::kNumber && !sentence.StartsAny(token_idx, kCountWordCues)) continue;
    Count count;
    count.number_token = token_idx;
    uint32_t next = token_idx + 1;
    if (token.kind == text::TokenKind::kNumber) {
      // Times, dates and decimals keep their separators in the folded form.
      if (!IsAllDigits(token.folded)) continue;
      // "Rs1.5 million": the tail of a number its currency split, not a count of its own.
      if (token_idx > sentence.first() + 1 && !token.space_before && sentence.IsPunct(token_idx - 1, ".,") &&
          !sentence.token(token_idx - 1).space_before && !sentence.token(token_idx - 2).folded.empty() &&
          absl::ascii_isdigit(static_cast<unsigned char>(sentence.token(token_idx - 2).folded.back()))) {
        continue;
      }
      count.value = std::atoll(std::string(token.folded).c_str());
      if (token.folded.size() == 4 && count.value >= 1900 && count.value <= 2100) continue;  // a year
      if (const CueHit* multiplier = sentence.At(next, Cue::kMultiplier)) {
        count.value *= sentence.Entry(*multiplier).number;
        next = multiplier->end_token;
      }
    } else if (const CueHit* cardinal = sentence.At(token_idx, Cue::kCardinal)) {
      count.value = sentence.Entry(*cardinal).number;
      next = cardinal->end_token;
      if (const CueHit* multiplier = sentence.At(next, Cue::kMultiplier)) {
        count.value *= sentence.Entry(*multiplier).number;
        next = multiplier->end_token;
        // "two hundred and twenty": the tail adds
        uint32_t tail = sentence.IsWord(next, "and") ? next + 1 : next;
        if (const CueHit* rest = sentence.At(tail, Cue::kCardinal)) {
          count.value += sentence.Entry(*rest).number;
          next = rest->end_token;
        }
      }
      count.singular = count.value == 1;
      // "one of the deadliest attacks": one of a kind, not a count ("one of its members" and
      // "one of the soldiers" count one).
      if (count.singular && next + 2 < end && sentence.IsWord(next, "of") && sentence.IsWord(next + 1, "the") &&
          !sentence.At(next + 2, Cue::kVictim)) {
        continue;
      }
    } else if (const CueHit* vague = sentence.At(token_idx, Cue::kVague)) {
      count.value = sentence.Entry(*vague).number;
      count.vague = true;
      count.qualifier = "at_least";
      next = vague->end_token;
    } else if (const CueHit* singular = sentence.At(token_idx, Cue::kSingular)) {
      // "a member", "an Iraqi fighter", "a 10-year-old boy": one, only when a victim noun
      // follows closely (an age's number and hyphens do not count as words).
      uint32_t probe = singular->end_token;
      bool victim = false;
      for (int step = 0; step < 3 && probe < end; ++probe) {
        if (sentence.At(probe, Cue::kVictim)) {
          victim = true;
          break;
        }
        const bool age_part = sentence.token(probe).kind == text::TokenKind::kNumber || sentence.IsPunct(probe, "-");
        if (sentence.token(probe).kind != text::TokenKind::kWord && !age_part) break;
        if (!age_part) ++step;
      }
      if (!victim) continue;
      // "A fifth fighter died of his wounds": one more death added to a toll, no toll ("a
      // third person was wounded" beside two dead is one wounded).
      if (sentence.At(singular->end_token, Cue::kOrdinal)) {
        bool death_after = false;
        for (uint32_t t = probe + 1; t < std::min(end, probe + 4); ++t) death_after |= sentence.At(t, Cue::kKill) != nullptr;
        if (death_after) continue;
      }
      // "after a wounded woman died in hospital": one of the wounded is now among the dead,
      // whom the toll beside it counts; no figure of its own.
      bool wounded_before = false;
      for (uint32_t t = singular->end_token; t < probe; ++t) wounded_before |= sentence.At(t, Cue::kInjure) != nullptr;
      bool died_after = false;
      for (uint32_t t = probe + 1; t < std::min(end, probe + 3); ++t) died_after |= sentence.At(t, Cue::kKill) != nullptr;
      if (wounded_before && died_after) continue;
      // "a family of four": the number after it counts.
      if (probe + 2 < end && sentence.IsWord(probe + 1, "of") &&
          (sentence.At(probe + 2, Cue::kCardinal) || sentence.token(probe + 2).kind == text::TokenKind::kNumber)) {
        continue;
      }
      count.value = 1;
      count.singular = true;
      next = singular->end_token;
    } else {
      continue;
    }
    // Measures, dates and ages: "seven years ago", "June 17", "22-year-old".
    if (next < end && IsMeasureWord(sentence.folded(next))) continue;
    if (next + 1 < end && sentence.IsPunct(next, "-") && IsMeasureWord(sentence.folded(next + 1))) continue;
    if (sentence.At(next, Cue::kMonth) || (token_idx > sentence.first() && sentence.At(token_idx - 1, Cue::kMonth))) {
      continue;
    }
    if (token_idx > sentence.first() && (sentence.IsWord(token_idx - 1, "no") || sentence.IsPunct(token_idx - 1, "#"))) {
      continue;
    }
    count.end_token = next;
    count.first_token = token_idx;
    // The qualifier right before: "at least 52", "up to 52", "more than 130".
    for (const CueHit& hit : sentence.cues()) {
      if (hit.cue == Cue::kQualifier && hit.end_token == token_idx) {
        count.qualifier = sentence.Entry(hit).value;
        count.first_token = hit.first_token;
        break;
      }
    }
    counts.push_back(count);
    token_idx = next - 1;
  }
  return counts;
}

}  // namespace crosscheck::claims
