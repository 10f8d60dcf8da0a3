#include "claims/sources.h"

#include <algorithm>
#include <string_view>

namespace crosscheck::claims {
namespace {

bool IsPreposition(std::string_view w) {
  return w == "in" || w == "of" || w == "from" || w == "at" || w == "near" || w == "on" || w == "across" ||
         w == "inside" || w == "against" || w == "to" || w == "for" || w == "with";
}

struct Subject {
  bool found = false;
  Party party;
  bool is_person = false;
  uint32_t first = 0;
  uint32_t end = 0;
  std::string how;
};

Subject FromActor(const SentenceContext& s, int actor_idx) {
  const ActorSpan& actor = s.actor(actor_idx);
  Subject subject;
  subject.found = true;
  subject.party = actor.party;
  subject.is_person = !actor.party.person.empty() || actor.anonymous;
  subject.first = actor.first_token;
  subject.end = actor.end_token;
  return subject;
}

// A noun phrase not in the dictionary, kept by its words: "unofficial sources",
// "Al Jumhouri hospital". Walks left from `last` over words up to a determiner or punctuation.
Subject FromWords(const SentenceContext& s, uint32_t last) {
  Subject subject;
  uint32_t first = last + 1;
  for (uint32_t t = last + 1; t-- > s.first();) {
    const text::Token& token = s.token(t);
    // "Tuareg-led CSP rebel alliance": a hyphen inside a compound keeps the phrase going.
    if (s.IsPunct(t, "-") && t > s.first() && t < last && s.token(t - 1).kind == text::TokenKind::kWord) continue;
    if (token.kind != text::TokenKind::kWord) break;
    std::string_view w = token.folded;
    if (w == "the" || w == "a" || w == "an" || w == "that" || w == "which" || w == "who") break;
    if (s.At(t, Cue::kReport) || s.At(t, Cue::kKill) || s.At(t, Cue::kAttackVerb) || s.ActorAt(t) >= 0) break;
    // "according to Nasser Hospital": the phrase that introduces the name is not part of it.
    if (s.Covering(t, Cue::kAccordingTo) != nullptr) break;
    first = t;
    if (last + 1 - first >= 5) break;
  }
  if (first > last) return subject;
  // Only a noun phrase a source can be: a role word at its head ("the regional governor",
  // "residents") or capitalised words ("Al Jumhouri hospital").
  bool head_role = s.Covering(last, Cue::kRole) != nullptr || s.Covering(last, Cue::kOrgHead) != nullptr;
  if (!head_role && !s.token(last).capitalized) return subject;
  // "There was no comment": a function word is nobody.
  if (!head_role && s.Is(last, Cue::kStopword)) return subject;
  subject.found = true;
  subject.party.name = std::string(s.Text(first, last + 1));
  subject.party.party = subject.party.name;
  // "the Egyptian Foreign Ministry", "an RSF adviser": a party named just before the words
  // gives the side; a role word makes the speaker its unnamed official.
  // "the Rapid Support Forces-run civil administration": past the hyphen, the party that runs it.
  const uint32_t owner_at = first > s.first() + 1 && s.IsPunct(first - 1, "-") && !s.token(first - 1).space_before
                                ? first - 2
                                : first - 1;
  if (first > s.first()) {
    if (int actor_idx = s.ActorAt(owner_at); actor_idx >= 0) {
      const ActorSpan& owner = s.actor(actor_idx);
      if ((owner.adjective && owner.party.type == "state") || head_role) {
        subject.party.name = std::string(s.Text(owner.first_token, last + 1));
        subject.party.party = owner.party.party;
        subject.party.type = head_role ? owner.party.type : "government";
        subject.party.anonymous = head_role;
        subject.first = owner.first_token;
        first = owner.first_token;
      }
    }
  }
  subject.first = first;
  subject.end = last + 1;
  subject.is_person = head_role || (last > first && s.token(first).capitalized);
  subject.how = "words";
  // "a Somali government official ... identified as Abdukadir Mohamed Nur announced":
  // the name belongs to the party named just before it.
  if (!head_role) {
    for (uint32_t t = first; t > s.first() && first - t < 15;) {
      --t;
      if (s.At(t, Cue::kReport) || s.IsPunct(t, ";:\"")) break;
      if (int actor_idx = s.ActorAt(t); actor_idx >= 0 && !s.actor(actor_idx).adjective) {
        Subject linked = FromActor(s, actor_idx);
        linked.party.person = subject.party.name;
        linked.is_person = true;
        linked.end = subject.end;
        linked.how = "named-person";
        return linked;
      }
    }
  }
  return subject;
}

// The subject of a verb at `verb`: walk left over modifiers and appositives to an
// actor mention, an anaphor, or a bare noun phrase.
// "Army spokesman Brigadier General Nabil Abdallah denied": a role whose first word ends a
// description of a force ("army spokesman") speaks for that force, the report's own army when
// none is named; the person keeps the name.
Subject ForceOfRole(const SentenceContext& s, uint32_t first, uint32_t end, const std::string& person,
                    const Coreference& coref) {
  const CueHit* force = s.Covering(first, Cue::kAnaphor);
  if (force == nullptr || force->first_token >= first) return {};
  std::optional<Party> party = coref.Resolve(AnaphorTypes(s.Entry(*force).value));
  if (!party && s.home_military()) party = s.home_military();
  if (!party) return {};
  Subject subject;
  subject.found = true;
  subject.party = *party;
  if (!person.empty()) subject.party.person = person;
  subject.is_person = true;
  subject.first = force->first_token;
  subject.end = end;
  subject.how = "role-of-force";
  return subject;
}

// How many words a phrase of place between a speaker and its verb may hold ("officials in
// the occupied part of the Kherson region denied").
constexpr uint32_t kPlacePhraseReach = 9;

// How many words may stand between a speaker's name and ", who blamed" ("rebel alliance").
constexpr uint32_t kRelativeSpeakerReach = 3;

// How many words a role phrase before its verb may hold, role included.
constexpr uint32_t kRolePhraseReach = 14;

Subject SubjectBefore(const SentenceContext& s, uint32_t verb, const Coreference& coref) {
  uint32_t t = verb;
  int steps = 0;
  while (t > s.first() && steps < 40) {
    --t;
    ++steps;
    if (int actor_idx = s.ActorAt(t); actor_idx >= 0) {
      const ActorSpan& span = s.actor(actor_idx);
      if (!span.resolved) {
        if (Subject force = ForceOfRole(s, span.first_token, span.end_token, span.party.person, coref); force.found) {
          return force;
        }
      }
      // "The Arab coalition fighting in Yemen has denied": a party inside a prepositional
      // phrase modifies the subject; the subject is the party before it.
      uint32_t before = s.actor(actor_idx).first_token;
      while (before > s.first() && s.IsWord(before - 1, "the")) --before;
      if (before > s.first() && IsPreposition(s.folded(before - 1))) {
        for (uint32_t back = before - 1; back > s.first() && before - back < 6;) {
          --back;
          if (s.token(back).kind == text::TokenKind::kPunct) break;
          if (int head = s.ActorAt(back); head >= 0 && !s.actor(head).adjective) return FromActor(s, head);
        }
      }
      return FromActor(s, actor_idx);
    }
    if (const CueHit* anaphor = s.Covering(t, Cue::kAnaphor)) {
      if (anaphor->end_token == t + 1) {
        std::optional<Party> party = coref.Resolve(AnaphorTypes(s.Entry(*anaphor).value));
        if (!party && (s.Covering(t, Cue::kOrgHead) || s.IsWord(t, "military") || s.IsWord(t, "army"))) {
          // "the army said" with no army named before: the army of the country the report is
          // about.
          if (s.home_military()) party = s.home_military();
        }
        if (!party && (s.Covering(t, Cue::kRole) || s.Covering(t, Cue::kOrgHead))) {
          // Else keep the words.
          Subject words = FromWords(s, t);
          if (words.found) return words;
        }
        if (party) {
          Subject subject;
          subject.found = true;
          subject.party = *party;
          subject.first = anaphor->first_token;
          subject.end = anaphor->end_token;
          subject.how = "anaphor";
          std::string_view w = s.folded(anaphor->first_token);
          subject.is_person = w == "he" || w == "she";
          return subject;
        }
        return {};
      }
      continue;
    }
    const text::Token& token = s.token(t);
    std::string_view w = token.folded;
    if (token.kind == text::TokenKind::kPunct) {
      if (w == "," ) {
        // An appositive or relative clause ", a group of ..., " / ", which ...": skip to the
        // comma before it when there is one close by.
        uint32_t back = t;
        int inner = 0;
        while (back > s.first() && inner < 20) {
          --back;
          ++inner;
          if (s.IsPunct(back, ",")) break;
        }
        if (s.IsPunct(back, ",") && back + 1 < t) {
          // "A local official in Djibo, Burkina Faso, said": a country after a town is where.
          bool only_place = true;
          for (uint32_t inside = back + 1; inside < t; ++inside) only_place &= s.PlaceAt(inside) >= 0;
          if (only_place && back > s.first() && s.PlaceAt(back - 1) >= 0) {
            t = back;
            continue;
          }
          // Prefer an actor right before the opening comma, past a short form in brackets
          // ("Hayat Tahrir al-Sham (HTS), the Islamist group ..."); else one inside the appositive.
          uint32_t named_end = back;
          if (named_end > s.first() + 2 && s.IsPunct(named_end - 1, ")")) {
            uint32_t open = named_end - 1;
            while (open > s.first() && !s.IsPunct(open, "(") && named_end - open < 6) --open;
            if (s.IsPunct(open, "(")) named_end = open;
          }
          if (int before = s.ActorAt(named_end - 1); before >= 0 && named_end > s.first()) return FromActor(s, before);
          for (uint32_t inside = back + 1; inside < t; ++inside) {
            if (int actor_idx = s.ActorAt(inside); actor_idx >= 0 && !s.actor(actor_idx).adjective &&
                s.Covering(inside - 1, Cue::kRole) == nullptr && !s.IsWord(inside - 1, "to")) {
              return FromActor(s, actor_idx);
            }
          }
          // "An RSF adviser, speaking to Meridian Wire by phone, said": past the
          // parenthesis, the words before it are the subject.
          if (back > s.first()) {
            t = back;
            continue;
          }
        }
        return {};
      }
      if (w == "\"" || w == "'") return {};
      if (w == "(" || w == ")") continue;
      return {};
    }
    // "the "Kata'ib Sayyid al-Shuhada" faction announced": the party before its head noun.
    if (s.Covering(t, Cue::kOrgHead)) {
      uint32_t back = t;
      while (back > s.first() && (s.Covering(back, Cue::kOrgHead) || s.IsPunct(back, "\"'"))) --back;
      if (int actor_idx = s.ActorAt(back); actor_idx >= 0) {
        // "an Iraqi faction says": a group of that country, not the country.
        if (s.actor(actor_idx).adjective) {
          Subject group;
          group.found = true;
          group.first = s.actor(actor_idx).first_token;
          group.end = t + 1;
          group.party.name = std::string(s.Text(group.first, group.end));
          group.party.party = group.party.name;
          group.how = "adjective-group";
          return group;
        }
        return FromActor(s, actor_idx);
      }
    }
    // "the Security Council's statement said", "Jordan's army said", "Mali's transitional
    // government stated": the possessor speaks, through the noun it owns.
    if (w == "'s" && t > s.first() && s.ActorAt(t - 1) >= 0) return FromActor(s, s.ActorAt(t - 1));
    // "the military's media wing said": a party described, not named, owns the speaker.
    auto described_owner = [&](uint32_t apostrophe) -> Subject {
      const CueHit* anaphor = s.Covering(apostrophe - 1, Cue::kAnaphor);
      if (anaphor == nullptr || anaphor->end_token != apostrophe) return {};
      std::optional<Party> party = coref.Resolve(AnaphorTypes(s.Entry(*anaphor).value));
      if (!party) return {};
      Subject owner;
      owner.found = true;
      owner.party = *party;
      owner.first = anaphor->first_token;
      owner.end = t + 1;
      owner.how = "possessor";
      return owner;
    };
    // "The ministry's emergency operations centre said": up to three words owned.
    for (uint32_t back = t + 1; back > s.first() + 1 && t + 1 - back < 4;) {
      --back;
      if (!s.IsWord(back, "'s")) continue;
      if (Subject owner = described_owner(back); owner.found) return owner;
    }
    for (uint32_t back = t; back > s.first() + 1 && t - back < 3;) {
      --back;
      if (s.token(back).kind != text::TokenKind::kWord) break;
      if (s.IsWord(back, "'s") && s.ActorAt(back - 1) >= 0) {
        // "Yemen's Houthis denied": the noun owned is itself a party, and it speaks.
        if (int owned = s.ActorAt(back + 1); owned >= 0 && owned != s.ActorAt(back - 1) && !s.actor(owned).adjective) {
          return FromActor(s, owned);
        }
        Subject owner = FromActor(s, s.ActorAt(back - 1));
        owner.end = t + 1;
        owner.how = "possessor";
        return owner;
      }
    }
    if (w == "which" || w == "who" || w == "that") continue;
    if (s.Is(t, Cue::kVerbModifier)) continue;
    // A relative clause between subject and verb ("the rights group which first reported
    // the casualties said"): continue left of its pronoun.
    bool skipped_relative = false;
    for (uint32_t back = t; back > s.first() && t - back < 10;) {
      --back;
      bool relative_that = s.IsWord(back, "that") && back > s.first() && s.ActorAt(back - 1) >= 0;
      if ((s.IsWord(back, "which") || s.IsWord(back, "who") || relative_that) && !s.IsPunct(back - 1, ",")) {
        t = back;
        skipped_relative = true;
        break;
      }
      if (s.token(back).kind == text::TokenKind::kPunct) break;
    }
    if (skipped_relative) continue;
    // "Fano commanders in West Gojjam said": a named place after a party or a role is where
    // it is, not who speaks ("the main hospital in Jawhar" stays one name).
    uint32_t name_first = t + 1;
    while (name_first > s.first() && s.token(name_first - 1).kind == text::TokenKind::kWord &&
           s.token(name_first - 1).capitalized) {
      --name_first;
    }
    if (name_first <= t && name_first > s.first() + 1 &&
        (s.IsWord(name_first - 1, "in") || s.IsWord(name_first - 1, "at") || s.IsWord(name_first - 1, "near") ||
         s.IsWord(name_first - 1, "inside")) &&
        (s.ActorAt(name_first - 2) >= 0 || s.Covering(name_first - 2, Cue::kRole) != nullptr)) {
      t = name_first - 1;
      continue;
    }
    // "Russian-installed officials in the occupied part of the Kherson region denied": a
    // longer phrase of place after the party, with no verb or punctuation in it.
    {
      uint32_t located = t + 1;
      for (uint32_t back = t; back > s.first() + 1 && t - back < kPlacePhraseReach;) {
        --back;
        const bool joining_hyphen = s.IsPunct(back, "-") && !s.token(back).space_before;  // "al-Awda hospital"
        if ((s.token(back).kind == text::TokenKind::kPunct && !joining_hyphen) || s.At(back, Cue::kReport) ||
            s.At(back, Cue::kAttackVerb)) {
          break;
        }
        const bool preposition = s.IsWord(back, "in") || s.IsWord(back, "at") || s.IsWord(back, "near") ||
                                 s.IsWord(back, "inside");
        if (preposition && (s.ActorAt(back - 1) >= 0 || s.Covering(back - 1, Cue::kRole) != nullptr)) {
          located = back;
          break;
        }
      }
      if (located <= t) {
        t = located;
        continue;
      }
    }
    // Anything else: maybe a noun phrase the dictionary lacks, else no subject.
    Subject words = FromWords(s, t);
    if (words.found) {
      if (Subject force = ForceOfRole(s, words.first, words.end, std::string(), coref); force.found) return force;
      return words;
    }
    // "A commander representing Syrian president Bashar al-Assad's state alliance said": a role
    // noun opens the subject; the party inside it is who speaks.
    // "the deputy governor-general of Kermanshah province for political and security affairs
    // announced": a compound role and what it is in charge of.
    for (uint32_t back = t; back > s.first() && t - back < kRolePhraseReach;) {
      --back;
      const bool joining_hyphen = s.IsPunct(back, "-") && !s.token(back).space_before;
      if (s.token(back).kind == text::TokenKind::kPunct && !s.IsWord(back, "'s") && !joining_hyphen) break;
      const CueHit* role = s.Covering(back, Cue::kRole);
      if (role == nullptr) continue;
      back = std::max(role->first_token, s.first());
      auto determiner = [&](uint32_t at) { return s.IsWord(at, "a") || s.IsWord(at, "an") || s.IsWord(at, "the"); };
      // "the acting governor of the Rostov Region": one lower-case word may qualify the role.
      if (back > s.first() + 1 && !determiner(back - 1) && s.token(back - 1).kind == text::TokenKind::kWord &&
          !s.token(back - 1).capitalized && determiner(back - 2)) {
        --back;
      }
      if (!(back > s.first() && determiner(back - 1))) break;
      for (uint32_t inside = back + 1; inside <= t; ++inside) {
        if (int actor_idx = s.ActorAt(inside); actor_idx >= 0) {
          Subject affiliated = FromActor(s, actor_idx);
          affiliated.first = back - 1;
          affiliated.how = "role-of";
          affiliated.is_person = true;
          return affiliated;
        }
      }
      // "the governor of the Dnipropetrovsk region said": the role and what it heads.
      Subject described;
      described.found = true;
      described.first = back;
      described.end = t + 1;
      described.party.name = std::string(s.Text(back, t + 1));
      described.party.party = described.party.name;
      described.is_person = true;
      described.how = "role-phrase";
      return described;
    }
    return {};
  }
  return {};
}

// A second reporting verb of the same speaker ("said ..., accusing", "said ... and
// added"): the speaker carries over, the clause runs from the verb to the sentence end.
SourceFrame ContinueSpeaker(const SourceFrame& previous, SourceFrame frame, uint32_t clause_first, uint32_t clause_end,
                            const char* name) {
  frame.source = previous.source;
  frame.attributed = true;
  frame.is_person = previous.is_person;
  frame.source_first = previous.source_first;
  frame.source_end = previous.source_end;
  frame.clause_first = clause_first;
  frame.clause_end = clause_end;
  frame.frame = name;
  return frame;
}

bool IsQuote(const SentenceContext& s, uint32_t t) { return s.IsPunct(t, "\""); }

// True when the reporting verb closes the sentence: `"...," X told Reuters.` / `..., X said.`
bool VerbClosesSentence(const SentenceContext& s, const Subject& subject, uint32_t verb_end) {
  if (subject.first <= s.first()) return false;
  uint32_t before = subject.first - 1;
  // Skip a determiner and coordinated speakers: ", a US official told AFP", ", residents
  // and medical sources said".
  // A hyphen inside a modifier does not break it: ", Houthi-run Al-Masirah TV said".
  int skipped = 0;
  while (before > s.first() && skipped < 8 &&
         (s.token(before).kind == text::TokenKind::kWord ||
          (s.IsPunct(before, "-") && !s.token(before).space_before && !s.token(before + 1).capitalized))) {
    --before;
    ++skipped;
  }
  bool after_break = s.IsPunct(before, ",\"") || IsQuote(s, before);
  if (!after_break) return false;
  int words_after = 0;
  for (uint32_t t = verb_end; t < s.end(); ++t) {
    // "..., the director said, adding that ...": a participle after a comma follows the
    // main clause, it does not open the reported one.
    if (s.IsPunct(t, ",")) break;
    if (s.token(t).kind == text::TokenKind::kWord) ++words_after;
    if (s.IsWord(t, "that")) return false;  // "X said that ..." opens a clause
    // "In a statement, the army said 14 people had been killed": deaths or an attack after
    // the verb are what it says; the words before the comma only set the scene.
    if (s.At(t, Cue::kKill) || s.At(t, Cue::kInjure) || s.At(t, Cue::kAttackVerb)) return false;
  }
  return words_after <= 8;
}

}  // namespace

std::optional<Party> SpeakerBefore(const SentenceContext& s, uint32_t token, const Coreference& coref) {
  Subject subject = SubjectBefore(s, token, coref);
  if (!subject.found) return std::nullopt;
  return subject.party;
}

// How far after a verb of calling its dismissal may stand: "described the accusations as".
constexpr uint32_t kDismissalReach = 12;

// Whether a reporting verb's subject is no one: "no group has claimed", "nobody said".
bool SaidByNoOne(const SentenceContext& s, uint32_t verb) {
  uint32_t t = verb;
  while (t > s.first() && verb - t < 3 && s.Is(t - 1, Cue::kVerbModifier)) --t;
  if (t == s.first()) return false;
  if (s.IsWord(t - 1, "nobody") || s.IsWord(t - 1, "none")) return true;
  return t > s.first() + 1 && s.IsWord(t - 2, "no") &&
         (s.IsWord(t - 1, "group") || s.IsWord(t - 1, "one") || s.IsWord(t - 1, "organisation") ||
          s.IsWord(t - 1, "organization") || s.IsWord(t - 1, "faction"));
}

std::vector<SourceFrame> FindSources(const SentenceContext& s, const Coreference& coref) {
  std::vector<SourceFrame> frames;
  // 1. A reporting verb with its subject.
  for (const CueHit& hit : s.cues()) {
    // "called the reports baseless", "described the accusations as fabricated": a verb of
    // calling that dismisses an account is a denial.
    const bool dismisses = hit.cue == Cue::kReaction &&
                           s.Find(Cue::kDismissal, hit.end_token, std::min(s.end(), hit.end_token + kDismissalReach));
    if (hit.cue != Cue::kReport && !dismisses) continue;
    // "reports claiming that", "the alleged attack": participles used as adjectives.
    if (hit.first_token > s.first() && (s.IsWord(hit.first_token - 1, "reports") || s.IsWord(hit.first_token - 1, "the") ||
                                        s.IsWord(hit.first_token - 1, "an") || s.IsWord(hit.first_token - 1, "a"))) {
      continue;
    }
    // "which no group has claimed", "nobody immediately claimed": a report by no one.
    if (SaidByNoOne(s, hit.first_token)) continue;
    // "strikes blamed on the RSF", "was blamed on the RSF": who blamed is not said; the
    // party after "on" is the perpetrator the sentence's own speaker names.
    if (s.IsWord(hit.end_token, "on") && s.folded(hit.first_token) == "blamed") continue;
    std::string_view verb = s.folded(hit.first_token);
    if (verb == "held" || verb == "holds") {
      bool responsible = false;
      for (uint32_t t = hit.end_token; t < std::min(s.end(), hit.end_token + 8); ++t) responsible |= s.IsWord(t, "responsible");
      if (!responsible) continue;
    }
    // "The attack was claimed by X": X speaks, about itself.
    if (verb == "claimed" && s.IsWord(hit.end_token, "by")) {
      uint32_t t = hit.end_token + 1;
      while (t < s.end() && (s.IsWord(t, "the") || s.IsWord(t, "a"))) ++t;
      if (int actor_idx = s.ActorAt(t); actor_idx >= 0) {
        Subject subject = FromActor(s, actor_idx);
        SourceFrame frame;
        frame.source = subject.party;
        frame.attributed = true;
        frame.verb_stance = "asserts";
        frame.verb_first = hit.first_token;
        frame.verb_end = hit.end_token;
        frame.clause_first = s.first();
        frame.clause_end = s.end();
        frame.source_first = subject.first;
        frame.source_end = subject.end;
        frame.frame = "claimed-by";
        frames.push_back(std::move(frame));
        break;
      }
    }
    Subject subject = SubjectBefore(s, hit.first_token, coref);
    // "the Kachin Independence Organisation (KIO) said": the name and its short form in
    // brackets are one subject.
    if (subject.found && subject.first > s.first() + 1 && s.IsPunct(subject.first - 1, "(")) {
      if (int named = s.ActorAt(subject.first - 2); named >= 0) subject.first = s.actor(named).first_token;
    }
    SourceFrame frame;
    frame.verb_stance = dismisses ? "denies" : s.Entry(hit).value;
    frame.verb_first = hit.first_token;
    frame.verb_end = hit.end_token;
    // "Moscow has denied targeting the town and says the market was hit by ...": a second
    // verb joined by "and" shares the subject and opens its own clause.
    uint32_t joined_at = hit.first_token;
    while (joined_at > s.first() && (s.IsWord(joined_at - 1, "also") || s.IsWord(joined_at - 1, "later"))) --joined_at;
    // Joined by "and", or by a comma when the verb has no subject of its own ("Moscow denies
    // hitting the market, blames Ukrainian missile").
    bool joined = joined_at > s.first() &&
                  (s.IsWord(joined_at - 1, "and") || (s.IsPunct(joined_at - 1, ",") && !subject.found));
    // "..., the Sudanese army said, accusing the RSF of ...": a participle after a comma
    // continues the speaker, whichever side of it the report stood.
    std::string_view verb_word = s.folded(hit.first_token);
    bool participle = verb_word.size() > 3 && verb_word.substr(verb_word.size() - 3) == "ing" &&
                      joined_at > s.first() && s.IsPunct(joined_at - 1, ",");
    if (!frames.empty() && participle && frames.back().verb_end <= joined_at) {
      SourceFrame& previous = frames.back();
      if (previous.clause_first == previous.verb_end) previous.clause_end = std::min(previous.clause_end, joined_at - 1);
      frames.push_back(ContinueSpeaker(previous, std::move(frame), hit.end_token, s.end(), "report-verb/participle"));
      continue;
    }
    // "said Jean-Claude Bahati, a spokesman for the M23, who blamed the army": a relative
    // clause on the speaker just named continues the speaker.
    const bool relative_of_speaker = !frames.empty() && joined_at > s.first() + 1 && s.IsWord(joined_at - 1, "who") &&
                                     s.IsPunct(joined_at - 2, ",") && frames.back().verb_end <= joined_at &&
                                     frames.back().source_end <= joined_at - 2 &&
                                     frames.back().source_end + kRelativeSpeakerReach >= joined_at - 2;
    if (relative_of_speaker) {
      frames.push_back(ContinueSpeaker(frames.back(), std::move(frame), hit.end_token, s.end(), "report-verb/relative"));
      continue;
    }
    if (!frames.empty() && joined && frames.back().clause_first == frames.back().verb_end &&
        frames.back().verb_end < joined_at) {
      SourceFrame& previous = frames.back();
      previous.clause_end = joined_at - 1;
      frames.push_back(ContinueSpeaker(previous, std::move(frame), hit.end_token, s.end(), "report-verb/shared-subject"));
      continue;
    }
    // "The Houthis condemned the strike and blamed the coalition": the subject of a verb of
    // reaction before "and" is this verb's too.
    if (!subject.found && joined && s.IsWord(joined_at - 1, "and") && frame.verb_stance == "blames") {
      for (const CueHit& reaction : s.cues()) {
        if (reaction.cue != Cue::kReaction || reaction.first_token >= joined_at) continue;
        Subject shared = SubjectBefore(s, reaction.first_token, coref);
        if (shared.found) subject = shared;
        break;
      }
    }
    if (!subject.found) {
      // Inverted: `..., said the United Nations.`
      if (int after = s.ActorAt(hit.end_token); after >= 0 && hit.first_token > s.first() &&
                                                 (s.IsPunct(hit.first_token - 1, ",\"") )) {
        subject = FromActor(s, after);
        subject.how = "inverted";
        frame.clause_first = s.first();
        frame.clause_end = hit.first_token;
      } else {
        continue;
      }
    } else if (VerbClosesSentence(s, subject, hit.end_token)) {
      frame.clause_first = s.first();
      frame.clause_end = subject.first;
      subject.how = subject.how.empty() ? "quote-final" : subject.how;
    } else {
      frame.clause_first = hit.end_token;
      frame.clause_end = s.end();
    }
    frame.source = subject.party;
    frame.attributed = true;
    frame.is_person = subject.is_person;
    frame.source_first = subject.first;
    frame.source_end = subject.end;
    frame.frame = "report-verb" + (subject.how.empty() ? std::string() : "/" + subject.how);
    if (!frames.empty()) {
      // A second reporting verb opens its own clause only after a coordination: "residents
      // said ..., but a Saudi-led coalition ... strongly denied any role".
      SourceFrame& previous = frames.back();
      bool coordinated = false;
      for (uint32_t t = previous.verb_end; t < subject.first; ++t) {
        // "..., residents said, as the air force said its jets had hit bandits".
        bool as_clause = s.IsWord(t, "as") && t > s.first() && s.IsPunct(t - 1, ",");
        if (s.IsPunct(t, ";") || ((s.IsWord(t, "but") || s.IsWord(t, "while") || s.IsWord(t, "whereas") ||
                                   s.IsWord(t, "although") || as_clause) && t + 1 <= subject.first)) {
          coordinated = true;
        }
        // ", a claim the coalition rejected", ", a figure the army called exaggerated".
        if (s.IsPunct(t, ",") && (s.IsWord(t + 1, "a") || s.IsWord(t + 1, "an") || s.IsWord(t + 1, "which")) &&
            (s.Covering(t + 2, Cue::kReportNoun) || s.IsWord(t + 2, "figure") || s.IsWord(t + 2, "charge") ||
             s.IsWord(t + 1, "which"))) {
          coordinated = true;
        }
      }
      if (!coordinated || subject.first <= previous.verb_end || previous.clause_first >= subject.first) continue;
      previous.clause_end = std::min(previous.clause_end, subject.first);
    }
    frames.push_back(std::move(frame));
  }
  // A headline credited at its end: "At least 44 die as air strike hits ...: U.N."
  if (frames.empty() && s.end() - s.first() >= 3) {
    uint32_t colon = s.end();
    for (uint32_t t = s.end(); t-- > s.first();) {
      if (s.IsPunct(t, ":")) {
        colon = t;
        break;
      }
    }
    if (colon < s.end() && colon + 1 < s.end()) {
      Subject subject;
      if (int actor_idx = s.ActorAt(colon + 1); actor_idx >= 0 && s.actor(actor_idx).end_token >= s.end() - 1) {
        subject = FromActor(s, actor_idx);
      } else if (s.end() - colon <= 4) {
        // "...: civil defence", "...: medics": a role or an organisation in a few words.
        uint32_t last = s.end() - 1;
        while (last > colon && s.token(last).kind == text::TokenKind::kPunct) --last;
        subject = FromWords(s, last);
        if (subject.first <= colon) subject.found = false;
      }
      if (subject.found) {
        SourceFrame frame;
        frame.source = subject.party;
        frame.attributed = true;
        frame.verb_stance = "asserts";
        frame.verb_first = frame.verb_end = colon;
        frame.clause_first = s.first();
        frame.clause_end = colon;
        frame.source_first = subject.first;
        frame.source_end = subject.end;
        frame.frame = "headline-credit";
        frames.push_back(std::move(frame));
      }
    }
  }
  // 2. "according to X" when no verb gave a source.
  if (frames.empty()) {
    for (const CueHit& hit : s.cues()) {
      if (hit.cue != Cue::kAccordingTo) continue;
      SourceFrame frame;
      frame.verb_stance = "asserts";
      frame.verb_first = hit.first_token;
      frame.verb_end = hit.end_token;
      uint32_t t = hit.end_token;
      while (t < s.end() && (s.IsWord(t, "the") || s.IsWord(t, "a") || s.IsWord(t, "an"))) ++t;
      if (int actor_idx = s.ActorAt(t); actor_idx >= 0) {
        Subject subject = FromActor(s, actor_idx);
        frame.source = subject.party;
        frame.is_person = subject.is_person;
        frame.source_first = subject.first;
        frame.source_end = subject.end;
      } else if (const CueHit* anaphor = s.At(t, Cue::kAnaphor)) {
        std::optional<Party> party = coref.Resolve(AnaphorTypes(s.Entry(*anaphor).value));
        if (!party) continue;
        frame.source = *party;
        frame.source_first = anaphor->first_token;
        frame.source_end = anaphor->end_token;
      } else {
        uint32_t end = t;
        while (end < s.end() && s.token(end).kind == text::TokenKind::kWord && end - t < 5) ++end;
        // "according to the press service of the regional governor": the role named first.
        if (const CueHit* role = s.At(t, Cue::kRole); role != nullptr && role->end_token < end &&
                                                      s.IsWord(role->end_token, "of")) {
          end = role->end_token;
        }
        if (end == t) continue;
        Subject subject = FromWords(s, end - 1);
        if (!subject.found) continue;
        frame.source = subject.party;
        frame.source_first = subject.first;
        frame.source_end = subject.end;
        frame.is_person = subject.is_person;
      }
      frame.attributed = true;
      frame.frame = "according-to";
      // The clause is the rest of the sentence around the "according to X" phrase; set off by
      // commas in the middle ("In the first, according to the monitor, a drone ..."), all of it.
      const bool parenthetical = hit.first_token > s.first() && s.IsPunct(hit.first_token - 1, ",") &&
                                 frame.source_end < s.end() && s.IsPunct(frame.source_end, ",");
      if (parenthetical) {
        frame.clause_first = s.first();
        frame.clause_end = s.end();
      } else if (hit.first_token > s.first() + 2) {
        frame.clause_first = s.first();
        frame.clause_end = hit.first_token;
      } else {
        frame.clause_first = frame.source_end;
        frame.clause_end = s.end();
      }
      frames.push_back(std::move(frame));
      break;
    }
  }
  // 3. Nominal reports: "denials from X", "X's statement", "Global Coalition denial".
  for (const CueHit& hit : s.cues()) {
    if (hit.cue != Cue::kReportNoun || s.Entry(hit).value != "denies") continue;
    int actor_idx = -1;
    if (hit.first_token > s.first()) actor_idx = s.ActorAt(hit.first_token - 1);
    uint32_t t = hit.end_token;
    if (actor_idx < 0 && (s.IsWord(t, "from") || s.IsWord(t, "by") || s.IsWord(t, "of"))) {
      ++t;
      while (t < s.end() && (s.IsWord(t, "the") || s.IsWord(t, "a"))) ++t;
      actor_idx = s.ActorAt(t);
    }
    if (actor_idx < 0) continue;
    Subject subject = FromActor(s, actor_idx);
    SourceFrame frame;
    frame.source = subject.party;
    frame.attributed = true;
    frame.verb_stance = "denies";
    frame.verb_first = hit.first_token;
    frame.verb_end = hit.end_token;
    frame.source_first = subject.first;
    frame.source_end = subject.end;
    frame.clause_first = hit.first_token;
    frame.clause_end = hit.end_token;
    frame.frame = "denial-noun";
    frames.push_back(std::move(frame));
  }
  // 4. A quotation with no speaker continues the last one; else the article's own voice.
  if (frames.empty()) {
    SourceFrame frame;
    frame.clause_first = s.first();
    frame.clause_end = s.end();
    if (IsQuote(s, s.first()) && coref.last_source()) {
      frame.source = *coref.last_source();
      frame.attributed = true;
      frame.frame = "quote-continues";
    } else {
      frame.source.name = "unattributed";
      frame.source.party = "unattributed";
      frame.frame = "article-voice";
    }
    frames.push_back(std::move(frame));
  }
  return frames;
}

}  // namespace crosscheck::claims
