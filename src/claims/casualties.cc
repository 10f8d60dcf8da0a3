#include "claims/casualties.h"

#include <algorithm>
#include <ranges>
#include <string_view>

namespace crosscheck::claims {
namespace {

enum class Kind { kNone, kKilled, kInjured };

// The values ACLED's methodology gives vague counts (data/lexicon/numbers.tsv holds the
// words; these name the values it documents).
constexpr int64_t kAcledTens = 10;
// How far back a "death toll" may stand from the "risen to N" that gives its count:
// "The death toll from air strikes that hit a market in ... on Monday has risen to 16".
constexpr uint32_t kTollReach = 32;
constexpr int64_t kAcledDozens = 12;
constexpr int64_t kAcledHundreds = 100;

// Words allowed between a count and its casualty word: "52 people had died",
// "one of its members was killed", "two people were reported killed".
bool IsBridgeWord(const SentenceContext& s, uint32_t t) {
  if (s.At(t, Cue::kVictim) || s.Covering(t, Cue::kVictim)) return true;
  if (s.At(t, Cue::kHedge) || s.Covering(t, Cue::kHedge)) return true;
  // "-" of "pro-Iranian" is punctuation, which the word classes never tag.
  if (s.Is(t, Cue::kBridgeWord) || s.IsPunct(t, "-")) return true;
  // Nationality and other adjectives are capitalised words before the victim noun.
  return s.token(t).capitalized && s.ActorAt(t) < 0 && s.PlaceAt(t) < 0 && s.token(t).kind == text::TokenKind::kWord;
}

Kind KindAt(const SentenceContext& s, uint32_t t, uint32_t* end) {
  if (const CueHit* hit = s.At(t, Cue::kKill)) {
    *end = hit->end_token;
    return Kind::kKilled;
  }
  if (const CueHit* hit = s.At(t, Cue::kInjure)) {
    *end = hit->end_token;
    // "casualties" counts both dead and hurt; read it as injured only when "dead" is elsewhere.
    return Kind::kInjured;
  }
  return Kind::kNone;
}

// Words allowed between a casualty word and the count after it: "killing at least",
// "death toll rose to", "put the death toll at", "the deaths of over".
bool IsLeadWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"rose", "risen", "climbed", "reached", "has", "had", "to", "at", "of",
                                                "stood", "stands", "now", "jumped", "increased", "is", "was", "the",
                                                "a", "total", "an", "estimated", "put", "some", "were", "least"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

std::string VictimCategory(const SentenceContext& s, uint32_t first, uint32_t end) {
  bool civilians = false;
  bool combatants = false;
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kVictim || hit.first_token < first || hit.first_token >= end) continue;
    const std::string& value = s.Entry(hit).value;
    civilians |= value == "civilians";
    combatants |= value == "combatants";
  }
  if (civilians && combatants) return "mixed";
  if (civilians) return "civilians";
  if (combatants) return "combatants";
  return "unknown";
}

// "three of the wounded died": part of the dead already counted, not a new figure.
bool PartitiveOfCasualties(const SentenceContext& s, const Count& count) {
  uint32_t t = count.end_token;
  if (!s.IsWord(t, "of")) return false;
  ++t;
  // "one of three men killed": the whole is the figure.
  if (t < s.end() && (s.token(t).kind == text::TokenKind::kNumber || s.At(t, Cue::kCardinal))) return true;
  if (s.IsWord(t, "the") || s.IsWord(t, "them")) ++t;
  return s.At(t, Cue::kInjure) != nullptr || s.At(t, Cue::kKill) != nullptr;
}

// How far after "who had been wounded" the verb of its clause may stand: "in the attack on
// the base died".
constexpr uint32_t kRelativeClauseReach = 8;

// A wounding told in a relative clause on the count's noun, then a death as the clause's own
// verb: "Three soldiers who had been wounded in the attack died of their injuries".
bool WoundedWhoDied(const SentenceContext& s, uint32_t count_end, uint32_t wound, uint32_t wound_end) {
  bool relative = false;
  for (uint32_t t = count_end; t < wound; ++t) relative |= s.IsWord(t, "who");
  if (!relative) return false;
  for (uint32_t t = wound_end; t < std::min(s.end(), wound_end + kRelativeClauseReach); ++t) {
    if (s.IsPunct(t, ",;")) return false;
    if (s.At(t, Cue::kKill) != nullptr) return true;
  }
  return false;
}

