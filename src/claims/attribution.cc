#include "claims/attribution.h"

#include <algorithm>
#include <string_view>

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
                                               "which", "who", "was", "were", "is", "are", "the", "a", "an", "to"};
  for (std::string_view stop : kStop) {
    if (w == stop) return false;
  }
  return true;
}

// Words that mark the actor after them as a target, not a perpetrator.
bool IsTargetMarker(std::string_view w) {
  static constexpr std::string_view kMarkers[] = {"against", "on", "targeting", "targeted", "target", "hit", "struck",
                                                  "killing", "killed", "at", "toward", "towards", "into", "over",
                                                  "belonging", "near", "with", "to", "for", "of", "between", "among",
                                                  "including", "loyal", "allied", "backed"};
  for (std::string_view m : kMarkers) {
    if (w == m) return true;
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
};

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
    if (existing.actor == p.actor && existing.self == p.self) return;
  }
  out->push_back(p);
}

std::vector<Perpetrator> FindPerpetrators(const SentenceContext& s, uint32_t first, uint32_t end) {
  std::vector<Perpetrator> found;
  for (int actor_idx : s.actors()) {
    const ActorSpan& actor = s.actor(actor_idx);
    if (actor.first_token < first || actor.end_token > end) continue;
    // Reporters, monitors and agencies report attacks; they do not carry them out.
    const std::string& type = actor.party.type;
    if (type == "media" || type == "news_agency" || type == "monitor" || actor.anonymous) continue;
    uint32_t before = actor.first_token > first ? actor.first_token - 1 : actor.first_token;
    bool target = actor.first_token > first && IsTargetMarker(s.folded(before));
    // "destroyed 14 PKK targets", "hit Hezbollah positions": the object of an attack verb.
    for (uint32_t back = actor.first_token; back > first && actor.first_token - back < 3;) {
      --back;
      if (s.At(back, Cue::kAttackVerb) && !s.Covering(back, Cue::kPassiveBy)) target = true;
      // "killed 20 Hezbollah fighters", "killing Houthi fighters": the dead, not the killers.
      bool adjacent = back + 1 == actor.first_token;
      if ((adjacent && (s.At(back, Cue::kKill) || s.At(back, Cue::kInjure))) ||
          s.token(back).kind == text::TokenKind::kNumber) {
        target = true;
      }
      if (s.IsWord(back, "in") || s.IsWord(back, "by") || s.IsWord(back, "from")) break;
      if (s.ActorAt(back) >= 0 || s.IsPunct(back, ",;:")) break;
    }
    // Adjectival or nominal: "an American strike", "Israeli drones", "US-led coalition airstrikes".
    // A country's plain name before an attack word is where, not who: "Yemen strike".
    bool hyphenated = actor.end_token < end && s.IsPunct(actor.end_token, "-");  // "US-British"
    // "in Ukraine", "across Syria": a country named as the place is never the attacker.
    // A party that is also the place named after "in" ("in Galmudug raid") is a place too.
    if (!actor.adjective && actor.first_token > first && s.IsWord(actor.first_token - 1, "in") &&
        s.PlaceAt(actor.first_token) >= 0) {
      continue;
    }
    if (actor.party.type == "state" && !actor.adjective && actor.first_token > first &&
        (s.IsWord(actor.first_token - 1, "in") || s.IsWord(actor.first_token - 1, "across") ||
         s.IsWord(actor.first_token - 1, "inside") || s.IsWord(actor.first_token - 1, "throughout"))) {
      continue;
    }
    bool locative = actor.party.type == "state" && !actor.adjective && !hyphenated &&
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
        if (!IsModifierWord(s, t)) break;
        ++t;
        ++skipped;
      }
      // A weapon alone ("Syrian artillery deployed ...") is no attack: it needs an attack
      // word or a death in the clause.
      bool weapon_only = t < end && !s.At(t, Cue::kAttackNoun) &&
                         !(s.Find(Cue::kAttackVerb, first, end) || s.Find(Cue::kKill, first, end) ||
                           s.Find(Cue::kInjure, first, end));
      if (t < end && IsAttackHead(s, t) && !target && !weapon_only) {
        AddPerpetrator(&found, {actor_idx, false, NegatedAround(s, first, end, actor.first_token, t + 1), "nominal"});
        continue;
      }
    }
    // Subject of an attack verb: "the U.S. conducted an airstrike", "a US plane hit".
    {
      uint32_t t = actor.end_token;
      int skipped = 0;
      bool negated = false;
      while (t < end && skipped < 4) {
        if (s.At(t, Cue::kAttackVerb) || s.At(t, Cue::kClaimResponsibility)) break;
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
      // "Yemen strike": after a country's plain name a word that is also an attack noun is
      // the noun ("Russia struck" still reads as a verb).
      bool compound = locative && t == actor.end_token && s.At(t, Cue::kAttackNoun) != nullptr;
      // "Russian units carried out no strikes": the negation after the verb.
      if (t < end && s.At(t, Cue::kAttackVerb)) {
        uint32_t after = s.At(t, Cue::kAttackVerb)->end_token;
        if (after < end && s.IsPunct(after, "\"")) ++after;  // carried out "no strike"
        if (after < end && (s.IsWord(after, "no") || s.IsWord(after, "not") || s.IsWord(after, "never"))) negated = true;
      }
      if (t < end && s.At(t, Cue::kAttackVerb) && !target && !habitual && !intention && !passive_or_noun && !compound) {
        // "the Pentagon said it struck": that is the source's own act, handled as self.
        // "No member of the US-led coalition carried out attacks": the negation may stand a
        // few words before the party.
        AddPerpetrator(&found, {actor_idx, false, negated || NegatedBefore(s, first, actor.first_token, 5), "agent"});
        continue;
      }
    }
    // The owner of the weapon in a relative clause: "drones, which were "probably American,"
    // bombed ...".
    if (actor.adjective) {
      bool relative = false;
      bool weapon = false;
      for (uint32_t back = actor.first_token; back > first && actor.first_token - back < 7;) {
        --back;
        // "drones, which were probably American", "warplanes believed to be Russian".
        if (s.IsWord(back, "which") || s.IsWord(back, "that") || s.IsWord(back, "believed") ||
            s.IsWord(back, "thought") || s.IsWord(back, "said")) {
          relative = true;
        }
        if (relative && s.At(back, Cue::kWeapon)) {
          weapon = true;
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
      if (relative && weapon && attack_after) {
        AddPerpetrator(&found, {actor_idx, false, false, "weapon-owner"});
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
          // "the work of X" carries its own attack sense.
          if (s.folded(by->first_token) == "the" || s.folded(by->first_token) == "responsibility") attack_before = true;
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
      }
    }
  }
  return found;
}

// The party a source speaks for, as a perpetrator: "a US official" denying for the
// United States, a ministry for its state's side as written.
Party SideOf(const Party& source) {
  if (!source.anonymous) return source;
  Party side;
  side.name = source.party;
  side.party = source.party;
  side.type = "state";
  return side;
}

}  // namespace

