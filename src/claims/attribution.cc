#include "claims/attribution.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "claims/casualties.h"
#include "claims/same_word.h"

namespace crosscheck::claims {
namespace {

// Words an adjectival perpetrator may be separated from its attack noun by:
// "American treacherous attack", "US-led military coalition's raid".
bool IsModifierWord(const SentenceContext& s, uint32_t t) {
  const text::Token& token = s.token(t);
  if (token.kind == text::TokenKind::kPunct) return token.folded == "-" || token.folded == "\"";
  if (s.At(t, Cue::kReport) || s.At(t, Cue::kKill) || s.At(t, Cue::kInjure) || s.At(t, Cue::kReaction)) return false;
  // A verb ("carried out attacks") makes the party its subject, not a modifier of the noun.
  if (s.Covering(t, Cue::kAttackVerb) && !s.Covering(t, Cue::kAttackNoun)) return false;
  if (s.ActorAt(t) >= 0 || s.PlaceAt(t) >= 0) return false;
  std::string_view w = token.folded;
  static constexpr std::string_view kStop[] = {"on", "in", "at", "of", "by", "from", "against", "and", "or", "that",
                                               "which", "who", "was", "were", "is", "are", "the", "a", "an", "to",
                                               "for", "with"};
  for (std::string_view stop : kStop) {
    if (SameWord(w, stop)) return false;
  }
  return true;
}

// How far back from a party the weapon it owns may stand: "drones, which were probably
// American"; through a relative clause to "belonged to" ("the aircraft that bombed the
// market in Nyala on Monday belonged to").
constexpr uint32_t kRelativeWeaponReach = 7;
constexpr uint32_t kOwnerReach = 12;
// How many words a subject's "armed with ..." may hold before its verb.
constexpr int kArmedWithReach = 12;

// Words that mark the actor after them as a target, not a perpetrator.
bool IsTargetMarker(std::string_view w) {
  static constexpr std::string_view kMarkers[] = {"against", "on", "targeting", "targeted", "target", "hit", "struck",
                                                  "killing", "killed", "at", "toward", "towards", "into", "over",
                                                  "belonging", "near", "with", "to", "for", "of", "between", "among",
                                                  "including", "loyal", "allied", "backed"};
  for (std::string_view m : kMarkers) {
    if (SameWord(w, m)) return true;
  }
  return false;
}

bool IsAttackHead(const SentenceContext& s, uint32_t t) {
  return s.At(t, Cue::kAttackNoun) || s.At(t, Cue::kWeapon);
}

struct Perpetrator {
  int actor = -1;         // index into view.actors; -1 with self = the source itself
  bool self = false;
  bool negated = false;
  std::string how;
  std::optional<Party> force = std::nullopt;  // a force named by a common noun ("the army"), when actor is -1
  uint32_t force_first = 0;    // the words naming that force
  uint32_t force_end = 0;
};

// The words that name the perpetrator: its actor mention, or the common noun of a force.
std::pair<uint32_t, uint32_t> WordsOf(const SentenceContext& s, const Perpetrator& p) {
  if (p.force) return {p.force_first, p.force_end};
  return {s.actor(p.actor).first_token, s.actor(p.actor).end_token};
}

// "accuses Afghanistan of letting the group operate from its soil", "accuses the group of
// smuggling arms": a charge of something else than the attack (no attack or killing in what
// follows "of").
bool ChargedWithSomethingElse(const SentenceContext& s, uint32_t object_end) {
  const uint32_t charge = object_end + 1;
  if (charge >= s.end() || !s.IsWord(object_end, "of") || !s.folded(charge).ends_with("ing") ||
      s.At(charge, Cue::kAttackVerb)) {
    return false;
  }
  // The charge's own words, up to a comma or an infinitive: "of carrying out the attack" is the
  // attack; "of allowing the TTP, ... to plan attacks" is something else.
  uint32_t charge_end = charge + 1;
  while (charge_end < s.end() && !s.IsPunct(charge_end, ",;") && !s.IsWord(charge_end, "to")) ++charge_end;
  return !s.Find(Cue::kAttackNoun, charge, charge_end) && !s.Find(Cue::kKill, charge, charge_end) &&
         !s.Find(Cue::kWeapon, charge, charge_end) && !s.Find(Cue::kAttackVerb, charge, charge_end);
}

// A killing done, not suffered, between two tokens: "had killed", not "were killed".
bool ActiveKillAfter(const SentenceContext& s, uint32_t from, uint32_t to) {
  const CueHit* kill = s.Find(Cue::kKill, from, to);
  if (kill == nullptr) return false;
  return kill->first_token == s.first() || !PassiveAuxiliary(s, kill->first_token - 1);
}

// Parties that have forces: the ones that can carry out an attack, claim it or keep silent about it.
bool IsArmedSide(std::string_view type) {
  return SameWord(type, "state") || SameWord(type, "government") || SameWord(type, "military") ||
         SameWord(type, "coalition") || SameWord(type, "armed_group") || SameWord(type, "militia");
}

// The party named right before a cue, past an auxiliary: "..., while AFRICOM declined to
// comment", "Hamas has also denied". -1 when there is none.
int PartyRightBefore(const SentenceContext& s, uint32_t cue_first) {
  if (cue_first <= s.first()) return -1;
  uint32_t t = cue_first - 1;
  while (t > s.first() && (s.IsWord(t, "has") || s.IsWord(t, "have") || s.IsWord(t, "had") || s.IsWord(t, "also"))) --t;
  const int actor_idx = s.ActorAt(t);
  return actor_idx >= 0 && !s.actor(actor_idx).adjective ? actor_idx : -1;
}

// "Asked whether an army drone had hit the market, ...": a question, not an account.
bool InQuestion(const SentenceContext& s, uint32_t first, uint32_t at) {
  for (uint32_t t = at; t > first;) {
    --t;
    if (s.IsWord(t, "whether")) return true;
    if (s.token(t).kind == text::TokenKind::kPunct && !s.IsPunct(t, "-\"")) return false;
  }
  return false;
}

bool NegatedBefore(const SentenceContext& s, uint32_t first, uint32_t at, int window);

// Negation of a perpetrator's act: before it ("no member of X"), or between it and its
// verb ("Egyptian aircraft had not carried out any raids").
bool NegatedAround(const SentenceContext& s, uint32_t first, uint32_t end, uint32_t actor_first, uint32_t head_end) {
  if (NegatedBefore(s, first, actor_first, 5)) return true;
  for (uint32_t t = head_end; t < std::min(end, head_end + 5); ++t) {
    if (s.At(t, Cue::kNegation) && !s.IsWord(t, "without")) {
      for (uint32_t v = t; v < std::min(end, t + 4); ++v) {
        if (s.At(v, Cue::kAttackVerb) || s.At(v, Cue::kDenyResponsibility)) return true;
      }
    }
    // A negation in another clause ("no comment on reports that X struck") does not reach.
    if (s.IsPunct(t, ",;:") || s.IsWord(t, "that") || s.At(t, Cue::kReportNoun)) break;
  }
  return false;
}

bool NegatedBefore(const SentenceContext& s, uint32_t first, uint32_t at, int window) {
  for (uint32_t t = at; t > first && window-- > 0;) {
    --t;
    if (const CueHit* hit = s.At(t, Cue::kNegation); hit && hit->end_token <= at + 1) {
      // "without violating" is not a denial of the act: only "not"/"no"-type cues count,
      // and "no" only before a noun group.
      if (s.IsWord(t, "without")) continue;
      return true;
    }
    // A negation in another clause ("no comment on reports that X struck") does not reach.
    if (s.IsPunct(t, ",;:") || s.IsWord(t, "that") || s.At(t, Cue::kReportNoun)) break;
  }
  return false;
}

void AddPerpetrator(std::vector<Perpetrator>* out, Perpetrator p) {
  for (const Perpetrator& existing : *out) {
    if (existing.actor == p.actor && existing.self == p.self && !p.force) return;
    if (p.force && existing.force && existing.force->name == p.force->name) return;
  }
  out->push_back(p);
}

// Every reading below needs one of these classes in the sentence: an attack noun or weapon
// ("nominal", "weapon-owner", "negated-of"), an attack verb ("agent"), a claim of
// responsibility ("responsible"), an agent marker ("passive": "the work of X") or a killing
// verb ("agent": "Israeli forces killed three").
constexpr uint64_t kPerpetratorCues = CueBit(Cue::kAttackNoun) | CueBit(Cue::kWeapon) | CueBit(Cue::kAttackVerb) |
                                      CueBit(Cue::kClaimResponsibility) | CueBit(Cue::kPassiveBy) | CueBit(Cue::kKill);

// "killed three Palestinians", "killed at least 12": a killing verb with its count after it.
bool KillsACount(const SentenceContext& s, uint32_t t) {
  const std::string_view w = s.folded(t);
  if (!(w == "killed" || w == "kills") || s.At(t, Cue::kKill) == nullptr || t + 1 >= s.end()) return false;
  const uint32_t next = t + 1;
  return s.token(next).kind == text::TokenKind::kNumber || s.At(next, Cue::kCardinal) != nullptr ||
         s.At(next, Cue::kVague) != nullptr || s.IsWord(next, "at") || s.IsWord(next, "more") || s.IsWord(next, "up");
}

std::vector<Perpetrator> FindPerpetrators(const SentenceContext& s, uint32_t first, uint32_t end) {
  std::vector<Perpetrator> found;
  // Most sentences name none: their parties are not walked at all.
  if (!s.HasAny(kPerpetratorCues)) return found;
  for (int actor_idx : s.actors()) {
    const ActorSpan& actor = s.actor(actor_idx);
    if (actor.first_token < first || actor.end_token > end) continue;
    // Reporters, monitors and agencies report attacks; they do not carry them out.
    const std::string_view type = actor.party.type;
    if (SameWord(type, "media") || SameWord(type, "news_agency") || SameWord(type, "monitor") || actor.anonymous) continue;
    // Whether the party is the target of the act rather than its author, worked out when a
    // reading would take it: most parties meet no reading, and the test reads many words.
    auto target_of_act = [&] {
      uint32_t before = actor.first_token > first ? actor.first_token - 1 : actor.first_token;
      bool target = actor.first_token > first && IsTargetMarker(s.folded(before));
      // 'against "a PKK vehicle"': past an article and a quotation mark, a marker of place or
      // aim still makes a target ("the result of an Israeli attack" keeps its attacker).
      uint32_t marker = before;
      while (marker > first && (s.IsPunct(marker, "\"") || s.IsWord(marker, "a") || s.IsWord(marker, "an") ||
                                s.IsWord(marker, "the"))) {
        --marker;
      }
      if (marker != before && IsTargetMarker(s.folded(marker)) && !s.IsWord(marker, "of") && !s.IsWord(marker, "for") &&
          !s.IsWord(marker, "to") && !s.IsWord(marker, "with")) {
        target = true;
      }
      // "destroyed 14 PKK targets", "hit Hezbollah positions": the object of an attack verb.
      for (uint32_t back = actor.first_token; back > first && actor.first_token - back < 3;) {
        --back;
        if (s.At(back, Cue::kAttackVerb) && !s.Covering(back, Cue::kPassiveBy)) target = true;
        // "killed 20 Hezbollah fighters", "killing Houthi fighters": the dead, not the killers.
        bool adjacent = back + 1 == actor.first_token;
        // 'killed nine "Kenyan crusader soldiers"': a count in words too.
        if ((adjacent && (s.At(back, Cue::kKill) || s.At(back, Cue::kInjure))) ||
            s.token(back).kind == text::TokenKind::kNumber || s.At(back, Cue::kCardinal)) {
          target = true;
        }
        if (s.IsWord(back, "in") || s.IsWord(back, "by") || s.IsWord(back, "from")) break;
        // "KYIV, Oct 12 - Russia attacked": a spaced dash ends the dateline before the subject.
        const bool spaced_dash = s.IsPunct(back, "-") && s.token(back).space_before;
        if (s.ActorAt(back) >= 0 || s.IsPunct(back, ",;:") || spaced_dash) break;
      }
      // "militias allied to Tripoli had shelled it": fighters of the party's side, as subject.
      const uint32_t link = actor.first_token > first && s.IsWord(actor.first_token - 1, "the") ? actor.first_token - 1
                                                                                                 : actor.first_token;
      // "Fighters of JNIM attacked the convoy": the party the fighters belong to.
      const bool side_of_subject =
          (link > first + 2 && (s.IsWord(link - 1, "to") || s.IsWord(link - 1, "with")) &&
           (s.IsWord(link - 2, "allied") || s.IsWord(link - 2, "loyal") || s.IsWord(link - 2, "affiliated") ||
            s.IsWord(link - 2, "linked")) &&
           s.Covering(link - 3, Cue::kOrgHead) != nullptr) ||
          (link > first + 1 && s.IsWord(link - 1, "of") && s.Covering(link - 2, Cue::kOrgHead) != nullptr &&
           (link - 2 == first || !(s.At(link - 3, Cue::kKill) || s.token(link - 3).kind == text::TokenKind::kNumber)));
      return target && !side_of_subject;
    };
    // Adjectival or nominal: "an American strike", "Israeli drones", "US-led coalition airstrikes".
    // A country's plain name before an attack word is where, not who: "Yemen strike".
    bool hyphenated = actor.end_token < end && s.IsPunct(actor.end_token, "-");  // "US-British"
    // "in Ukraine", "across Syria": a country named as the place is never the attacker.
    // A party that is also the place named after "in" ("in Galmudug raid") is a place too.
    if (!actor.adjective && actor.first_token > first && s.IsWord(actor.first_token - 1, "in") &&
        s.PlaceAt(actor.first_token) >= 0) {
      continue;
    }
    if (SameWord(type, "state") && !actor.adjective && actor.first_token > first &&
        (s.IsWord(actor.first_token - 1, "in") || s.IsWord(actor.first_token - 1, "across") ||
         s.IsWord(actor.first_token - 1, "inside") || s.IsWord(actor.first_token - 1, "throughout"))) {
      continue;
    }
    bool locative = SameWord(type, "state") && !actor.adjective && !hyphenated &&
                    !(actor.end_token < end && s.IsWord(actor.end_token, "'s"));
    if (!locative) {
      uint32_t t = actor.end_token;
      if (t < end && s.IsWord(t, "'s")) ++t;
      int skipped = 0;
      while (t < end && skipped < 3 && !IsAttackHead(s, t)) {
        // "a US-British raid": another party's adjective joins this one's.
        if (int other = s.ActorAt(t); other >= 0 && s.actor(other).adjective) {
          t = s.actor(other).end_token;
          ++skipped;
          continue;
        }
        // "Ukrainian forces did not strike": a verb after its auxiliary, not a noun.
        if (!IsModifierWord(s, t) || s.At(t, Cue::kNegation) || s.IsWord(t, "did") || s.IsWord(t, "does") ||
            s.IsWord(t, "do")) {
          break;
        }
        ++t;
        ++skipped;
      }
      // A weapon alone ("Syrian artillery deployed ...") is no attack: it needs an attack
      // word or a death in the clause. Asked last: it scans the clause's cues.
      auto weapon_only = [&] {
        return !s.At(t, Cue::kAttackNoun) && !(s.Find(Cue::kAttackVerb, first, end) || s.Find(Cue::kKill, first, end) ||
                                                s.Find(Cue::kInjure, first, end));
      };
      if (t < end && IsAttackHead(s, t) && !target_of_act() && !weapon_only()) {
        AddPerpetrator(&found, {actor_idx, false, NegatedAround(s, first, end, actor.first_token, t + 1), "nominal"});
        continue;
      }
    }
    // Subject of an attack verb: "the U.S. conducted an airstrike", "a US plane hit".
    {
      uint32_t t = actor.end_token;
      int skipped = 0;
      bool negated = false;
      // "Islamic State militants armed with machine guns and grenades stormed ...".
      int budget = 4;
      for (uint32_t a = t; a < std::min(end, t + 2) && a + 1 < end; ++a) {
        if (s.IsWord(a, "armed") && s.IsWord(a + 1, "with")) budget = kArmedWithReach;
      }
      while (t < end && skipped < budget) {
        if (s.At(t, Cue::kAttackVerb) || s.At(t, Cue::kClaimResponsibility) || KillsACount(s, t)) break;
        // "the National Intelligence Organisation (MIT) had carried out": past the short form.
        if (s.IsPunct(t, "(") || (s.IsPunct(t, ")") && t == actor.end_token)) {
          uint32_t close = t;
          while (close < end && !s.IsPunct(close, ")") && close - t < 5) ++close;
          if (close < end && s.IsPunct(close, ")")) {
            t = close + 1;
            continue;
          }
        }
        if (s.At(t, Cue::kNegation)) negated = true;
        if (s.At(t, Cue::kHabitual)) break;
        const text::Token& token = s.token(t);
        if (token.kind == text::TokenKind::kPunct && token.folded != "-" && token.folded != "\"") break;
        if (s.ActorAt(t) >= 0 || s.At(t, Cue::kReport) || s.At(t, Cue::kReaction)) break;
        ++t;
        ++skipped;
      }
      // "has been attacking the Houthis since March": a campaign, not this attack.
      bool habitual = t < end && (s.At(t, Cue::kHabitual) ||
                                  (t > first && s.IsWord(t - 1, "been") && s.folded(t).size() > 3 &&
                                   s.folded(t).substr(s.folded(t).size() - 3) == "ing"));
      // "threatened to launch", "will strike": intentions, not an attack that happened.
      bool intention = t > first && (s.IsWord(t - 1, "to") || s.IsWord(t - 1, "will") || s.IsWord(t - 1, "would") ||
                                     s.IsWord(t - 1, "could") || s.IsWord(t - 1, "can") || s.IsWord(t - 1, "might"));
      // "positions were destroyed": a passive has no agent here; "the strike" is a noun.
      // "an air strike": the verb form inside an attack noun phrase is the noun.
      const CueHit* noun = t < end ? s.Covering(t, Cue::kAttackNoun) : nullptr;
      bool inside_noun = noun != nullptr && noun->first_token < t;
      bool passive_or_noun = inside_noun || (t > first && (s.IsWord(t - 1, "were") || s.IsWord(t - 1, "was") ||
                                           s.IsWord(t - 1, "been") || s.IsWord(t - 1, "being") ||
                                           s.IsWord(t - 1, "the") || s.IsWord(t - 1, "a") || s.IsWord(t - 1, "an") ||
                                           s.IsWord(t - 1, "this") || s.IsWord(t - 1, "its") || s.IsWord(t - 1, "their") ||
                                           s.IsWord(t - 1, "in") || s.IsWord(t - 1, "of") || s.IsWord(t - 1, "during") ||
                                           s.IsWord(t - 1, "after") || s.IsWord(t - 1, "by")));
      // "in a precise strike", "the latest strike": an article and an adjective before it
      // make the word a noun.
      passive_or_noun = passive_or_noun ||
                        (t > first + 1 && s.token(t - 1).kind == text::TokenKind::kWord && !s.token(t - 1).capitalized &&
                         s.ActorAt(t - 1) < 0 &&
                         (s.IsWord(t - 2, "a") || s.IsWord(t - 2, "an") || s.IsWord(t - 2, "the")));
      // "Yemen strike": after a country's plain name a word that is also an attack noun is
      // the noun ("Russia struck" still reads as a verb).
      bool compound = locative && t == actor.end_token && s.At(t, Cue::kAttackNoun) != nullptr;
      // "Russian units carried out no strikes": the negation after the verb.
      if (t < end && s.At(t, Cue::kAttackVerb)) {
        uint32_t after = s.At(t, Cue::kAttackVerb)->end_token;
        if (after < end && s.IsPunct(after, "\"")) ++after;  // carried out "no strike"
        if (after < end && (s.IsWord(after, "no") || s.IsWord(after, "not") || s.IsWord(after, "never"))) negated = true;
      }
      // "Coalition aircraft were responsible for the destruction", "X was behind the attack".
      if (t < end && s.At(t, Cue::kClaimResponsibility) &&
          (s.IsWord(t, "was") || s.IsWord(t, "were") || s.IsWord(t, "is") || s.IsWord(t, "are")) && !target_of_act()) {
        AddPerpetrator(&found, {actor_idx, false, negated || NegatedBefore(s, first, actor.first_token, 5), "responsible"});
        continue;
      }
      // "Israeli forces killed three Palestinians in Jenin": a side with arms killing a
      // counted group did it.
      // Only the verb's own subject: "The Yemen war has killed", "in Yemen that killed" are not.
      bool next_to_verb = t == actor.end_token;
      for (uint32_t w = actor.end_token; w < t && t - actor.end_token <= 2; ++w) {
        next_to_verb = s.IsWord(w, "had") || s.IsWord(w, "have") || s.IsWord(w, "has") || s.IsWord(w, "also") ||
                       s.IsWord(w, "reportedly") || s.IsWord(w, "allegedly");
        if (!next_to_verb) break;
      }
      // A country's plain name is where ("a market in central Mali killed 21"), not who.
      if (t < end && KillsACount(s, t) && next_to_verb && !locative && IsArmedSide(actor.party.type) && !habitual &&
          !intention && !passive_or_noun && !target_of_act()) {
        AddPerpetrator(&found, {actor_idx, false, negated || NegatedBefore(s, first, actor.first_token, 5), "agent"});
        continue;
      }
      if (t < end && s.At(t, Cue::kAttackVerb) && !habitual && !intention && !passive_or_noun && !compound &&
          !target_of_act()) {
        // "the Pentagon said it struck": that is the source's own act, handled as self.
        // "No member of the US-led coalition carried out attacks": the negation may stand a
        // few words before the party.
        AddPerpetrator(&found, {actor_idx, false, negated || NegatedBefore(s, first, actor.first_token, 5), "agent"});
        continue;
      }
    }
    // The owner of the weapon in a relative clause: "drones, which were "probably American,"
    // bombed ...", "the aircraft were most likely those of the US-led coalition", "drones
    // belonging to the army".
    uint32_t owned = actor.first_token;
    if (owned > first && s.IsWord(owned - 1, "the")) --owned;
    const bool owner_link = owned > first + 1 && ((s.IsWord(owned - 1, "of") && s.IsWord(owned - 2, "those")) ||
                                                  (s.IsWord(owned - 1, "to") && (s.IsWord(owned - 2, "belonging") ||
                                                                                 s.IsWord(owned - 2, "belonged"))));
    if (actor.adjective || owner_link) {
      const uint32_t from = owner_link ? owned - 2 : actor.first_token;
      bool relative = owner_link;
      bool weapon = false;
      bool definite = false;
      const uint32_t reach = owner_link ? kOwnerReach : kRelativeWeaponReach;
      for (uint32_t back = from; back > first && from - back < reach;) {
        --back;
        // "drones, which were probably American", "warplanes believed to be Russian".
        if (s.IsWord(back, "which") || s.IsWord(back, "that") || s.IsWord(back, "believed") ||
            s.IsWord(back, "thought") || s.IsWord(back, "said") || s.IsWord(back, "was") || s.IsWord(back, "were")) {
          relative = true;
        }
        if (relative && s.At(back, Cue::kWeapon)) {
          weapon = true;
          // "The jets were believed to be Russian": the weapons of the attack just told.
          definite = back > first && s.IsWord(back - 1, "the");
          break;
        }
      }
      bool attack_after = false;
      for (uint32_t ahead = actor.end_token; ahead < std::min(end, actor.end_token + 4); ++ahead) {
        if (s.At(ahead, Cue::kAttackVerb)) attack_after = true;
      }
      // "the strikes were carried out by warplanes believed to be Russian": the attack
      // came before the weapon.
      if (!attack_after && weapon) {
        for (uint32_t back = actor.first_token; back > first && actor.first_token - back < 12;) {
          --back;
          if (s.At(back, Cue::kAttackVerb) || s.Covering(back, Cue::kPassiveBy)) attack_after = true;
        }
      }
      if (relative && weapon && (attack_after || definite)) {
        // "the drone was not Turkish": the owner denied.
        AddPerpetrator(&found, {actor_idx, false, NegatedBefore(s, first, actor.first_token, 3), "weapon-owner"});
        continue;
      }
    }
    // Passive and genitive agents: "carried out by American forces", "strikes by the
    // coalition", "a drone from the coalition", "the work of Israel", "no bombing of the US".
    if (actor.first_token > first) {
      uint32_t t = actor.first_token;
      while (t > first && (s.IsWord(t - 1, "the") || s.IsWord(t - 1, "a") || s.IsWord(t - 1, "an") ||
                           s.IsWord(t - 1, "so") || s.IsWord(t - 1, "-") || s.IsWord(t - 1, "called") ||
                           s.IsPunct(t - 1, "-\""))) {
        --t;
      }
      if (t > first) {
        uint32_t marker = t - 1;
        const CueHit* by = s.Covering(marker, Cue::kPassiveBy);
        // "targeted by "Indian-sponsored terrorists of Fitna al-Hindustan"": the agent is the
        // party the fighters belong to.
        // "martyred by the drone of the junta": the weapon's owner, and the weapon says attack.
        const bool weapon_of = s.IsWord(marker, "of") && marker > first + 1 && s.At(marker - 1, Cue::kWeapon) != nullptr;
        if (by == nullptr && s.IsWord(marker, "of") && marker > first + 1 &&
            (s.At(marker - 1, Cue::kVictim) || s.Covering(marker - 1, Cue::kOrgHead) || weapon_of)) {
          for (uint32_t back = marker - 1; back > first && marker - back < 6 && by == nullptr;) {
            --back;
            if (s.IsPunct(back, ",;:") || (s.ActorAt(back) >= 0 && !s.actor(s.ActorAt(back)).adjective)) break;
            by = s.Covering(back, Cue::kPassiveBy);
            if (by != nullptr) marker = back;
          }
        }
        bool of_after_negated_attack = s.IsWord(marker, "of") && marker > first && IsAttackHead(s, marker - 1) &&
                                       NegatedBefore(s, first, marker - 1, 3);
        bool attack_before = false;
        if (by != nullptr) {
          // The agent phrase must follow an attack word closely ("used by groups" is not one).
          for (uint32_t back = by->first_token; back > first && by->first_token - back < 4;) {
            --back;
            if (IsAttackHead(s, back) || s.At(back, Cue::kAttackVerb)) {
              attack_before = true;
              break;
            }
            if (s.ActorAt(back) >= 0) break;
          }
          // "the work of X" carries its own attack sense; so do "fired by", "carried out by".
          if (s.folded(by->first_token) == "the" || s.folded(by->first_token) == "responsibility" ||
              s.At(by->first_token, Cue::kAttackVerb) || (weapon_of && s.folded(by->first_token) == "by")) {
            attack_before = true;
          }
          // "The attack on a fuel depot in Port Sudan was blamed on the RSF": blame is for an
          // attack named anywhere before it in the clause.
          if (s.folded(by->first_token) == "blamed" || s.folded(by->first_token) == "attributed") {
            for (uint32_t back = first; back < by->first_token && !attack_before; ++back) {
              attack_before = IsAttackHead(s, back) || s.At(back, Cue::kAttackVerb) != nullptr;
            }
          }
          // "a drone from X", "the aircraft belonged to X": ownership of a weapon only.
          std::string_view marker_word = s.folded(by->first_token);
          bool ownership = marker_word == "from" || marker_word == "belonged" || marker_word == "belonging" ||
                           marker_word == "owned" || marker_word == "belongs";
          if (ownership) {
            attack_before = false;
            for (uint32_t back = by->first_token; back > first && by->first_token - back < 3;) {
              --back;
              if (s.At(back, Cue::kWeapon)) attack_before = true;
              if (s.ActorAt(back) >= 0 || s.At(back, Cue::kAttackNoun) || s.At(back, Cue::kAttackVerb)) break;
            }
          }
        }
        if ((by != nullptr && attack_before) || of_after_negated_attack) {
          bool negated = NegatedBefore(s, first, marker, 8);
          AddPerpetrator(&found, {actor_idx, false, negated, of_after_negated_attack ? "negated-of" : "passive"});
          continue;
        }
        // "conducted by Malian soldiers and Wagner fighters": the next agent of the list.
        if (by == nullptr && (s.IsWord(marker, "and") || s.IsPunct(marker, ",")) && marker > first) {
          const int previous = s.ActorAt(marker - 1);
          const auto agent = std::find_if(found.begin(), found.end(), [&](const Perpetrator& p) {
            return p.actor == previous && p.how == "passive";
          });
          if (previous >= 0 && agent != found.end()) {
            AddPerpetrator(&found, {actor_idx, false, agent->negated, "passive"});
            continue;
          }
        }
      }
    }
  }
  return found;
}

// A force named by a common noun: "a military drone strike", "the army's shelling", "was
// carried out by the army", "the drone belonged to the army". It is the military the
// report names, else the home country's (cue class force_noun; value "home": only the home
// country's, as "regime warplanes" never means a foreign air force).
void AddForcePerpetrators(const SentenceContext& s, uint32_t first, uint32_t end, const Coreference& coref,
                          std::vector<Perpetrator>* found) {
  for (const CueHit& hit : s.cues()) {
    if (hit.first_token < first || hit.end_token > end) continue;
    const std::string& value = s.Entry(hit).value;
    bool force_word = hit.cue == Cue::kForceNoun;
    if (!force_word && !(hit.cue == Cue::kAnaphor && value.rfind("military", 0) == 0)) continue;
    // "shot down an army drone", "struck the military's convoy": the force is the target.
    bool target = false;
    for (uint32_t back = hit.first_token; back > first && hit.first_token - back < 3;) {
      --back;
      target |= s.At(back, Cue::kAttackVerb) != nullptr || s.At(back, Cue::kKill) != nullptr;
    }
    if (target) continue;
    // "the Israeli army", "Russian military drones": the named party speaks for itself.
    bool named = false;
    for (uint32_t t = hit.first_token; t < hit.end_token; ++t) named |= s.ActorAt(t) >= 0;
    if (hit.first_token > first && s.ActorAt(hit.first_token - 1) >= 0) named = true;
    if (named) continue;
    std::optional<Party> party = value == "home" ? s.home_military() : coref.Resolve(AnaphorTypes(value));
    if (!party || party->type != "military") continue;
    // Nominal: the attack or weapon word follows, past a possessive and two modifiers.
    uint32_t t = hit.end_token;
    if (t < end && s.IsWord(t, "'s")) ++t;
    for (int skipped = 0; t < end && skipped < 2 && !IsAttackHead(s, t) && IsModifierWord(s, t); ++skipped) ++t;
    // "The military aircraft of the Pakistani regime": the weapon's owner is named after it.
    if (const CueHit* head = t < end ? s.At(t, Cue::kWeapon) : nullptr; head != nullptr && head->end_token + 1 < end &&
                                                                        s.IsWord(head->end_token, "of")) {
      uint32_t owner = head->end_token + 1;
      if (s.IsWord(owner, "the")) ++owner;
      if (owner < end && s.ActorAt(owner) >= 0) continue;
    }
    bool attack_in_clause = s.Find(Cue::kAttackVerb, first, end) || s.Find(Cue::kKill, first, end) ||
                            s.Find(Cue::kInjure, first, end);
    // "the army's Operation Emergence 4": a named campaign, not this attack.
    const bool named_operation = t < end && s.token(t).capitalized && t > s.first();
    if (t < end && IsAttackHead(s, t) && !named_operation && (s.At(t, Cue::kAttackNoun) || attack_in_clause)) {
      AddPerpetrator(found, {-1, false, NegatedAround(s, first, end, hit.first_token, t + 1), "force-nominal", party, hit.first_token, hit.end_token});
      continue;
    }
    // Agent: "the air force had carried out", "the army struck" (not "was struck", "will strike").
    {
      uint32_t verb = hit.end_token;
      bool negated = false;
      // "security forces killed 11 militants": killing is their act too.
      auto acts = [&](uint32_t t) {
        return s.At(t, Cue::kAttackVerb) || (s.IsWord(t, "killed") && force_word);
      };
      while (verb < end && verb - hit.end_token < 4 && !acts(verb)) {
        if (s.token(verb).kind != text::TokenKind::kWord || s.ActorAt(verb) >= 0 || s.At(verb, Cue::kReport)) break;
        negated |= s.At(verb, Cue::kNegation) != nullptr;
        ++verb;
      }
      const bool active = verb < end && acts(verb) && !s.Covering(verb, Cue::kAttackNoun) &&
                          !(s.IsWord(verb - 1, "was") || s.IsWord(verb - 1, "were") || s.IsWord(verb - 1, "been") ||
                            s.IsWord(verb - 1, "to") || s.IsWord(verb - 1, "will") || s.IsWord(verb - 1, "would") ||
                            s.At(verb - 1, Cue::kHabitual));
      // A bare noun acts only at the head of its clause: "said security forces killed".
      const bool heads_clause = hit.first_token == first || s.At(hit.first_token - 1, Cue::kReport) ||
                                s.IsWord(hit.first_token - 1, "that");
      if (active && (hit.cue == Cue::kAnaphor || heads_clause)) {
        AddPerpetrator(found, {-1, false, negated, "force-agent", party, hit.first_token, hit.end_token});
        continue;
      }
    }
    // Passive or owner: "by the army", "belonged to the army", after an attack or weapon word;
    // not "from the military base".
    uint32_t before = hit.first_token;
    while (before > first && s.IsWord(before - 1, "the")) --before;
    if (before == first || (hit.end_token < end && IsModifierWord(s, hit.end_token))) continue;
    const CueHit* by = s.Covering(before - 1, Cue::kPassiveBy);
    if (by == nullptr) continue;
    for (uint32_t back = by->first_token; back > first && by->first_token - back < 4;) {
      --back;
      if (IsAttackHead(s, back) || s.At(back, Cue::kAttackVerb)) {
        AddPerpetrator(found, {-1, false, NegatedBefore(s, first, by->first_token, 8), "force-passive", party, hit.first_token, hit.end_token});
        break;
      }
      if (s.ActorAt(back) >= 0) break;
    }
  }
}

// "A spokesman for the prime minister condemned the American strikes": in the article's
// voice, the one who condemns takes the strikes as the named party's.
std::optional<Party> Condemner(const SentenceContext& s, uint32_t first, uint32_t at, const Coreference& coref) {
  for (uint32_t t = at; t > first && at - t < 6;) {
    --t;
    if (const CueHit* reaction = s.At(t, Cue::kReaction); reaction && s.Entry(*reaction).value == "asserts") {
      return SpeakerBefore(s, t, coref);
    }
    if (s.IsPunct(t, ",;:")) break;
  }
  return std::nullopt;
}

// ""They had nothing to do with any armed group," he said": in a speaker's own words the
// speaker is "we"; "they" there are others (the dead, the accused), so the phrase denies
// nothing on the speaker's behalf. Quotation marks after the words, odd in number, close a
// quotation they stand in.
bool QuotedThirdPerson(const SentenceContext& s, uint32_t token) {
  if (token == s.first() || !s.Is(token - 1, Cue::kThirdPerson)) return false;
  uint32_t quotes_after = 0;
  for (uint32_t t = token; t < s.end(); ++t) quotes_after += s.IsPunct(t, "\"") ? 1 : 0;
  return quotes_after % 2 == 1;
}

// ", which usually claims such attacks,": a habit told of a party in passing, closed by a
// comma or by the sentence's end, is no statement about attacks in general ("the work of
// Boko Haram's JAS faction, which has repeatedly used women as suicide bombers."); nor is an
// appositive about a party: "..., the group that has killed thousands in the Far North since 2014."
bool InRelativeClause(const SentenceContext& s, uint32_t at) {
  uint32_t open = at;
  while (open > s.first() && !s.IsPunct(open - 1, ",;:")) --open;
  if (open == s.first()) return false;
  const bool relative = s.IsWord(open, "which") || s.IsWord(open, "who");
  // ", one of the deadliest such strikes in the region this year.": a comment on the attack.
  bool appositive = s.IsWord(open, "one") && s.IsWord(open + 1, "of");
  if (!relative && !appositive && (s.IsWord(open, "the") || s.IsWord(open, "a") || s.IsWord(open, "an"))) {
    for (uint32_t t = open + 1; t < at && t - open <= 4 && !appositive; ++t) {
      appositive = s.IsWord(t, "that") || s.IsWord(t, "which") || s.IsWord(t, "who");
    }
  }
  if (!relative && !appositive) return false;
  for (uint32_t close = at; close < s.end(); ++close) {
    if (s.IsPunct(close, ",")) return true;
    if (s.IsPunct(close, ";:")) return false;
    if (s.IsPunct(close, ".")) return true;
  }
  return true;
}

// The party a source speaks for, as a perpetrator: "a US official" denying for the
// United States, a ministry for its state's side as written.
Party SideOf(const Party& source) {
  // "Moscow says it hit mercenaries", "the ministry said its strike ...": a government
  // speaks of what its state's forces did.
  if (!source.anonymous && source.type != "government") return source;
  Party side;
  side.name = source.party;
  side.party = source.party;
  side.type = "state";
  return side;
}

}  // namespace

// How far before ", which denied responsibility" its party may be named ("the Palestinian
// Islamic Jihad militant group").
constexpr uint32_t kRelativeDenierReach = 6;

// A token of digits only, as a number ("1,000" and "3.5" are not read).
bool WholeNumber(std::string_view w, int64_t* value) {
  int64_t parsed = 0;
  const auto [end, error] = std::from_chars(w.data(), w.data() + w.size(), parsed);
  if (error != std::errc() || end != w.data() + w.size()) return false;
  *value = parsed;
  return true;
}

// Fewer attacks than this counted over a span of time may still be told one by one.
constexpr int64_t kTallyMinAttacks = 3;

bool IsGenericStatement(const SentenceContext& s, uint32_t first, uint32_t end) {
  // A condition is no report of what happened: "If the strike was carried out by Turkey, ..."
  if (s.IsWord(s.first(), "if") || s.IsWord(s.first(), "unless")) return true;
  // "Since the start of the invasion, ...": a tally over time, not one attack.
  if (const CueHit* tally = s.Find(Cue::kCumulative, s.first(), std::min(s.end(), s.first() + 2));
      tally != nullptr && !CountsOneAttack(s, *tally)) {
    return true;
  }
  // "The watch said it had documented 63 attacks on civilians in Masisi since June": a tally
  // of attacks over time, not one of them.
  if (s.Has(Cue::kCumulative) && s.Has(Cue::kAttackNoun)) {
    for (uint32_t t = s.first(); t + 1 < s.end(); ++t) {
      int64_t value = 0;
      uint32_t after = t + 1;
      if (const CueHit* cardinal = s.At(t, Cue::kCardinal)) {
        value = s.Entry(*cardinal).number;
        after = cardinal->end_token;
      } else if (s.token(t).kind == text::TokenKind::kNumber && WholeNumber(s.folded(t), &value)) {
        after = t + 1;
      }
      if (value >= kTallyMinAttacks && s.At(after, Cue::kAttackNoun) != nullptr &&
          s.Find(Cue::kCumulative, after, s.end()) != nullptr) {
        return true;
      }
    }
  }
  if (!s.Has(Cue::kGeneric)) return false;
  // "Ankara did not immediately comment but has repeatedly said ...": a habit told in a
  // clause after "but" leaves the first clause about this attack.
  uint32_t but = s.end();
  for (uint32_t t = s.first() + 1; t < s.end() && but == s.end(); ++t) {
    if (s.IsWord(t, "but")) but = t;
  }
  for (const CueHit& hit : s.cues()) {
    if (hit.first_token < first || hit.first_token >= end || hit.first_token > but) continue;
    if (hit.cue == Cue::kGeneric && !InRelativeClause(s, hit.first_token)) return true;
  }
  return false;
}

std::vector<AttributionClaim> ReadAttributions(const SentenceContext& s, const SourceFrame& frame,
                                               const Coreference& coref) {
  std::vector<AttributionClaim> claims;
  const uint32_t first = frame.clause_first;
  const uint32_t end = frame.clause_end;
  if (IsGenericStatement(s, s.first(), s.end())) return claims;
  // Cues count within the frame: its reporting verb and the clause it governs.
  const uint32_t scope_first = frame.attributed ? std::min(first, frame.verb_first) : s.first();
  const uint32_t scope_end = frame.attributed ? std::max(end, frame.verb_end) : s.end();
  const bool hedged = s.Find(Cue::kHedge, scope_first, scope_end) != nullptr;
  const bool has_attack = s.Find(Cue::kAttackNoun, s.first(), s.end()) || s.Find(Cue::kWeapon, s.first(), s.end()) ||
                          s.Find(Cue::kAttackVerb, s.first(), s.end());
  // Built where it stays: a claim holds a dozen strings, and each move costs them all.
  auto make = [&](const std::string& stance, std::optional<Party> actor, const std::string& how,
                  std::string actor_words) {
    AttributionClaim& claim = claims.emplace_back();
    claim.source = frame.source;
    claim.actor = std::move(actor);
    claim.stance = stance;
    claim.hedged = hedged && stance == "asserts";
    claim.evidence = std::string(s.SentenceText());
    claim.span = s.Span();
    claim.sentence = s.index();
    claim.frame = frame.frame + "+" + how;
    claim.source_words = frame.source_first < frame.source_end ? std::string(s.Text(frame.source_first, frame.source_end))
                                                               : std::string();
    claim.actor_words = std::move(actor_words);
  };
  const Party* self = frame.attributed ? &frame.source : nullptr;

  // Who declines or does not know: the reporting frame's source, else the subject of the cue.
  auto speaker_of = [&](const CueHit& hit) -> std::optional<Party> {
    if (int actor_idx = PartyRightBefore(s, hit.first_token); actor_idx >= 0) return s.actor(actor_idx).party;
    if (self != nullptr) return *self;
    return SpeakerBefore(s, hit.first_token, coref);
  };
  // No comment: the speaker declines; the claim is about the speaker's own side.
  // "the ministry neither confirmed nor denied involvement": the cue opens before the verb.
  const uint32_t no_comment_first = frame.attributed ? std::min(scope_first, frame.source_first) : scope_first;
  const CueHit* no_comment = s.Covering(frame.verb_first, Cue::kNoComment);
  if (no_comment == nullptr) no_comment = s.Find(Cue::kNoComment, no_comment_first, scope_end);
  // "denied that American forces were involved but did not say whether Israel was": the
  // denial is the claim; the silence is about another party.
  if (no_comment != nullptr && frame.verb_stance == "denies" && no_comment->first_token > frame.verb_end) {
    for (uint32_t t = frame.verb_end; t < no_comment->first_token; ++t) {
      if (s.IsWord(t, "but")) {
        no_comment = nullptr;
        break;
      }
    }
  }
  // A party's silence about its own side's part, read from the cue that says it.
  auto no_comment_claim = [&](const Party& silent, const CueHit& cue, const char* how) {
    AttributionClaim claim;
    claim.source = silent;
    claim.actor = SideOf(silent);
    claim.stance = "no_comment";
    claim.evidence = std::string(s.SentenceText());
    claim.span = s.Span();
    claim.sentence = s.index();
    claim.frame = frame.frame + how;
    claim.actor_words = std::string(s.Text(cue.first_token, cue.end_token));
    return claim;
  };
  // "blamed fighters from X, which did not immediately comment": X's silence, told in passing;
  // the speaker's own words are still read.
  if (no_comment != nullptr && no_comment->first_token > s.first() + 2 &&
      (s.IsWord(no_comment->first_token - 1, "which") || s.IsWord(no_comment->first_token - 1, "who")) &&
      s.IsPunct(no_comment->first_token - 2, ",")) {
    if (int actor_idx = s.ActorAt(no_comment->first_token - 3);
        actor_idx >= 0 && s.actor(actor_idx).end_token == no_comment->first_token - 2 &&
        IsArmedSide(s.actor(actor_idx).party.type)) {
      claims.push_back(no_comment_claim(s.actor(actor_idx).party, *no_comment, "+relative-no-comment"));
      no_comment = nullptr;
    }
  }
  if (const CueHit* hit = no_comment) {
    std::optional<Party> speaker = speaker_of(*hit);
    if (!speaker) {
      // "Refusing to comment on the attack, an Israeli military spokesperson said ...": the
      // first party after the cue.
      for (int actor_idx : s.actors()) {
        if (s.actor(actor_idx).first_token >= hit->end_token && !s.actor(actor_idx).adjective) {
          speaker = s.actor(actor_idx).party;
          break;
        }
      }
    }
    // Declining to confirm is what a party that could have done it does.
    bool could_act = speaker && (IsArmedSide(speaker->type) || speaker->type == "official" || speaker->anonymous);
    // "has not commented on the ministry's claim of military casualties": silence about a
    // toll, not about who struck.
    bool about_toll = false;
    for (uint32_t t = hit->end_token; t < std::min(s.end(), hit->end_token + 12); ++t) {
      if (IsAttackHead(s, t) || s.At(t, Cue::kAttackVerb) || s.IsPunct(t, ",;:")) break;
      about_toll |= s.At(t, Cue::kKill) != nullptr || s.At(t, Cue::kInjure) != nullptr;
    }
    // Declining to comment answers a question about the attack even when the sentence does
    // not repeat it.
    if (speaker && could_act && !about_toll) {
      claims.push_back(no_comment_claim(*speaker, *hit, "+no-comment"));
      return claims;
    }
  }
  // Unknown perpetrator: "unidentified aircraft", "planes remain unidentified", "did not specify".
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kUnknownPerpetrator || hit.first_token < scope_first || hit.first_token >= scope_end) continue;
    // "did not name the victims", "did not name him" is about the dead, not the attacker.
    bool about_victims = s.IsWord(hit.end_token, "him") || s.IsWord(hit.end_token, "her");
    // "unidentified gunmen attacked": gunmen who attack are the attackers, not the dead.
    for (uint32_t t = hit.end_token; t < std::min(s.end(), hit.end_token + 3); ++t) {
      const bool attackers = s.Covering(t, Cue::kOrgHead) && s.Find(Cue::kAttackVerb, t, s.end());
      about_victims |= s.At(t, Cue::kVictim) != nullptr && !attackers;
    }
    if (about_victims) continue;
    // "was probably carried out by Israel, without offering evidence": the evidence is
    // missing, not the attacker.
    if (s.IsWord(hit.first_token, "without") && !FindPerpetrators(s, first, end).empty()) continue;
    bool single_word = hit.end_token - hit.first_token == 1;
    if (single_word) {
      // "unidentified"/"unknown" must qualify the attack or the attacker, not the victims.
      bool near_attack = false;
      for (uint32_t t = hit.end_token; t < std::min(end == 0 ? s.end() : s.end(), hit.end_token + 3); ++t) {
        if (IsAttackHead(s, t)) near_attack = true;
      }
      // "unidentified gunmen had attacked": the attackers themselves.
      if (hit.end_token < s.end() && s.Covering(hit.end_token, Cue::kOrgHead) && s.Find(Cue::kAttackVerb, hit.end_token, s.end())) {
        near_attack = true;
      }
      for (uint32_t t = hit.first_token; t > s.first() && hit.first_token - t < 4;) {
        --t;
        if (s.At(t, Cue::kWeapon)) near_attack = true;
      }
      if (!near_attack) continue;
    }
    make("unknown", std::nullopt, "unknown-perpetrator", std::string(s.Text(hit.first_token, hit.end_token)));
    // "it remained unclear whether ...": impersonal, the article's own voice.
    bool impersonal = s.folded(hit.first_token).find("unclear") != std::string_view::npos ||
                      s.IsWord(hit.first_token, "remained") || s.IsWord(hit.first_token, "not");
    if (self == nullptr && !impersonal) {
      if (std::optional<Party> speaker = SpeakerBefore(s, hit.first_token, coref)) claims.back().source = *speaker;
    }
    return claims;
  }

  // "denied reports that civilians were killed in a coalition airstrike": the denial is
  // about the dead, not the attacker — the victims come before any attack word.
  if (frame.verb_stance == "denies" && !s.Find(Cue::kDenyResponsibility, scope_first, scope_end)) {
    for (const CueHit& hit : s.cues()) {
      if (hit.first_token < first || hit.first_token >= end) continue;
      if (hit.cue == Cue::kAttackNoun || hit.cue == Cue::kAttackVerb || hit.cue == Cue::kWeapon) break;
      // "rejects accusations that its soldiers killed villagers": its own men killing.
      if (hit.cue == Cue::kSelfReference) break;
      if (hit.cue == Cue::kKill || hit.cue == Cue::kInjure) return claims;
    }
  }
  std::vector<Perpetrator> perpetrators = FindPerpetrators(s, first, end);
  AddForcePerpetrators(s, first, end, coref, &perpetrators);
  std::string stance_of_verb = frame.verb_stance;

  // Blame verbs: the object is the perpetrator ("SANA blamed the coalition", "pointed to the US").
  if (stance_of_verb == "blames") {
    const auto& in_sentence = s.actors();
    for (size_t position = 0; position < in_sentence.size(); ++position) {
      const ActorSpan& actor = s.actor(in_sentence[position]);
      if (actor.first_token < frame.verb_end || actor.first_token > frame.verb_end + 6) continue;
      if (ChargedWithSomethingElse(s, actor.end_token)) return claims;
      // "accused the group of smuggling arms from Syria": the charge before the party.
      for (uint32_t t = frame.verb_end; t < actor.first_token; ++t) {
        if (ChargedWithSomethingElse(s, t)) return claims;
      }
      // "The group held the RSF fully responsible": nobody blames itself, so a speaker read
      // as the blamed party is a misread antecedent ("The Iraqi army blamed the PMF", two
      // bodies of one state, is a claim).
      const bool misread_antecedent = actor.party.name == frame.source.name ||
                                      (actor.party.party == frame.source.party &&
                                       std::string_view(frame.frame).find("anaphor") != std::string_view::npos);
      if (frame.attributed && misread_antecedent) return claims;
      make("asserts", actor.party, "blame-object", std::string(s.Text(actor.first_token, actor.end_token)));
      // "blamed "the Russian occupation and the Assad regime"": each party of the object.
      uint32_t last_end = actor.end_token;
      for (size_t next_position = position + 1; next_position < in_sentence.size(); ++next_position) {
        const ActorSpan& next = s.actor(in_sentence[next_position]);
        if (next.first_token < last_end || next.first_token > last_end + 4) break;
        // Only a list joins them: "Israel, while the Lebanese army said" opens another clause.
        bool joined = false;
        bool list = true;
        for (uint32_t t = last_end; t < next.first_token; ++t) {
          joined |= s.IsWord(t, "and") || s.IsPunct(t, ",");
          list &= s.IsWord(t, "and") || s.IsPunct(t, ",\"") || s.IsWord(t, "the") || s.Covering(t, Cue::kOrgHead) ||
                  (s.token(t).kind == text::TokenKind::kWord && !s.At(t, Cue::kReport) && t == last_end);
        }
        if (!joined || !list || next.party.name == actor.party.name) break;
        make("asserts", next.party, "blame-object", std::string(s.Text(next.first_token, next.end_token)));
        last_end = next.end_token;
      }
      return claims;
    }
    // "accused the army of shelling": a party the document has named, described again.
    // Pronouns are left alone: "blamed it on the rebels" blames the attack, not "it".
    for (uint32_t t = frame.verb_end; t < std::min(s.end(), frame.verb_end + 2); ++t) {
      const CueHit* anaphor = s.At(t, Cue::kAnaphor);
      if (!anaphor) continue;
      std::vector<std::string> types = AnaphorTypes(s.Entry(*anaphor).value);
      bool described = std::none_of(types.begin(), types.end(), [](const std::string& type) {
        return type == "person" || type == "organisation" || type == "any";
      });
      if (!described) break;
      if (ChargedWithSomethingElse(s, anaphor->end_token)) return claims;
      if (std::optional<Party> party = coref.Resolve(types); party && party->name != frame.source.name) {
        make("asserts", *party, "blame-object/coreference",
             std::string(s.Text(anaphor->first_token, anaphor->end_token)));
        return claims;
      }
      break;
    }
    // "blamed the bombing coalition": a coalition the document has named.
    for (uint32_t t = frame.verb_end; t < std::min(s.end(), frame.verb_end + 4); ++t) {
      if (!(s.IsWord(t, "coalition") || s.IsWord(t, "alliance"))) continue;
      if (std::optional<Party> coalition = coref.Resolve({"coalition"})) {
        make("asserts", *coalition, "blame-object/coreference", std::string(s.Text(t, t + 1)));
        return claims;
      }
    }
    stance_of_verb = "asserts";
  }

  // Responsibility phrases: "claimed responsibility", "denied any role", "not responsible".
  // "The BLA claimed responsibility.": the phrase may be the reporting verb itself.
  const CueHit* claim_resp = s.Find(Cue::kClaimResponsibility, scope_first, scope_end);
  // "The BLA, which claimed the bombing on Monday, said ...": a claim told in passing about
  // the speaker, between its name and its verb.
  if (claim_resp == nullptr && frame.attributed && frame.source_end + 2 < frame.verb_first &&
      s.IsPunct(frame.source_end, ",") && (s.IsWord(frame.source_end + 1, "which") || s.IsWord(frame.source_end + 1, "who"))) {
    const CueHit* relative = s.At(frame.source_end + 2, Cue::kClaimResponsibility);  // "which claimed", not "which did not say who"
    if (relative != nullptr && relative->end_token <= frame.verb_first) claim_resp = relative;
  }
  const CueHit* deny_resp = s.Find(Cue::kDenyResponsibility, scope_first, scope_end);
  if (deny_resp != nullptr && QuotedThirdPerson(s, deny_resp->first_token)) deny_resp = nullptr;
  // "... by the Palestinian Islamic Jihad militant group, which denied responsibility": the
  // party before the relative clause denies; the speaker still asserts.
  std::optional<Party> relative_denier;
  if (deny_resp != nullptr && deny_resp->first_token > s.first() + 2 &&
      (s.IsWord(deny_resp->first_token - 1, "which") || s.IsWord(deny_resp->first_token - 1, "who")) &&
      s.IsPunct(deny_resp->first_token - 2, ",")) {
    for (uint32_t back = deny_resp->first_token - 2; back > s.first() && deny_resp->first_token - back < kRelativeDenierReach;) {
      --back;
      if (int actor_idx = s.ActorAt(back); actor_idx >= 0 && !s.actor(actor_idx).adjective) {
        relative_denier = SideOf(s.actor(actor_idx).party);
        break;
      }
    }
    if (relative_denier) deny_resp = nullptr;
  }
  const bool negated_clause = s.Find(Cue::kNegation, first, end) != nullptr;
  if (relative_denier) {
    make("denies", relative_denier, "relative-denial", std::string());
    claims.back().source = *relative_denier;
    claims.back().source_words.clear();  // the denier is named before the clause, not as the speaker
  }

  if (frame.frame == "claimed-by" && self != nullptr && frame.verb_first > s.first() &&
      s.token(frame.verb_first - 1).kind != text::TokenKind::kNumber && has_attack) {
    make("asserts", SideOf(*self), "claimed-by", std::string(s.Text(frame.verb_first, frame.verb_end)));
    return claims;
  }
  if (claim_resp != nullptr && self != nullptr && perpetrators.empty()) {
    bool negated = NegatedBefore(s, s.first(), claim_resp->first_token, 3);
    // "does not claim responsibility" is silence, not a denial: no claim.
    if (!negated) make("asserts", SideOf(*self), "claimed-responsibility", std::string(s.Text(claim_resp->first_token, claim_resp->end_token)));
    return claims;
  }

  if (!perpetrators.empty()) {
    std::vector<std::string_view> named;
    for (const Perpetrator& p : perpetrators) {
      const Party& party = p.force ? *p.force : s.actor(p.actor).party;
      const auto [words_first, words_end] = WordsOf(s, p);
      if (InQuestion(s, first, words_first)) continue;
      // "the Burkinabe army ... the army's drones": one party, one claim.
      if (std::find(named.begin(), named.end(), party.name) != named.end()) continue;
      named.push_back(party.name);
      // The source's own name inside the clause is not a claim about another party.
      bool denial = stance_of_verb == "denies" || p.negated || (deny_resp != nullptr);
      if (frame.verb_stance == "denies" && p.negated) denial = true;
      make(denial ? "denies" : "asserts", party, p.how, std::string(s.Text(words_first, words_end)));
      if (!frame.attributed) {
        if (std::optional<Party> condemner = Condemner(s, first, words_first, coref)) {
          claims.back().source = *condemner;
          claims.back().frame += "/condemned";
        }
      }
    }
    return claims;
  }

  if (self == nullptr) return claims;
  // A denial with no other party named denies the source's own part: "United States
  // denies having participated", "the coalition ... is not responsible".
  // "rejects accusations that its soldiers killed villagers": the denier's own men as the
  // killers make it a denial of the act.
  const CueHit* killing = s.Find(Cue::kKill, first, end);
  const bool own_killers = killing != nullptr && s.Find(Cue::kSelfReference, first, killing->first_token) != nullptr;
  const bool casualty_denial = killing != nullptr && s.Find(Cue::kVictim, first, end) != nullptr &&
                               s.Find(Cue::kAttackVerb, first, end) == nullptr && deny_resp == nullptr && !own_killers;
  // "The RSF denied the accusation": what is denied is the attack laid at its door.
  bool denied_accusation = false;
  bool others_account = false;  // "rejected the military's account": another party's version
  for (uint32_t t = frame.verb_end; t < std::min(s.end(), frame.verb_end + 4); ++t) {
    std::string_view w = s.folded(t);
    bool accusation = w == "accusation" || w == "accusations" || w == "allegation" || w == "allegations" ||
                      w == "charge" || w == "charges" || w == "reports" || w == "report" || w == "claims" ||
                      w == "claim" || w == "account" || w == "accounts";
    denied_accusation |= accusation;
    if (accusation && t > frame.verb_end && s.IsWord(t - 1, "'s")) others_account = true;
  }
  // "denied that civilians had been targeted": the denial is about whom the attack hit, not
  // about who made it.
  uint32_t denied_subject = frame.verb_end;
  if (s.IsWord(denied_subject, "that")) ++denied_subject;
  if (s.IsWord(denied_subject, "any") || s.IsWord(denied_subject, "the")) ++denied_subject;
  const bool victim_denial = s.IsWord(frame.verb_end, "that") && s.At(denied_subject, Cue::kVictim) != nullptr;
  // "Local officials rejected that account": people of no armed side reject another's
  // version; they have no part of their own to deny.
  const int source_actor = frame.source_end > frame.source_first ? s.ActorAt(frame.source_first) : -1;
  const bool no_side = source_actor >= 0 && s.actor(source_actor).anonymous && !IsArmedSide(self->type);
  if ((stance_of_verb == "denies" && (has_attack || denied_accusation) && !casualty_denial && !victim_denial &&
       !no_side) ||
      deny_resp != nullptr) {
    const CueHit* cue = deny_resp != nullptr ? deny_resp : nullptr;
    make("denies", SideOf(*self),
         deny_resp != nullptr ? "deny-responsibility" : (others_account ? "deny-account" : "deny-verb"),
         cue ? std::string(s.Text(cue->first_token, cue->end_token)) : std::string());
    // "residents said ..., but the coalition denied any role": the denial is the coalition's.
    if (deny_resp != nullptr && deny_resp->first_token > first) {
      for (uint32_t t = deny_resp->first_token; t-- > first;) {
        int actor_idx = s.ActorAt(t);
        if (actor_idx < 0 || s.actor(actor_idx).adjective) continue;
        const ActorSpan& speaker = s.actor(actor_idx);
        const std::string& type = speaker.party.type;
        if (type == "media" || type == "news_agency" || type == "monitor") break;
        // "the coalition denied any role": a new speaker; "Malian troops were not present":
        // the source speaks of them.
        if (s.At(deny_resp->first_token, Cue::kReport)) {
          claims.back().source = speaker.party;
          claims.back().frame += "/own-subject";
        } else {
          claims.back().frame += "/subject";
        }
        claims.back().actor = SideOf(speaker.party);
        claims.back().actor_words = std::string(s.Text(speaker.first_token, speaker.end_token));
        break;
      }
    }
    return claims;
  }
  // "no airstrikes were carried out", said by a party: it denies its own part.
  if (stance_of_verb == "asserts" && negated_clause && has_attack && !s.Find(Cue::kHabitual, first, end)) {
    const CueHit* negation = s.Find(Cue::kNegation, first, end);
    // The negation must reach the attack: "no strikes were carried out", "had not fired",
    // "did not carry out any raid" — not "the dead did not include the bomber".
    bool attack_after = false;
    bool reaches = true;
    for (uint32_t t = negation->end_token; t < std::min(end, negation->end_token + 5) && !attack_after; ++t) {
      if (s.At(t, Cue::kAttackVerb) || (reaches && IsAttackHead(s, t))) attack_after = true;
      if (!s.Is(t, Cue::kNegationFiller)) reaches = false;
    }
    if (attack_after && frame.source.type != "monitor" && frame.source.type != "news_agency" &&
        frame.source.type != "media") {
      make("denies", SideOf(*self), "negated-attack", std::string(s.Text(negation->first_token, negation->end_token)));
      return claims;
    }
  }
  // Self-claims: a party with forces announces or confirms the attack as its own.
  const std::string& type = frame.source.type;
  if (stance_of_verb == "asserts" && IsArmedSide(type) && frame.verb_end > frame.verb_first) {
    std::string_view verb = s.folded(frame.verb_first);
    bool claiming_verb = verb == "claims" || verb == "claimed" || verb == "claim" || verb == "announced" ||
                         verb == "announces" || verb == "announce" || verb == "confirmed" || verb == "confirms" ||
                         verb == "confirm" || verb == "acknowledged" || verb == "acknowledges" || verb == "admitted" ||
                         verb == "admits" || verb == "admit" || verb == "said" || verb == "says" || verb == "told";
    // "said it struck", "confirmed there were airstrikes", "Claims Airstrikes".
    bool self_pronoun = false;
    bool attack_object = false;
    for (uint32_t t = frame.verb_end; t < std::min(s.end(), frame.verb_end + 5); ++t) {
      // "said it struck", "says it killed 17 soldiers", "said its drones hit".
      // "said its aircraft had "neutralised" ...": a quotation mark may open before the verb.
      uint32_t quote = 0;
      for (uint32_t q = t + 1; q < std::min(s.end(), t + 4); ++q) quote += s.IsPunct(q, "\"") ? 1 : 0;
      if (s.At(t, Cue::kSelfReference) && t + 1 < s.end() &&
          // "its air force had destroyed": a force of two words and an auxiliary before the verb.
          (s.Find(Cue::kAttackVerb, t + 1, std::min(s.end(), t + 6 + quote)) != nullptr ||
           // "said its fighters had killed nine soldiers": the force's noun and an auxiliary
           // ("four of its fighters were killed" is its loss).
           ActiveKillAfter(s, t + 1, std::min(s.end(), t + 4 + quote)))) {
        self_pronoun = true;
      }
      if (IsAttackHead(s, t) && verb != "said" && verb != "says") attack_object = true;
    }
    // "U.S. Africa Command said the strike killed three al Shabaab fighters", "told ... that
    // the strike had targeted Hamas militants": a force telling what its strike did to
    // fighters speaks of its own strike.
    bool own_results = false;
    if (type == "military" || type == "coalition") {
      for (uint32_t t = frame.verb_end; t + 2 < std::min(s.end(), frame.verb_end + 8); ++t) {
        const uint32_t reach = std::min(s.end(), t + 7);  // "the strike in Nuseirat had targeted"
        if (s.IsWord(t, "the") && s.At(t + 1, Cue::kAttackNoun) &&
            (s.Find(Cue::kKill, t + 2, reach) || s.Find(Cue::kAttackVerb, t + 2, reach))) {
          for (const CueHit& hit : s.cues()) {
            own_results |= hit.cue == Cue::kVictim && hit.first_token > t && s.Entry(hit).value == "combatants";
          }
          for (int actor_idx : s.actors()) {
            const ActorSpan& armed = s.actor(actor_idx);
            own_results |= armed.first_token > t + 2 && (armed.party.type == "armed_group" || armed.party.type == "militia");
          }
          // "said the strike hit a weapons facility near Al Mayadin".
          own_results |= s.Find(Cue::kMilitaryTarget, t + 2, std::min(s.end(), t + 10)) != nullptr;
        }
      }
    }
    // "A vehicle used by PKK members was destroyed by an armed drone, the ministry announced":
    // a side telling in its own words that a weapon it does not name hit an armed group.
    if (frame.clause_end <= frame.verb_first && type != "armed_group" && type != "militia") {
      bool weapon_agent = false;
      for (const CueHit& hit : s.cues()) {
        if (hit.cue != Cue::kPassiveBy || hit.first_token < frame.clause_first || hit.end_token >= frame.clause_end) continue;
        uint32_t t = hit.end_token;
        while (t < frame.clause_end && (s.IsWord(t, "a") || s.IsWord(t, "an") || IsModifierWord(s, t)) &&
               !IsAttackHead(s, t)) {
          ++t;
        }
        weapon_agent |= t < frame.clause_end && s.At(t, Cue::kWeapon) != nullptr && s.ActorAt(t) < 0;
      }
      bool armed_target = false;
      for (int actor_idx : s.actors()) {
        const ActorSpan& armed = s.actor(actor_idx);
        armed_target |= armed.first_token >= frame.clause_first && armed.end_token <= frame.clause_end &&
                        (armed.party.type == "armed_group" || armed.party.type == "militia");
      }
      own_results |= weapon_agent && armed_target;
    }
    // "said it had struck a cell, without giving details": only a negation before the act
    // ("said it had not struck") takes the claim back.
    bool negated_act = false;
    for (uint32_t t = frame.verb_end; t < std::min(s.end(), frame.verb_end + 10); ++t) {
      if (s.At(t, Cue::kAttackVerb) || s.At(t, Cue::kKill) || (IsAttackHead(s, t) && !own_results)) break;
      negated_act |= s.At(t, Cue::kNegation) != nullptr && !s.IsWord(t, "without");
    }
    if (claiming_verb && (self_pronoun || attack_object || own_results) &&
        (self_pronoun || own_results ? !negated_act : !negated_clause)) {
      make("asserts", SideOf(*self), self_pronoun ? "self-pronoun" : "self-announced", std::string(verb));
    }
  }
  return claims;
}