// ", bringing the toll from the Sumy strike to 13" between a count and the next one: the
// first count adds to the toll the second gives.
bool RaisesTheToll(const SentenceContext& s, const Count& count, const Count& next) {
  bool participle = false;
  bool toll = false;
  for (uint32_t t = count.end_token; t < next.first_token; ++t) {
    if (s.IsPunct(t, ",") && t + 1 < s.end() && s.folded(t + 1).ends_with("ing")) participle = true;
    if (participle && (s.IsWord(t, "toll") || s.IsWord(t, "tally"))) toll = true;
    if (s.At(t, Cue::kCumulative)) return false;
  }
  return participle && toll && next.first_token > s.first() && s.IsWord(next.first_token - 1, "to");
}

// "among the nine killed", "among the dead": the token follows "among the".
bool AfterAmongThe(const SentenceContext& s, uint32_t token) {
  return token > s.first() + 1 && s.IsWord(token - 1, "the") && s.IsWord(token - 2, "among");
}

// "Three children were among the injured": a part of a toll counted elsewhere.
bool AmongTheCasualties(const SentenceContext& s, const Count& count) {
  for (uint32_t t = count.end_token; t + 1 < s.end() && t - count.end_token < 5; ++t) {
    if (!s.IsWord(t, "among")) continue;
    uint32_t noun = s.IsWord(t + 1, "the") ? t + 2 : t + 1;
    return noun < s.end() && (s.At(noun, Cue::kKill) || s.At(noun, Cue::kInjure));
  }
  return false;
}

bool PrecededBySubcount(const SentenceContext& s, const Count& count) {
  for (uint32_t t = count.first_token; t > s.first() && count.first_token - t < 3;) {
    --t;
    // "killing two of them and wounding three": a casualty verb opens a count of its own.
    if ((s.At(t, Cue::kKill) || s.At(t, Cue::kInjure)) && s.folded(t).ends_with("ing")) break;
    if (s.Covering(t, Cue::kSubcount)) return true;
    if (s.token(t).kind == text::TokenKind::kNumber) break;
  }
  return false;
}

// A cumulative phrase in the figure's clause: "killed more than 10,000 since 2014"; or one
// opening the sentence, which spans all of it: "Since the start of the invasion, ...".
bool CumulativeNear(const SentenceContext& s, uint32_t first, uint32_t end) {
  if (const CueHit* opening = s.Find(Cue::kCumulative, s.first(), std::min(s.end(), s.first() + 2))) {
    if (!CountsOneAttack(s, *opening)) return true;
  }
  uint32_t from = first > s.first() + 6 ? first - 6 : s.first();
  uint32_t to = std::min(s.end(), end + 10);
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kCumulative || hit.first_token < from || hit.first_token >= to || CountsOneAttack(s, hit)) continue;
    // A relative clause or comma between them detaches it: "..., which has come ... since".
    uint32_t lo = std::min(hit.first_token, first);
    uint32_t hi = std::max(hit.first_token, end);
    bool detached = false;
    for (uint32_t t = lo; t < hi; ++t) {
      if (s.IsWord(t, "which") || s.IsWord(t, "who") || s.IsPunct(t, ";")) detached = true;
      // "killed 4 people, bringing the total this month to 60": the running total follows.
      if (hit.first_token > end && s.IsPunct(t, ",") && t + 1 < s.end() && s.folded(t + 1).ends_with("ing")) {
        detached = true;
      }
    }
    if (!detached) return true;
  }
  return false;
}

// How far past the count's noun its passive verb may stand: "20 people attending the
// celebration were killed", "two employees of the factory in Yelabuga were injured".
constexpr uint32_t kParticipleReach = 8;

// How far after ", with" the count of that clause may stand ("with nearly 90 others wounded").
constexpr uint32_t kWithClauseReach = 4;
// How far after "the number of people killed" the attack it counts may be named.
constexpr uint32_t kOneAttackReach = 8;