bool IsGenericStatement(const SentenceContext& s, uint32_t first, uint32_t end) {
  // A condition is no report of what happened: "If the strike was carried out by Turkey, ..."
  if (s.IsWord(s.first(), "if") || s.IsWord(s.first(), "unless")) return true;
  // "Since the start of the invasion, ...": a tally over time, not one attack.
  if (s.Find(Cue::kCumulative, s.first(), std::min(s.end(), s.first() + 2)) != nullptr) return true;
  if (!s.Has(Cue::kGeneric)) return false;
  for (const CueHit& hit : s.cues()) {
    if (hit.first_token < first || hit.first_token >= end) continue;
    if (hit.cue == Cue::kGeneric) return true;
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
  auto make = [&](const std::string& stance, std::optional<Party> actor, const std::string& how,
                  const std::string& actor_words) {
    AttributionClaim claim;
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
    claim.actor_words = actor_words;
    claims.push_back(std::move(claim));
  };
  const Party* self = frame.attributed ? &frame.source : nullptr;

  // Who declines or does not know: the reporting frame's source, else the subject of the cue.
  auto speaker_of = [&](const CueHit& hit) -> std::optional<Party> {
    // "..., while AFRICOM declined to comment": the party right before the cue.
    if (hit.first_token > s.first()) {
      uint32_t t = hit.first_token - 1;
      while (t > s.first() && (s.IsWord(t, "has") || s.IsWord(t, "have") || s.IsWord(t, "had") || s.IsWord(t, "also"))) --t;
      if (int actor_idx = s.ActorAt(t); actor_idx >= 0 && !s.actor(actor_idx).adjective) return s.actor(actor_idx).party;
    }
    if (self != nullptr) return *self;
    return SpeakerBefore(s, hit.first_token, coref);
  };
  // No comment: the speaker declines; the claim is about the speaker's own side.
  if (const CueHit* hit = s.Find(Cue::kNoComment, scope_first, scope_end)) {
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
    bool could_act = speaker && (speaker->type == "state" || speaker->type == "government" || speaker->type == "military" ||
                                 speaker->type == "coalition" || speaker->type == "armed_group" ||
                                 speaker->type == "militia" || speaker->type == "official" || speaker->anonymous);
    // Declining to comment answers a question about the attack even when the sentence does
    // not repeat it.
    if (speaker && could_act) {
      SourceFrame speaking = frame;
      speaking.source = *speaker;
      AttributionClaim claim;
      claim.source = *speaker;
      claim.actor = SideOf(*speaker);
      claim.stance = "no_comment";
      claim.evidence = std::string(s.SentenceText());
      claim.span = s.Span();
      claim.sentence = s.index();
      claim.frame = frame.frame + "+no-comment";
      claim.actor_words = std::string(s.Text(hit->first_token, hit->end_token));
      claims.push_back(std::move(claim));
      return claims;
    }
  }
  // Unknown perpetrator: "unidentified aircraft", "planes remain unidentified", "did not specify".
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kUnknownPerpetrator || hit.first_token < scope_first || hit.first_token >= scope_end) continue;
    // "did not name the victims", "did not name him" is about the dead, not the attacker.
    bool about_victims = s.IsWord(hit.end_token, "him") || s.IsWord(hit.end_token, "her");
    for (uint32_t t = hit.end_token; t < std::min(s.end(), hit.end_token + 3); ++t) about_victims |= s.At(t, Cue::kVictim) != nullptr;
    if (about_victims) continue;
    bool single_word = hit.end_token - hit.first_token == 1;
    if (single_word) {
      // "unidentified"/"unknown" must qualify the attack or the attacker, not the victims.
      bool near_attack = false;
      for (uint32_t t = hit.end_token; t < std::min(end == 0 ? s.end() : s.end(), hit.end_token + 3); ++t) {
        if (IsAttackHead(s, t)) near_attack = true;
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
      if (hit.cue == Cue::kKill || hit.cue == Cue::kInjure) return claims;
    }
  }
  std::vector<Perpetrator> perpetrators = FindPerpetrators(s, first, end);
  std::string stance_of_verb = frame.verb_stance;

  // Blame verbs: the object is the perpetrator ("SANA blamed the coalition", "pointed to the US").
  if (stance_of_verb == "blames") {
    for (int actor_idx : s.actors()) {
      const ActorSpan& actor = s.actor(actor_idx);
      if (actor.first_token < frame.verb_end || actor.first_token > frame.verb_end + 6) continue;
      make("asserts", actor.party, "blame-object", std::string(s.Text(actor.first_token, actor.end_token)));
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
  const CueHit* claim_resp = s.Find(Cue::kClaimResponsibility, first, end);
  const CueHit* deny_resp = s.Find(Cue::kDenyResponsibility, scope_first, scope_end);
  const bool negated_clause = s.Find(Cue::kNegation, first, end) != nullptr;

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
    for (const Perpetrator& p : perpetrators) {
      const ActorSpan& actor = s.actor(p.actor);
      // The source's own name inside the clause is not a claim about another party.
      bool denial = stance_of_verb == "denies" || p.negated || (deny_resp != nullptr);
      if (frame.verb_stance == "denies" && p.negated) denial = true;
      make(denial ? "denies" : "asserts", actor.party, p.how, std::string(s.Text(actor.first_token, actor.end_token)));
    }
    return claims;
  }

  if (self == nullptr) return claims;
  // A denial with no other party named denies the source's own part: "United States
  // denies having participated", "the coalition ... is not responsible".
  const bool casualty_denial = s.Find(Cue::kKill, first, end) != nullptr && s.Find(Cue::kVictim, first, end) != nullptr &&
                               s.Find(Cue::kAttackVerb, first, end) == nullptr && deny_resp == nullptr;
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
  if ((stance_of_verb == "denies" && (has_attack || denied_accusation) && !casualty_denial && !victim_denial) ||
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
  bool armed = type == "state" || type == "government" || type == "military" || type == "coalition" ||
               type == "armed_group" || type == "militia";
  if (stance_of_verb == "asserts" && armed && frame.verb_end > frame.verb_first) {
    std::string_view verb = s.folded(frame.verb_first);
    bool claiming_verb = verb == "claims" || verb == "claimed" || verb == "claim" || verb == "announced" ||
                         verb == "announces" || verb == "announce" || verb == "confirmed" || verb == "confirms" ||
                         verb == "confirm" || verb == "acknowledged" || verb == "acknowledges" || verb == "admitted" ||
                         verb == "admits" || verb == "admit" || verb == "said" || verb == "says";
    // "said it struck", "confirmed there were airstrikes", "Claims Airstrikes".
    bool self_pronoun = false;
    bool attack_object = false;
    for (uint32_t t = frame.verb_end; t < std::min(s.end(), frame.verb_end + 5); ++t) {
      // "said it struck", "says it killed 17 soldiers", "said its drones hit".
      if (s.At(t, Cue::kSelfReference) && t + 1 < s.end() &&
          (s.Find(Cue::kAttackVerb, t + 1, std::min(s.end(), t + 4)) != nullptr ||
           s.Find(Cue::kKill, t + 1, std::min(s.end(), t + 3)) != nullptr)) {
        self_pronoun = true;
      }
      if (IsAttackHead(s, t) && verb != "said" && verb != "says") attack_object = true;
    }
    // "U.S. Africa Command said the strike killed three al Shabaab fighters": a force
    // telling what its strike did to fighters speaks of its own strike.
    bool own_results = false;
    if (type == "military" || type == "coalition") {
      for (uint32_t t = frame.verb_end; t + 2 < std::min(s.end(), frame.verb_end + 6); ++t) {
        if (s.IsWord(t, "the") && s.At(t + 1, Cue::kAttackNoun) && s.Find(Cue::kKill, t + 2, std::min(s.end(), t + 4))) {
          for (const CueHit& hit : s.cues()) {
            own_results |= hit.cue == Cue::kVictim && hit.first_token > t && s.Entry(hit).value == "combatants";
          }
        }
      }
    }
    if (claiming_verb && (self_pronoun || attack_object || own_results) && !negated_clause) {
      make("asserts", SideOf(*self), self_pronoun ? "self-pronoun" : "self-announced", std::string(verb));
    }
  }
  return claims;
}

}  // namespace crosscheck::claims