// "..., the Somali government said, while AFRICOM declined to comment": a no-comment
// outside every reporting frame, said of the party named right before it.
std::vector<AttributionClaim> ReadStrayNoComments(const SentenceContext& s, const std::vector<SourceFrame>& frames) {
  std::vector<AttributionClaim> claims;
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kNoComment) continue;
    bool framed = false;
    for (const SourceFrame& frame : frames) {
      const uint32_t first = frame.attributed ? std::min({frame.clause_first, frame.verb_first, frame.source_first})
                                              : s.first();
      const uint32_t end = frame.attributed ? std::max(frame.clause_end, frame.verb_end) : s.end();
      framed |= hit.first_token >= first && hit.first_token < end;
    }
    if (framed) continue;
    const int actor_idx = PartyRightBefore(s, hit.first_token);
    if (actor_idx < 0 || !IsArmedSide(s.actor(actor_idx).party.type)) continue;
    const Party& speaker = s.actor(actor_idx).party;
    AttributionClaim claim;
    claim.source = speaker;
    claim.actor = speaker;
    claim.stance = "no_comment";
    claim.evidence = std::string(s.SentenceText());
    claim.span = s.Span();
    claim.sentence = s.index();
    claim.frame = "stray-no-comment";
    claim.source_words = std::string(s.Text(s.actor(actor_idx).first_token, s.actor(actor_idx).end_token));
    claim.actor_words = std::string(s.Text(hit.first_token, hit.end_token));
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace crosscheck::claims