// How far after a source's words its relative pronoun may stand: past an appositive
// ("Lieutenant X, the army spokesman in Ituri, who ...").
constexpr uint32_t kRelativeReach = 10;

// Inside a frame's clause, the speaker of the last reporting verb between the frame's own
// and the figure, when it has a subject of its own ("hours after Kurdish officials said a
// strike had killed three"). "Local sources quoted by Sham FM said": a passive frame verb
// leaves its subject the speaker.
std::optional<Party> SpeakerReportedBefore(const SentenceContext& s, const SourceFrame& frame, uint32_t count_first,
                                           const Coreference& coref) {
  if (s.IsWord(frame.verb_end, "by")) return std::nullopt;
  for (auto hit = s.cues().rbegin(); hit != s.cues().rend(); ++hit) {
    if (hit->cue != Cue::kReport || hit->first_token <= frame.verb_end || hit->first_token < frame.clause_first ||
        hit->end_token > count_first) {
      continue;
    }
    if (s.Entry(*hit).value != "asserts") return std::nullopt;
    std::optional<Party> speaker = SpeakerBefore(s, hit->first_token, coref);
    if (speaker && speaker->name != frame.source.name) return speaker;
    return std::nullopt;
  }
  return std::nullopt;
}

// Past a frame's clause, words that are still the source's: "..., doctors said on Saturday,
// with nearly 90 others wounded"; '"...," said Zakhu's mayor, Azad Mustafa, who put the
// death toll at three'. (", adding that 12 were wounded" is a frame of its own.)
bool SourcesWordsGoOn(const SentenceContext& s, const SourceFrame& frame, uint32_t count_first) {
  for (uint32_t t = frame.verb_end; t + 1 < count_first; ++t) {
    if (s.IsPunct(t, ",") && s.IsWord(t + 1, "with") && count_first - t <= kWithClauseReach) return true;
    if (s.At(t, Cue::kReport) && t > frame.verb_end) break;
  }
  for (uint32_t t = frame.source_end; t < count_first && t < frame.source_end + kRelativeReach; ++t) {
    if (s.IsWord(t, "who")) return true;
  }
  return false;
}

}  // namespace

bool PassiveAuxiliary(const SentenceContext& s, uint32_t t) {
  return s.IsWord(t, "were") || s.IsWord(t, "was") || s.IsWord(t, "been") || s.IsWord(t, "be") ||
         s.IsWord(t, "being") || s.IsWord(t, "are") || s.IsWord(t, "is") || s.IsWord(t, "got");
}

bool CountsOneAttack(const SentenceContext& s, const CueHit& cumulative) {
  for (uint32_t t = cumulative.end_token; t < std::min(s.end(), cumulative.end_token + kOneAttackReach); ++t) {
    if (const CueHit* noun = s.At(t, Cue::kAttackNoun); noun != nullptr) {
      return s.IsWord(cumulative.first_token + 1, "number") && !s.folded(noun->end_token - 1).ends_with("s");
    }
  }
  return false;
}

std::vector<CasualtyClaim> ReadCasualties(const SentenceContext& s, const std::vector<SourceFrame>& frames,
                                          const Coreference& coref, std::vector<std::string>* notes) {
  std::vector<CasualtyClaim> claims;
  std::vector<Count> counts = FindCounts(s);
  if (counts.empty()) return claims;
  struct Figure {
    Count count;
    Kind kind = Kind::kNone;
    uint32_t first = 0;
    uint32_t end = 0;
  };
  std::vector<Figure> figures;
  for (size_t count_idx = 0; count_idx < counts.size(); ++count_idx) {
    Count count = counts[count_idx];
    // "Five members of one family were killed": the family holds the five.
    const bool container = count_idx > 0 && count.first_token > s.first() && s.IsWord(count.first_token - 1, "of") &&
                           counts[count_idx - 1].end_token + 1 < count.first_token &&
                           counts[count_idx - 1].end_token + 3 >= count.first_token;
    // "Among the nine killed were two local commanders": the two are part of the nine.
    const bool among_whole = count_idx > 0 && count.first_token > s.first() &&
                             (s.IsWord(count.first_token - 1, "were") || s.IsWord(count.first_token - 1, "was")) &&
                             AfterAmongThe(s, counts[count_idx - 1].first_token);
    const bool whole = AfterAmongThe(s, count.first_token) &&
                       (s.At(count.end_token, Cue::kKill) || s.At(count.end_token, Cue::kInjure));
    if (container || among_whole || (!whole && PrecededBySubcount(s, count)) || PartitiveOfCasualties(s, count) ||
        AmongTheCasualties(s, count)) {
      notes->push_back("sub-count skipped: " + std::string(s.Text(count.first_token, count.end_token)));
      continue;
    }
    // "two more bodies were recovered": an addition to a toll, not a toll. After another
    // figure ("a dozen deaths, and dozens more injured") it is a count of its own.
    if (count_idx == 0 && s.IsWord(count.end_token, "more") && !s.IsWord(count.end_token + 1, "than")) {
      notes->push_back("increment skipped: " + std::string(s.Text(count.first_token, count.end_token + 1)));
      continue;
    }
    // "Two people died of their wounds, bringing the toll from the strike to 13": the two
    // are part of the 13 (a running total "this month" is another matter: cumulative).
    if (count_idx + 1 < counts.size() && RaisesTheToll(s, count, counts[count_idx + 1])) {
      notes->push_back("increment skipped: " + std::string(s.Text(count.first_token, count.end_token)));
      continue;
    }
    Figure figure;
    figure.count = count;
    // A breakdown "12 women, eight children and seven men had died": sum the list.
    uint32_t t = count.end_token;
    size_t next_idx = count_idx + 1;
    while (true) {
      // The noun group after a count: "women", "junta soldiers", "resistance fighters".
      // The group ends at its noun: "seventeen people before dark, and more than 30 are
      // wounded" lists nothing.
      uint32_t probe = t;
      uint32_t group_end = t;
      while (probe < s.end() && s.token(probe).kind == text::TokenKind::kWord && probe - t < 3 &&
             !s.IsWord(probe, "and") && !s.At(probe, Cue::kKill) && !s.At(probe, Cue::kInjure)) {
        if (const CueHit* victim = s.At(probe, Cue::kVictim)) group_end = victim->end_token;
        ++probe;
      }
      probe = group_end;
      if (probe == t) break;
      uint32_t joiner = probe;
      if (s.IsPunct(joiner, ",")) ++joiner;
      if (s.IsWord(joiner, "and")) ++joiner;
      if (joiner == probe) break;
      // "a woman and her son", "a man and his two daughters": kin after a possessive.
      const bool kin = s.IsWord(joiner - 1, "and") && (s.IsWord(joiner, "her") || s.IsWord(joiner, "his"));
      if (kin) ++joiner;
      if (kin && (next_idx >= counts.size() || counts[next_idx].first_token != joiner)) {
        const CueHit* noun = s.At(joiner, Cue::kVictim);
        if (noun == nullptr || noun->end_token != joiner + 1 || s.folded(joiner).ends_with("s")) break;
        figure.count.value += 1;
        t = noun->end_token;
        continue;
      }
      if (next_idx >= counts.size() || counts[next_idx].first_token != joiner) break;
      // "killing at least 15 recruits, a police officer said": the speaker, not a next group.
      bool speaker = false;
      for (uint32_t ahead = counts[next_idx].end_token; ahead < std::min(s.end(), counts[next_idx].end_token + 4); ++ahead) {
        speaker |= s.At(ahead, Cue::kReport) != nullptr;
      }
      if (speaker) break;
      // "11 people, eight of them students": a part of the count, not a next group.
      const uint32_t after_next = counts[next_idx].end_token;
      if (after_next < s.end() && s.Covering(after_next, Cue::kSubcount)) break;
      figure.count.value += counts[next_idx].value;
      t = counts[next_idx].end_token;
      count_idx = next_idx++;
    }
    // A casualty verb right before the count wins: "killing at least 44 people and
    // wounding more than 130" gives 44 killed, not 44 wounded; so does a casualty noun
    // before "of": "the martyrdom of six of its members and the wounding of nine".
    // 'put the toll at "about 40"': a quotation mark may open the count.
    const uint32_t opens = count.first_token > s.first() && s.IsPunct(count.first_token - 1, "\"") ? count.first_token - 1
                                                                                                 : count.first_token;
    for (const CueHit& hit : s.cues()) {
      if ((hit.cue == Cue::kKill || hit.cue == Cue::kInjure) && hit.end_token <= opens &&
          opens - hit.end_token <= 1 && (hit.end_token == opens || s.IsWord(hit.end_token, "at") ||
                                                     s.IsWord(hit.end_token, "some") || s.IsWord(hit.end_token, "the") ||
                                                     s.IsWord(hit.end_token, "of") || s.IsPunct(hit.end_token, "\""))) {
        figure.kind = hit.cue == Cue::kKill ? Kind::kKilled : Kind::kInjured;
        figure.first = hit.first_token;
        figure.end = count.end_token;
      }
    }
    // Forward: the casualty word after the count.
    uint32_t end_of_cue = 0;
    // Words of a party's name do not count against the reach: "three members of the Ground
    // Force of the Islamic Revolution Guards Corps (IRGC) were martyred".
    uint32_t name_words = 0;
    for (uint32_t probe = t; figure.kind == Kind::kNone && probe < s.end() && probe - t < 9 + name_words; ++probe) {
      // "Two of the residents said seven people died": a count before a reporting verb
      // counts the speakers ("two people were reported killed" counts the dead).
      // "nine people are now confirmed dead": an adverb may stand after the auxiliary.
      const uint32_t before_verb = probe > t + 1 && s.IsWord(probe - 1, "now") ? probe - 2 : probe - 1;
      if (s.At(probe, Cue::kReport) && probe > t &&
          !(s.IsWord(before_verb, "were") || s.IsWord(before_verb, "was") || s.IsWord(before_verb, "been") ||
            s.IsWord(before_verb, "are") || s.IsWord(before_verb, "is"))) {
        break;
      }
      Kind kind = KindAt(s, probe, &end_of_cue);
      // "Two gunmen killed five people", "one of its fighters had killed \"more than 50\"": a
      // count before an active verb with a count after it counts the attackers.
      if (kind != Kind::kNone && probe > t && !PassiveAuxiliary(s, probe - 1)) {
        const uint32_t object = end_of_cue < s.end() && s.IsPunct(end_of_cue, "\"") ? end_of_cue + 1 : end_of_cue;
        const bool counted_object = std::ranges::any_of(counts, [&](const Count& c) { return c.first_token == object; });
        if (counted_object) {
          notes->push_back("count of the attackers skipped: " + std::string(s.Text(count.first_token, count.end_token)));
          break;
        }
      }
      // "Three soldiers who had been wounded in the attack died": part of the dead.
      if (kind == Kind::kInjured && WoundedWhoDied(s, t, probe, end_of_cue)) {
        notes->push_back("sub-count skipped: " + std::string(s.Text(count.first_token, end_of_cue)));
        break;
      }
      if (kind != Kind::kNone) {
        figure.kind = kind;
        figure.first = count.first_token;
        figure.end = end_of_cue;
        break;
      }
      // "44 people and wounding 130": a new casualty phrase, not this count's.
      if (s.IsWord(probe, "and") && probe + 1 < s.end() && (s.At(probe + 1, Cue::kKill) || s.At(probe + 1, Cue::kInjure))) break;
      // A quotation mark may open the words that say how they died: 'had been "martyred by ...'.
      // Or close the quoted count: 'said "more than 20" bodies had been recovered'.
      const bool quoted_participle = s.IsPunct(probe, "\"") && ((probe > t && PassiveAuxiliary(s, probe - 1)) ||
                                                                (probe == t && count.first_token > s.first() &&
                                                                 s.IsPunct(count.first_token - 1, "\"")));
      if (s.token(probe).kind == text::TokenKind::kPunct && !s.IsPunct(probe, "-,") && !quoted_participle) break;
      if (quoted_participle) continue;
      if (s.IsPunct(probe, ",")) {
        // ", including seven children," / ", all of them civilians," / ", most of them
        // traders,": a parenthesis, when the casualty verb follows the closing comma.
        uint32_t close = probe + 1;
        while (close < s.end() && !s.IsPunct(close, ",") && close - probe < 10) ++close;
        bool verb_after = false;
        for (uint32_t ahead = close + 1; ahead < std::min(s.end(), close + 4); ++ahead) {
          if (s.At(ahead, Cue::kKill) || s.At(ahead, Cue::kInjure)) verb_after = true;
          if (!(s.IsWord(ahead, "were") || s.IsWord(ahead, "was") || s.IsWord(ahead, "had") || s.IsWord(ahead, "have") ||
                s.IsWord(ahead, "been") || s.At(ahead, Cue::kKill) || s.At(ahead, Cue::kInjure))) {
            break;
          }
        }
        bool subcount = probe + 1 < s.end() && s.Covering(probe + 1, Cue::kSubcount);
        if (!(subcount || verb_after) || close >= s.end()) break;
        probe = close;
        continue;
      }
      // A party's name before the victim noun or after "of": "50 Islamic State fighters were
      // killed", "nineteen members of Kata'ib Hezbollah were killed".
      // "four members of an Islamic Jihad cell were killed": an article and a unit noun too.
      uint32_t party_at = probe;
      if ((s.IsWord(probe, "a") || s.IsWord(probe, "an") || s.IsWord(probe, "the")) && probe > s.first() &&
          s.IsWord(probe - 1, "of") && probe + 1 < s.end()) {
        party_at = probe + 1;
      }
      if (int actor_idx = s.ActorAt(party_at); actor_idx >= 0 && !s.At(party_at, Cue::kVictim)) {
        uint32_t after = s.actor(actor_idx).end_token;
        while (after < s.end() && s.Covering(after, Cue::kOrgHead) && !s.At(after, Cue::kVictim)) ++after;
        // "the Islamic Revolution Guards Corps (IRGC)": the short form in brackets is the same name.
        if (after + 2 < s.end() && s.IsPunct(after, "(") && s.ActorAt(after + 1) >= 0 && s.IsPunct(after + 2, ")")) {
          after += 3;
        }
        bool after_of = (party_at > s.first() && s.IsWord(party_at - 1, "of")) || party_at != probe;
        // "Eight Beninese soldiers were killed": the party's name ends with the victim noun.
        const bool names_victims = after > party_at + 1 && s.At(after - 1, Cue::kVictim);
        if (after < s.end() && (s.At(after, Cue::kVictim) || after_of || names_victims)) {
          name_words += after - 1 - probe;
          probe = after - 1;
          continue;
        }
      }
      // Modifiers of the victim noun: "one of its field commanders died"; not words of a
      // relative clause ("a resident who helped recover bodies").
      const bool in_relative = std::ranges::any_of(std::views::iota(t, probe), [&](uint32_t w) { return s.IsWord(w, "who"); });
      if (!in_relative && !IsBridgeWord(s, probe) && s.token(probe).kind == text::TokenKind::kWord && !s.token(probe).capitalized &&
          probe + 1 < s.end() && (s.At(probe + 1, Cue::kVictim) || (probe + 2 < s.end() && s.At(probe + 2, Cue::kVictim)))) {
        continue;
      }
      if (!IsBridgeWord(s, probe)) {
        // A participle phrase before the verb: "20 people attending the celebration were killed".
        bool passive_ahead = false;
        // "Two employees of the factory in Yelabuga were injured": a noun group of a few words.
        for (uint32_t ahead = probe; ahead < std::min(s.end(), probe + kParticipleReach); ++ahead) {
          if (s.token(ahead).kind != text::TokenKind::kWord || s.ActorAt(ahead) >= 0) break;
          if ((s.IsWord(ahead, "were") || s.IsWord(ahead, "was")) && ahead + 1 < s.end() &&
              (s.At(ahead + 1, Cue::kKill) || s.At(ahead + 1, Cue::kInjure))) {
            passive_ahead = true;
            probe = ahead;
            break;
          }
          // A casualty phrase opening with its auxiliary: "were eliminated" (not "a resident
          // who helped recover bodies").
          if (ahead > probe && PassiveAuxiliary(s, ahead) && (s.At(ahead, Cue::kKill) || s.At(ahead, Cue::kInjure))) {
            passive_ahead = true;
            probe = ahead - 1;
            break;
          }
        }
        if (!passive_ahead) break;
      }
    }
    // "The death toll from Sunday's shelling of Sloviansk has risen to 11": a toll noun,
    // then a phrase, then the count after "risen to" / "reached" / "stood at".
    if (figure.kind == Kind::kNone && count.first_token > s.first() + 1) {
      uint32_t lead = count.first_token - 1;
      // 'put the toll at "about 40"'.
      if (s.IsPunct(lead, "\"") && lead > s.first() + 1) --lead;
      bool rise = (s.IsWord(lead, "to") || s.IsWord(lead, "at")) &&
                  (s.IsWord(lead - 1, "rose") || s.IsWord(lead - 1, "risen") || s.IsWord(lead - 1, "climbed") ||
                   s.IsWord(lead - 1, "increased") || s.IsWord(lead - 1, "jumped") || s.IsWord(lead - 1, "stood") ||
                   s.IsWord(lead - 1, "stands") || s.IsWord(lead - 1, "grown"));
      rise |= s.IsWord(lead, "reached");
      // "bringing the toll from the Sumy strike to 13", "raising the death toll to 20".
      if (s.IsWord(lead, "to")) {
        for (uint32_t back = lead; back > s.first() && lead - back < 12;) {
          --back;
          if (s.IsWord(back, "bringing") || s.IsWord(back, "brought") || s.IsWord(back, "raising") ||
              s.IsWord(back, "raised") || s.IsWord(back, "pushing") || s.IsWord(back, "brings")) {
            rise = true;
            break;
          }
        }
      }
      if (rise) {
        for (uint32_t back = lead; back > s.first() && lead - back < kTollReach;) {
          --back;
          if (s.IsPunct(back, ";:")) break;
          if (s.IsWord(back, "toll") || (s.At(back, Cue::kKill) && s.IsWord(back + 1, "toll"))) {
            figure.kind = Kind::kKilled;
            figure.first = back;
            figure.end = count.end_token;
            break;
          }
          // "The number of people killed in the strike has risen to 11".
          if (s.IsWord(back, "number") && s.IsWord(back + 1, "of")) {
            for (uint32_t noun = back + 2; noun < std::min(lead, back + 5); ++noun) {
              if (s.At(noun, Cue::kKill) || s.At(noun, Cue::kInjure)) {
                figure.kind = s.At(noun, Cue::kKill) ? Kind::kKilled : Kind::kInjured;
                figure.first = back;
                figure.end = count.end_token;
                break;
              }
            }
            if (figure.kind != Kind::kNone) break;
          }
        }
      }
    }
    // Backward: the casualty word before the count ("killing at least 44").
    if (figure.kind == Kind::kNone) {
      uint32_t probe = count.first_token;
      for (int steps = 0; probe > s.first() && steps < 5; ++steps) {
        --probe;
        uint32_t cue_end = 0;
        Kind kind = Kind::kNone;
        for (const CueHit& hit : s.cues()) {
          if ((hit.cue == Cue::kKill || hit.cue == Cue::kInjure) && hit.end_token == probe + 1) {
            kind = hit.cue == Cue::kKill ? Kind::kKilled : Kind::kInjured;
            cue_end = hit.end_token;
          }
        }
        if (kind != Kind::kNone) {
          figure.kind = kind;
          figure.first = probe;
          figure.end = count.end_token;
          (void)cue_end;
          break;
        }
        // "a"/"one" reaches back only through "of" ("the death of a member", "killing one").
        if (count.singular && !s.IsWord(probe, "of")) break;
        if (!IsLeadWord(s.folded(probe)) && !s.Covering(probe, Cue::kKill) && !s.At(probe, Cue::kVictim)) break;
      }
    }
    if (figure.kind == Kind::kNone) continue;
    if (CumulativeNear(s, figure.first < figure.count.first_token ? figure.first : figure.count.first_token,
                       figure.end)) {
      notes->push_back("cumulative toll skipped: " + std::string(s.Text(count.first_token, count.end_token)));
      continue;
    }
    figures.push_back(figure);
  }
  if (figures.empty()) return claims;
  // Only figures a source asserts belong to it; the rest is the article's voice.
  auto frame_for = [&](const Figure& f) -> const SourceFrame& {
    for (const SourceFrame& frame : frames) {
      // "... were killed in an attack claimed by al-Shabaab": the claim is of the attack,
      // not of the toll told beside it.
      if (frame.frame == "claimed-by") continue;
      bool asserted = frame.verb_stance == "asserts" || frame.verb_stance == "blames" || frame.verb_stance.empty();
      bool inside = f.count.first_token >= frame.clause_first && f.count.first_token < frame.clause_end;
      if (frame.attributed && asserted && inside) return frame;
    }
    return frames.front();
  };
  auto source_for = [&](const Figure& f) {
    const SourceFrame& frame = frame_for(f);
    const bool asserted =
        (frame.verb_stance == "asserts" || frame.verb_stance == "blames" || frame.verb_stance.empty()) &&
        frame.frame != "claimed-by";
    const uint32_t count_first = f.count.first_token;
    if (frame.attributed && asserted) {
      if (count_first >= frame.clause_first && count_first < frame.clause_end) {
        return SpeakerReportedBefore(s, frame, count_first, coref).value_or(frame.source);
      }
      if (SourcesWordsGoOn(s, frame, count_first)) return frame.source;
    }
    Party party;
    party.name = "unattributed";
    party.party = "unattributed";
    return party;
  };
  // Killed and injured read in one sentence from one source make one claim.
  for (const Figure& f : figures) {
    if (f.count.vague) {
      bool has_exact = false;
      for (const Figure& other : figures) has_exact |= !other.count.vague;
      // A vague count alone is a figure only for the dead, and only where ACLED documents
      // its value ("tens" 10, "dozens" 12, "hundreds" 100, qualifier at_least); wounded
      // "dozens" and "several" killed stay out of the figures.
      bool documented = f.count.value == kAcledTens || f.count.value == kAcledDozens || f.count.value == kAcledHundreds;
      if (!has_exact && (f.kind != Kind::kKilled || !documented)) {
        notes->push_back("vague count alone, no figure: " + std::string(s.Text(f.count.first_token, f.count.end_token)));
        continue;
      }
    }
    Party source = source_for(f);
    CasualtyClaim* target = nullptr;
    for (CasualtyClaim& claim : claims) {
      if (claim.source.name != source.name) continue;
      if ((f.kind == Kind::kKilled && !claim.killed) || (f.kind == Kind::kInjured && !claim.injured)) {
        target = &claim;
        break;
      }
    }
    if (target == nullptr) {
      CasualtyClaim claim;
      claim.source = source;
      claim.evidence = std::string(s.SentenceText());
      claim.span = s.Span();
      claim.sentence = s.index();
      claim.frame = frame_for(f).frame + "+casualty";
      claims.push_back(std::move(claim));
      target = &claims.back();
    }
    if (f.kind == Kind::kKilled) {
      target->killed = f.count.value;
      target->killed_qualifier = f.count.qualifier;
      target->definite_count = f.count.first_token > s.first() && s.IsWord(f.count.first_token - 1, "the");
    } else {
      target->injured = f.count.value;
      target->injured_qualifier = f.count.qualifier;
    }
    uint32_t lo = std::min(f.first, f.count.first_token);
    uint32_t hi = std::max(f.end, f.count.end_token);
    std::string category = VictimCategory(s, lo, std::min(s.end(), hi + 3));
    if (target->victims == "unknown" || target->victims.empty()) {
      target->victims = category;
    } else if (category != "unknown" && category != target->victims) {
      target->victims = "mixed";
    }
    if (!target->number_words.empty()) target->number_words += "; ";
    target->number_words += std::string(s.Text(lo, hi));
  }
  return claims;
}

}  // namespace crosscheck::claims
